import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { DivisionMapsService } from './maps.service';

const codes = z
  .string()
  .regex(/^\d{6}(,\d{6}){0,99}$/, '行政区划代码应为6位数字，以逗号分隔，最多100个')
  .transform((s) => [...new Set(s.split(','))])
  .describe('GB/T 2260 行政区划代码（6位），逗号分隔');

export function registerMapsRoutes(app: App, service: DivisionMapsService) {
  app.get('/api/divisions/boundaries', {
    schema: {
      tags: ['reports'],
      summary: '行政区划边界（GeoJSON，区县级，按 GB/T 2260 代码；供分单位地图使用，无边界的代码列在 missing）',
      querystring: z.object({ codes }),
      response: withProblems({
        200: z.object({
          type: z.literal('FeatureCollection'),
          features: z.array(
            z.object({
              type: z.literal('Feature'),
              id: z.string(),
              properties: z.object({ code: z.string(), name: z.string() }),
              geometry: z.object({
                type: z.enum(['Polygon', 'MultiPolygon']),
                coordinates: z.array(z.any()).describe('经纬度（WGS84 近似，保留4位小数）'),
              }),
            }),
          ),
          missing: z.array(z.string()),
        }),
      }),
    },
    handler: async (req, reply) => {
      requireActor(req);
      // Geography changes rarely: the browser keeps it for a day.
      reply.header('cache-control', 'private, max-age=86400');
      return service.boundaries(req.query.codes);
    },
  });
}
