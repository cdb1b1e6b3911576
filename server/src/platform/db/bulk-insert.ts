import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';

interface QueryClient {
  query(text: string, params: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

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
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const columns = getTableColumns(table) as Record<string, { name: string; mapToDriverValue(v: unknown): unknown }>;
  const keys = Object.keys(columns).filter((k) => rows.some((r) => r[k] !== undefined));
  const params: unknown[] = [];
  const tuples = rows.map(
    (row) =>
      `(${keys
        .map((k) => {
          const v = row[k];
          params.push(v === null || v === undefined ? null : columns[k].mapToDriverValue(v));
          return `$${params.length}`;
        })
        .join(',')})`,
  );
  const back = returning.map((k) => `"${columns[k].name}" as "${k}"`).join(', ');
  const text = `insert into "${getTableName(table)}" (${keys.map((k) => `"${columns[k].name}"`).join(', ')}) values ${tuples.join(',')}${back ? ` returning ${back}` : ''}`;
  const client = (db as unknown as { session: { client: QueryClient } }).session.client;
  return (await client.query(text, params)).rows;
}
