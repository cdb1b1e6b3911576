import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { units, type UnitRow } from './units.schema';
import type { Actor } from '../../platform/actor';
import { rowsOf } from '../../platform/db/rows-of';
import { isPathWithin, pathInSubtree, reportingLineBelow, unitPathInScope } from '../../platform/scope';

export function createUnitsRepository() {
  return {
    /** The units the actor sees (his unit and those below it), in tree order; active ones unless asked. */
    async listInScope(db: Db, actor: Actor, includeInactive = false): Promise<UnitRow[]> {
      const conds = [unitPathInScope(actor, units.path)];
      if (!includeInactive) conds.push(eq(units.active, true));
      return db
        .select()
        .from(units)
        .where(and(...conds))
        .orderBy(asc(units.depth), asc(units.code));
    },

    /** The unit and every active unit below it. */
    async listSubtree(db: Db, path: string): Promise<UnitRow[]> {
      return db
        .select()
        .from(units)
        .where(and(pathInSubtree(units.path, path), eq(units.active, true)))
        .orderBy(asc(units.depth), asc(units.code));
    },

    /** The active units directly below a unit, in code order: the rows of a comparison, the map's areas. */
    async listChildren(db: Db, parentId: string): Promise<UnitRow[]> {
      return db
        .select()
        .from(units)
        .where(and(eq(units.parentId, parentId), eq(units.active, true)))
        .orderBy(asc(units.code));
    },

    /** How many active units sit directly below each of the given units (0 for none), in one query. */
    async countActiveChildrenOf(db: Db, parentIds: string[]): Promise<Map<string, number>> {
      const counts = new Map(parentIds.map((id) => [id, 0]));
      if (parentIds.length === 0) return counts;
      const rows = await db
        .select({ parentId: units.parentId, n: sql<number>`count(*)::int` })
        .from(units)
        .where(and(sql`${units.parentId} = any(${sql.param(parentIds)}::uuid[])`, eq(units.active, true)))
        .groupBy(units.parentId);
      for (const r of rows) counts.set(r.parentId!, Number(r.n));
      return counts;
    },

    async findByIds(db: Db, ids: string[]): Promise<UnitRow[]> {
      if (ids.length === 0) return [];
      // One array parameter, not one per id: an import asks for hundreds at a time.
      return db
        .select()
        .from(units)
        .where(sql`${units.id} = any(${sql.param(ids)}::uuid[])`);
    },

    /**
     * The units that report to a unit in the bureau hierarchy, and no deeper: everything below it
     * reached without passing through a bureau (its 科室/所/大队 and what they hold), and the
     * bureaus directly below it but not their subtrees. A national plan's owing units are found
     * among a few dozen rows instead of the 40,000 units of the country (reports' owing rule).
     */
    async reportingLineBelow(db: Db, unitId: string): Promise<UnitRow[]> {
      const rows = rowsOf<{ id: string }>(await db.execute(reportingLineBelow(unitId)));
      return this.findByIds(
        db,
        rows.map((r) => r.id),
      );
    },

    /**
     * The bureau a unit acts for (its 局): the unit itself when it is a bureau, else the nearest bureau
     * above it — the administrative organ whose name a document and a decision carry.
     */
    async bureauOf(db: Db, unit: UnitRow): Promise<UnitRow> {
      return (await this.bureausOf(db, [unit])).get(unit.id) ?? unit;
    },

    /** `bureauOf` for several units, reading every unit on their paths once: unit id → its bureau. */
    async bureausOf(db: Db, list: UnitRow[]): Promise<Map<string, UnitRow>> {
      const ids = [
        ...new Set(list.filter((u) => u.kind !== 'bureau').flatMap((u) => u.path.split('/').filter(Boolean))),
      ];
      const bureaus = (await this.findByIds(db, ids)).filter((u) => u.kind === 'bureau');
      const nearest = (unit: UnitRow) =>
        bureaus.filter((b) => isPathWithin(unit.path, b.path)).sort((a, b) => b.path.length - a.path.length)[0] ?? unit;
      return new Map(list.map((u) => [u.id, u.kind === 'bureau' ? u : nearest(u)]));
    },

    async findById(db: Db, id: string): Promise<UnitRow | undefined> {
      const [row] = await db.select().from(units).where(eq(units.id, id));
      return row;
    },

    async findByCode(db: Db, code: string): Promise<UnitRow | undefined> {
      const [row] = await db.select().from(units).where(eq(units.code, code));
      return row;
    },

    async insert(tx: Db, row: typeof units.$inferInsert): Promise<UnitRow> {
      const [created] = await tx.insert(units).values(row).returning();
      return created;
    },

    /** Updates when the stored version is still `version`; undefined when someone changed it first. */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<typeof units.$inferInsert>,
    ): Promise<UnitRow | undefined> {
      const [row] = await tx
        .update(units)
        .set({ ...patch, version: sql`${units.version} + 1`, updatedAt: new Date() })
        .where(and(eq(units.id, id), eq(units.version, version)))
        .returning();
      return row;
    },

    /** Rewrites the path prefix and depth of a whole subtree (the unit and everything below it). */
    async rewriteSubtreePaths(tx: Db, oldPrefix: string, newPrefix: string, depthDelta: number): Promise<void> {
      await tx
        .update(units)
        .set({
          path: sql`${newPrefix} || substr(${units.path}, ${oldPrefix.length + 1})`,
          depth: sql`${units.depth} + ${depthDelta}`,
        })
        .where(pathInSubtree(units.path, oldPrefix));
    },

    async countActiveChildren(db: Db, id: string): Promise<number> {
      const [{ n }] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(units)
        .where(and(eq(units.parentId, id), eq(units.active, true)));
      return n;
    },
  };
}

export type UnitsRepository = ReturnType<typeof createUnitsRepository>;
