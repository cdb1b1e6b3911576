import { z } from 'zod';
import { problemSchema, requireActor, type App } from '../../platform/http';
import { saveTableUpload } from '../../platform/tabular/upload';
import type { CaseImportService } from './case-import.service';

export const importQuery = z.object({ progress: z.string().max(64).optional().describe('浏览器生成的随机标识，用于 GET /api/imports/{token} 查询进度') });
export const importResponses = {
  200: z.object({ imported: z.number().int() }),
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  413: problemSchema,
  422: problemSchema,
};

export function registerCaseImportRoutes(app: App, caseImportService: CaseImportService) {
  app.post(
    '/api/campaigns/:id/cases/import',
    {
      schema: {
        tags: ['cases'],
        summary: '导入案件台账（.csv 或 .xlsx，全部成功或全部不导入）',
        description:
          'multipart/form-data，字段 file。表头（第一行）：案件编号、承办单位、违法类型、案件名称、当事人、统一社会信用代码（可选）、立案日期、结案日期（可选）、涉案金额、罚款、没收违法所得、挽回损失、互联网案件、农村市场案件、移送司法、移送日期（可选）、涉案环节（可选）。任一行有误时返回 422，errors 列出每一处 {row, column, message}，row 为表格中看到的行号（表头为第 1 行）。详见 docs/import.md。',
        consumes: ['multipart/form-data'],
        params: z.object({ id: z.string() }),
        querystring: importQuery,
        response: importResponses,
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const file = await saveTableUpload(request);
      try {
        return await caseImportService.importCases(actor, request.params.id, file, request.query.progress);
      } finally {
        await file.cleanup();
      }
    },
  );
}
