import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { notifications, type NewNotification } from './notifications.schema';

export function createNotificationsRepository() {
  return {
    /** Inserts those not made before (same person and dedupeKey); returns the new ones. */
    async insertNew(db: Db, rows: NewNotification[]) {
      if (rows.length === 0) return [];
      return db
        .insert(notifications)
        .values(rows)
        .onConflictDoNothing({ target: [notifications.userId, notifications.dedupeKey] })
        .returning();
    },

    async listForUser(db: Db, userId: string, q: { unreadOnly: boolean; limit: number; offset: number }) {
      const where = and(eq(notifications.userId, userId), q.unreadOnly ? isNull(notifications.readAt) : undefined);
      const [items, [{ total }]] = await Promise.all([
        db
          .select()
          .from(notifications)
          .where(where)
          .orderBy(desc(notifications.createdAt), desc(notifications.id))
          .limit(q.limit)
          .offset(q.offset),
        db.select({ total: count() }).from(notifications).where(where),
      ]);
      return { items, total };
    },

    async unreadCount(db: Db, userId: string) {
      const [{ n }] = await db
        .select({ n: count() })
        .from(notifications)
        .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return n;
    },

    /** Marks the person's own notifications read (the given ones, or all); others' ids are ignored. */
    async markRead(db: Db, userId: string, ids: string[] | 'all', at: Date) {
      const rows = await db
        .update(notifications)
        .set({ readAt: at })
        .where(
          and(
            eq(notifications.userId, userId),
            isNull(notifications.readAt),
            ids === 'all' ? undefined : inArray(notifications.id, ids),
          ),
        )
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}

export type NotificationsRepository = ReturnType<typeof createNotificationsRepository>;
