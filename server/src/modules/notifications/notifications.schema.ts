import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema';
import type { NotificationKind } from './notification-kinds';

export { NOTIFICATION_KINDS, type NotificationKind } from './notification-kinds';

/**
 * 消息通知: something a person should know, in the app (the bell). A notification is made once:
 * `dedupeKey` names the event (a report's period and state, a chase's id), so a scan run twice, a
 * job retried after a restart or two server processes never tell the same thing twice.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').$type<NotificationKind>().notNull(),
    title: text('title').notNull(),
    body: text('body'),
    /** The web page that opens the record (e.g. /campaigns/…/reports/…). */
    link: text('link'),
    unitId: uuid('unit_id'),
    dedupeKey: text('dedupe_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey),
    index('notifications_user_idx').on(t.userId, t.createdAt),
  ],
);

export type NotificationRow = typeof notifications.$inferSelect;
export type NewNotification = Omit<typeof notifications.$inferInsert, 'id' | 'createdAt' | 'readAt'>;
