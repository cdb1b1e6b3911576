import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/database';
import { units } from '../src/platform/org/units.table';
import { idsInTree, pathInSubtree, unitIdInScope, unitIdInSubtree } from '../src/platform/scope';
import { createTestDatabase } from './helpers/database';
import { actorAt, insertPathUnits } from './helpers/path-units';

/**
 * Paths are made of uuids, so `_` and `%` never occur in them today; a path handed to the scope
 * as a value must still be read as itself if they ever do (never as a pattern). Checked on the
 * real database (PGlite, or PostgreSQL with DATABASE_URL), with paths written to contain them.
 */
let database: Database;
const PATHS = {
  root: '/sc/',
  aUb: '/sc/a_b/',
  axb: '/sc/axb/',
  aUbChild: '/sc/a_b/c/',
  aPct: '/sc/a%/',
  aPctZ: '/sc/a%z/',
} as const;
type Name = keyof typeof PATHS;
let ids = {} as Record<Name, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  ids = await insertPathUnits(database.db, PATHS, 'scope');
});
afterAll(() => database.close());

const nameOf = (id: string) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id);
async function unitsWhere(condition: ReturnType<typeof sql>) {
  const rows = await database.db
    .select({ id: units.id })
    .from(units)
    .where(sql`${inArray(units.id, Object.values(ids))} and ${condition}`);
  return rows.map((r) => nameOf(r.id)).sort();
}

describe('a unit path with `_` or `%` cannot widen the scope', () => {
  it('keeps a subtree to the path as written', async () => {
    expect(await unitsWhere(pathInSubtree(units.path, PATHS.aUb))).toEqual(['aUb', 'aUbChild']);
    expect(await unitsWhere(pathInSubtree(units.path, PATHS.aPct))).toEqual(['aPct']);
  });

  it('keeps the records of a subtree, and an actor’s scope, to it', async () => {
    expect(await unitsWhere(unitIdInSubtree(PATHS.aUb, units.id))).toEqual(['aUb', 'aUbChild']);
    expect(await unitsWhere(sql`${units.id} in (${idsInTree(units, PATHS.aPct)})`)).toEqual(['aPct']);
    expect(await unitsWhere(unitIdInScope(actorAt(PATHS.aUb), units.id))).toEqual(['aUb', 'aUbChild']);
    expect(await unitsWhere(unitIdInScope(actorAt(PATHS.aPct), units.id))).toEqual(['aPct']);
  });
});
