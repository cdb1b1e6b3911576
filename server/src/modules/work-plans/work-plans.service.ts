import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { storedFile, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { conflict, forbidden, invalidField, notFound, unprocessable } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathInScope, isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import { loadPlanAudience } from '../reports/plan-audience';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import { filedLate, WORK_PLAN_BOARD_LABELS, workPlanBoardStatus } from './work-plan-status';
import { workPlanPolicy } from './work-plans.policy';
import type { WorkPlanListRow, WorkPlansRepository } from './work-plans.repository';
import type { UnitWorkPlanInsert, UnitWorkPlanRow } from './work-plans.schema';

export interface WorkPlanInput {
  title: string;
  summary: string;
}

/**
 * 工作实施计划备案 (seed 003): each unit owing the plan (reports/owing-units.ts) files its own
 * 工作实施计划 with the plan's office by the plan's `workPlanDeadline`; the office acknowledges it
 * (已备案) or returns it with its reason, and the unit refiles. Each write with its audit entry in
 * one transaction; `version` answers 409 when someone changed the plan first.
 */
export function createWorkPlansService(deps: {
  db: Db;
  workPlansRepository: WorkPlansRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  campaignsRepository: Pick<CampaignsRepository, 'participants'>;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  now?: () => Date;
}) {
  const { db, workPlansRepository: repo, campaignsService, unitsRepository, auditService } = deps;
  const now = deps.now ?? (() => new Date());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  /** The units owing the plan, in tree order, each named as the boards name it, and the issuer's path. */
  const audience = (campaign: Pick<CampaignRow, 'id' | 'unitId'>) => loadPlanAudience(db, deps, campaign);

  const view = (actor: Actor, r: WorkPlanListRow, unitPath: string, issuerPath: string) => ({
    id: r.id,
    campaignId: r.campaignId,
    unitId: r.unitId,
    title: r.title,
    summary: r.summary,
    status: r.status,
    filedBy: r.filedBy,
    filedByName: r.filedByName,
    filedAt: r.filedAt,
    reviewedByName: r.reviewedByName,
    reviewedAt: r.reviewedAt,
    returnReason: r.returnReason,
    file: r.fileId ? { id: r.fileId, fileName: r.fileName!, sizeBytes: r.fileSize! } : null,
    version: r.version,
    can: {
      refile: r.status !== 'acknowledged' && workPlanPolicy.canFile(actor, unitPath),
      review: r.status === 'filed' && workPlanPolicy.canReview(actor, issuerPath),
    },
  });

  /** A filed plan the actor sees (its unit in scope, or the actor reviews the plan), with its campaign: 404 otherwise. */
  async function requirePlan(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.find(db, id) : undefined;
    if (!row) throw notFound('工作实施计划');
    const campaign = await campaignsService.requireVisible(actor, row.campaignId).catch(() => {
      throw notFound('工作实施计划');
    });
    const unit = (await unitsRepository.findById(db, row.unitId))!;
    const { issuerPath, owing } = await audience(campaign);
    if (!isPathInScope(actor, unit.path) && !isPathInScope(actor, issuerPath)) throw notFound('工作实施计划');
    return { row, unit, campaign, issuerPath, owing };
  }

  function requireAsked(campaign: CampaignRow) {
    if (!campaign.workPlanDeadline)
      throw unprocessable('workPlanDeadline', '本行动方案未要求报送工作实施计划（未设工作实施计划报送截止日期）');
  }

  const fields = (input: WorkPlanInput) => {
    const title = input.title.trim();
    const summary = input.summary.trim();
    if (!title) throw invalidField('title', '请填写计划名称');
    if (!summary) throw invalidField('summary', '请填写主要内容');
    return { title, summary };
  };

  async function change(
    actor: Actor,
    row: UnitWorkPlanRow,
    version: number,
    patch: Partial<UnitWorkPlanInsert>,
    action: 'work_plan.refile' | 'work_plan.acknowledge' | 'work_plan.return',
  ) {
    await db.transaction(async (tx) => {
      const updated = await repo.update(tx, row.id, version, patch);
      if (!updated) throw conflict('该工作实施计划已被他人修改或已办理，请刷新后查看（您填写的内容仍保留在页面上）');
      await auditService.record(tx, actor, {
        action,
        recordId: row.id,
        unitId: row.unitId,
        before: row,
        after: updated,
      });
    });
  }

  const stored = (r: WorkPlanListRow): UnitWorkPlanRow => {
    const { filedByName: _f, reviewedByName: _r, fileId: _i, fileName: _n, fileSize: _s, ...row } = r;
    return row;
  };

  return {
    /**
     * 备案 board: every owing unit in the caller's sight (the office: all; a unit: its subtree) with
     * 已报送 / 逾期未报 / 未到期 / 已备案 against the plan's deadline (Beijing day), its plan and what the caller may do.
     */
    async board(actor: Actor, campaignId: string) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const { owing, issuerPath } = await audience(campaign);
      const reviews = workPlanPolicy.canReview(actor, issuerPath);
      const plans = new Map((await repo.ofCampaign(db, campaign.id)).map((p) => [p.unitId, p]));
      const today = todayInChina(now());
      const deadline = campaign.workPlanDeadline;
      const items = owing
        .filter((o) => reviews || isPathInScope(actor, o.unit.path))
        .map(({ unit, unitLabel }) => {
          const plan = plans.get(unit.id);
          const status = workPlanBoardStatus(plan, deadline, today);
          return {
            unitId: unit.id,
            unitLabel,
            status,
            statusLabel: WORK_PLAN_BOARD_LABELS[status],
            returned: plan?.status === 'returned',
            late: plan ? filedLate(todayInChina(plan.filedAt), deadline) : false,
            plan: plan ? view(actor, plan, unit.path, issuerPath) : null,
            canFile: !plan && Boolean(deadline) && workPlanPolicy.canFile(actor, unit.path),
          };
        });
      const counts = { acknowledged: 0, filed: 0, overdue: 0, notDue: 0 };
      for (const i of items) counts[i.status]++;
      return { deadline, today, items, counts, canReview: reviews };
    },

    /** 报送: a unit owing the plan files its 工作实施计划 (once; afterwards it refiles the same one). */
    async file(actor: Actor, campaignId: string, input: WorkPlanInput & { unitId: string }, history?: { at: Date }) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const unit = await records.requireUnit(actor, input.unitId, '报送单位');
      if (!workPlanPolicy.canFile(actor, unit.path))
        throw forbidden('只有本单位的联络员、专项办或局领导可以报送工作实施计划');
      if (await repo.findFor(db, campaign.id, unit.id))
        throw conflict(`“${unit.name}”已报送工作实施计划，请在原计划上修改后重新报送`);
      requireAsked(campaign);
      const { owing } = await audience(campaign);
      if (!owing.some((o) => o.unit.id === unit.id))
        throw invalidField('unitId', `“${unit.name}”不向本行动方案的专项办报送工作实施计划`);
      const data = fields(input);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          ...data,
          campaignId: campaign.id,
          unitId: unit.id,
          status: 'filed',
          filedBy: actor.userId,
          filedAt: history?.at ?? now(),
        });
        await auditService.record(tx, actor, {
          action: 'work_plan.file',
          recordId: row.id,
          unitId: unit.id,
          after: row,
        });
        return row;
      });
      return this.get(actor, created.id);
    },

    async get(actor: Actor, id: string) {
      const { row, unit, issuerPath } = await requirePlan(actor, id);
      return view(actor, row, unit.path, issuerPath);
    },

    /** 重新报送: the unit changes its plan (a returned one, or one still waiting); back to 待备案. */
    async refile(actor: Actor, id: string, input: WorkPlanInput & { version: number }) {
      const { row, unit } = await requirePlan(actor, id);
      if (!workPlanPolicy.canFile(actor, unit.path))
        throw forbidden('只有本单位的联络员、专项办或局领导可以修改工作实施计划');
      if (row.status === 'acknowledged') throw conflict('该工作实施计划已备案，不能再修改');
      const data = fields(input);
      await change(
        actor,
        stored(row),
        input.version,
        { ...data, status: 'filed', filedBy: actor.userId, filedAt: now(), returnReason: null },
        'work_plan.refile',
      );
      return this.get(actor, id);
    },

    /** The plan's document (replaces the one attached before; locked once 已备案). */
    async attach(actor: Actor, id: string, file: UploadedFile, history?: { at: Date }) {
      const { row, unit } = await requirePlan(actor, id);
      if (!workPlanPolicy.canFile(actor, unit.path))
        throw forbidden('只有本单位的联络员、专项办或局领导可以上传工作实施计划');
      if (row.status === 'acknowledged') throw conflict('该工作实施计划已备案，附件不能再更换');
      const checked = storedFile(actor, file);
      await db.transaction(async (tx) => {
        const saved = await repo.putFile(tx, row.id, { ...checked, uploadedAt: history?.at });
        await auditService.record(tx, actor, {
          action: 'work_plan.attach',
          recordId: row.id,
          unitId: row.unitId,
          after: withoutContent(saved),
        });
      });
      return this.get(actor, id);
    },

    async download(actor: Actor, id: string) {
      const { row } = await requirePlan(actor, id);
      const file = await repo.file(db, row.id);
      if (!file) throw notFound('附件');
      return file;
    },

    /** 备案: the plan's office acknowledges a filed plan. */
    async acknowledge(actor: Actor, id: string, input: { version: number }, history?: { at: Date }) {
      const { row, issuerPath } = await requirePlan(actor, id);
      if (!workPlanPolicy.canReview(actor, issuerPath))
        throw forbidden('只有行动牵头单位的专项办可以办理工作实施计划备案');
      if (row.status !== 'filed') throw conflict('该工作实施计划不在待备案状态');
      await change(
        actor,
        stored(row),
        input.version,
        { status: 'acknowledged', reviewedBy: actor.userId, reviewedAt: history?.at ?? now() },
        'work_plan.acknowledge',
      );
      return this.get(actor, id);
    },

    /** 退回: the office returns a filed plan with its reason; the unit refiles. */
    async return(actor: Actor, id: string, input: { reason: string; version: number }) {
      const { row, issuerPath } = await requirePlan(actor, id);
      if (!workPlanPolicy.canReview(actor, issuerPath)) throw forbidden('只有行动牵头单位的专项办可以退回工作实施计划');
      if (row.status !== 'filed') throw conflict('该工作实施计划不在待备案状态');
      const reason = input.reason.trim();
      if (!reason) throw invalidField('reason', '请填写退回理由');
      await change(
        actor,
        stored(row),
        input.version,
        { status: 'returned', returnReason: reason, reviewedBy: actor.userId, reviewedAt: now() },
        'work_plan.return',
      );
      return this.get(actor, id);
    },

    /** For the inbox: the owing units' view of the campaigns asking a unit for its plan. */
    async owedBy(unit: UnitRow, campaignIds: { id: string; unitId: string }[]) {
      const out: string[] = [];
      for (const c of campaignIds) if ((await audience(c)).owing.some((o) => o.unit.id === unit.id)) out.push(c.id);
      return out;
    },
  };
}

export type WorkPlansService = ReturnType<typeof createWorkPlansService>;
