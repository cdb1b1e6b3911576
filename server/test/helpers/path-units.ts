import type { Db } from '../../src/db/database';
import type { Actor } from '../../src/platform/actor';
import { units } from '../../src/platform/org/units.table';

/** Units at the given materialised paths (any text, `_` and `%` included), by name: their ids. */
export async function insertPathUnits<N extends string>(
  db: Db,
  paths: Record<N, string>,
  codePrefix: string,
): Promise<Record<N, string>> {
  const ids = {} as Record<N, string>;
  for (const [name, path] of Object.entries(paths) as [N, string][]) {
    const [row] = await db
      .insert(units)
      .values({ name, code: `${codePrefix}-${name}`, kind: 'bureau', path, depth: path.split('/').length - 2 })
      .returning();
    ids[name] = row.id;
  }
  return ids;
}

/** An office user acting for the unit at `unitPath` (for scope conditions, no login). */
export const actorAt = (unitPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  unitId: 'x',
  unitPath,
  roles: ['office'],
  isSystemAdmin: false,
});
