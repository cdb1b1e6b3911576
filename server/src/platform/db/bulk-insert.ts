import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import { isEmbedded, type Db } from '../../db/database';

interface QueryClient {
  query(
    query: string | { name: string; text: string; values: unknown[] },
    params?: unknown[],
  ): Promise<{ rows: Record<string, unknown>[] }>;
}

/**
 * Statements of exactly this many rows (an import's batch, import-rows.ts) are prepared once per
 * connection on PostgreSQL: parsing and planning a 500-row VALUES cost about a fifth of storing it.
 * An import also has them planned once (withGenericPlans, run-import.ts), not again for each
 * batch's values. Only this size, so that a connection keeps a few such statements, not one per row
 * count.
 */
const PREPARED_ROWS = 500;

/**
 * A multi-row INSERT of many rows, written as one parameterised statement and sent to the driver
 * (node-postgres or PGlite) of the given database or transaction. For imports: Drizzle's query
 * builder spends more time composing a 500-row insert than PostgreSQL spends storing it. Values go
 * through each column's own driver mapping, columns left out take their defaults, and
 * `returning` names the table's properties wanted back.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: Record<string, unknown>[],
  returning: string[] = [],
  opts: {
    /** The insert's `on conflict …` clause (rows it skips are not returned). */
    onConflict?: string;
    /**
     * A statement run in the same one after the insert (e.g. the records' first history rows): its
     * parameters written `$@1`, `$@2`…; the insert is the CTE `inserted` (with `returning`), and
     * the statement's rows are what comes back.
     */
    then?: { text: string; values: unknown[] };
  } = {},
): Promise<Record<string, unknown>[]> {
  const { onConflict, then } = opts;
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(v: unknown): unknown }>;
  const keys = Object.keys(columns).filter((k) => rows.some((r) => r[k] !== undefined));
  const params: unknown[] = [];
  for (const row of rows)
    for (const k of keys) {
      const v = row[k];
      params.push(v === null || v === undefined ? null : columns[k].mapToDriverValue(v));
    }
  const head = `insert into "${getTableName(table)}" (${keys.map((k) => `"${columns[k].name}"`).join(', ')})`;
  const back = returning.map((k) => `"${columns[k].name}" as "${k}"`).join(', ');
  const shape = `${head}|${rows.length}|${back}|${onConflict ?? ''}|${then?.text ?? ''}`;
  // The statement depends only on the table, the columns, the number of rows and what comes back:
  // an import's full batches share one text, written once.
  let statement = rows.length === PREPARED_ROWS ? statements.get(shape) : undefined;
  if (!statement) {
    const tuples = Array.from(
      { length: rows.length },
      (_, r) => `(${keys.map((_k, c) => `$${r * keys.length + c + 1}`).join(',')})`,
    );
    let text = `${head} values ${tuples.join(',')}${onConflict ? ` ${onConflict}` : ''}${back ? ` returning ${back}` : ''}`;
    if (then)
      text = `with inserted as (${text}) ${then.text.replace(/\$@(\d+)/g, (_, n) => `$${params.length + Number(n)}`)}`;
    statement = { text, name: `bulk_${createHash('sha1').update(text).digest('hex').slice(0, 20)}` };
    if (rows.length === PREPARED_ROWS) {
      if (statements.size >= 50) statements.clear();
      statements.set(shape, statement);
    }
  }
  if (then) params.push(...then.values);
  const client = (db as unknown as { session: { client: QueryClient } }).session.client;
  if (rows.length !== PREPARED_ROWS || isEmbedded(db)) return (await client.query(statement.text, params)).rows;
  return (await client.query({ name: statement.name, text: statement.text, values: params })).rows;
}

/** The texts of full batches' statements by their shape (a few: one per table and set of columns). */
const statements = new Map<string, { text: string; name: string }>();
