import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { NotificationEmailsService } from './notification-emails.service';

/**
 * 邮件发送: every minute, the e-mails due (new ones, and refused ones whose wait is over) are sent,
 * each once (`sentAt`); the outbox rows carry their own attempts and delays, so the job itself
 * only retries when the database failed it. Listed in services.ts only when SMTP is configured.
 */
export function notificationEmailsJob(deps: {
  notificationEmailsService: Pick<NotificationEmailsService, 'sendDue'>;
}): JobDefinition {
  return {
    name: 'notification-emails',
    cron: '* * * * *',
    expireInSeconds: 10 * 60,
    run: async () => {
      await deps.notificationEmailsService.sendDue();
    },
  };
}
