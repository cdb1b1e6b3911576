import { and, between, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { FEN_METRICS, METRICS, type Contribution, type Metric, type Metrics } from './rollup-contributions';
import { rollupDaily } from './rollups.schema';
import { rowsOf } from '../../platform/db/rows-of';

const COLUMN: Record<Metric, string> = {
  casesFiled: 'cases_filed',
  casesClosed: 'cases_closed',
  amountInvolvedFen: 'amount_involved_fen',
  fineFen: 'fine_fen',
  confiscatedFen: 'confiscated_fen',
  lossesRecoveredFen: 'losses_recovered_fen',
  transferredToJudiciary: 'transferred_to_judiciary',
  onlineCases: 'online_cases',
  ruralCases: 'rural_cases',
  outings: 'outings',
  staffDeployed: 'staff_deployed',
  vehicles: 'vehicles',
  entitiesInspected: 'entities_inspected',
};

/** Sums in PostgreSQL (numeric for bigint columns) read as exact text; never through a JS number. */
const sums = Object.fromEntries(METRICS.map((m) => [m, sql<string>`coalesce(sum(${sql.raw(COLUMN[m])}), 0)::text`])) as Record<Metric, ReturnType<typeof sql<string>>>;
const toMetrics = (row: Record<string, unknown>): Metrics => Object.fromEntries(METRICS.map((m) => [m, BigInt(String(row[m] ?? 0))])) as Metrics;
/** A delta row as written: money as exact text cast to bigint (past 2^53 a number would round), counts as numbers. */
const toColumns = (metrics: Partial<Metrics>) =>
  Object.fromEntries(METRICS.map((m) => [m, FEN_METRICS.has(m) ? sql`${String(metrics[m] ?? 0n)}::bigint` : Number(metrics[m] ?? 0n)]));

/**
 * Every contribution of the records, expanded over ancestor units and campaigns, as SQL: the
 * definition the table must equal (verify) and the source of a rebuild. The same rules as
 * rollup-contributions.ts, written against the raw records.
 */
const EXPECTED = sql.raw(`
  with contrib as (
    select c.unit_id, c.campaign_id, c.category_code, c.filing_date as day,
           1 as cases_filed, 0 as cases_closed, c.amount_involved_fen, c.fine_fen, c.confiscated_fen, c.losses_recovered_fen,
           c.transferred_to_judiciary::int as transferred_to_judiciary, c.online::int as online_cases, c.rural::int as rural_cases,
           0 as outings, 0 as staff_deployed, 0 as vehicles, 0 as entities_inspected
      from cases c
    union all
    select c.unit_id, l.campaign_id, l.category_code, c.filing_date,
           1, 0, c.amount_involved_fen, c.fine_fen, c.confiscated_fen, c.losses_recovered_fen,
           c.transferred_to_judiciary::int, c.online::int, c.rural::int, 0, 0, 0, 0
      from cases c join case_campaigns l on l.case_id = c.id
    union all
    select c.unit_id, c.campaign_id, c.category_code, c.closing_date, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c where c.closing_date is not null
    union all
    select c.unit_id, l.campaign_id, l.category_code, c.closing_date, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c join case_campaigns l on l.case_id = c.id where c.closing_date is not null
    union all
    select i.unit_id, i.campaign_id, i.category_code, i.inspection_date, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, i.staff_deployed, i.vehicles, i.entities_inspected
      from inspections i
  )
  select ca.id as campaign_id, ua.id as unit_id, x.category_code, x.day,
         sum(x.cases_filed)::int as cases_filed, sum(x.cases_closed)::int as cases_closed,
         sum(x.amount_involved_fen)::bigint as amount_involved_fen, sum(x.fine_fen)::bigint as fine_fen,
         sum(x.confiscated_fen)::bigint as confiscated_fen, sum(x.losses_recovered_fen)::bigint as losses_recovered_fen,
         sum(x.transferred_to_judiciary)::int as transferred_to_judiciary, sum(x.online_cases)::int as online_cases,
         sum(x.rural_cases)::int as rural_cases, sum(x.outings)::int as outings, sum(x.staff_deployed)::int as staff_deployed,
         sum(x.vehicles)::int as vehicles, sum(x.entities_inspected)::int as entities_inspected
    from contrib x
    join units u on u.id = x.unit_id
    join units ua on u.path like ua.path || '%'
    join campaigns cp on cp.id = x.campaign_id
    join campaigns ca on cp.path like ca.path || '%'
   group by ca.id, ua.id, x.category_code, x.day`);

const COLUMNS = ['cases_filed', 'cases_closed', 'amount_involved_fen', 'fine_fen', 'confiscated_fen', 'losses_recovered_fen', 'transferred_to_judiciary', 'online_cases', 'rural_cases', 'outings', 'staff_deployed', 'vehicles', 'entities_inspected'];

export function createRollupsRepository() {
  return {
    async paths(db: Db, unitIds: string[], campaignIds: string[]) {
      const [u, c] = await Promise.all([
        unitIds.length ? db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, unitIds)) : [],
        campaignIds.length ? db.select({ id: campaigns.id, path: campaigns.path }).from(campaigns).where(inArray(campaigns.id, campaignIds)) : [],
      ]);
      return { unitPaths: new Map(u.map((r) => [r.id, r.path])), campaignPaths: new Map(c.map((r) => [r.id, r.path])) };
    },

    /** Adds the deltas to their rows (created when missing), in the caller's transaction. */
    async applyDeltas(tx: Db, deltas: Contribution[]) {
      for (let i = 0; i < deltas.length; i += 500) {
        const chunk = deltas.slice(i, i + 500);
        await tx
          .insert(rollupDaily)
          .values(chunk.map((d) => ({ campaignId: d.campaignId, unitId: d.unitId, categoryCode: d.categoryCode, day: d.day, ...toColumns(d.metrics) })))
          .onConflictDoUpdate({
            target: [rollupDaily.campaignId, rollupDaily.unitId, rollupDaily.day, rollupDaily.categoryCode],
            set: Object.fromEntries(METRICS.map((m) => [m, sql.raw(`rollup_daily.${COLUMN[m]} + excluded.${COLUMN[m]}`)])),
          });
      }
    },

    /** The roll-up: one unit's subtree, one campaign (with the plans below it), per category. */
    async stats(db: Db, q: { campaignId: string; unitId: string; from: string; to: string }) {
      const rows = await db
        .select({ categoryCode: rollupDaily.categoryCode, ...sums })
        .from(rollupDaily)
        .where(and(eq(rollupDaily.campaignId, q.campaignId), eq(rollupDaily.unitId, q.unitId), between(rollupDaily.day, q.from, q.to)))
        .groupBy(rollupDaily.categoryCode);
      return new Map(rows.map((r) => [r.categoryCode, toMetrics(r)]));
    },

    /**
     * The same figures by the straightforward query over the raw records joined to the unit subtree
     * and the campaign tree: the baseline the benchmark compares with, and a cross-check in tests.
     */
    async naiveStats(db: Db, q: { campaignPath: string; unitPath: string; from: string; to: string }) {
      const result = await db.execute(sql`
        with x as (${EXPECTED_FOR_RANGE(q)})
        select category_code, ${sql.raw(COLUMNS.map((c) => `sum(${c})::text as ${c}`).join(', '))} from x group by category_code`);
      const rows = rowsOf(result);
      return new Map(rows.map((r) => [String(r.category_code), toMetrics(Object.fromEntries(METRICS.map((m) => [m, r[COLUMN[m]]])))]));
    },

    /** Rows where the table differs from what the records say (both ways), at most `limit`. */
    async differences(db: Db, limit = 20) {
      const result = await db.execute(sql`
        with expected as (${EXPECTED}),
        actual as (select * from rollup_daily where ${sql.raw(COLUMNS.map((c) => `${c} <> 0`).join(' or '))})
        select coalesce(e.campaign_id, a.campaign_id) as campaign_id, coalesce(e.unit_id, a.unit_id) as unit_id,
               coalesce(e.category_code, a.category_code) as category_code, coalesce(e.day, a.day)::text as day,
               ${sql.raw(COLUMNS.map((c) => `coalesce(e.${c}, 0)::text as expected_${c}, coalesce(a.${c}, 0)::text as actual_${c}`).join(', '))}
          from expected e full outer join actual a
            on a.campaign_id = e.campaign_id and a.unit_id = e.unit_id and a.category_code = e.category_code and a.day = e.day
         where ${sql.raw(COLUMNS.map((c) => `coalesce(e.${c}, 0) <> coalesce(a.${c}, 0)`).join(' or '))}
         limit ${limit}`);
      return rowsOf<Record<string, string>>(result);
    },

    /** Recomputes the whole table from the records (after a unit moves in the tree, or to repair). */
    async rebuild(tx: Db) {
      await tx.execute(sql`delete from rollup_daily`);
      await tx.execute(sql`insert into rollup_daily (campaign_id, unit_id, category_code, day, ${sql.raw(COLUMNS.join(', '))}) ${EXPECTED}`);
    },
  };
}

/** The raw contributions of the records in a unit's subtree, a campaign's tree and a date range. */
function EXPECTED_FOR_RANGE(q: { campaignPath: string; unitPath: string; from: string; to: string }) {
  const inUnits = sql`(select id from units where path like ${`${q.unitPath}%`})`;
  const inCampaigns = sql`(select id from campaigns where path like ${`${q.campaignPath}%`})`;
  return sql`
    select c.category_code, 1 as cases_filed, 0 as cases_closed, c.amount_involved_fen, c.fine_fen, c.confiscated_fen, c.losses_recovered_fen,
           c.transferred_to_judiciary::int as transferred_to_judiciary, c.online::int as online_cases, c.rural::int as rural_cases,
           0 as outings, 0 as staff_deployed, 0 as vehicles, 0 as entities_inspected
      from cases c where c.unit_id in ${inUnits} and c.campaign_id in ${inCampaigns} and c.filing_date between ${q.from} and ${q.to}
    union all
    select l.category_code, 1, 0, c.amount_involved_fen, c.fine_fen, c.confiscated_fen, c.losses_recovered_fen,
           c.transferred_to_judiciary::int, c.online::int, c.rural::int, 0, 0, 0, 0
      from cases c join case_campaigns l on l.case_id = c.id
     where c.unit_id in ${inUnits} and l.campaign_id in ${inCampaigns} and c.filing_date between ${q.from} and ${q.to}
    union all
    select c.category_code, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c where c.unit_id in ${inUnits} and c.campaign_id in ${inCampaigns} and c.closing_date between ${q.from} and ${q.to}
    union all
    select l.category_code, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      from cases c join case_campaigns l on l.case_id = c.id
     where c.unit_id in ${inUnits} and l.campaign_id in ${inCampaigns} and c.closing_date between ${q.from} and ${q.to}
    union all
    select i.category_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, i.staff_deployed, i.vehicles, i.entities_inspected
      from inspections i where i.unit_id in ${inUnits} and i.campaign_id in ${inCampaigns} and i.inspection_date between ${q.from} and ${q.to}`;
}

export type RollupsRepository = ReturnType<typeof createRollupsRepository>;
