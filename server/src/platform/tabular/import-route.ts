import { z } from 'zod';
import type { Actor } from '../actor';
import { problemSchema, requireActor, type App } from '../http';
import { saveTableUpload, type SavedUpload } from './upload';

const importQuery = z.object({
  progress: z
    .string()
    .max(64)
    .optional()
    .describe('浏览器生成的随机标识（UUID），导入进行中可用 GET /api/imports/{token} 查询进度'),
});

/**
 * An import route of the public contract (docs/import.md): POST, multipart field `file` (.csv or
 * .xlsx), all or nothing; 200 {imported}, 422 problem+json with errors [{row, column, message}].
 */
export function registerImportRoute(
  app: App,
  route: {
    path: string;
    tag: string;
    summary: string;
    description: string;
    run: (actor: Actor, campaignId: string, file: SavedUpload, progress?: string) => Promise<{ imported: number }>;
  },
) {
  app.post(
    route.path,
    {
      schema: {
        tags: [route.tag],
        summary: route.summary,
        description: `multipart/form-data，字段 file（.csv UTF-8 或 .xlsx 第一个工作表）。${route.description}任一行有误时返回 422，errors 列出每一处 {row, column, message}，row 为表格中看到的行号（表头为第 1 行），并且不导入任何一行。详见 docs/import.md。`,
        consumes: ['multipart/form-data'],
        ...(route.path.includes(':id') ? { params: z.object({ id: z.string() }) } : {}),
        querystring: importQuery,
        response: {
          200: z.object({ imported: z.number().int() }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          413: problemSchema,
          422: problemSchema,
        },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await saveTableUpload(request);
      try {
        return await route.run(actor, (request.params as { id?: string }).id ?? '', file, request.query.progress);
      } finally {
        await file.cleanup();
      }
    },
  );
}
