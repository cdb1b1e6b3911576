import type { Db } from '../../src/db/database';
import { notificationEmails } from '../../src/modules/notifications/notification-emails.schema';
import { notifications } from '../../src/modules/notifications/notifications.schema';

/** A notification of the user and its e-mail that failed for good (as after the last refused attempt). */
export async function insertFailedEmail(db: Db, userId: string, title = '测试消息'): Promise<string> {
  const [n] = await db
    .insert(notifications)
    .values({ userId, kind: 'report_chased', title, dedupeKey: `failed-email:${crypto.randomUUID()}` })
    .returning();
  const [e] = await db
    .insert(notificationEmails)
    .values({
      notificationId: n.id,
      userId,
      toAddress: 'someone@example.gov.cn',
      subject: title,
      body: title,
      status: 'failed',
      attempts: 5,
      lastError: '550 mailbox unavailable',
      lastAttemptAt: new Date(),
    })
    .returning();
  return e.id;
}
