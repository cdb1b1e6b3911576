import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { EMAIL_STATUSES } from './notification-kinds';
import type { NotificationEmailsService } from './notification-emails.service';

const email = z
  .object({
    id: z.uuid(),
    notificationId: z.uuid(),
    recipientId: z.uuid(),
    recipientName: z.string(),
    recipientUnitId: z.uuid().nullable(),
    toAddress: z.string(),
    subject: z.string().describe('邮件主题（即消息标题）'),
    status: z.enum(EMAIL_STATUSES).describe('pending 待发送（含等待重试）、sent 已发送、failed 发送失败'),
    attempts: z.number().int().describe('已尝试次数'),
    lastError: z.string().nullable().describe('邮件服务器最近一次的拒绝原因'),
    lastAttemptAt: z.date().nullable(),
    sentAt: z.date().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'NotificationEmail' });

export function registerNotificationEmailsRoutes(app: App, service: NotificationEmailsService) {
  app.get('/api/notifications/email-failures', {
    schema: {
      tags: ['notifications'],
      summary: '邮件发送失败：本级及下级人员的消息邮件在多次重试后仍未发出的（仅管理员），最新在前',
      querystring: z.object({ ...pagingQuery }),
      response: withProblems({
        200: z.object({
          items: z.array(email),
          total: z.number().int(),
          enabled: z.boolean().describe('本系统是否配置了邮件服务器（SMTP）'),
        }),
      }),
    },
    handler: async (req) => service.failures(requireActor(req), req.query),
  });

  app.post('/api/notifications/email-failures/:id/retry', {
    schema: {
      tags: ['notifications'],
      summary: '重试：立即重发一封发送失败的邮件（仅管理员）；仍被拒绝时按新邮件的规则再重试',
      params: z.object({ id: z.uuid('邮件编号（id）格式不正确') }),
      response: withProblems({ 200: email }),
    },
    handler: async (req) => service.retry(requireActor(req), req.params.id),
  });
}
