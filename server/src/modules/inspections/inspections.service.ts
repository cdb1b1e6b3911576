import type { Db } from '../../db/database';
import type { InspectionSort } from './inspection.types';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, invalidField, unprocessable, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { scopeKey } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { LeadsService } from '../leads/leads.service';
import type { MarketEntitiesService } from '../market-entities/market-entities.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UserLineCheck } from '../users/user-line';
import type { InspectionFacts } from '../rollups/rollup-contributions';
import type { Change } from '../rollups/rollups.service';
import { ENTITY_RESULT_LABELS, INSPECTION_TYPE_LABELS, type InspectionInput } from './inspection.types';
import { inspectionPolicy } from './inspections.policy';
import type { InspectionFilters, InspectionsRepository } from './inspections.repository';
import { inspections, type InspectionRow, type InspectionType } from './inspections.schema';
import { todayInChina } from '../../platform/today';
import { createPagedTotals } from '../../platform/paged-totals';

export interface InspectionListQuery {
  campaignId?: string;
  unitId?: string;
  categoryCode?: string;
  inspectionType?: InspectionType;
  from?: string;
  to?: string;
}

/** 执法检查: the outings of the field work behind the figures, their totals, and the leads they open. */
export function createInspectionsService(deps: {
  db: Db;
  inspectionsRepository: InspectionsRepository;
  campaignsService: CampaignsService;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  leadsService: LeadsService;
  /** 检查对象: the register's entities an outing names, and the new ones it registers. */
  marketEntities: Pick<MarketEntitiesService, 'prepareOutingEntities'>;
  userLine: UserLineCheck;
  auditService: AuditService;
  rollups: { recordInspections(tx: Db, changes: Change<InspectionFacts>[]): Promise<void> };
  /** How many 责令整改 the rectifications module holds for an outing (its 责令整改份数 may not go below). */
  orderedRectifications?: (db: Db, inspectionId: string) => Promise<number>;
  today?: () => string;
}) {
  const {
    db,
    inspectionsRepository: repo,
    campaignsService,
    campaignsRepository,
    unitsRepository,
    leadsService,
    marketEntities,
    userLine,
    auditService,
    rollups,
  } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  async function filtersFor(actor: Actor, q: InspectionListQuery): Promise<InspectionFilters> {
    return {
      ...(await records.listScope(actor, inspections.unitId, q)),
      categoryCode: q.categoryCode,
      inspectionType: q.inspectionType,
      from: q.from,
      to: q.to,
    };
  }

  async function views(rows: InspectionRow[]) {
    const [units, seizures, { names, labels }] = await Promise.all([
      unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]),
      repo.seizures(
        db,
        rows.map((r) => r.id),
      ),
      campaignsRepository.namesAndCategories(db, [...new Set(rows.map((r) => r.campaignId))]),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    return rows.map((r) => ({
      ...r,
      unitName: unitNames.get(r.unitId) ?? '',
      campaignName: names.get(r.campaignId) ?? '',
      categoryLabel: labels.get(`${r.campaignId}:${r.categoryCode}`) ?? r.categoryCode,
      inspectionTypeLabel: INSPECTION_TYPE_LABELS[r.inspectionType],
      rapidTestPassed: r.rapidTestBatches - r.rapidTestFailed,
      samplingPassed: r.samplingBatches - r.samplingFailed,
      seizures: seizures
        .filter((s) => s.inspectionId === r.id)
        .map((s) => ({ goods: s.goods, quantity: s.quantity, unit: s.unit })),
    }));
  }

  async function requireVisible(actor: Actor, id: string): Promise<{ row: InspectionRow; unit: UnitRow }> {
    return records.requireRecord(actor, id, '检查记录', inspections.unitId, (id, scope) =>
      repo.findVisible(db, id, scope),
    );
  }

  async function detail(actor: Actor, row: InspectionRow, unit: UnitRow) {
    const [[view], entities] = await Promise.all([views([row]), repo.entities(db, row.id)]);
    const canRecord = inspectionPolicy.canRecord(actor, unit.path);
    return {
      ...view,
      entities: entities.map((e) => ({ ...e, resultLabel: ENTITY_RESULT_LABELS[e.result] })),
      can: { edit: canRecord, openLead: canRecord && !row.leadId },
    };
  }

  /** Every problem with an outing's references, each on its field; throws 400 listing them. */
  async function check(actor: Actor, input: InspectionInput): Promise<UnitRow> {
    const target = await campaignsService.recordTargetProblems(actor, input);
    const errors: FieldError[] = [...target.errors];
    if (input.inspectionDate > today()) errors.push({ path: 'inspectionDate', message: '检查日期不能晚于今天' });
    if (target.unit) {
      for (const [i, id] of input.inspectorIds.entries()) {
        const problem = await userLine(id, target.unit, '执法人员');
        if (problem) errors.push({ path: `inspectorIds.${i}`, message: problem });
      }
    }
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
    return target.unit!;
  }

  const columns = (input: InspectionInput) => {
    const { seizures, entities: _entities, inspectionType, ...rest } = input;
    return {
      fields: { ...rest, ...(inspectionType ? { inspectionType } : {}) },
      seizures: seizures.map((s, seq) => ({ ...s, seq })),
    };
  };

  /**
   * The entities an outing names, checked before its transaction (检查家次 covers them; each of
   * the register within the outing unit's subtree, each new one with a valid free credit code).
   */
  async function prepareEntities(
    actor: Actor,
    input: InspectionInput,
    unit: UnitRow,
    stored: { entityId: string; result: 'no_problem' | 'problem'; finding: string | null }[] = [],
    unitChanged = false,
  ) {
    // Left out of an edit: kept as they are, and checked again when the outing moves to another unit.
    const rows = input.entities ?? (unitChanged && stored.length ? stored : undefined);
    const named = rows?.length ?? stored.length;
    if (input.entitiesInspected < named)
      throw unprocessable(
        'entitiesInspected',
        `检查家次（${input.entitiesInspected}）不能少于列出的检查对象数（${named}）`,
      );
    return rows ? marketEntities.prepareOutingEntities(actor, unit, rows) : undefined;
  }

  const pageWithTotal = createPagedTotals();

  return {
    /** A page of outings and how many match (pages after the first reuse page 1's count for 30 s). */
    async list(actor: Actor, q: InspectionListQuery & { page: number; pageSize: number; sort?: InspectionSort }) {
      const filters = await filtersFor(actor, q);
      const { page, pageSize, sort, ...filterQuery } = q;
      const key = [scopeKey(actor), filterQuery];
      const { items, ...total } = await pageWithTotal(
        key,
        page,
        () => repo.page(db, { ...filters, sort, limit: pageSize, offset: (page - 1) * pageSize }),
        () => repo.count(db, filters),
      );
      return { items: await views(items), ...total };
    },

    /** 合计 per unit and category over the filtered outings, with the grand total. */
    async totals(actor: Actor, q: InspectionListQuery) {
      const rows = await repo.totals(db, await filtersFor(actor, q));
      const [units, campaign] = await Promise.all([
        unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]),
        q.campaignId ? campaignsRepository.categories(db, q.campaignId) : Promise.resolve([]),
      ]);
      const unitNames = new Map(units.map((u) => [u.id, u.name]));
      const labels = new Map(campaign.map((c) => [c.code, c.label]));
      const keys = [
        'outings',
        'staffDeployed',
        'vehicles',
        'entitiesInspected',
        'unlicensedBanned',
        'rapidTestBatches',
        'rapidTestFailed',
        'samplingBatches',
        'samplingFailed',
        'rectificationOrders',
      ] as const;
      const total = Object.fromEntries(keys.map((k) => [k, rows.reduce((s, r) => s + r[k], 0)])) as Record<
        (typeof keys)[number],
        number
      >;
      return {
        rows: rows
          .map((r) => ({
            ...r,
            unitName: unitNames.get(r.unitId) ?? '',
            categoryLabel: labels.get(r.categoryCode) ?? r.categoryCode,
          }))
          .sort(
            (a, b) =>
              a.unitName.localeCompare(b.unitName, 'zh') || a.categoryLabel.localeCompare(b.categoryLabel, 'zh'),
          ),
        total,
      };
    },

    /** An outing in the actor's scope with its unit, or 404 (its photos and files ask this). */
    requireVisible,

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return detail(actor, row, unit);
    },

    async create(actor: Actor, input: InspectionInput) {
      const unit = await check(actor, input);
      if (!inspectionPolicy.canRecord(actor, unit.path))
        throw forbidden('只有办案人员、专项办或管理员可以登记检查记录');
      const named = await prepareEntities(actor, input, unit);
      const { fields, seizures } = columns(input);
      const row = await db.transaction(async (tx) => {
        const taskId = await campaignsService.recordTask.forCreate(tx, input);
        const created = await repo.insert(tx, { ...fields, taskId, createdBy: actor.userId }, seizures);
        const entities = named ? await named.write(tx) : [];
        await repo.setEntities(tx, created.id, entities);
        await rollups.recordInspections(tx, [{ before: null, after: created }]);
        await auditService.record(tx, actor, {
          action: 'inspection.create',
          recordId: created.id,
          unitId: created.unitId,
          after: { ...created, seizures, entities },
        });
        return created;
      });
      return detail(actor, row, unit);
    },

    async update(actor: Actor, id: string, input: InspectionInput & { version: number }) {
      const { row: before, unit: current } = await requireVisible(actor, id);
      if (!inspectionPolicy.canRecord(actor, current.path))
        throw forbidden('只有办案人员、专项办或管理员可以修改检查记录');
      const unit = await check(actor, input);
      const storedEntities = await repo.entities(db, id);
      const named = await prepareEntities(actor, input, unit, storedEntities, unit.id !== before.unitId);
      const ordered = (await deps.orderedRectifications?.(db, id)) ?? 0;
      if (input.rectificationOrders < ordered)
        throw unprocessable(
          'rectificationOrders',
          `本次检查已下达${ordered}份责令整改，责令整改份数不能少于${ordered}`,
        );
      const { version, ...rest } = input;
      const { fields, seizures } = columns(rest);
      fields.taskId = await campaignsService.recordTask.forUpdate(db, input);
      const row = await db.transaction(async (tx) => {
        const updated = await repo.update(tx, id, version, fields, seizures);
        if (!updated) throw conflict('检查记录已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
        const entities = named ? await named.write(tx) : undefined;
        if (entities) await repo.setEntities(tx, id, entities);
        await rollups.recordInspections(tx, [{ before, after: updated }]);
        await auditService.record(tx, actor, {
          action: 'inspection.update',
          recordId: id,
          unitId: updated.unitId,
          before: { ...before, entities: storedEntities },
          after: { ...updated, seizures, ...(entities ? { entities } : {}) },
        });
        return updated;
      });
      return detail(actor, row, unit);
    },

    /** A finding opens a lead (source 监督检查) in one step; the outing keeps the link. */
    async openLead(
      actor: Actor,
      id: string,
      input: { partyName: string; description?: string | null; important: boolean; version: number },
    ) {
      const { row, unit } = await requireVisible(actor, id);
      if (!inspectionPolicy.canRecord(actor, unit.path))
        throw forbidden('只有办案人员、专项办或管理员可以由检查发现登记线索');
      if (row.leadId) throw invalidField('partyName', '该检查记录已登记过线索');
      const description = input.description?.trim() || row.findings;
      if (!description) throw invalidField('description', '请填写线索内容（检查发现）');
      const { insert } = await leadsService.prepareRegistration(actor, {
        unitId: row.unitId,
        campaignId: row.campaignId,
        categoryCode: row.categoryCode,
        source: 'inspection',
        sourceNumber: null,
        receivedDate: row.inspectionDate,
        partyName: input.partyName,
        description,
        complainantName: null,
        complainantPhone: null,
        complainantIdNumber: null,
        important: input.important,
        handlerIds: row.inspectorIds.length ? row.inspectorIds : undefined,
      });
      const leadId = await db.transaction(async (tx) => {
        const lead = await insert(tx);
        const updated = await repo.update(tx, id, input.version, { leadId: lead.id });
        if (!updated) throw conflict('检查记录已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'inspection.update',
          recordId: id,
          unitId: row.unitId,
          before: row,
          after: updated,
        });
        return lead.id;
      });
      return { leadId };
    },
  };
}

export type InspectionsService = ReturnType<typeof createInspectionsService>;
