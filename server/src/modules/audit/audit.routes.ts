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

const verifyResult = z
  .object({
    ok: z.boolean(),
    entries: z.number().int().describe('出现问题之前校验通过的条数（完整时为全部条数）'),
    brokenAt: z.number().int().optional().describe('第一条有问题（被改动、缺失或被截去）的序号'),
    finding: z
      .enum(['intact', 'altered', 'gap', 'downgraded', 'rewritten', 'truncated'])
      .describe(
        'intact 完整；altered 记录与哈希不符；gap 序号缺失；downgraded 已签名之后出现未签名记录；rewritten 与检查点不符；truncated 比检查点短',
      ),
    message: z.string().describe('校验结论（中文）'),
    notes: z.array(z.string()).describe('结论不涵盖的部分（中文）'),
    unkeyedBefore: z.number().int().optional().describe('序号小于此值的记录写于启用审计密钥之前'),
    checkpoint: z.object({ seq: z.number().int(), hash: z.string(), at: z.string() }).optional(),
  })
  .meta({ id: 'AuditVerifyResult' });

const dateTime = z.iso.datetime({ offset: true, message: '时间应为 ISO 8601 格式' }).transform((s) => new Date(s));

export function registerAuditRoutes(app: App, auditService: AuditService) {
  // The checkpoint (anchor outside the database) of what a request appended: onResponse runs after
  // the request's transaction has ended; onClose writes the last one at shutdown.
  app.addHook('onResponse', async (req) => {
    await auditService
      .checkpointAfterRequest(String(req.id))
      .catch((err) => req.log.error({ err }, '审计日志检查点写入失败'));
  });
  app.addHook('onClose', async () => {
    await auditService.checkpoint().catch((err) => app.log.error({ err }, '审计日志检查点写入失败'));
  });

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
      summary: '校验审计日志哈希链（带密钥的哈希，并与数据库之外的检查点比对）',
      response: withProblems({ 200: verifyResult }),
    },
    handler: async (req) => auditService.verify(requireActor(req)),
  });
}
