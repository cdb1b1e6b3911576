import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containing, unitIdInSubtree } from '../../platform/scope';
import type { Db } from '../../db/database';
import { units } from '../units/units.schema';
import { users, type UserRow } from './users.schema';

export function createUsersRepository() {
  return {
    /** `within` narrows to a subtree (a condition on the user's unit, from platform/scope). */
    async list(db: Db, f: { scope: SQL; within?: SQL; q?: string; limit: number; offset: number }) {
      const conds: SQL[] = [f.scope];
      if (f.within) conds.push(f.within);
      if (f.q) conds.push(or(ilike(users.username, containing(f.q)), ilike(users.displayName, containing(f.q)))!);
      const where = and(...conds);
      const items = await db
        .select()
        .from(users)
        .where(where)
        .orderBy(asc(users.username))
        .limit(f.limit)
        .offset(f.offset);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(users)
        .where(where);
      return { items, total };
    },

    /** Active users with a role in a unit's line: the unit, the units above it (by their ids) and those below (by path). */
    async inLine(
      db: Db,
      unitPath: string,
      role: UserRow['roles'][number],
    ): Promise<{ id: string; displayName: string; unitId: string | null }[]> {
      const ancestors = unitPath.split('/').filter(Boolean);
      return db
        .select({ id: users.id, displayName: users.displayName, unitId: users.unitId })
        .from(users)
        .where(
          and(
            eq(users.active, true),
            sql`${role} = any(${users.roles})`,
            or(inArray(users.unitId, ancestors), unitIdInSubtree(unitPath, users.unitId)),
          ),
        )
        .orderBy(asc(users.displayName))
        .limit(500);
    },

    /**
     * Active users holding one of the roles, optionally only those of the given units, with their
     * unit's path (what a job needs to act as them, e.g. to compute a liaison's reminders).
     */
    async activeWithRoles(db: Db, roles: string[], unitIds?: string[]) {
      if (unitIds && unitIds.length === 0) return [];
      return db
        .select({ user: users, unitPath: units.path })
        .from(users)
        .innerJoin(units, eq(units.id, users.unitId))
        .where(
          and(
            eq(users.active, true),
            sql`${users.roles} && ${sql.param(roles)}::text[]`,
            unitIds ? inArray(users.unitId, unitIds) : undefined,
          ),
        )
        .orderBy(asc(users.username));
    },

    /** Active accounts still on the initial password an administrator set (nobody has logged in with them). */
    async awaitingFirstLogin(db: Db, scope: SQL, limit: number) {
      const where = and(eq(users.active, true), eq(users.mustChangePassword, true), scope);
      const [rows, [{ total }]] = await Promise.all([
        db
          .select({
            id: users.id,
            username: users.username,
            displayName: users.displayName,
            unitId: users.unitId,
            unitName: units.name,
            createdAt: users.createdAt,
          })
          .from(users)
          .leftJoin(units, eq(units.id, users.unitId))
          .where(where)
          .orderBy(asc(users.createdAt), asc(users.username))
          .limit(limit),
        db
          .select({ total: sql<number>`count(*)::int` })
          .from(users)
          .where(where),
      ]);
      return { rows, total };
    },

    async findById(db: Db, id: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      return row;
    },

    async findByUsername(db: Db, username: string): Promise<UserRow | undefined> {
      const [row] = await db
        .select()
        .from(users)
        .where(sql`lower(${users.username}) = lower(${username})`);
      return row;
    },

    async insert(tx: Db, row: typeof users.$inferInsert): Promise<UserRow> {
      const [created] = await tx.insert(users).values(row).returning();
      return created;
    },

    async update(
      tx: Db,
      id: string,
      version: number | null,
      patch: Partial<typeof users.$inferInsert>,
    ): Promise<UserRow | undefined> {
      const conds = [eq(users.id, id)];
      if (version !== null) conds.push(eq(users.version, version));
      const [row] = await tx
        .update(users)
        .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
        .where(and(...conds))
        .returning();
      return row;
    },

    async count(db: Db): Promise<number> {
      const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
      return n;
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
