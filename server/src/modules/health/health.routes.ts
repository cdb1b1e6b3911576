import { z } from 'zod';
import { problemSchema, type App } from '../../platform/http';
import type { createHealthService } from './health.service';

const notReady = z.object({
  status: z.literal('not-ready'),
  reason: z.enum(['database-unreachable', 'migrations-pending']),
  message: z.string(),
});

export function registerHealthRoutes(app: App, healthService: ReturnType<typeof createHealthService>) {
  app.get('/api/health', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '健康检查',
      response: {
        200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() }),
        500: problemSchema,
      },
    },
    handler: () => healthService.check(),
  });

  app.get('/api/health/live', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '存活检查（进程在运行，不访问数据库）',
      response: {
        200: z.object({
          status: z.literal('live'),
          version: z.string(),
          pid: z.number().int(),
          uptimeSeconds: z.number().int(),
        }),
      },
    },
    handler: () => healthService.live(),
  });

  // The proxy's health check: a process whose database is gone or not yet migrated gets no traffic.
  app.get('/api/health/ready', {
    config: { access: 'public' },
    schema: {
      tags: ['health'],
      summary: '就绪检查（数据库可访问且迁移已完成；否则 503）',
      response: {
        200: z.object({ status: z.literal('ready'), database: z.enum(['pglite', 'postgres']) }),
        503: notReady,
      },
    },
    handler: async (_request, reply) => {
      const r = await healthService.ready();
      if (r.ready) return { status: 'ready' as const, database: r.database };
      return reply.code(503).send({ status: 'not-ready' as const, reason: r.reason, message: r.message });
    },
  });
}
