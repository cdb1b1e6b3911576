import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { users } from '../users/users.schema';
import { notificationEmails, type NotificationEmailRow } from './notification-emails.schema';

/** An e-mail with its recipient's name and unit (the unit is what an administrator's scope is on). */
const withRecipient = { email: notificationEmails, recipientName: users.displayName, recipientUnitId: users.unitId };

export function createNotificationEmailsRepository() {
  return {
    /** The active people among these who have an e-mail address. */
    async addressesOf(db: Db, userIds: string[]) {
      if (userIds.length === 0) return [];
      return db
        .select({ id: users.id, email: users.email })
        .from(users)
        .where(and(inArray(users.id, userIds), eq(users.active, true), isNotNull(users.email)));
    },

    async insert(db: Db, rows: (typeof notificationEmails.$inferInsert)[]) {
      if (rows.length === 0) return;
      await db.insert(notificationEmails).values(rows).onConflictDoNothing();
    },

    /**
     * Takes up to `limit` e-mails due to be sent and not being sent by another process (SKIP LOCKED,
     * then `lockedUntil`), so two processes never send the same one at once.
     */
    async claimDue(db: Db, at: Date, lockUntil: Date, limit: number, onlyId?: string): Promise<NotificationEmailRow[]> {
      const due = db
        .select({ id: notificationEmails.id })
        .from(notificationEmails)
        .where(
          and(
            eq(notificationEmails.status, 'pending'),
            isNull(notificationEmails.sentAt),
            lte(notificationEmails.nextAttemptAt, at),
            or(isNull(notificationEmails.lockedUntil), lt(notificationEmails.lockedUntil, at)),
            onlyId ? eq(notificationEmails.id, onlyId) : undefined,
          ),
        )
        .orderBy(asc(notificationEmails.nextAttemptAt))
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(notificationEmails)
        .set({ lockedUntil: lockUntil })
        .where(inArray(notificationEmails.id, due))
        .returning();
    },

    /** Sent: never again (a row with sentAt is never claimed). */
    async markSent(db: Db, id: string, at: Date) {
      await db
        .update(notificationEmails)
        .set({
          status: 'sent',
          sentAt: at,
          lastAttemptAt: at,
          attempts: sql`${notificationEmails.attempts} + 1`,
          lockedUntil: null,
          lastError: null,
        })
        .where(and(eq(notificationEmails.id, id), isNull(notificationEmails.sentAt)));
    },

    /** Refused: the attempt counted, the next one at `next`, or failed for good when `next` is null. */
    async markRefused(db: Db, id: string, at: Date, error: string, next: Date | null) {
      await db
        .update(notificationEmails)
        .set({
          attempts: sql`${notificationEmails.attempts} + 1`,
          lastAttemptAt: at,
          lastError: error,
          lockedUntil: null,
          ...(next ? { nextAttemptAt: next } : { status: 'failed' as const }),
        })
        .where(and(eq(notificationEmails.id, id), isNull(notificationEmails.sentAt)));
    },

    /** The failed e-mails to people in a scope (a condition on the recipient's unit), newest first. */
    async listFailed(db: Db, scope: SQL, q: { limit: number; offset: number }) {
      const where = and(eq(notificationEmails.status, 'failed'), scope);
      const [items, [{ total }]] = await Promise.all([
        db
          .select(withRecipient)
          .from(notificationEmails)
          .innerJoin(users, eq(users.id, notificationEmails.userId))
          .where(where)
          .orderBy(desc(notificationEmails.lastAttemptAt), desc(notificationEmails.id))
          .limit(q.limit)
          .offset(q.offset),
        db
          .select({ total: count() })
          .from(notificationEmails)
          .innerJoin(users, eq(users.id, notificationEmails.userId))
          .where(where),
      ]);
      return { items, total };
    },

    /** One e-mail with its recipient, if the recipient is in the scope. */
    async findInScope(db: Db, id: string, scope: SQL) {
      const [row] = await db
        .select(withRecipient)
        .from(notificationEmails)
        .innerJoin(users, eq(users.id, notificationEmails.userId))
        .where(and(eq(notificationEmails.id, id), scope));
      return row;
    },

    /** A failed e-mail sent again: pending from now, its attempts counted afresh. */
    async requeue(db: Db, id: string, at: Date) {
      const [row] = await db
        .update(notificationEmails)
        .set({ status: 'pending', attempts: 0, nextAttemptAt: at, lockedUntil: null })
        .where(and(eq(notificationEmails.id, id), eq(notificationEmails.status, 'failed')))
        .returning();
      return row;
    },

    async findById(db: Db, id: string) {
      const [row] = await db.select().from(notificationEmails).where(eq(notificationEmails.id, id));
      return row;
    },
  };
}

export type NotificationEmailsRepository = ReturnType<typeof createNotificationEmailsRepository>;
