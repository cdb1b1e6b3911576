import type { Actor } from '../../platform/actor';
import { section, type InboxProvider } from '../inbox/inbox';
import { notificationEmailPolicy } from './notification-emails.policy';
import type { NotificationEmailsService } from './notification-emails.service';

/** Where the administrator sees and retries them (web). */
export const EMAIL_FAILURES_LINK = '/email-failures';

/** 邮件发送失败 in an administrator's 我的待办: each failed e-mail to someone in his units, newest first. */
export function createNotificationEmailInbox(deps: {
  notificationEmailsService: Pick<NotificationEmailsService, 'failures'>;
}): InboxProvider {
  return async (actor: Actor) => {
    if (!notificationEmailPolicy.canManageFailures(actor)) return [];
    const { items, total } = await deps.notificationEmailsService.failures(actor, { page: 1, pageSize: 50 });
    if (total === 0) return [];
    return [
      section(
        'email_failed',
        items.map((e) => ({
          kind: 'email_failed',
          recordType: 'notification_email',
          recordId: e.id,
          title: `邮件发送失败：发给${e.recipientName}（${e.toAddress}）的“${e.subject}”`,
          dueAt: null,
          unitId: e.recipientUnitId,
          link: EMAIL_FAILURES_LINK,
          overdue: false,
        })),
        total,
      ),
    ];
  };
}
