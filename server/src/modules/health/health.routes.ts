import { z } from 'zod';
import { problemSchema, type App } from '../../platform/http';
import type { createHealthService } from './health.service';

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
}
