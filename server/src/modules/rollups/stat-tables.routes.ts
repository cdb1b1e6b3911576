import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { isIsoDate } from '../calendar/working-days';
import type { StatTablesService } from './stat-tables.service';

const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const tableQuery = z.object({
  template: z.string().max(40).optional().describe('统计表模板代码，默认 tiequan-annex2（附件2）'),
  unitId: z.uuid('单位编号格式不正确').optional(),
  from: dateParam('统计起始日期'),
  to: dateParam('统计截止日期'),
  compare: z
    .enum(['previous'], '同比应为 previous')
    .optional()
    .describe('previous：同比，给出上一年度行动上年同期（同月同日，2月29日按2月28日）的数字及增减百分比'),
});
const column = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string().describe('打印单位：人次、件、万元……'),
  kind: z.enum(['derived', 'manual']),
  money: z.boolean().describe('金额（接口中为元，打印为万元）'),
  figure: z.string().nullable(),
  drillable: z.boolean().describe('可穿透：由记录得出的可列出记录，手工填报的可列出填报'),
});
const template = z.object({
  code: z.string(),
  name: z.string(),
  basis: z.string(),
  cumulative: z.boolean(),
  note: z.string().optional(),
  columns: z.array(column),
});

export function registerStatTablesRoutes(app: App, service: StatTablesService) {
  app.get('/api/stat-templates', {
    schema: {
      tags: ['reports'],
      summary: '统计表模板（行：违法类型及合计；列：由记录得出或手工填报的指标）',
      response: withProblems({ 200: z.object({ items: z.array(template) }) }),
    },
    handler: async () => ({ items: service.templates() }),
  });

  app.get('/api/campaigns/:id/stat-table', {
    schema: {
      tags: ['reports'],
      summary: '按模板的统计表：由记录得出的数字实时汇总，手工填报的数字按单位及下级单位汇总；合计行在最后（金额为元）',
      params: campaignParams,
      querystring: tableQuery,
      response: withProblems({
        200: z.object({
          template: z.object({ code: z.string(), name: z.string(), cumulative: z.boolean(), columns: z.array(column) }),
          campaignId: z.uuid(),
          unitId: z.uuid(),
          unitName: z.string(),
          from: z.string(),
          to: z.string(),
          comparison: z
            .object({ campaignId: z.uuid(), campaignName: z.string(), from: z.string(), to: z.string() })
            .nullable()
            .describe('同比时：上一年度行动及其统计期间'),
          rows: z.array(
            z.object({
              category: z.string(),
              label: z.string(),
              subLabel: z.string().nullable(),
              cells: z.record(z.string(), z.string()),
              previous: z.record(z.string(), z.string()).optional().describe('同比：上年同期的数字'),
              change: z
                .record(z.string(), z.number().nullable())
                .optional()
                .describe('同比：增减百分比（一位小数），上年同期为 0 时为 null'),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => service.table(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/campaigns/:id/stat-table.xlsx', {
    schema: {
      tags: ['reports'],
      summary:
        '按模板的统计表（.xlsx，打印格式；有下级单位时为汇总报表）；统计表的唯一写法，/stats.xlsx 是其附件2 的别名',
      params: campaignParams,
      querystring: tableQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.tableXlsx(requireActor(req), req.params.id, req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.post('/api/campaigns/:id/manual-figures', {
    schema: {
      tags: ['reports'],
      summary: '手工填报统计数字（记录无法得出的项目，如捣毁窝点）；须写明依据；更正时另填一条负数',
      params: campaignParams,
      body: z.object({
        unitId: z.uuid('请选择填报单位'),
        categoryCode: z.string().min(1, '请选择违法类型').max(40),
        columnKey: z.string().min(1, '请选择统计项目').max(40),
        day: z.string().refine(isIsoDate, '日期应为有效日期（YYYY-MM-DD）'),
        value: z.union([z.string(), z.number()]).transform((v) => String(v)),
        reason: z.string().trim().min(1, '请填写依据或说明').max(500),
      }),
      response: withProblems({ 201: z.object({ id: z.uuid(), columnKey: z.string(), amount: z.string() }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.enter(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/campaigns/:id/manual-figures', {
    schema: {
      tags: ['reports'],
      summary: '手工填报的记录（穿透：构成某个手工数字的全部填报）',
      params: campaignParams,
      querystring: tableQuery
        .omit({ template: true, compare: true })
        .extend({ columnKey: z.string().max(40).optional(), category: z.string().max(40).optional() }),
      response: withProblems({
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              unitName: z.string(),
              categoryCode: z.string(),
              columnKey: z.string(),
              columnName: z.string(),
              day: z.string(),
              amount: z.string(),
              reason: z.string(),
              createdByName: z.string(),
              createdAt: z.date(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => ({ items: await service.entries(requireActor(req), req.params.id, req.query) }),
  });
}
