import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { figureDef, MONEY_FIGURES, type DerivedFigure } from '../rollups/metrics';
import { LEAD_SOURCE_LABELS } from '../leads/lead.types';
import { CHART_FIGURES, HEADLINE_FIGURES, TICKER_SIZE, type CommandScreenService } from './command-screen.service';

const int = z.number().int();
const LEAD_SOURCES = Object.keys(LEAD_SOURCE_LABELS) as [
  keyof typeof LEAD_SOURCE_LABELS,
  ...(keyof typeof LEAD_SOURCE_LABELS)[],
];
/** Each figure as the API answers it: counts as integers, money as 元 text (two decimals). */
const figures = <F extends DerivedFigure>(list: readonly F[]) =>
  z.object(
    Object.fromEntries(
      list.map((f) => [
        f,
        MONEY_FIGURES.has(f)
          ? z.string().describe(`${figureDef(f).label}（元，两位小数）`)
          : int.describe(`${figureDef(f).label}（${figureDef(f).unit}）`),
      ]),
    ) as Record<F, z.ZodNumber | z.ZodString>,
  );

export function registerCommandScreenRoutes(app: App, commandScreenService: CommandScreenService) {
  app.get('/api/command-screen', {
    schema: {
      tags: ['reports'],
      summary: `大屏：某行动（含下级实施方案）在某单位（含下级）的总数、今日和本周新立案、按月趋势、直属下级单位排名，以及最新 ${TICKER_SIZE} 件案件和 ${TICKER_SIZE} 条线索（不含投诉举报人信息）；数字均取自实时汇总，与统计表合计一致`,
      querystring: z.object({
        campaignId: z.uuid('行动编号格式不正确'),
        unitId: z.uuid('单位编号格式不正确').optional(),
      }),
      response: withProblems({
        200: z.object({
          campaignId: z.uuid(),
          campaignName: z.string(),
          unitId: z.uuid(),
          unitName: z.string(),
          from: z.string(),
          to: z.string(),
          today: z.string().describe('北京时间的今天'),
          totals: figures(HEADLINE_FIGURES),
          newCases: z.object({
            today: int.describe('今日新立案（件）'),
            thisWeek: int.describe('本周（自周一）新立案（件）'),
          }),
          trend: z.array(z.object({ month: z.string().describe('YYYY-MM'), values: figures(CHART_FIGURES) })),
          units: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), values: figures(CHART_FIGURES) })),
          latestCases: z.array(
            z.object({
              id: z.uuid(),
              caseNumber: z.string().nullable(),
              partyName: z.string().describe('当事人；个人只显示姓氏'),
              unitName: z.string(),
              categoryLabel: z.string(),
              filingDate: z.string(),
            }),
          ),
          latestLeads: z.array(
            z.object({
              id: z.uuid(),
              receivedDate: z.string(),
              source: z.enum(LEAD_SOURCES),
              sourceNumber: z.string().nullable(),
              unitName: z.string(),
              important: z.boolean(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => commandScreenService.screen(requireActor(req), req.query),
  });
}
