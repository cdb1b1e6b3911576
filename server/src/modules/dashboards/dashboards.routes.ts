import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import type { DashboardClocksService } from './dashboard-clocks.service';
import type { DashboardsService } from './dashboards.service';

const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const query = z.object({
  campaignId: z.uuid('行动编号格式不正确'),
  unitId: z.uuid('单位编号格式不正确').optional().describe('不填为本人所在单位'),
  from: dateParam('统计起始日期').describe('不填为行动开始日'),
  to: dateParam('统计截止日期').describe('不填为今天（行动已结束则为结束日）'),
});

const metric = z.enum(['casesFiled', 'casesClosed', 'finesAndConfiscations']);
const values = z.object({
  casesFiled: z.number().int().describe('立案（件）'),
  casesClosed: z.number().int().describe('结案（件）'),
  finesAndConfiscations: z.string().describe('罚没款金额（元，两位小数）'),
});
const drill = z
  .object({
    campaignId: z.uuid(),
    unitId: z.uuid(),
    category: z.string().describe('违法类型代码；total 为合计'),
    from: z.string(),
    to: z.string(),
  })
  .describe('穿透：GET /api/campaigns/{campaignId}/stats/records 以这些参数和 metric（指标名）列出构成该点的记录');
const head = {
  campaignId: z.uuid(),
  campaignName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  from: z.string(),
  to: z.string(),
  figures: z.array(z.object({ metric, label: z.string(), unit: z.string(), money: z.boolean() })),
};
const point = z.object({ bucket: z.string().describe('周一或月初的日期'), values, drill });

export function registerDashboardsRoutes(
  app: App,
  dashboardsService: DashboardsService,
  dashboardClocksService: DashboardClocksService,
) {
  app.get('/api/dashboards/clocks', {
    schema: {
      tags: ['reports'],
      summary:
        '数据看板·办理期限：某单位（含下级）某行动超期、临期（10日内）的案件和超期、临期（3个工作日内）的线索数（出自统计汇总，与台账同名筛选的合计相等），及最先到期的几条',
      querystring: query.pick({ campaignId: true, unitId: true }),
      response: withProblems({
        200: z.object({
          campaignId: z.uuid(),
          unitId: z.uuid(),
          unitName: z.string(),
          today: z.string(),
          counts: z.object({
            overdueCases: z.number().int().describe('超期案件（件）：台账 ?overdue=true'),
            dueSoonCases: z.number().int().describe('临期案件（件）：台账 ?dueSoon=true'),
            overdueLeads: z.number().int().describe('超期线索（条）：线索 ?due=overdue'),
            dueSoonLeads: z.number().int().describe('临期线索（条）：线索 ?due=due_soon'),
          }),
          first: z.array(
            z.object({
              kind: z.enum(['case', 'lead']),
              id: z.uuid(),
              title: z.string().describe('案件名称或线索的被反映对象'),
              unitName: z.string(),
              dueDate: z.string(),
              overdue: z.boolean(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => dashboardClocksService.clocks(requireActor(req), req.query),
  });

  app.get('/api/dashboards/trend', {
    schema: {
      tags: ['reports'],
      summary:
        '数据看板·趋势：某单位（含下级）某行动的立案、结案、罚没款按周或按月，本年度与上一年度行动同期（上年同期按序对齐）；出自统计汇总，每点附穿透参数',
      querystring: query.extend({
        bucket: z.enum(['week', 'month'], '分组应为 week（按周）或 month（按月）').default('week'),
      }),
      response: withProblems({
        200: z.object({
          ...head,
          bucket: z.enum(['week', 'month']),
          previous: z
            .object({ campaignId: z.uuid(), campaignName: z.string(), from: z.string(), to: z.string() })
            .nullable(),
          note: z.string().nullable().describe('无上一年度行动时的说明'),
          points: z.array(z.object({ index: z.number().int(), current: point.nullable(), previous: point.nullable() })),
        }),
      }),
    },
    handler: async (req) => dashboardsService.trend(requireActor(req), req.query),
  });

  app.get('/api/dashboards/categories', {
    schema: {
      tags: ['reports'],
      summary: '数据看板·按违法类型：行动的各违法类型的立案、结案、罚没款，合计行在最后；每行附穿透参数',
      querystring: query,
      response: withProblems({
        200: z.object({
          ...head,
          rows: z.array(
            z.object({ category: z.string(), label: z.string(), subLabel: z.string().nullable(), values, drill }),
          ),
        }),
      }),
    },
    handler: async (req) => dashboardsService.categories(requireActor(req), req.query),
  });

  app.get('/api/dashboards/units', {
    schema: {
      tags: ['reports'],
      summary:
        '数据看板·下级单位排名：直属下级单位（各含其下级）的立案、结案、罚没款，按立案数排序，及人均（按该单位及下级的在用办案人员账号数）；每行附穿透参数',
      querystring: query,
      response: withProblems({
        200: z.object({
          ...head,
          rows: z.array(
            z.object({
              unitId: z.uuid(),
              unitName: z.string(),
              handlers: z.number().int().describe('办案人员账号数'),
              values,
              perCapita: z
                .object({ casesFiled: z.number(), casesClosed: z.number(), finesAndConfiscations: z.string() })
                .nullable()
                .describe('人均；无办案人员时为空'),
              drill,
            }),
          ),
        }),
      }),
    },
    handler: async (req) => dashboardsService.units(requireActor(req), req.query),
  });
}
