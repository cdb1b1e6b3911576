import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { DRILL_METRICS } from './drill-down.types';
import { ANNEX2_FIGURES, figureDef, MONEY_FIGURES, type Annex2Figure } from './metrics';
import { isIsoDate } from '../calendar/working-days';
import type { RollupsService } from './rollups.service';
import type { StatTablesService } from './stat-tables.service';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';

const int = z.number().int();
const yuan = z.string().describe('元，两位小数');
/** An annex-2 row's values, from the metrics table: counts as integers, money as 元 text. */
const values = z.object(
  Object.fromEntries(
    ANNEX2_FIGURES.map((f) => [
      f,
      MONEY_FIGURES.has(f)
        ? yuan.describe(`${figureDef(f).label}（元）`)
        : int.describe(`${figureDef(f).label}（${figureDef(f).unit}）`),
    ]),
  ) as Record<Annex2Figure, z.ZodNumber | z.ZodString>,
);
const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();

const statsQuery = z.object({
  unitId: z.uuid('单位编号格式不正确').optional(),
  from: dateParam('统计起始日期'),
  to: dateParam('统计截止日期'),
});

export function registerRollupsRoutes(
  app: App,
  rollupsService: RollupsService,
  statTablesService: Pick<StatTablesService, 'statsXlsx'>,
) {
  app.get('/api/campaigns/:id/stats', {
    schema: {
      tags: ['reports'],
      summary:
        '统计表（附件2）：某单位（含下级）在某行动（含下级实施方案）某期间的各项数字，实时汇总；合计行在最后。与 /stat-table（模板 tiequan-annex2）同一计算，计数为数字，默认自行动开始日起算；报告报送时固定的、简报引用的即此数字',
      params: z.object({ id: z.uuid('行动编号格式不正确') }),
      querystring: statsQuery,
      response: withProblems({
        200: z.object({
          campaignId: z.uuid(),
          unitId: z.uuid(),
          unitName: z.string(),
          from: z.string(),
          to: z.string(),
          rows: z.array(z.object({ category: z.string(), label: z.string(), subLabel: z.string().nullable(), values })),
        }),
      }),
    },
    handler: async (req) => rollupsService.stats(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/campaigns/:id/stats/records', {
    schema: {
      tags: ['reports'],
      summary: '穿透：构成统计表某个数字的全部记录（案件或检查记录），及其条数和合计（等于表中数字）',
      params: z.object({ id: z.uuid('行动编号格式不正确') }),
      querystring: statsQuery.extend({
        ...pagingQuery,
        category: z.string().max(40).optional().describe('违法类型代码；不填或 total 为合计行'),
        metric: z.enum(DRILL_METRICS, `指标应为：${DRILL_METRICS.join('、')}`),
      }),
      response: withProblems({
        200: z.object({
          unitId: z.uuid(),
          unitName: z.string(),
          from: z.string(),
          to: z.string(),
          category: z.string(),
          metric: z.enum(DRILL_METRICS),
          total: int,
          sum: z.string().describe('这些记录加起来的数（金额为元，两位小数）'),
          items: z.array(
            z.object({
              kind: z.enum(['case', 'inspection']),
              id: z.uuid(),
              date: z.string(),
              unitName: z.string(),
              categoryCode: z.string(),
              number: z.string().nullable(),
              title: z.string(),
              partyName: z.string().nullable(),
              value: z.string(),
            }),
          ),
          provinces: z
            .array(
              z.object({
                unitId: z.uuid(),
                name: z.string(),
                baseUrl: z.string(),
                url: z.string().describe('该省系统中本行动的统计页'),
              }),
            )
            .describe(
              '国家级系统（省级数据汇聚）：构成该数字的记录留在各省系统中，国家级库中没有；此处列出这些省份及其系统地址，穿透到省里查看。普通系统为空',
            ),
        }),
      }),
    },
    handler: async (req) => rollupsService.drillDown(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/campaigns/:id/stats.xlsx', {
    schema: {
      tags: ['reports'],
      summary:
        '统计表（.xlsx，附件2 的格式）；有下级单位时为汇总报表：汇总表在前，每个下级单位一张表。即 /stat-table.xlsx（模板 tiequan-annex2）的别名，同一计算、同一写法，但与 /stats 一样默认自行动开始日起算，文件以行动名称命名',
      params: z.object({ id: z.uuid('行动编号格式不正确') }),
      querystring: statsQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await statTablesService.statsXlsx(requireActor(req), req.params.id, req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
