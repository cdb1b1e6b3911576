import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { isIsoDate } from '../calendar/working-days';
import type { UnitComparisonService } from './unit-comparison.service';

const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const comparisonQuery = z.object({
  template: z.string().max(40).optional().describe('统计表模板代码，默认 tiequan-annex2（附件2）'),
  unitId: z.uuid('单位编号格式不正确').optional().describe('对比其直属下级单位的单位，默认本人所在单位'),
  from: dateParam('统计起始日期'),
  to: dateParam('统计截止日期'),
  sort: z.string().max(40).optional().describe('按哪一列排序（列的 key）'),
  sortCategory: z.string().max(40).optional().describe('排序列所在的违法类型，默认 total（合计）'),
  order: z.enum(['asc', 'desc'], '排序方向应为 asc 或 desc').optional().describe('默认 desc（从大到小）'),
});
const cells = z
  .record(z.string(), z.record(z.string(), z.string()))
  .describe('违法类型代码（及 total）→ 列 key → 数字（金额为元）');

export function registerUnitComparisonRoutes(app: App, service: UnitComparisonService) {
  app.get('/api/campaigns/:id/stat-table/by-unit', {
    schema: {
      tags: ['reports'],
      summary:
        '分单位对比：统计表的每个直属下级单位一行（各含其下级单位），违法类型为列组，合计行为所选单位本身的数字（金额为元）',
      params: campaignParams,
      querystring: comparisonQuery,
      response: withProblems({
        200: z.object({
          template: z.object({
            code: z.string(),
            name: z.string(),
            cumulative: z.boolean(),
            columns: z.array(
              z.object({
                key: z.string(),
                name: z.string(),
                unit: z.string(),
                kind: z.enum(['derived', 'manual']),
                money: z.boolean(),
                figure: z.string().nullable(),
              }),
            ),
          }),
          categories: z.array(z.object({ code: z.string(), label: z.string(), subLabel: z.string().nullable() })),
          campaignId: z.uuid(),
          campaignName: z.string(),
          unitId: z.uuid(),
          unitName: z.string(),
          parentUnitId: z.uuid().nullable(),
          from: z.string(),
          to: z.string(),
          rows: z.array(
            z.object({
              unitId: z.uuid(),
              unitName: z.string(),
              kind: z.string(),
              divisionCode: z.string().nullable().describe('行政区划代码（GB/T 2260），局才有'),
              childCount: z.number().int().describe('直属下级单位数（可继续下钻）'),
              cells,
            }),
          ),
          total: z.object({ unitId: z.uuid(), unitName: z.string(), cells }),
        }),
      }),
    },
    handler: async (req) => service.comparison(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/campaigns/:id/stat-table/by-unit.xlsx', {
    schema: {
      tags: ['reports'],
      summary: '分单位对比（.xlsx，A4 横向，违法类型为合并表头的列组，金额为万元）',
      params: campaignParams,
      querystring: comparisonQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.comparisonXlsx(requireActor(req), req.params.id, req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
