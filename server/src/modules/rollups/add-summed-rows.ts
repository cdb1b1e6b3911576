import { sql, type SQL } from 'drizzle-orm';

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
export function addSummedRowsSql(
  q: { withClauses: SQL; summed: SQL; columns: string[]; bigintColumns: Set<string> },
  newKeys: NewKeys,
): SQL {
  const figures = q.columns.join(', ');
  const sums = q.columns.map((c) => `sum(${c})::${q.bigintColumns.has(c) ? 'bigint' : 'int'} as ${c}`).join(', ');
  const plain = newKeys === 'insert';
  /** The WITH clauses and the statement that write one table from the rows of `from`. */
  const write = (table: 'rollup_daily' | 'rollup_monthly', period: 'day' | 'month', from: string) => {
    const key = `campaign_id, unit_id, ${period}, category_code`;
    const columns = `campaign_id, unit_id, category_code, ${period}, ${figures}`;
    const add = q.columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
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
      others: `${insert('present')} on conflict (${key}) do update set ${add}`,
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
      select campaign_id, unit_id, category_code, date_trunc('month', day)::date as month, ${sql.raw(sums)}
        from daily group by campaign_id, unit_id, 4, category_code),
    monthly as materialized (select x.*, ${sql.raw(monthly.present)} as present from months x)${sql.raw(monthly.newRows)}
    ${sql.raw(monthly.others)}`;
}
