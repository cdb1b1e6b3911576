import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { AuthorityKind } from '../../platform/authorities';
import { AppError, conflict, forbidden, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { jointOperationPolicy } from './joint-operations.policy';
import type { JointOperationFilters, JointOperationsRepository } from './joint-operations.repository';
import { totalsOf } from './joint-operation-totals';
import {
  JOINT_OPERATION_KIND_LABELS,
  jointOperations,
  type JointLead,
  type JointOperationKind,
  type JointOperationRow,
} from './joint-operations.schema';

/** What the recording unit writes; an action's figures and a meeting's attendees and decisions. */
export interface JointOperationInput {
  unitId: string;
  campaignId: string;
  taskId?: string | null;
  kind: JointOperationKind;
  title: string;
  startDate: string;
  endDate?: string | null;
  departments: AuthorityKind[];
  departmentNames?: string | null;
  leadDepartment: JointLead;
  location?: string | null;
  content: string;
  results?: string | null;
  staffDeployed?: number;
  entitiesInspected?: number;
  problemsFound?: number;
  casesFiled?: number;
  attendees?: string | null;
  decisions?: string | null;
}

export interface JointOperationListQuery {
  campaignId?: string;
  unitId?: string;
  kind?: JointOperationKind;
  from?: string;
  to?: string;
}

/**
 * 联合执法 and 联席会议 (issue 20; seeds 002, 003, 004): a unit's joint actions and meetings with other
 * departments for a campaign, listed in scope with their totals; each write and its audit entry in
 * one transaction.
 */
export function createJointOperationsService(deps: {
  db: Db;
  jointOperationsRepository: JointOperationsRepository;
  campaignsService: CampaignsService;
  campaignsRepository: Pick<CampaignsRepository, 'namesAndCategories'>;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  today?: () => string;
}) {
  const { db, jointOperationsRepository: repo, campaignsService, campaignsRepository, unitsRepository } = deps;
  const { auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  async function filtersFor(actor: Actor, q: JointOperationListQuery): Promise<JointOperationFilters> {
    return { ...(await records.listScope(actor, jointOperations.unitId, q)), kind: q.kind, from: q.from, to: q.to };
  }

  async function views(rows: JointOperationRow[]) {
    const [units, { names }] = await Promise.all([
      unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]),
      campaignsRepository.namesAndCategories(db, [...new Set(rows.map((r) => r.campaignId))]),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      ...r,
      unitName: unitNames.get(r.unitId) ?? '',
      campaignName: names.get(r.campaignId) ?? '',
      kindLabel: JOINT_OPERATION_KIND_LABELS[r.kind],
    }));
  }

  async function detail(actor: Actor, row: JointOperationRow, unit: UnitRow) {
    const [view] = await views([row]);
    return { ...view, can: { edit: jointOperationPolicy.canEdit(actor, row, unit.path) } };
  }

  const requireVisible = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '联合执法记录', jointOperations.unitId, (id, scope) =>
      repo.findVisible(db, id, scope),
    );

  /** Every problem with the input, each on its field: 422 listing them. */
  async function check(actor: Actor, input: JointOperationInput): Promise<UnitRow> {
    const target = await campaignsService.recordTargetProblems(actor, input);
    const errors: FieldError[] = [...target.errors];
    if (input.departments.length === 0)
      errors.push({ path: 'departments', message: '会同部门：请至少选择一个联合执法或参会的部门' });
    if (new Set(input.departments).size !== input.departments.length)
      errors.push({ path: 'departments', message: '会同部门：同一部门只能选择一次' });
    if (input.leadDepartment !== 'self' && !input.departments.includes(input.leadDepartment))
      errors.push({ path: 'leadDepartment', message: '牵头部门应为本单位或所选会同部门之一' });
    if (input.startDate > today()) errors.push({ path: 'startDate', message: '开始日期不能晚于今天' });
    if (input.endDate && input.endDate < input.startDate)
      errors.push({ path: 'endDate', message: '结束日期不能早于开始日期' });
    if (errors.length) throw new AppError(422, '无法办理', errors.map((e) => e.message).join('；'), errors);
    return target.unit!;
  }

  /** The stored columns: an action keeps its figures, a meeting its attendees and decisions (the other side's are cleared). */
  function columns(input: JointOperationInput) {
    const action = input.kind === 'joint_action';
    return {
      unitId: input.unitId,
      campaignId: input.campaignId,
      kind: input.kind,
      title: input.title,
      startDate: input.startDate,
      endDate: input.endDate || null,
      departments: input.departments,
      departmentNames: input.departmentNames || null,
      leadDepartment: input.leadDepartment,
      location: input.location || null,
      content: input.content,
      results: input.results || null,
      staffDeployed: action ? (input.staffDeployed ?? 0) : 0,
      entitiesInspected: action ? (input.entitiesInspected ?? 0) : 0,
      problemsFound: action ? (input.problemsFound ?? 0) : 0,
      casesFiled: action ? (input.casesFiled ?? 0) : 0,
      attendees: action ? null : input.attendees || null,
      decisions: action ? null : input.decisions || null,
    };
  }

  return {
    /** A page of operations (newest first) and how many match, with the totals of every match. */
    async list(actor: Actor, q: JointOperationListQuery & { page: number; pageSize: number }) {
      const filters = await filtersFor(actor, q);
      const [items, count, sums] = await Promise.all([
        repo.page(db, { ...filters, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.count(db, filters),
        repo.sums(db, filters),
      ]);
      return { items: await views(items), ...count, totals: totalsOf(sums) };
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return detail(actor, row, unit);
    },

    async create(actor: Actor, input: JointOperationInput) {
      const unit = await check(actor, input);
      if (!jointOperationPolicy.canRecord(actor, unit.path))
        throw forbidden('只有该单位的专项办、局领导、办案人员或联络员可以登记联合执法');
      const row = await db.transaction(async (tx) => {
        const taskId = await campaignsService.recordTask.forCreate(tx, { ...input, categoryCode: null });
        const created = await repo.insert(tx, { ...columns(input), taskId, createdBy: actor.userId });
        await auditService.record(tx, actor, {
          action: 'joint_operation.create',
          recordId: created.id,
          unitId: created.unitId,
          after: created,
        });
        return created;
      });
      return detail(actor, row, unit);
    },

    async update(actor: Actor, id: string, input: JointOperationInput & { version: number }) {
      const { row: before, unit: current } = await requireVisible(actor, id);
      if (!jointOperationPolicy.canEdit(actor, before, current.path))
        throw forbidden('只有登记人或专项办、局领导可以修改联合执法记录');
      const unit = await check(actor, input);
      if (!jointOperationPolicy.canEdit(actor, before, unit.path)) throw forbidden('您不能把联合执法记录改到该单位');
      const row = await db.transaction(async (tx) => {
        const taskId = await campaignsService.recordTask.forUpdate(tx, { ...input, categoryCode: null });
        const updated = await repo.update(tx, id, input.version, { ...columns(input), taskId });
        if (!updated) throw conflict('联合执法记录已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
        await auditService.record(tx, actor, {
          action: 'joint_operation.update',
          recordId: id,
          unitId: updated.unitId,
          before,
          after: updated,
        });
        return updated;
      });
      return detail(actor, row, unit);
    },
  };
}

export type JointOperationsService = ReturnType<typeof createJointOperationsService>;
