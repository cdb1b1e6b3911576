/**
 * How figures are added to the roll-up tables: deltas summed in this process (a record saved, a
 * file of inspections or leads), and rows summed by the database (an import's cases).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { COLUMN, FEN_METRICS, METRICS, type Metric } from './metrics';
import type { Contribution } from './rollup-contributions';

/** The roll-up tables' figure columns, in the tables' order. */
export const COLUMNS = METRICS.map((m) => COLUMN[m]);
/** The figure columns of money (fen), bigint; the others are int. */
const FEN_COLUMNS = new Set([...FEN_METRICS].map((m) => COLUMN[m]));

/** Every figure column summed under its own name, money as bigint (`from`: a table alias and dot, or ''). */
export const sumsOfColumns = (from = '') =>
  COLUMNS.map((c) => `sum(${from}${c})::${FEN_COLUMNS.has(c) ? 'bigint' : 'int'} as ${c}`).join(', ');

/** ON CONFLICT's SET list: every figure of the row in `table` plus the one that conflicted. */
const addedToRow = (table: string) => COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/** Rows added per statement: a statement carries one array per column, whatever the number of rows. */
const ADD_CHUNK = 5_000;

/**
 * Adds deltas to a roll-up table: inserted where the key is new, summed into the row where it is
 * not. One statement per ADD_CHUNK rows, the values as one array parameter per column (`unnest`):
 * composing a multi-row VALUES through the query builder cost an import more than PostgreSQL spent
 * storing it. Money goes as exact text cast to bigint. The deltas carry each key once (merged).
 */
export async function addDeltas(tx: Db, table: 'rollup_daily' | 'rollup_monthly', rows: Contribution[]) {
  const dayColumn = table === 'rollup_daily' ? 'day' : 'month';
  const add = addedToRow(table);
  const types = COLUMNS.map((c) => (FEN_COLUMNS.has(c) ? 'bigint[]' : 'int[]'));
  // In the primary key's order: an import's thousands of rows then touch each index page once.
  rows = rows
    .map((r) => ({ r, key: `${r.campaignId}|${r.unitId}|${r.day}|${r.categoryCode}` }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((x) => x.r);
  for (let i = 0; i < rows.length; i += ADD_CHUNK) {
    const chunk = rows.slice(i, i + ADD_CHUNK);
    const arrays: unknown[][] = [
      chunk.map((d) => d.campaignId),
      chunk.map((d) => d.unitId),
      chunk.map((d) => d.categoryCode),
      chunk.map((d) => d.day),
      ...METRICS.map((m) =>
        FEN_METRICS.has(m)
          ? chunk.map((d) => String(d.metrics[m] ?? 0n))
          : chunk.map((d) => Number(d.metrics[m] ?? 0n)),
      ),
    ];
    const params = sql.join(
      arrays.map(
        (values, k) => sql`${sql.param(values)}::${sql.raw(['uuid[]', 'uuid[]', 'text[]', 'date[]', ...types][k])}`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      insert into ${sql.raw(table)} (campaign_id, unit_id, category_code, ${sql.raw(dayColumn)}, ${sql.raw(COLUMNS.join(', '))})
      select * from unnest(${params})
      on conflict (campaign_id, unit_id, ${sql.raw(dayColumn)}, category_code) do update set ${sql.raw(add)}`);
  }
}

/** Deltas merged per (campaign, unit, category, month); `day` holds the month's first day. */
export function byMonth(deltas: Contribution[]): Contribution[] {
  const merged = new Map<string, Contribution>();
  for (const d of deltas) {
    const month = `${d.day.slice(0, 7)}-01`;
    const key = `${d.campaignId}|${d.unitId}|${d.categoryCode}|${month}`;
    const m = merged.get(key);
    if (!m) merged.set(key, { ...d, day: month, metrics: { ...d.metrics } });
    else
      for (const k of Object.keys(d.metrics) as Metric[])
        m.metrics[k] = ((m.metrics[k] ?? 0n) as bigint) + ((d.metrics[k] ?? 0n) as bigint);
  }
  return [...merged.values()];
}

/**
 * How a bulk addition writes the keys that have no roll-up row yet:
 * - `insert`: a plain INSERT of those keys, the rows that exist added to through ON CONFLICT. At
 *   national size most of an import's keys are new (below the district nearly one per case), and
 *   ON CONFLICT's speculative insertion costs as much again as the insert itself (620,000 daily
 *   rows: 3.4 s against 1.6 s into an empty table with the same covering key). Refused (23505)
 *   when another transaction created one of those keys after this statement's snapshot.
 * - `upsert`: every key through ON CONFLICT, which waits for such a transaction and adds to its
 *   row: the slower statement the caller falls back to.
 */
export type NewKeys = 'insert' | 'upsert';

/**
 * One statement that adds summed roll-up rows to rollup_daily and their months to rollup_monthly.
 * `withClauses` are the statement's first WITH clauses (each followed by a comma); `summed` selects
 * campaign_id, unit_id, category_code, day and every figure column, one row per key (what the
 * records add, summed by the database). Each table is written in its key's order, each key once.
 */
export function addSummedRowsSql(q: { withClauses: SQL; summed: SQL }, newKeys: NewKeys): SQL {
  const figures = COLUMNS.join(', ');
  const plain = newKeys === 'insert';
  /** The WITH clauses and the statement that write one table from the rows of `from`. */
  const write = (table: 'rollup_daily' | 'rollup_monthly', period: 'day' | 'month', from: string) => {
    const key = `campaign_id, unit_id, ${period}, category_code`;
    const columns = `campaign_id, unit_id, category_code, ${period}, ${figures}`;
    const insert = (where: string) =>
      `insert into ${table} (${columns}) select ${columns} from ${from} where ${where} order by ${key}`;
    // Whether each key has its row already, probed through the table's key (an index-only scan):
    // only for a plain insert of the new keys, which writes the two kinds apart.
    const present = plain
      ? `exists (select 1 from ${table} r where r.campaign_id = x.campaign_id and r.unit_id = x.unit_id
                   and r.${period} = x.${period} and r.category_code = x.category_code)`
      : 'true';
    return {
      present,
      newRows: plain ? `, ${from}_new as (${insert('not present')})` : '',
      others: `${insert('present')} on conflict (${key}) do update set ${addedToRow(table)}`,
    };
  };
  const daily = write('rollup_daily', 'day', 'daily');
  const monthly = write('rollup_monthly', 'month', 'monthly');
  return sql`
    with ${q.withClauses}
    summed as (${q.summed}),
    daily as materialized (select x.*, ${sql.raw(daily.present)} as present from summed x)${sql.raw(daily.newRows)},
    daily_others as (${sql.raw(daily.others)}),
    months as (
      select campaign_id, unit_id, category_code, date_trunc('month', day)::date as month, ${sql.raw(sumsOfColumns())}
        from daily group by campaign_id, unit_id, 4, category_code),
    monthly as materialized (select x.*, ${sql.raw(monthly.present)} as present from months x)${sql.raw(monthly.newRows)}
    ${sql.raw(monthly.others)}`;
}
