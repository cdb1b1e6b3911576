import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/users.schema';
import { notifications } from './notifications.schema';

import type { EmailStatus } from './notification-kinds';

export { EMAIL_STATUSES, type EmailStatus } from './notification-kinds';

/**
 * 邮件通知的发件箱: the e-mail of a notification, written in the notification's own transaction (so
 * it exists exactly when the notification does) and sent afterwards by the `notification-emails`
 * job. One per notification (unique), sent once: `sentAt` is set when the SMTP server accepted it,
 * and a row with `sentAt` is never sent again. A refusal counts an attempt and waits
 * (`nextAttemptAt`, doubling); after the last attempt the row is `failed` with the error, for the
 * administrator to see and retry. `lockedUntil`: a process is sending it (another skips it).
 */
export const notificationEmails = pgTable(
  'notification_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    notificationId: uuid('notification_id')
      .notNull()
      .references(() => notifications.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    status: text('status').$type<EmailStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notification_emails_notification_uq').on(t.notificationId),
    index('notification_emails_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export type NotificationEmailRow = typeof notificationEmails.$inferSelect;
