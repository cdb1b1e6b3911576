import { asc, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Db } from '../src/db/database';
import { MAX_NAMED, placeholders, preparedShapes, shapeOf, type Bind } from '../src/platform/db/prepared-shapes';
import { units } from '../src/platform/org/units.table';
import { pathInSubtree, scopeBoundBy, unitIdInScope } from '../src/platform/scope';
import { createTestDatabase } from './helpers/database';
import { actorAt, insertPathUnits } from './helpers/path-units';

/**
 * Statements prepared once per shape (issue 22, the ledger's hot path) must answer each request
 * with its own values: another actor's scope, a path with `_` or `%`, a condition written inline.
 * Checked on the real database (PGlite, or PostgreSQL with DATABASE_URL).
 */
let database: Database;
const PATHS = { root: '/ps/', a: '/ps/a/', aChild: '/ps/a/c/', aUb: '/ps/a_b/', b: '/ps/b/' } as const;
type Name = keyof typeof PATHS;
let ids = {} as Record<Name, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await insertPathUnits(database.db, PATHS, 'prepared');
});
afterAll(() => database.close());

const nameOf = (id: string) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id);

/** The units a condition keeps, read through a statement prepared per shape. */
async function unitsKept(statements: ReturnType<typeof preparedShapes>, db: Db, condition: (bind: Bind) => SQL) {
  const { bind, values } = placeholders();
  const conditions = sql`${pathInSubtree(units.path, '/ps/', bind, 'root')} and ${condition(bind)}`;
  const rows = await statements.run(
    db,
    shapeOf(conditions),
    () => db.select({ id: units.id }).from(units).where(conditions).orderBy(asc(units.path)),
    values,
  );
  return rows.map((r) => nameOf(r.id));
}

describe('statements prepared once per shape', () => {
  it('answers each actor with its own scope, from one statement', async () => {
    const statements = preparedShapes();
    const scoped = (path: string) => (bind: Bind) => scopeBoundBy(unitIdInScope(actorAt(path), units.id), bind);
    for (let round = 0; round < 2; round++) {
      expect(await unitsKept(statements, database.db, scoped(PATHS.a))).toEqual(['a', 'aChild']);
      expect(await unitsKept(statements, database.db, scoped(PATHS.b))).toEqual(['b']);
      // `_` in the path is itself, not a pattern, when it is a placeholder's value too.
      expect(await unitsKept(statements, database.db, scoped(PATHS.aUb))).toEqual(['aUb']);
      expect(await unitsKept(statements, database.db, scoped(PATHS.root))).toEqual(['root', 'a', 'aChild', 'aUb', 'b']);
    }
    expect(statements.stats).toEqual({ built: 1, named: 1, reused: 7 });
  });

  it('makes a value written inline part of the shape, so it is never another request’s', async () => {
    const statements = preparedShapes();
    // A scope replaced by another condition (not the one unitIdInScope made) keeps its value inline.
    const narrowed = (path: string) => () => scopeBoundBy(sql`${units.path} like ${`${path}%`}`, placeholders().bind);
    expect(await unitsKept(statements, database.db, narrowed(PATHS.a))).toEqual(['a', 'aChild']);
    expect(await unitsKept(statements, database.db, narrowed(PATHS.b))).toEqual(['b']);
    expect(await unitsKept(statements, database.db, narrowed(PATHS.a))).toEqual(['a', 'aChild']);
    expect(statements.stats).toEqual({ built: 2, named: 2, reused: 1 });
    const { bind } = placeholders();
    expect(shapeOf(sql`x = ${bind('v', 1)}`)).toBe(shapeOf(sql`x = ${placeholders().bind('v', 2)}`));
    expect(shapeOf(sql`x = ${1}`)).not.toBe(shapeOf(sql`x = ${2}`));
  });

  it('names the first MAX_NAMED shapes only (PostgreSQL keeps a named statement per connection), and answers the rest alike', async () => {
    const statements = preparedShapes();
    // 105 shapes (more than MAX_NAMED): the same condition with its value inline, each value a shape.
    for (let i = 0; i < 105; i++) {
      const kept = await unitsKept(statements, database.db, () => sql`${units.code} <> ${`none-${i}`}`);
      expect(kept).toEqual(['root', 'a', 'aChild', 'aUb', 'b']);
    }
    expect(await unitsKept(statements, database.db, () => sql`${units.code} <> ${'none-104'}`)).toHaveLength(5);
    expect(statements.stats).toEqual({ built: 105, named: MAX_NAMED, reused: 1 });
  });

  it('refuses one placeholder bound to two values', () => {
    const { bind } = placeholders();
    bind('path', '/a/');
    expect(() => bind('path', '/b/')).toThrow(/bound twice/);
  });

  it('prepares a statement inside a transaction for that transaction alone', async () => {
    const statements = preparedShapes();
    const scoped = (bind: Bind) => scopeBoundBy(unitIdInScope(actorAt(PATHS.a), units.id), bind);
    await database.db.transaction(async (tx) => {
      expect(await unitsKept(statements, tx, scoped)).toEqual(['a', 'aChild']);
      expect(await unitsKept(statements, tx, scoped)).toEqual(['a', 'aChild']);
    });
    expect(statements.stats).toEqual({ built: 2, named: 0, reused: 0 });
  });
});
