import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isUuid, unitIdInScopeOrNamed, unitIdInScopeWithin } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import { CHECK_RESULT_LABELS, RISK_LABELS, type DrawInput, type ResultInput } from './random-check.types';
import { randomCheckPolicy } from './random-checks.policy';
import type { RandomChecksRepository } from './random-checks.repository';
import { marketEntities, randomDraws, type RandomDrawRow } from './random-checks.schema';
import { todayInChina } from '../../platform/today';
import { DRAW_ALGORITHM, newDrawSeed, runDraw, verifyDraw, type RunDrawInput } from './random-draw';

/**
 * The period of a KPI that holds `today` (a day outside the campaign's dates moves to its nearest
 * one): its calendar year, its calendar month or the whole campaign. The KPI cards show the current
 * one; the kpis module lists them all (kpi-periods.ts).
 */
export function currentPeriod(
  c: { startDate: string; endDate: string },
  period: 'year' | 'month' | 'campaign',
  today: string,
): { label: string; from: string; to: string } {
  if (period === 'campaign') return { label: '全程', from: c.startDate, to: c.endDate };
  const day = today < c.startDate ? c.startDate : today > c.endDate ? c.endDate : today;
  const year = day.slice(0, 4);
  if (period === 'year') return { label: year, from: `${year}-01-01`, to: `${year}-12-31` };
  const last = new Date(Date.UTC(Number(year), Number(day.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return { label: day.slice(0, 7), from: `${day.slice(0, 7)}-01`, to: last };
}

/** 双随机、一公开: the register, the reproducible draws, the results and their publication. */
export function createRandomChecksService(deps: {
  db: Db;
  randomChecksRepository: RandomChecksRepository;
  campaignsService: CampaignsService;
  unitsRepository: UnitsRepository;
  usersRepository: UsersRepository;
  auditService: AuditService;
}) {
  const { db, randomChecksRepository: repo, campaignsService, unitsRepository, usersRepository, auditService } = deps;
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  const drawInputs = (d: RandomDrawRow): RunDrawInput => ({
    seed: d.seed,
    candidates: d.candidateIds,
    inspectors: d.inspectorIds,
    ties: d.ties,
    ...d.size,
  });

  /** Draws of units in the actor's scope, and those that sent the actor (an inspector of a unit below). */
  const visibleDraws = (actor: Actor) => unitIdInScopeOrNamed(actor, randomDraws.unitId, randomDraws.inspectorIds);

  async function requireDraw(actor: Actor, id: string) {
    const draw = isUuid(id) ? await repo.findDraw(db, id, visibleDraws(actor)) : undefined;
    if (!draw) throw notFound('抽查任务');
    return { draw, unit: (await unitsRepository.findById(db, draw.unitId))! };
  }

  async function drawDetail(actor: Actor, draw: RandomDrawRow, unitPath: string) {
    const items = await repo.items(db, draw.id);
    const entities = new Map(
      (await repo.entitiesByIds(db, [...new Set(items.map((i) => i.entityId))])).map((e) => [e.id, e]),
    );
    const people = new Map<string, string>();
    for (const id of new Set(items.flatMap((i) => i.inspectorIds)))
      people.set(id, (await usersRepository.findById(db, id))?.displayName ?? '');
    const canManage = randomCheckPolicy.canManage(actor, unitPath);
    return {
      ...draw,
      candidateCount: draw.candidateIds.length,
      inspectorCount: draw.inspectorIds.length,
      items: items.map((i) => {
        const e = entities.get(i.entityId)!;
        return {
          ...i,
          entityName: e.name,
          creditCode: e.creditCode,
          address: e.address,
          riskLabel: RISK_LABELS[e.riskLevel],
          inspectors: i.inspectorIds.map((id) => ({ id, displayName: people.get(id) ?? '' })),
          resultLabel: i.result ? CHECK_RESULT_LABELS[i.result] : null,
          canRecord:
            randomCheckPolicy.canRecordResult(actor, i.inspectorIds, unitPath) && !i.published && !draw.replacedById,
          canOpenLead:
            randomCheckPolicy.canOpenLead(actor, unitPath) && i.result === 'problem_followed_up' && !i.leadId,
        };
      }),
      can: {
        redraw: canManage && !draw.replacedById && items.every((i) => !i.result),
        publish: canManage && items.some((i) => i.result && !i.published),
      },
    };
  }

  /** Draws from the register as it is now and stores the inputs with the result (in the caller's transaction). */
  async function makeDraw(
    actor: Actor,
    tx: Db,
    input: DrawInput,
    unitPath: string,
    replaces?: { id: string; reason: string },
    history?: { at: Date },
  ) {
    const filters = { industry: input.industry, riskLevels: input.riskLevels, divisionCode: input.divisionCode };
    const candidateIds = await repo.candidates(tx, unitPath, filters);
    const inspectorIds = await repo.eligibleInspectors(tx, unitPath);
    const ties = (await repo.ties(tx, candidateIds)).filter((t) => inspectorIds.includes(t.inspectorId));
    const size = input.share !== undefined ? { share: input.share } : { count: input.count! };
    const seed = newDrawSeed();
    let items;
    try {
      items = runDraw({ seed, candidates: candidateIds, inspectors: inspectorIds, ties, ...size }).items;
    } catch (e) {
      throw invalidField(input.share !== undefined ? 'share' : 'count', e instanceof Error ? e.message : String(e));
    }
    const draw = await repo.insertDraw(
      tx,
      {
        unitId: input.unitId,
        campaignId: input.campaignId,
        taskId: await campaignsService.recordTask.forCreate(tx, { ...input, categoryCode: null }),
        name: input.name,
        algorithm: DRAW_ALGORITHM,
        seed,
        filters,
        size,
        candidateIds,
        inspectorIds,
        ties,
        replacesId: replaces?.id ?? null,
        reason: replaces?.reason ?? null,
        createdBy: actor.userId,
        createdByName: actor.displayName,
        ...(history ? { createdAt: history.at } : {}),
      },
      items.map((i) => ({ seq: i.seq, entityId: i.entityId, inspectorIds: i.inspectorIds })),
    );
    await auditService.record(tx, actor, {
      action: replaces ? 'random_draw.redraw' : 'random_draw.create',
      recordId: draw.id,
      unitId: draw.unitId,
      after: { ...draw, candidateIds: draw.candidateIds.length, items },
    });
    return draw;
  }

  return {
    async addTie(actor: Actor, entityId: string, input: { userId: string; reason: string }) {
      const { row: entity, unit } = await records.requireRecord(
        actor,
        entityId,
        '市场主体',
        marketEntities.unitId,
        (id, scope) => repo.findEntity(db, id, scope),
      );
      if (!randomCheckPolicy.canManage(actor, unit.path)) throw forbidden('只有专项办或管理员可以登记回避关系');
      const user = await usersRepository.findById(db, input.userId);
      if (!user) throw invalidField('userId', '执法人员不存在');
      await db.transaction(async (tx) => {
        await repo.addTie(tx, { entityId, userId: input.userId, reason: input.reason });
        await auditService.record(tx, actor, {
          action: 'market_entity.tie',
          recordId: entityId,
          unitId: entity.unitId,
          after: { userId: input.userId, reason: input.reason },
        });
      });
      return { entityId, userId: input.userId, reason: input.reason };
    },

    /**
     * `history.at` records a draw made earlier, outside RedShield (the demo's last year's draws, a
     * bureau bringing in its earlier ones); the API never passes it.
     */
    async createDraw(actor: Actor, input: DrawInput, history?: { at: Date }) {
      const unit = await records.requireUnit(actor, input.unitId);
      if (!randomCheckPolicy.canManage(actor, unit.path)) throw forbidden('只有专项办或管理员可以发起抽查');
      if (input.campaignId) await campaignsService.requireVisible(actor, input.campaignId);
      const draw = await db.transaction((tx) => makeDraw(actor, tx, input, unit.path, undefined, history));
      return drawDetail(actor, draw, unit.path);
    },

    /** A new, audited draw replacing one whose checks have not started; the old one stays on record. */
    async redraw(actor: Actor, id: string, reason: string) {
      const { draw, unit } = await requireDraw(actor, id);
      if (!randomCheckPolicy.canManage(actor, unit.path)) throw forbidden('只有专项办或管理员可以重新抽取');
      if (draw.replacedById) throw conflict('该抽查任务已被重新抽取，请在新的任务上操作');
      if ((await repo.items(db, draw.id)).some((i) => i.result)) throw conflict('已有检查结果的抽查任务不能重新抽取');
      const input: DrawInput = {
        unitId: draw.unitId,
        campaignId: draw.campaignId,
        taskId: draw.taskId,
        name: draw.name,
        industry: draw.filters.industry ?? null,
        riskLevels: draw.filters.riskLevels ?? [],
        divisionCode: draw.filters.divisionCode ?? null,
        ...draw.size,
      };
      const created = await db.transaction(async (tx) => {
        const next = await makeDraw(actor, tx, input, unit.path, { id: draw.id, reason });
        await repo.markReplaced(tx, draw.id, next.id);
        return next;
      });
      return drawDetail(actor, created, unit.path);
    },

    async listDraws(actor: Actor, campaignId?: string) {
      const rows = await repo.listDraws(db, visibleDraws(actor), campaignId);
      return rows.map(({ candidateIds, inspectorIds, ties: _ties, ...d }) => ({
        ...d,
        candidateCount: candidateIds.length,
        inspectorCount: inspectorIds.length,
      }));
    },

    /** A draw the actor sees (his scope, or it sent him) with its unit; 404 otherwise. */
    requireDraw,

    async getDraw(actor: Actor, id: string) {
      const { draw, unit } = await requireDraw(actor, id);
      return drawDetail(actor, draw, unit.path);
    },

    /** Re-runs the stored draw from its seed and inputs and compares it with what was stored. */
    async verify(actor: Actor, id: string) {
      const { draw } = await requireDraw(actor, id);
      const items = await repo.items(db, draw.id);
      const stored = items.map((i) => ({
        seq: i.seq,
        entityId: i.entityId,
        inspectorIds: [i.inspectorIds[0], i.inspectorIds[1]] as [string, string],
      }));
      try {
        return { drawId: draw.id, algorithm: draw.algorithm, seed: draw.seed, ...verifyDraw(drawInputs(draw), stored) };
      } catch (e) {
        // Stored inputs the algorithm refuses (altered in the database, or not a draw of this algorithm).
        return {
          drawId: draw.id,
          algorithm: draw.algorithm,
          seed: draw.seed,
          reproducible: false,
          problem: e instanceof Error ? e.message : String(e),
        };
      }
    },

    async recordResult(actor: Actor, drawId: string, itemId: string, input: ResultInput) {
      const { draw, unit } = await requireDraw(actor, drawId);
      const item = isUuid(itemId) ? await repo.findItem(db, drawId, itemId) : undefined;
      if (!item) throw notFound('抽查对象');
      if (!randomCheckPolicy.canRecordResult(actor, item.inspectorIds, unit.path))
        throw forbidden('只有抽中的执法人员或专项办可以登记检查结果');
      if (draw.replacedById) throw conflict('该抽查任务已被重新抽取，请在新的任务上登记');
      if (item.published) throw conflict('检查结果已公示，不能修改');
      if (item.leadId && input.result !== 'problem_followed_up')
        throw conflict('已由该检查发现登记线索，检查结果不能改为其他结果');
      if (input.checkDate < todayInChina(draw.createdAt)) throw invalidField('checkDate', '检查日期不能早于抽取日期');
      const updated = await db.transaction(async (tx) => {
        const row = await repo.updateItem(tx, item.id, input.version, {
          checkDate: input.checkDate,
          result: input.result,
          resultNote: input.note,
          recordedByName: actor.displayName,
        });
        if (!row) throw conflict('检查结果已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'random_draw.result',
          recordId: draw.id,
          unitId: draw.unitId,
          before: item,
          after: row,
        });
        return row;
      });
      return { ...updated, resultLabel: CHECK_RESULT_LABELS[input.result] };
    },

    /** 一公开: publishes every recorded result of a draw. */
    async publish(actor: Actor, drawId: string) {
      const { draw, unit } = await requireDraw(actor, drawId);
      if (!randomCheckPolicy.canManage(actor, unit.path)) throw forbidden('只有专项办或管理员可以公示检查结果');
      const published = await db.transaction(async (tx) => {
        const n = await repo.publish(tx, draw.id, new Date());
        await auditService.record(tx, actor, {
          action: 'random_draw.publish',
          recordId: draw.id,
          unitId: draw.unitId,
          after: { published: n },
        });
        return n;
      });
      return { published };
    },

    /**
     * The campaign's 双随机 KPIs for the current period of its coverage KPI (a year for seed 003's
     * 每年抽查比例不低于5%, the campaign when the plan says so): coverage of the register and the
     * publication rate, over the draws of the plan and its 实施方案 (a district's draws under its
     * own implementation plan count for the city's plan), limited to the units the caller may see
     * within the campaign's unit (a district looking at its city's campaign sees its own subtree's
     * draws and register, never a sibling district's). The targets come from the plan's KPIs
     * (`measure` random_check_coverage and publication_rate); none when the plan sets none.
     */
    async campaignKpis(actor: Actor, campaignId: string) {
      const campaign = await campaignsService.requireVisible(actor, campaignId);
      const unit = (await unitsRepository.findById(db, campaign.unitId))!;
      const within = (column: typeof randomDraws.unitId | typeof marketEntities.unitId) =>
        unitIdInScopeWithin(actor, unit.path, column);
      const kpiOf = (measure: string) => campaign.kpis.find((k) => k.measure === measure);
      const coverageKpi = kpiOf('random_check_coverage');
      const publicationKpi = kpiOf('publication_rate');
      const period = currentPeriod(campaign, coverageKpi?.period ?? 'year', todayInChina());
      const [registered, checks] = await Promise.all([
        repo.countRegistered(db, within(marketEntities.unitId)),
        repo.campaignChecks(
          db,
          { campaignPath: campaign.path, from: period.from, to: period.to },
          within(randomDraws.unitId),
          within(marketEntities.unitId),
        ),
      ]);
      const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
      const asShare = (k: typeof coverageKpi) => (k ? (k.unit === '%' ? k.target / 100 : k.target) : null);
      return {
        period,
        registered,
        ...checks,
        coverage: ratio(checks.inspectedEntities, registered),
        coverageTarget: asShare(coverageKpi),
        publicationRate: ratio(checks.published, checks.completed),
        publicationTarget: asShare(publicationKpi),
      };
    },

    async publicResults(q: { q?: string; page: number; pageSize: number }) {
      const { items, total } = await repo.publicResults(db, {
        q: q.q,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map((i) => ({ ...i, resultLabel: i.result ? CHECK_RESULT_LABELS[i.result] : '' })), total };
    },
  };
}

export type RandomChecksService = ReturnType<typeof createRandomChecksService>;
