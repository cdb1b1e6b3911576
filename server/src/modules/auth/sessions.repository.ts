import { and, eq, gt, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { sessions } from './sessions.schema';

export function createSessionsRepository() {
  return {
    async insert(tx: Db, row: typeof sessions.$inferInsert) {
      await tx.insert(sessions).values(row);
    },

    /** The live session with its user and the user's unit path (for the scope check). */
    async findLive(db: Db, tokenHash: string, now: Date) {
      const [row] = await db
        .select({ session: sessions, user: users, unitPath: units.path, unitActive: units.active })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .leftJoin(units, eq(units.id, users.unitId))
        .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
      return row;
    },

    async extend(db: Db, tokenHash: string, expiresAt: Date) {
      await db.update(sessions).set({ expiresAt }).where(eq(sessions.tokenHash, tokenHash));
    },

    async delete(tx: Db, tokenHash: string) {
      await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    async deleteAllOfUser(tx: Db, userId: string) {
      await tx.delete(sessions).where(eq(sessions.userId, userId));
    },

    /** Every session of the people of one unit (the unit is deactivated: reactivation revives none). */
    async deleteAllOfUnit(tx: Db, unitId: string) {
      await tx
        .delete(sessions)
        .where(inArray(sessions.userId, tx.select({ id: users.id }).from(users).where(eq(users.unitId, unitId))));
    },

    async deleteOthersOfUser(tx: Db, userId: string, keepTokenHash: string) {
      await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keepTokenHash)));
    },

    async deleteExpired(db: Db, now: Date) {
      await db.delete(sessions).where(lt(sessions.expiresAt, now));
    },
  };
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
