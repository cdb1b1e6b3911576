import { and, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { ThrottleState } from './throttle';
import { loginThrottle } from './throttle.schema';

export function createThrottleRepository() {
  return {
    async find(db: Db, keys: string[]): Promise<Map<string, ThrottleState>> {
      const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
      return new Map(
        rows.map((r) => [
          r.key,
          { failures: r.failures, windowStartedAt: r.windowStartedAt, blockedUntil: r.blockedUntil },
        ]),
      );
    },

    /**
     * Locks a counter (FOR UPDATE) and stores what `next` makes of it, so that concurrent attempts
     * from several processes are decided and counted one after the other. Call inside a transaction.
     */
    async update(tx: Db, key: string, next: (current: ThrottleState) => ThrottleState) {
      // A row whose window began in 1970 counts as none; inserting it first gives FOR UPDATE a row to
      // lock even on a key's first failure, when two processes may count it at the same moment.
      await tx
        .insert(loginThrottle)
        .values({ key, failures: 0, windowStartedAt: new Date(0), blockedUntil: null })
        .onConflictDoNothing();
      const [row] = await tx.select().from(loginThrottle).where(eq(loginThrottle.key, key)).for('update');
      const state = next({
        failures: row.failures,
        windowStartedAt: row.windowStartedAt,
        blockedUntil: row.blockedUntil,
      });
      await tx.update(loginThrottle).set(state).where(eq(loginThrottle.key, key));
    },

    async clear(db: Db, key: string) {
      await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
    },

    /** Deletes counters whose first failure and last wait both ended before `before`. */
    async deleteStale(db: Db, before: Date) {
      await db
        .delete(loginThrottle)
        .where(
          and(
            lt(loginThrottle.windowStartedAt, before),
            or(isNull(loginThrottle.blockedUntil), lt(loginThrottle.blockedUntil, before)),
          ),
        );
    },
  };
}

export type ThrottleRepository = ReturnType<typeof createThrottleRepository>;
