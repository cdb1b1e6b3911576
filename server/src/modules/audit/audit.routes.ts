import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import type { AuditService } from './audit.service';

const auditEntry = z
  .object({
    seq: z.number().int(),
    at: z.date(),
    actorUserId: z.uuid().nullable(),
    actorName: z.string(),
    unitId: z.uuid().nullable(),
    action: z.string(),
    recordType: z.string(),
    recordId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const dateTime = z.iso.datetime({ offset: true, message: '时间应为 ISO 8601 格式' }).transform((s) => new Date(s));

export function registerAuditRoutes(app: App, auditService: AuditService) {
  app.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: '审计日志（管理员；可按记录、用户、时间筛选）',
      querystring: z.object({
        recordType: z.string().max(40).optional(),
        recordId: z.string().max(100).optional(),
        actorUserId: z.uuid().optional(),
        from: dateTime.optional(),
        to: dateTime.optional(),
        ...pagingQuery,
      }),
      response: withProblems({ 200: z.object({ items: z.array(auditEntry), total: z.number().int() }) }),
    },
    handler: async (req) => auditService.list(requireActor(req), req.query),
  });

  app.get('/api/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: '校验审计日志哈希链',
      response: withProblems({
        200: z.object({ ok: z.boolean(), entries: z.number().int(), brokenAt: z.number().int().optional() }),
      }),
    },
    handler: async (req) => auditService.verify(requireActor(req)),
  });
}
