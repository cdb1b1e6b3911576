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
 * `preparedShapes().run(db, key, build, values)` builds the statement of a shape once, with
 * placeholders, prepares it (a named statement on PostgreSQL, parsed once per connection, for the
 * first MAX_NAMED shapes), and afterwards only fills in the values.
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
 * At most this many shapes per database handle become named statements, which PostgreSQL keeps on
 * each connection until it closes (a ledger page's parse and query trees: about 0.2 MB, so 20 MB per
 * connection at most; the pool closes a connection idle for 10 s). The benchmark's filters make about
 * 80 shapes (page and count, admin and district). The shapes after them are kept built here but sent
 * unnamed, so odd combinations of filters cost no more server memory.
 */
export const MAX_NAMED = 100;

/**
 * The prepared statements of a list, per database handle (the primary's pool, a replica's, PGlite)
 * and shape. A statement's name is a hash of its text, so a shape built again (after being dropped
 * from the cache) reuses the connection's parsed statement, and two texts never share a name.
 */
export function preparedShapes() {
  const byClient = new WeakMap<object, { shapes: Map<string, PreparedRun<unknown>>; named: Set<string> }>();
  /** How many statements were built (and prepared), how many of them named, and how many runs reused one. */
  const stats = { built: 0, named: 0, reused: 0 };
  return {
    stats,
    async run<R>(
      db: Db,
      key: string,
      build: () => { toSQL(): { sql: string }; prepare(name: string): PreparedRun<R> },
      values: Record<string, unknown>,
    ): Promise<R> {
      const prepare = (named: boolean) => {
        stats.built += 1;
        const query = build();
        const name = named
          ? `rs_${createHash('sha1').update(query.toSQL().sql).digest('hex').slice(0, 24)}`
          : undefined;
        return query.prepare(name as string);
      };
      // `$client` is the handle's pool (or PGlite): through the replica router (read-replica.ts) it
      // is that of the database this request reads from. A transaction has none: its statement is
      // built for it alone.
      const client = (db as unknown as { $client?: object }).$client;
      if (!client) return prepare(false).execute(values);
      let kept = byClient.get(client);
      if (!kept) byClient.set(client, (kept = { shapes: new Map(), named: new Set() }));
      let prepared = kept.shapes.get(key) as PreparedRun<R> | undefined;
      if (!prepared) {
        const named = kept.named.has(key) || kept.named.size < MAX_NAMED;
        if (named && !kept.named.has(key)) {
          kept.named.add(key);
          stats.named += 1;
        }
        prepared = prepare(named);
        if (kept.shapes.size >= MAX_SHAPES) kept.shapes.delete(kept.shapes.keys().next().value!);
        kept.shapes.set(key, prepared as PreparedRun<unknown>);
      } else stats.reused += 1;
      return prepared.execute(values);
    },
  };
}
