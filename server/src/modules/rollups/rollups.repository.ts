import { inArray, sql, type SQL } from 'drizzle-orm';
import { isEmbedded, type Db } from '../../db/database';
import { idsInTree, pathIdsSql, unitIdsInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import type { Contribution } from './rollup-contributions';
import { COLUMN, EVENTS, METRICS, RECORD_SQL, rule, type EventKind, type Metrics } from './metrics';
import { splitByMonth } from './month-split';
import { rowsOf } from '../../platform/db/rows-of';
import { pgErrorOf } from '../../platform/db-errors';
import { addDeltas, addSummedRowsSql, byMonth, COLUMNS, sumsOfColumns, type NewKeys } from './rollup-writes';

/** What the roll-up can be summed by: a unit (its subtree), a category, a week (from Monday) or a month. */
export type RollupGrouping = 'unit' | 'category' | 'week' | 'month';
const GROUPING_SQL: Record<RollupGrouping, string> = {
  unit: 'unit_id',
  category: 'category_code',
  week: `to_char(date_trunc('week', day), 'YYYY-MM-DD')`,
  month: `to_char(date_trunc('month', day), 'YYYY-MM-DD')`,
};

const toMetrics = (row: Record<string, unknown>): Metrics =>
  Object.fromEntries(METRICS.map((m) => [m, BigInt(String(row[m] ?? 0))])) as Metrics;
/** The union branches of the records' contributions: each event, from the case itself and from its links. */
const BRANCHES: { event: EventKind; source: keyof typeof RECORD_SQL }[] = [
  { event: 'caseFiled', source: 'case' },
  { event: 'caseFiled', source: 'caseLink' },
  { event: 'caseClosed', source: 'case' },
  { event: 'caseClosed', source: 'caseLink' },
  { event: 'inspection', source: 'inspection' },
  { event: 'caseDecisionDue', source: 'case' },
  { event: 'caseDecisionDue', source: 'caseLink' },
  { event: 'leadDue', source: 'lead' },
];
type Source = (typeof RECORD_SQL)[keyof typeof RECORD_SQL];

/** Where the branches read their records: RECORD_SQL's tables, or some of them in place of others. */
type RecordTables = Partial<Record<keyof typeof RECORD_SQL, string>>;

/**
 * What every record adds, one row per record event, every metric column by its rule in metrics.ts
 * (0 where the metric is not counted on that event): the SQL twin of rollup-contributions.ts.
 * `lead` names the leading columns, `filter` narrows the records of a branch, `tables` reads a
 * source from elsewhere (the same columns under the same alias).
 */
function contributionsSql(
  lead: (src: Source, day: string) => string,
  filter: (src: Source, day: string) => SQL = () => sql`true`,
  branches = BRANCHES,
  tables: RecordTables = {},
): SQL {
  return sql.join(
    branches.map(({ event, source }) => {
      const src = RECORD_SQL[source];
      const { day, where } = EVENTS[event];
      const values = METRICS.map((m) => `${rule(m).event === event ? rule(m).sql : '0'} as ${COLUMN[m]}`).join(', ');
      return sql`select ${sql.raw(lead(src, day))}, ${sql.raw(values)} from ${sql.raw(tables[source] ?? src.table)} where ${sql.raw(where ?? 'true')} and ${filter(src, day)}`;
    }),
    sql` union all `,
  );
}

/**
 * Every contribution of the records, expanded over ancestor units and campaigns, as SQL: the
 * definition the table must equal (verify) and the source of a rebuild; with `branches` and
 * `tables`, what some records add (an import's cases, read from the statement's own list of them),
 * and with `recordUnits` (a query of unit ids) only those units' paths are read. Each unit's path
 * and each campaign's is read once, not once per record: for an import of 100,000 cases in the
 * nation's tree, looking up and splitting the path of every contribution's unit took 1.9 s of 3.0.
 */
const expectedSql = (branches = BRANCHES, tables: RecordTables = {}, recordUnits?: SQL) => sql`
  with contrib as (${contributionsSql((src, day) => `${src.unit} as unit_id, ${src.campaign} as campaign_id, ${src.category} as category_code, ${day} as day`, undefined, branches, tables)}),
  unit_up as materialized (
    select u.id as unit_id, up.id from units u cross join lateral ${pathIdsSql(sql.raw('u.path'))} as up(id)
     ${recordUnits ? sql`where u.id in (${recordUnits})` : sql``}),
  campaign_up as materialized (
    select cp.id as campaign_id, up.id from campaigns cp cross join lateral ${pathIdsSql(sql.raw('cp.path'))} as up(id))
  select ca.id as campaign_id, ua.id as unit_id, x.category_code, x.day,
         ${sql.raw(sumsOfColumns('x.'))}
    from contrib x
    join unit_up ua on ua.unit_id = x.unit_id
    join campaign_up ca on ca.campaign_id = x.campaign_id
   group by ca.id, ua.id, x.category_code, x.day`;
const EXPECTED = expectedSql();
const CASE_BRANCHES = BRANCHES.filter((b) => b.source === 'case' || b.source === 'caseLink');
/**
 * The case branches reading `imported` (a CTE of the named cases, the table's columns) in place of
 * the whole ledger: the same rules and columns, over the cases of one import only.
 */
const IMPORTED_CASES: RecordTables = {
  case: RECORD_SQL.case.table.replace(/^cases /, 'imported '),
  caseLink: RECORD_SQL.caseLink.table.replace(/^cases /, 'imported '),
};

export function createRollupsRepository() {
  return {
    async paths(db: Db, unitIds: string[], campaignIds: string[]) {
      const [u, c] = await Promise.all([
        unitIds.length
          ? db.select({ id: units.id, path: units.path }).from(units).where(inArray(units.id, unitIds))
          : [],
        campaignIds.length
          ? db
              .select({ id: campaigns.id, path: campaigns.path })
              .from(campaigns)
              .where(inArray(campaigns.id, campaignIds))
          : [],
      ]);
      return { unitPaths: new Map(u.map((r) => [r.id, r.path])), campaignPaths: new Map(c.map((r) => [r.id, r.path])) };
    },

    /**
     * Adds the deltas to their rows (created when missing), in the caller's transaction: the day's
     * row and the month's, so both tables change together.
     */
    async applyDeltas(tx: Db, deltas: Contribution[]) {
      await addDeltas(tx, 'rollup_daily', deltas);
      await addDeltas(tx, 'rollup_monthly', byMonth(deltas));
    },

    /**
     * Adds what the cases named add (an import's, just inserted in this transaction) to both tables,
     * summed by the database from the stored cases with verify's own SQL: a row of the day and one of
     * the month per (campaign, unit, category) above them, each written once, and nothing of it held
     * in this process.
     */
    async addCases(tx: Db, caseIds: string[]) {
      if (caseIds.length === 0) return;
      // Sorting and summing hundreds of thousands of contributions in memory, not in files on disk
      // (4 MB by default); without compiling it (JIT: 2 s with 500,000 cases stored, more than it
      // saved); for the rest of the import's transaction, which ends after this.
      if (!isEmbedded(tx)) await tx.execute(sql`set local work_mem = '128MB'; set local jit = off`);
      // The named cases, each found through the primary key (`offset 0` keeps the planner from
      // merging it into a join that reads the whole index), once: `c.id = any(…)` in each branch
      // scanned the whole ledger three times and its planner read the 100,000 ids as a constant
      // (1.2 s of planning), a cost that grew with the ledger, not with the file.
      const statement = (newKeys: NewKeys) =>
        addSummedRowsSql(
          {
            withClauses: sql`imported as materialized (
              select c.* from unnest(${sql.param(caseIds)}::uuid[]) as n(id)
               cross join lateral (select * from cases c where c.id = n.id offset 0) c),`,
            summed: expectedSql(CASE_BRANCHES, IMPORTED_CASES, sql`select unit_id from imported`),
          },
          newKeys,
        );
      try {
        // In a savepoint, so that a refusal leaves the import's transaction as it was.
        await tx.transaction((savepoint) => savepoint.execute(statement('insert')));
      } catch (err) {
        // Another transaction (a case saved meanwhile) created one of the new keys: every key
        // through ON CONFLICT, which waits for it and adds to its row.
        if (pgErrorOf(err)?.code !== '23505') throw err;
        await tx.execute(statement('upsert'));
      }
    },

    /** The roll-up: one unit's subtree, one campaign (with the plans below it), per category. */
    async stats(db: Db, q: { campaignId: string; unitId: string; from: string; to: string }) {
      const result = await readWithoutWorkers(
        db,
        sql`
        select category_code, ${sql.raw(COLUMNS.map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(', '))}
          from (${rowsInPeriod({ ...q, unitIds: [q.unitId] })}) x
         group by category_code`,
      );
      return new Map(
        rowsOf(result).map((r) => [
          String(r.category_code),
          toMetrics(Object.fromEntries(METRICS.map((m) => [m, r[COLUMN[m]]]))),
        ]),
      );
    },

    /**
     * The roll-up summed by any of unit, category, week or month (the dashboards, the comparison of
     * units, the map): campaign C's tree, the units named (each its whole subtree: a unit's rows
     * already hold everything below it) and days [from, to]. Reads whole months from rollup_monthly
     * and the edge days from rollup_daily along their primary keys (by week: days only, as a week
     * crosses months), never the records. A week starts on Monday (ISO), a month on the 1st;
     * both as `YYYY-MM-DD` of their first day.
     */
    async grouped(
      db: Db,
      q: { campaignId: string; unitIds: string[]; from: string; to: string; by: readonly RollupGrouping[] },
    ) {
      if (q.unitIds.length === 0) return [];
      const keys = q.by.map((k) => GROUPING_SQL[k]);
      const result = await readWithoutWorkers(
        db,
        sql`
        select ${sql.raw(
          keys
            .map((k, n) => `${k} as k${n}`)
            .concat('')
            .join(', '),
        )}
               ${sql.raw(COLUMNS.map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(', '))}
          from (${rowsInPeriod(q, { byWeek: q.by.includes('week') })}) x
         ${sql.raw(keys.length ? `group by ${keys.map((_, n) => `k${n}`).join(', ')}` : '')}`,
      );
      return rowsOf(result).map((r) => ({
        key: Object.fromEntries(q.by.map((k, n) => [k, String(r[`k${n}`])])) as Partial<Record<RollupGrouping, string>>,
        metrics: toMetrics(Object.fromEntries(METRICS.map((m) => [m, r[COLUMN[m]]]))),
      }));
    },

    /**
     * The roll-up of campaign C's tree and one unit's subtree summed over each period named (the
     * dashboard's clocks: 超期 and 临期 of cases and of leads), in one query grouped by period; each
     * period read as `grouped` reads it, whole months from rollup_monthly. A period without rows
     * (or empty, from > to) is absent.
     */
    async periodSums(
      db: Db,
      q: { campaignId: string; unitId: string; periods: Record<string, { from: string; to: string }> },
    ) {
      const entries = Object.entries(q.periods);
      if (entries.length === 0) return new Map<string, Metrics>();
      const sources = entries.map(
        ([period, p]) =>
          sql`select ${period}::text as period, ${sql.raw(COLUMNS.join(', '))}
                from (${rowsInPeriod({ campaignId: q.campaignId, unitIds: [q.unitId], from: p.from, to: p.to })}) r`,
      );
      const result = await readWithoutWorkers(
        db,
        sql`
        select period, ${sql.raw(COLUMNS.map((c) => `coalesce(sum(${c}), 0)::text as ${c}`).join(', '))}
          from (${sql.join(sources, sql` union all `)}) x
         group by period`,
      );
      return new Map(
        rowsOf(result).map((r) => [
          String(r.period),
          toMetrics(Object.fromEntries(METRICS.map((m) => [m, r[COLUMN[m]]]))),
        ]),
      );
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
      return new Map(
        rows.map((r) => [
          String(r.category_code),
          toMetrics(Object.fromEntries(METRICS.map((m) => [m, r[COLUMN[m]]]))),
        ]),
      );
    },

    /**
     * Rows where rollup_daily differs from what the records say (both ways), then rows where
     * rollup_monthly differs from rollup_daily summed by month; at most `limit` in all.
     */
    async differences(db: Db, limit = 20) {
      const result = await db.execute(sql`
        with expected as (${EXPECTED}),
        actual as (select * from rollup_daily where ${sql.raw(NONZERO)})
        select 'rollup_daily' as table_name, coalesce(e.campaign_id, a.campaign_id) as campaign_id, coalesce(e.unit_id, a.unit_id) as unit_id,
               coalesce(e.category_code, a.category_code) as category_code, coalesce(e.day, a.day)::text as day,
               ${sql.raw(COLUMNS.map((c) => `coalesce(e.${c}, 0)::text as expected_${c}, coalesce(a.${c}, 0)::text as actual_${c}`).join(', '))}
          from expected e full outer join actual a
            on a.campaign_id = e.campaign_id and a.unit_id = e.unit_id and a.category_code = e.category_code and a.day = e.day
         where ${sql.raw(COLUMNS.map((c) => `coalesce(e.${c}, 0) <> coalesce(a.${c}, 0)`).join(' or '))}
         limit ${limit}`);
      const daily = rowsOf<Record<string, string>>(result);
      if (daily.length >= limit) return daily;
      const monthly = await db.execute(sql`
        with expected as (${MONTHLY_FROM_DAILY}),
        actual as (select * from rollup_monthly where ${sql.raw(NONZERO)})
        select 'rollup_monthly' as table_name, coalesce(e.campaign_id, a.campaign_id) as campaign_id, coalesce(e.unit_id, a.unit_id) as unit_id,
               coalesce(e.category_code, a.category_code) as category_code, coalesce(e.month, a.month)::text as day,
               ${sql.raw(COLUMNS.map((c) => `coalesce(e.${c}, 0)::text as expected_${c}, coalesce(a.${c}, 0)::text as actual_${c}`).join(', '))}
          from expected e full outer join actual a
            on a.campaign_id = e.campaign_id and a.unit_id = e.unit_id and a.category_code = e.category_code and a.month = e.month
         where ${sql.raw(COLUMNS.map((c) => `coalesce(e.${c}, 0) <> coalesce(a.${c}, 0)`).join(' or '))}
         limit ${limit - daily.length}`);
      return [...daily, ...rowsOf<Record<string, string>>(monthly)];
    },

    /**
     * VACUUM (ANALYZE) of both tables: marks their settled pages all-visible, so the dashboards' reads
     * stay index-only scans along the keys (migration 0051), and clears the dead rows every figure
     * update leaves. Outside any transaction (VACUUM cannot run in one).
     */
    async vacuum(db: Db) {
      await db.execute(sql`vacuum (analyze) rollup_daily, rollup_monthly`);
    },

    /** Recomputes both tables from the records (after a unit moves in the tree, or to repair). */
    async rebuild(tx: Db) {
      await tx.execute(sql`delete from rollup_daily`);
      await tx.execute(
        sql`insert into rollup_daily (campaign_id, unit_id, category_code, day, ${sql.raw(COLUMNS.join(', '))}) ${EXPECTED}`,
      );
      await tx.execute(sql`delete from rollup_monthly`);
      await tx.execute(
        sql`insert into rollup_monthly (campaign_id, unit_id, category_code, month, ${sql.raw(COLUMNS.join(', '))}) ${MONTHLY_FROM_DAILY}`,
      );
    },
  };
}

/** A row counts when any figure is not 0 (a row whose contributions cancelled out stays, at zero). */
const NONZERO = COLUMNS.map((c) => `${c} <> 0`).join(' or ');

/** rollup_daily summed by month: what rollup_monthly must hold. */
const MONTHLY_FROM_DAILY = sql`
  select campaign_id, unit_id, category_code, date_trunc('month', day)::date as month,
         ${sql.raw(sumsOfColumns())}
    from rollup_daily
   group by campaign_id, unit_id, category_code, date_trunc('month', day)
  having ${sql.raw(COLUMNS.map((c) => `sum(${c}) <> 0`).join(' or '))}`;

/**
 * Runs a roll-up read without parallel workers. A read is a few thousand rows of the roll-up at most,
 * which PostgreSQL's cost model still hands to workers; starting them cost more than they saved on
 * the benchmark's two cores (the ranking of the units below: 32 → 22 ms at p50, the comparison 45
 * → 30 ms, on the quick dataset).
 */
function readWithoutWorkers(db: Db, query: SQL) {
  // The embedded database has no parallel workers: the read needs no transaction of its own there.
  if (isEmbedded(db)) return db.execute(query);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return tx.execute(query);
  });
}

/**
 * The stored rows of campaign C and the units named for days [from, to], as one source with a
 * `day` column: whole months from rollup_monthly (`day` = the month's first day) and the edge days
 * from rollup_daily (month-split.ts). `byWeek` reads days only (a week may cross a month).
 */
function rowsInPeriod(
  q: { campaignId: string; unitIds: string[]; from: string; to: string },
  opts: { byWeek?: boolean } = {},
): SQL {
  const columns = sql.raw(COLUMNS.join(', '));
  const inUnits = sql.join(
    q.unitIds.map((id) => sql`${id}`),
    sql`, `,
  );
  const split = opts.byWeek ? { months: null, days: [{ from: q.from, to: q.to }] } : splitByMonth(q.from, q.to);
  const parts: SQL[] = [];
  if (split.months)
    parts.push(sql`select unit_id, category_code, month as day, ${columns} from rollup_monthly
       where campaign_id = ${q.campaignId} and unit_id in (${inUnits})
         and month >= ${split.months.fromMonth} and month < ${split.months.untilMonth}`);
  for (const d of split.days)
    parts.push(sql`select unit_id, category_code, day, ${columns} from rollup_daily
       where campaign_id = ${q.campaignId} and unit_id in (${inUnits}) and day between ${d.from} and ${d.to}`);
  // An empty period: no rows, with the columns the callers select.
  if (parts.length === 0) parts.push(sql`select unit_id, category_code, day, ${columns} from rollup_daily where false`);
  return sql.join(parts, sql` union all `);
}

/** The raw contributions of the records in a unit's subtree, a campaign's tree and a date range. */
function EXPECTED_FOR_RANGE(q: { campaignPath: string; unitPath: string; from: string; to: string }) {
  const inUnits = sql`(${unitIdsInSubtree(q.unitPath)})`;
  const inCampaigns = sql`(${idsInTree(campaigns, q.campaignPath)})`;
  return contributionsSql(
    (src) => `${src.category} as category_code`,
    (src, day) =>
      sql`${sql.raw(src.unit)} in ${inUnits} and ${sql.raw(src.campaign)} in ${inCampaigns} and ${sql.raw(day)} between ${q.from} and ${q.to}`,
  );
}

export type RollupsRepository = ReturnType<typeof createRollupsRepository>;
