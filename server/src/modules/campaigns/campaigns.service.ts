import { createRecordTask } from './record-task';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound, unprocessable, type FieldError } from '../../platform/errors';
import { isPathInScope, isPathWithin, isUuid, requireUnitInScope, scopeKey } from '../../platform/scope';
import { createAccessCache, type AccessCache } from '../../platform/access-cache';
import type { AuditService } from '../audit/audit.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { PlanInput } from './campaign-plan.types';
import { keepScheduleIds, planColumns, type PlanWriter } from './campaign-plan.writer';
import { campaignPolicy } from './campaigns.policy';
import { campaignVisibleTo, type CampaignsRepository, type TaskWithUnits } from './campaigns.repository';
import type { CampaignRow, CampaignStatus } from './campaigns.schema';
import { matchRoles } from './role-matching';
import { pastDeadlineCount, reportDeadlines } from './report-deadlines';
import { todayInChina } from '../../platform/today';
import { hasEnded } from './campaign-plan.rules';
import { findTemplate } from './templates';
import { recordTargets, type RecordTargets } from './record-targets';
import type { ApprovalsService } from '../approvals/approvals.service';
import { CAMPAIGN_ISSUE_KIND, createCampaignIssue, type StatusChange } from './campaign-issue';

export interface CampaignsDeps {
  db: Db;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  planWriter: PlanWriter;
  auditService: AuditService;
  /** Publishing is signed by a 局领导 (campaign-issue.ts). */
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor' | 'forRecord'>;
  /** Campaign paths in a scope, kept for seconds (platform/access-cache.ts); without, none kept. */
  accessCache?: AccessCache;
}

/** The stored plan as the editor's input shape (for copying and deriving). */
export function toPlanInput(
  c: CampaignRow,
  categories: { code: string; label: string; subLabel: string | null }[],
  tasks: TaskWithUnits[],
  participants: string[],
): PlanInput {
  return {
    ...planColumns({ ...c, categories: [], tasks: [], participantUnitIds: [] } as unknown as PlanInput),
    categories: categories.map((x) => ({ code: x.code, label: x.label, subLabel: x.subLabel })),
    tasks: tasks.map((t) => ({
      id: t.id,
      area: t.area,
      title: t.title,
      content: t.content,
      categoryCode: t.categoryCode,
      focusProducts: t.focusProducts,
      focusPlaces: t.focusPlaces,
      focusAreas: t.focusAreas,
      leadUnitIds: t.units.filter((u) => u.role === 'lead').map((u) => u.unitId),
      cooperatingUnitIds: t.units.filter((u) => u.role === 'cooperating').map((u) => u.unitId),
      pendingLeadRoles: t.pendingLeadRoles,
      pendingCooperatingRoles: t.pendingCooperatingRoles,
    })),
    participantUnitIds: participants,
  };
}

export function createCampaignsService(deps: CampaignsDeps) {
  const { db, campaignsRepository: repo, unitsRepository, planWriter, auditService, approvals } = deps;
  const issue = createCampaignIssue({ db, campaignsRepository: repo, auditService, approvals });

  async function issuingUnit(c: CampaignRow): Promise<UnitRow> {
    return (await unitsRepository.findById(db, c.unitId))!;
  }

  /** The campaign if the actor may see it, else 404. */
  async function requireVisible(actor: Actor, id: string): Promise<CampaignRow> {
    const c = isUuid(id) ? await repo.findVisible(db, id, campaignVisibleTo(actor)) : undefined;
    if (!c) throw notFound('专项行动');
    return c;
  }

  /**
   * 上一年度行动 (去年同类行动): an earlier plan of the same issuing unit — not the plan itself nor
   * one of its implementation plans, started before it. 422 naming the field otherwise.
   */
  async function checkPredecessor(
    plan: { predecessorCampaignId?: string | null; startDate: string },
    issuing: UnitRow,
    self?: CampaignRow,
  ) {
    if (!plan.predecessorCampaignId) return;
    const field = 'predecessorCampaignId';
    const p = await repo.findById(db, plan.predecessorCampaignId);
    if (!p) throw unprocessable(field, '上一年度行动不存在');
    if (self && (p.id === self.id || isPathWithin(p.path, self.path)))
      throw unprocessable(field, '上一年度行动不能是本行动或其实施方案');
    if (p.unitId !== issuing.id) throw unprocessable(field, `上一年度行动应为“${issuing.name}”制定的行动`);
    if (p.startDate >= plan.startDate)
      throw unprocessable(field, `上一年度行动应早于本行动开始（其开始日期为 ${p.startDate}）`);
  }

  async function load(id: string) {
    const [categories, tasks, participants] = await Promise.all([
      repo.categories(db, id),
      repo.tasks(db, id),
      repo.participants(db, id),
    ]);
    return { categories, tasks, participants };
  }

  async function view(actor: Actor, c: CampaignRow) {
    const { categories, tasks, participants } = await load(c.id);
    const unit = await issuingUnit(c);
    const parent = c.parentCampaignId ? await repo.findById(db, c.parentCampaignId) : undefined;
    const predecessor = c.predecessorCampaignId ? await repo.findById(db, c.predecessorCampaignId) : undefined;
    const implementations = await repo.children(db, c.id);
    const unitIds = new Set([
      c.unitId,
      ...participants,
      ...tasks.flatMap((t) => t.units.map((u) => u.unitId)),
      ...implementations.map((i) => i.unitId),
    ]);
    if (c.officeUnitId) unitIds.add(c.officeUnitId);
    const named = await unitsRepository.findByIds(db, [...unitIds]);
    const requests = await approvals.forRecord(actor, 'campaign', c.id);
    const signing = requests.some((r) => r.kind === CAMPAIGN_ISSUE_KIND && r.status === 'pending');
    const derivable = named.filter(
      (u) =>
        participants.includes(u.id) &&
        campaignPolicy.canDeriveFor(actor, c, u) &&
        !implementations.some((i) => i.unitId === u.id),
    );
    return {
      ...c,
      ended: hasEnded(c),
      unitName: unit.name,
      parent: parent ? { id: parent.id, name: parent.name, unitId: parent.unitId } : null,
      /** 上一年度行动 (同比, 结转). */
      predecessor: predecessor
        ? { id: predecessor.id, name: predecessor.name, startDate: predecessor.startDate, endDate: predecessor.endDate }
        : null,
      categories,
      tasks: tasks.map(({ units, ...t }) => ({
        ...t,
        leadUnitIds: units.filter((u) => u.role === 'lead').map((u) => u.unitId),
        cooperatingUnitIds: units.filter((u) => u.role === 'cooperating').map((u) => u.unitId),
      })),
      participantUnitIds: participants,
      /** Every report deadline of the plan's schedules, for the 进度安排 timeline. */
      deadlines: reportDeadlines(c),
      /** Deadlines already past today: what publishing the plan now would ask about (补报已过期次). */
      pastPeriods: pastDeadlineCount(c, todayInChina()),
      implementations: implementations.map((i) => ({ id: i.id, name: i.name, unitId: i.unitId, status: i.status })),
      units: named.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId })),
      /** Its 签发 requests (待签发 while one is pending), newest first. */
      approvals: requests,
      can: {
        edit: campaignPolicy.canEdit(actor, c, unit.path),
        changeStatus: !signing && campaignPolicy.canChangeStatus(actor, unit.path),
        /** 发布 a draft: the office (asking for 签发) or a 局领导 of the issuing unit (signing it). */
        publish: c.status === 'draft' && !signing && campaignPolicy.canChangeStatus(actor, unit.path, true),
        /** Publishing is a request a 局领导 signs (the office's); false for a leader, who signs it himself. */
        askIssue: c.status === 'draft' && !campaignPolicy.signsIssue(actor),
        copy: campaignPolicy.canCreateFor(actor, unit),
        deriveFor: derivable.map((u) => u.id),
      },
    };
  }

  /** Creates a campaign (a draft) from a checked plan, in one transaction with its audit entry. */
  async function insert(
    actor: Actor,
    unit: UnitRow,
    plan: PlanInput,
    extra: {
      templateKey?: string;
      parent?: CampaignRow;
      inheritedCategoryCodes?: string[];
      inheritedTasks?: Map<number, string>;
    } = {},
  ) {
    const id = randomUUID();
    return db.transaction(async (tx) => {
      const created = await repo.insert(tx, {
        ...planColumns(plan),
        id,
        unitId: unit.id,
        parentCampaignId: extra.parent?.id ?? null,
        path: `${extra.parent?.path ?? '/'}${id}/`,
        templateKey: extra.templateKey ?? extra.parent?.templateKey ?? null,
        createdBy: actor.userId,
      });
      await planWriter.writeChildren(tx, id, plan, { inheritedCategoryCodes: extra.inheritedCategoryCodes });
      if (extra.inheritedTasks) {
        // Link the derived tasks to the superior's tasks they implement.
        const tasks = await repo.tasks(tx, id);
        await repo.replaceTasks(
          tx,
          id,
          tasks.map((t) => ({ ...t, inheritedFromTaskId: extra.inheritedTasks!.get(t.seq) ?? null })),
        );
      }
      await auditService.record(tx, actor, {
        action: 'campaign.create',
        recordId: id,
        unitId: unit.id,
        after: { ...created, plan },
      });
      return created;
    });
  }

  async function requireCreatableUnit(actor: Actor, unitId: string) {
    const unit = await requireUnitInScope(db, actor, unitId);
    if (unit.kind !== 'bureau' && campaignPolicy.isPlanner(actor))
      throw invalidField('unitId', '行动方案须由局（区县局及以上）制定');
    if (!campaignPolicy.canCreateFor(actor, unit)) throw forbidden('只有专项办或管理员可以制定行动方案');
    return unit;
  }

  /**
   * Where a record (case, lead, inspection) is filed: the handling unit must be active and in the
   * caller's scope, the campaign visible, the category one of the campaign's, and the unit in the
   * issuing unit's subtree or taking part. Answers the unit when it is usable, and every problem on
   * its field.
   */
  async function recordTargetProblems(
    actor: Actor,
    // No category for a record that is not of one (a joint operation).
    target: { unitId: string; campaignId: string; categoryCode?: string },
  ): Promise<{ unit: UnitRow | null; errors: FieldError[] }> {
    const errors: FieldError[] = [];
    const found = isUuid(target.unitId) ? await unitsRepository.findById(db, target.unitId) : undefined;
    const unit = found && found.active && isPathInScope(actor, found.path) ? found : null;
    if (!unit) errors.push({ path: 'unitId', message: '承办单位不存在或不在您的权限范围内' });
    const campaign = isUuid(target.campaignId)
      ? await repo.findVisible(db, target.campaignId, campaignVisibleTo(actor))
      : undefined;
    if (!campaign)
      return { unit, errors: [...errors, { path: 'campaignId', message: '专项行动不存在或不在您的权限范围内' }] };
    const [issuing, participants, categories] = await Promise.all([
      unitsRepository.findById(db, campaign.unitId),
      repo.participants(db, campaign.id),
      repo.categories(db, campaign.id),
    ]);
    if (target.categoryCode !== undefined && !categories.some((c) => c.code === target.categoryCode))
      errors.push({ path: 'categoryCode', message: `违法类型“${target.categoryCode}”不在本行动的违法类型中` });
    if (unit && !(issuing && isPathWithin(unit.path, issuing.path)) && !participants.includes(unit.id))
      errors.push({ path: 'unitId', message: `承办单位“${unit.name}”未参加该专项行动` });
    return { unit, errors };
  }

  /** The units and categories records of a campaign may be filed under, for an import by the actor. */
  async function importTargets(actor: Actor, campaignId: string): Promise<RecordTargets> {
    const campaign = await requireVisible(actor, campaignId);
    const [issuing, participantIds, categories, unitsInScope] = await Promise.all([
      issuingUnit(campaign),
      repo.participants(db, campaign.id),
      repo.categories(db, campaign.id),
      unitsRepository.listInScope(db, actor),
    ]);
    return recordTargets({ campaign, issuing, participantIds, categories, unitsInScope });
  }

  const accessCache = deps.accessCache ?? createAccessCache();

  return {
    requireVisible,
    /**
     * The path of a campaign the actor may see, else 404: what a list filtered by the campaign needs
     * (records.ts listScope), kept for seconds per scope. A campaign's path never changes; who sees
     * it does, and then the change signal makes every process forget.
     */
    requireVisiblePath: (actor: Actor, id: string): Promise<{ path: string }> =>
      accessCache
        .through(`campaign-path:${scopeKey(actor)}:${id}`, async () => ({
          path: (await requireVisible(actor, id)).path,
        }))
        .then((found) => found!),
    /** 上一年度行动 of a campaign (its id), or null: the scorecards' and the 同比 table's source. */
    async findPredecessor(campaignId: string): Promise<string | null> {
      return (await repo.findById(db, campaignId))?.predecessorCampaignId ?? null;
    },
    /** The 重点任务 a case, lead, outing, draw or visit is tagged with, inside its writer's transaction (record-task.ts). */
    recordTask: createRecordTask({ campaignsRepository: repo, unitsRepository }),
    /** The approval kind of 签发, for services.ts to register. */
    approvalKinds: issue.kinds,
    recordTargetProblems,
    importTargets,
    view,
    insert,
    requireCreatableUnit,

    async list(actor: Actor, q: { status?: CampaignStatus; q?: string; page: number; pageSize: number }) {
      const { items, total } = await repo.list(db, {
        visible: campaignVisibleTo(actor),
        status: q.status,
        q: q.q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const names = new Map(
        (await unitsRepository.findByIds(db, [...new Set(items.map((i) => i.unitId))])).map((u) => [u.id, u.name]),
      );
      return {
        items: items.map((c) => ({ ...c, ended: hasEnded(c), unitName: names.get(c.unitId) ?? '' })),
        total,
      };
    },

    async get(actor: Actor, id: string) {
      return view(actor, await requireVisible(actor, id));
    },

    async create(actor: Actor, input: PlanInput & { unitId: string }) {
      const unit = await requireCreatableUnit(actor, input.unitId);
      await planWriter.check(db, input, unit);
      await checkPredecessor(input, unit);
      return view(actor, await insert(actor, unit, input));
    },

    async update(actor: Actor, id: string, input: PlanInput & { version: number }) {
      const c = await requireVisible(actor, id);
      const unit = await issuingUnit(c);
      if (!campaignPolicy.canEdit(actor, c, unit.path))
        throw forbidden(c.status === 'archived' ? '已归档的行动不能修改' : '只有发文单位的专项办可以修改行动方案');
      const before = await load(id);
      const inherited = c.parentCampaignId
        ? { categoryCodes: before.categories.filter((x) => x.inherited).map((x) => x.code), tasks: before.tasks }
        : undefined;
      await planWriter.check(db, input, unit, inherited);
      await checkPredecessor(input, unit, c);
      const plan = { ...input, reportSchedules: keepScheduleIds(c.reportSchedules, input.reportSchedules) };
      const updated = await db.transaction(async (tx) => {
        const row = await repo.update(tx, id, input.version, planColumns(plan));
        if (!row) throw conflict('该方案已被他人修改，请刷新后再试（您的修改尚未保存，可先复制保留）');
        await planWriter.writeChildren(tx, id, input, {
          inheritedCategoryCodes: inherited?.categoryCodes,
          existingTasks: before.tasks,
        });
        await auditService.record(tx, actor, {
          action: 'campaign.update',
          recordId: id,
          unitId: c.unitId,
          before: { ...c, ...before },
          after: { ...row, plan: input },
        });
        return row;
      });
      return view(actor, updated);
    },

    async copy(actor: Actor, id: string) {
      const c = await requireVisible(actor, id);
      const unit = await issuingUnit(c);
      if (!campaignPolicy.canCreateFor(actor, unit)) throw forbidden('只有发文单位的专项办可以复制行动方案');
      const { categories, tasks, participants } = await load(id);
      const plan = toPlanInput(c, categories, tasks, participants);
      plan.tasks = plan.tasks.map(({ id: _id, ...t }) => t);
      plan.name = `${c.name}（副本）`;
      return view(actor, await insert(actor, unit, plan, { templateKey: c.templateKey ?? undefined }));
    },

    /**
     * Publishes (active) or archives. The first publication is dated; `owesPastPeriods` says whether
     * units owe the reports that fell due before it (default: not, see owedAfterPublication).
     */
    async setStatus(actor: Actor, id: string, input: StatusChange) {
      const c = await requireVisible(actor, id);
      const unit = await issuingUnit(c);
      const publishing = input.status === 'active' && c.status === 'draft';
      if (!campaignPolicy.canChangeStatus(actor, unit.path, publishing))
        throw forbidden('只有发文单位的专项办可以发布或归档行动（局领导可签发）');
      if (input.status === 'active') await issue.checkPublishable(db, id);
      if (await issue.pending(db, id)) throw conflict('方案已提交签发，请等待局领导审批或撤回后再办理');
      // 签发: the office's publication is a request a 局领导 of the issuing unit signs (campaign-issue.ts).
      if (publishing && !campaignPolicy.signsIssue(actor)) {
        await issue.request(actor, c, input);
        return view(actor, c);
      }
      const updated = await db.transaction((tx) => issue.writeStatusIn(tx, actor, c, input));
      // Read after commit: on PGlite a read outside the transaction would wait for it.
      return view(actor, updated);
    },

    /** A bureau below derives its implementation plan (实施方案): same categories and tasks, its own units. */
    async deriveImplementation(actor: Actor, parentId: string, unitId: string) {
      const parent = await requireVisible(actor, parentId);
      const unit = await requireUnitInScope(db, actor, unitId);
      if (!campaignPolicy.canDeriveFor(actor, parent, unit))
        throw forbidden('只有参加本行动的下级局的专项办可以制定实施方案');
      const { categories, tasks, participants } = await load(parentId);
      if (!participants.includes(unit.id)) throw invalidField('unitId', `“${unit.name}”不是本行动的参加单位`);
      if ((await repo.children(db, parentId)).some((x) => x.unitId === unit.id))
        throw invalidField('unitId', `“${unit.name}”已经制定了实施方案`);
      const subtree = await unitsRepository.listSubtree(db, unit.path);
      const parentUnitNames = new Map(
        (
          await unitsRepository.findByIds(
            db,
            tasks.flatMap((t) => t.units.map((u) => u.unitId)),
          )
        ).map((u) => [u.id, u.name]),
      );
      const base = toPlanInput(parent, categories, tasks, []);
      const template = parent.templateKey ? findTemplate(parent.templateKey) : undefined;
      const plan: PlanInput = {
        ...base,
        name: `${unit.name}${parent.name.replace(/^.*?(市场监督管理局|市场监管局)/, '')}实施方案`,
        docNumber: null,
        issuingOrgan: unit.name,
        issueDate: null,
        basis: [`${parent.issuingOrgan}《${parent.name}》${parent.docNumber ? `（${parent.docNumber}）` : ''}`],
        leadership: [],
        officeUnitId: null,
        predecessorCampaignId: null,
        workPlanDeadline: null,
        participantUnitIds: subtree.map((u) => u.id),
        tasks: tasks.map((t) => {
          // The roles the superior's plan printed (its template's), then the units it assigned.
          const printed = template?.plan.tasks.find((x) => x.title === t.title);
          const roleNames = (role: 'lead' | 'cooperating', pending: string[]) => {
            const roles = [
              ...(role === 'lead' ? (printed?.leadRoles ?? []) : (printed?.cooperatingRoles ?? [])),
              ...pending,
            ];
            const assigned = t.units
              .filter((u) => u.role === role && u.unitId !== unit.id)
              .map((u) => parentUnitNames.get(u.unitId) ?? '');
            return [...new Set(roles.length ? roles : assigned)].filter((x) => x && x !== unit.name);
          };
          const lead = matchRoles(roleNames('lead', t.pendingLeadRoles), subtree);
          const coop = matchRoles(roleNames('cooperating', t.pendingCooperatingRoles), subtree);
          return {
            area: t.area,
            title: t.title,
            content: t.content,
            categoryCode: t.categoryCode,
            focusProducts: t.focusProducts,
            focusPlaces: t.focusPlaces,
            focusAreas: t.focusAreas,
            leadUnitIds: lead.unitIds,
            cooperatingUnitIds: coop.unitIds.filter((u) => !lead.unitIds.includes(u)),
            pendingLeadRoles: lead.pending,
            pendingCooperatingRoles: coop.pending,
          };
        }),
      };
      const created = await insert(actor, unit, plan, {
        parent,
        inheritedCategoryCodes: categories.map((x) => x.code),
        inheritedTasks: new Map(tasks.map((t, i) => [i, t.id])),
      });
      return view(actor, created);
    },
  };
}

export type CampaignsService = ReturnType<typeof createCampaignsService>;
