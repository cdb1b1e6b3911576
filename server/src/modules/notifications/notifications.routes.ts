import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { NotificationsService } from './notifications.service';
import { NOTIFICATION_KINDS } from './notification-kinds';

const notification = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string().nullable(),
  link: z.string().nullable().describe('打开所涉记录的页面地址'),
  createdAt: z.date(),
  readAt: z.date().nullable(),
});

export function registerNotificationsRoutes(app: App, notificationsService: NotificationsService) {
  app.get('/api/notifications', {
    schema: {
      tags: ['notifications'],
      summary: '我的消息通知（最新在前），含未读条数；只能看到发给自己的',
      querystring: z.object({
        unread: z.enum(['true', 'false'], '是否只看未读（unread）应为 true 或 false').optional(),
        page: z.coerce.number('页码（page）应为数字').int().min(1, '页码（page）从 1 开始').default(1),
        pageSize: z.coerce
          .number('每页条数（pageSize）应为数字')
          .int()
          .min(1, '每页条数（pageSize）至少为 1')
          .max(100, '每页条数（pageSize）不能超过 100')
          .default(20),
      }),
      response: withProblems({
        200: z.object({ items: z.array(notification), total: z.number(), unread: z.number() }),
      }),
    },
    handler: async (req) =>
      notificationsService.list(requireActor(req), {
        unreadOnly: req.query.unread === 'true',
        page: req.query.page,
        pageSize: req.query.pageSize,
      }),
  });

  app.post('/api/notifications/read', {
    schema: {
      tags: ['notifications'],
      summary: '把消息标为已读：给出的几条（ids），或全部（all: true）',
      body: z
        .object({
          ids: z.array(z.uuid('消息编号（ids）格式不正确'), '消息编号（ids）应为列表').max(500).optional(),
          all: z.literal(true, '全部已读（all）只能为 true').optional(),
        })
        .refine((b) => b.all || (b.ids?.length ?? 0) > 0, {
          message: '请给出要标为已读的消息（ids）或 all: true',
          path: ['ids'],
        }),
      response: withProblems({ 200: z.object({ marked: z.number(), unread: z.number() }) }),
    },
    handler: async (req) => notificationsService.markRead(requireActor(req), req.body.all ? 'all' : req.body.ids!),
  });
}
