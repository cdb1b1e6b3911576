import { createHash } from 'node:crypto';
import { Placeholder, sql, type SQLWrapper } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';

/**
 * Statements prepared once per filter shape (issue 22): a list's hot path without the query
 * builder's cost on every request.
 *
 * Building a ledger page with Drizzle (its 25 columns, the joins, the conditions) and turning it into
 * SQL costs more server CPU than PostgreSQL spends on running it. A list's statement differs between
 * requests only in which filters are set (its *shape*), not in their values. So a list's conditions
 * are written once with `bind(name, value)` for every value:
 * - `inline` (the default) puts the value into the statement, as Drizzle always does;
 * - `placeholders()` puts a named placeholder there and collects the value.
 * `preparedShapes().run(db, key, conditions, build, values)` builds the statement of a shape once,
 * with placeholders, prepares it (a named statement on PostgreSQL: parsed once per connection),
 * and afterwards only fills in the values.
 *
 * **A shape is its conditions' SQL text,** not a key the caller writes: two requests share a
 * statement only when their conditions read exactly the same. A condition that carries a value
 * inline (written without `bind`, like an actor's scope before it took a placeholder) makes that
 * value part of the shape, so a statement never answers with another request's values.
 *
 * Plans stay those of a statement run once: the pools set `plan_cache_mode = force_custom_plan`
 * (db/database.ts), so PostgreSQL plans each run for its values (a subtree's path prefix, a page's
 * offset), as it does for every unnamed statement.
 */

/** How a condition takes a value: inline, or as a named placeholder of a prepared statement. */
export type Bind = <T>(name: string, value: T) => T | SQLWrapper;

/**
 * The value itself, a parameter of this one statement (what Drizzle does without prepared
 * statements). An array is one parameter (`= any(…)`), not the list Drizzle makes of it in `sql`.
 */
export const inline: Bind = (_name, value) => (Array.isArray(value) ? sql.param(value) : value);

/** Named placeholders, and the values bound to them so far. */
export function placeholders(): { bind: Bind; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  const bind = <T>(name: string, value: T) => {
    if (name in values && values[name] !== value)
      throw new Error(`placeholder ${name} bound twice to different values`);
    values[name] = value;
    return sql.placeholder(name);
  };
  return { bind, values };
}

/** A statement built once, run with a shape's values (Drizzle's prepared query). */
export interface PreparedRun<R> {
  execute(values: Record<string, unknown>): Promise<R>;
}

const dialect = new PgDialect();

/**
 * The shape of some conditions: their SQL text, and any value they carry inline. Values bound with
 * `placeholders()` are not part of it.
 */
export function shapeOf(conditions: SQLWrapper): string {
  const { sql: text, params } = dialect.sqlToQuery(conditions.getSQL());
  const inlineValues = params.filter((p) => !(p instanceof Placeholder));
  return inlineValues.length ? `${text}\u0000${JSON.stringify(inlineValues)}` : text;
}

/** At most this many shapes are kept per database handle; past it the oldest are built again when used. */
const MAX_SHAPES = 500;

/**
 * The prepared statements of a list, per database handle (the primary's pool, a replica's, PGlite)
 * and shape. A statement's name is a hash of its text, so a shape built again (after being dropped
 * from the cache) reuses the connection's parsed statement, and two texts never share a name.
 */
export function preparedShapes() {
  const byClient = new WeakMap<object, Map<string, PreparedRun<unknown>>>();
  /** How many statements were built (and prepared), and how many runs reused one. */
  const stats = { built: 0, reused: 0 };
  return {
    stats,
    async run<R>(
      db: Db,
      key: string,
      build: () => { toSQL(): { sql: string }; prepare(name: string): PreparedRun<R> },
      values: Record<string, unknown>,
    ): Promise<R> {
      const prepare = () => {
        stats.built += 1;
        const query = build();
        return query.prepare(`rs_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 24)}`);
      };
      // `$client` is the handle's pool (or PGlite): through the replica router (read-replica.ts) it
      // is that of the database this request reads from. A transaction has none: its statement is
      // prepared for it alone.
      const client = (db as unknown as { $client?: object }).$client;
      if (!client) return prepare().execute(values);
      let shapes = byClient.get(client);
      if (!shapes) byClient.set(client, (shapes = new Map()));
      let prepared = shapes.get(key) as PreparedRun<R> | undefined;
      if (!prepared) {
        prepared = prepare();
        if (shapes.size >= MAX_SHAPES) shapes.delete(shapes.keys().next().value!);
        shapes.set(key, prepared as PreparedRun<unknown>);
      } else stats.reused += 1;
      return prepared.execute(values);
    },
  };
}
