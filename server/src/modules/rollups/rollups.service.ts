import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { invalidField, notFound } from '../../platform/errors';
import { fenToYuan } from '../../platform/money';
import { createRecordScope } from '../../platform/records';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { UnitsRepository } from '../units/units.repository';
import {
  caseContributions,
  inspectionContributions,
  leadContributions,
  mergeDeltas,
  METRICS,
  zeroMetrics,
  type CaseFacts,
  type Contribution,
  type InspectionFacts,
  type LeadFacts,
  type Metrics,
} from './rollup-contributions';
import type { RollupGrouping, RollupsRepository } from './rollups.repository';
import { todayInChina } from '../../platform/today';
import type { DrillDownRepository } from './drill-down.repository';
import type { DrillMetric } from './drill-down.types';
import { ANNEX2_FIGURES, figureValue, MONEY_FIGURES, type Annex2Values, type DerivedFigure } from './metrics';

/** Keys of merged contributions an import holds before writing them (the memory of a large file stays flat). */
const BULK_MAX_KEYS = 20_000;

export type Change<T> = { before: T | null; after: T | null };

/** An annex-2 figure as the API answers it: counts as numbers, money in 元 as exact text (exact past 2^53 fen). */
const annex2Values = (v: Record<DerivedFigure, bigint>) =>
  Object.fromEntries(
    ANNEX2_FIGURES.map((f) => [f, MONEY_FIGURES.has(f) ? fenToYuan(v[f]) : Number(v[f])]),
  ) as Annex2Values;
const zero = zeroMetrics;

/**
 * Live roll-ups (统计汇总): every write of a case or an inspection calls `recordCases` /
 * `recordInspections` inside its own transaction, so the figures change with the records or not
 * at all; `stats` reads them for any unit, campaign and date range.
 */
export function createRollupsService(deps: {
  db: Db;
  rollupsRepository: RollupsRepository;
  drillDownRepository: DrillDownRepository;
  campaignsService: CampaignsService;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  /**
   * The heavy reads' handle (DATABASE_READ_URL: a replica when fresh enough for the request,
   * db/read-replica.ts); `db` when not given. Scope checks and writes stay on `db`.
   */
  reader?: Db;
  today?: () => string;
  /**
   * 省级数据汇聚 (issue 22): on a national installation, the provinces whose records make a unit's
   * figures; their records stay there, so a drill-down names their installations.
   */
  federation?: { provincesOver(unitPath: string): Promise<{ unitId: string; name: string; baseUrl: string }[]> };
}) {
  const {
    db,
    rollupsRepository: repo,
    drillDownRepository,
    campaignsService,
    campaignsRepository,
    unitsRepository,
  } = deps;
  const reader = deps.reader ?? db;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  /** The unit (in the caller's scope; 404 otherwise) and the dates a figure is asked for. */
  async function figureScope(actor: Actor, campaignId: string, q: { unitId?: string; from?: string; to?: string }) {
    const campaign = await campaignsService.requireVisible(actor, campaignId);
    const unitId = q.unitId ?? actor.unitId ?? campaign.unitId;
    const unit = await records.requireUnit(actor, unitId);
    const from = q.from ?? campaign.startDate;
    const to = q.to ?? (today() < campaign.endDate ? today() : campaign.endDate);
    if (from > to) throw invalidField('from', '统计起始日期不能晚于截止日期');
    return { campaign, unit, from, to };
  }

  /**
   * The one computation of the record-derived figures, for both doors (GET /stats and the stat
   * tables): the stored metrics of a unit's subtree, a campaign's tree and dates, summed into the
   * asked figures by the metrics table — one row per category of the campaign and 合计 last, in
   * BigInt (fen for money).
   */
  async function figureRows(
    q: { campaignId: string; unitId: string; from: string; to: string },
    asked: readonly DerivedFigure[],
  ) {
    const [byCategory, categories] = await Promise.all([
      repo.stats(reader, q),
      campaignsRepository.categories(db, q.campaignId),
    ]);
    const total = zero();
    const valuesOf = (m: Metrics) =>
      Object.fromEntries(asked.map((f) => [f, figureValue(f, m)])) as Record<DerivedFigure, bigint>;
    const rows = categories.map((c) => {
      const m = byCategory.get(c.code) ?? zero();
      for (const k of METRICS) total[k] += m[k];
      return { category: c.code, label: c.label, subLabel: c.subLabel as string | null, values: valuesOf(m) };
    });
    return [...rows, { category: 'total', label: '合计', subLabel: null, values: valuesOf(total) }];
  }

  async function apply(tx: Db, signed: { sign: 1 | -1; contributions: Contribution[] }[]) {
    const all = signed.flatMap((s) => s.contributions);
    if (all.length === 0) return;
    const { unitPaths, campaignPaths } = await repo.paths(
      tx,
      [...new Set(all.map((c) => c.unitId))],
      [...new Set(all.map((c) => c.campaignId))],
    );
    await repo.applyDeltas(
      tx,
      mergeDeltas(
        signed,
        (id) => unitPaths.get(id) ?? `/${id}/`,
        (id) => campaignPaths.get(id) ?? `/${id}/`,
      ),
    );
  }

  const signedOf = <T>(changes: Change<T>[], contributions: (facts: T) => Contribution[]) =>
    changes.flatMap((c) => [
      ...(c.before ? [{ sign: -1 as const, contributions: contributions(c.before) }] : []),
      ...(c.after ? [{ sign: 1 as const, contributions: contributions(c.after) }] : []),
    ]);

  /**
   * For bulk writes (imports): contributions merged as they come by their own key (campaign, unit,
   * day, category) and written at the end, inside the import's transaction — the rows of the units
   * and campaigns above are touched once per import, not once per batch. A file whose records spread
   * over more than BULK_MAX_KEYS keys is written each time that many have gathered, so the memory
   * of a large file stays bounded.
   */
  function bulk<T>(tx: Db, contributions: (facts: T) => Contribution[]) {
    let merged = new Map<string, Contribution>();
    const flush = async () => {
      const batch = [...merged.values()];
      merged = new Map();
      await apply(tx, [{ sign: 1, contributions: batch }]);
    };
    return {
      async add(facts: T[]) {
        for (const f of facts) {
          for (const c of contributions(f)) {
            const key = `${c.campaignId}|${c.unitId}|${c.day}|${c.categoryCode}`;
            const row = merged.get(key);
            if (!row) merged.set(key, { ...c, metrics: { ...c.metrics } });
            else
              for (const [m, v] of Object.entries(c.metrics) as [keyof Metrics, bigint][])
                row.metrics[m] = (row.metrics[m] ?? 0n) + v;
          }
        }
        if (merged.size >= BULK_MAX_KEYS) await flush();
      },
      flush,
    };
  }

  return {
    /** The unit (in scope; 404 otherwise), the campaign and the dates a table is asked for. */
    figureScope,
    figureRows,
    /**
     * The figures summed by unit, category, week or month — what the dashboards, the comparison of
     * units, the map and the 大屏 draw: the same roll-up and the same figure definitions as the
     * tables, so a chart's point equals the table's cell and its drill-down's sum (穿透 with the
     * point's unit, category and days). Each unit named counts its whole subtree. BigInt, fen for money.
     */
    async figureGroups(
      q: { campaignId: string; unitIds: string[]; from: string; to: string; by: readonly RollupGrouping[] },
      asked: readonly DerivedFigure[],
    ) {
      const rows = await repo.grouped(reader, q);
      return rows.map((r) => ({
        key: r.key,
        values: Object.fromEntries(asked.map((f) => [f, figureValue(f, r.metrics)])) as Record<DerivedFigure, bigint>,
      }));
    },
    /**
     * The figures asked of one unit's subtree and campaign C's tree over each period named, read in
     * one query grouped by period (0 where a period has no rows). BigInt, fen for money.
     */
    async figurePeriods<P extends string>(
      q: { campaignId: string; unitId: string; periods: Record<P, { from: string; to: string }> },
      asked: readonly DerivedFigure[],
    ) {
      const sums = await repo.periodSums(reader, q);
      const keys = Object.keys(q.periods) as P[];
      return Object.fromEntries(
        keys.map((p) => {
          const m = sums.get(p) ?? zero();
          return [p, Object.fromEntries(asked.map((f) => [f, figureValue(f, m)])) as Record<DerivedFigure, bigint>];
        }),
      ) as Record<P, Record<DerivedFigure, bigint>>;
    },
    /** The active units directly below a unit, in code order (callers check the unit's scope first). */
    childUnits: (unitId: string) => unitsRepository.listChildren(db, unitId),
    /** How many active units sit directly below each of these units (the comparison's 下级 links). */
    childCounts: (unitIds: string[]) => unitsRepository.countActiveChildrenOf(db, unitIds),
    recordCases: (tx: Db, changes: Change<CaseFacts>[]) => apply(tx, signedOf(changes, caseContributions)),
    /**
     * An import's cases, by id as they are inserted: their figures are summed by the database from
     * the stored cases at the end (flush), inside the import's transaction — for 100,000 cases far
     * cheaper than summing them here, and only the ids are held.
     */
    importedCases(tx: Db) {
      let ids: string[] = [];
      return {
        add(caseIds: string[]) {
          ids.push(...caseIds);
        },
        async flush() {
          const all = ids;
          ids = [];
          await repo.addCases(tx, all);
        },
      };
    },
    bulkInspections: (tx: Db) => bulk<InspectionFacts>(tx, inspectionContributions),
    recordInspections: (tx: Db, changes: Change<InspectionFacts>[]) =>
      apply(tx, signedOf(changes, inspectionContributions)),
    recordLeads: (tx: Db, changes: Change<LeadFacts>[]) => apply(tx, signedOf(changes, leadContributions)),
    bulkLeads: (tx: Db) => bulk<LeadFacts>(tx, leadContributions),

    /**
     * Annex-2 figures for unit U (its whole subtree), campaign C (with the plans below it) and the
     * days [from, to], one row per category of C and 合计 last. 404 for a unit outside the scope.
     */
    async stats(actor: Actor, campaignId: string, q: { unitId?: string; from?: string; to?: string }) {
      const { unit, from, to } = await figureScope(actor, campaignId, q);
      const rows = await figureRows({ campaignId, unitId: unit.id, from, to }, ANNEX2_FIGURES);
      return {
        campaignId,
        unitId: unit.id,
        unitName: unit.name,
        from,
        to,
        rows: rows.map(({ values, ...r }) => ({ ...r, values: annex2Values(values) })),
      };
    },

    /**
     * 穿透: the records that make one figure (a category's or 合计's), one page at a time, with their
     * count and their sum — which equals the figure in the table.
     */
    async drillDown(
      actor: Actor,
      campaignId: string,
      q: {
        unitId?: string;
        from?: string;
        to?: string;
        category?: string;
        metric: DrillMetric;
        page: number;
        pageSize: number;
      },
    ) {
      const { campaign, unit, from, to } = await figureScope(actor, campaignId, q);
      const category = q.category && q.category !== 'total' ? q.category : undefined;
      if (category && !(await campaignsRepository.categories(db, campaignId)).some((c) => c.code === category))
        throw invalidField('category', '该行动没有这个违法类型');
      const [{ items, total, sum }, provinces] = await Promise.all([
        drillDownRepository.records(reader, {
          campaignPath: campaign.path,
          unitPath: unit.path,
          from,
          to,
          category,
          metric: q.metric,
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        }),
        deps.federation?.provincesOver(unit.path) ?? [],
      ]);
      const money = MONEY_FIGURES.has(q.metric);
      const show = (v: bigint) => (money ? fenToYuan(v) : String(v));
      return {
        unitId: unit.id,
        unitName: unit.name,
        from,
        to,
        category: q.category ?? 'total',
        metric: q.metric,
        total,
        sum: show(sum),
        items: items.map((r) => ({ ...r, value: show(r.value) })),
        // The same drill-down on each province's own installation (the national campaign's id is
        // the same there: the province holds it as the parent of its implementation plan).
        provinces: provinces.map((p) => ({
          ...p,
          url: `${p.baseUrl}/campaigns/${campaignId}?tab=stats`,
        })),
      };
    },

    /** The same figures by the straightforward query over the raw records (the benchmark's baseline). */
    async naiveStats(campaignId: string, unitId: string, from: string, to: string) {
      const [campaign, unit] = await Promise.all([
        campaignsRepository.findById(db, campaignId),
        unitsRepository.findById(db, unitId),
      ]);
      if (!campaign || !unit) throw notFound('统计对象');
      return repo.naiveStats(db, { campaignPath: campaign.path, unitPath: unit.path, from, to });
    },

    /** Where the stored figures differ from the records (empty when they agree). */
    verify: (limit?: number) => repo.differences(db, limit),
    rebuild: (tx: Db) => repo.rebuild(tx),
  };
}

export type RollupsService = ReturnType<typeof createRollupsService>;
