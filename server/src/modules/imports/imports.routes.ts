import { z } from 'zod';
import { notFound } from '../../platform/errors';
import { problemSchema, type App } from '../../platform/http';
import { PROGRESS_TOKEN, type ImportProgress } from './import-progress';

/**
 * Progress of a running import, polled by the page while its upload request runs. Public: the
 * browser's random token is the key (see import-progress), and it must answer while an import
 * holds the embedded database, so it does not look up the session.
 */
export function registerImportsRoutes(app: App, importProgress: ImportProgress) {
  app.get(
    '/api/imports/:token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['imports'],
        summary: '导入进度（已读取的行数）',
        params: z.object({ token: z.string().regex(PROGRESS_TOKEN, '导入任务标识无效') }),
        response: {
          200: z.object({ rowsRead: z.number().int(), finished: z.boolean() }),
          400: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (request) => {
      const progress = await importProgress.get(request.params.token);
      if (!progress) throw notFound('导入任务');
      return progress;
    },
  );
}
