import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { consolidationXlsx } from './consolidation';
import { isIsoDate } from '../calendar/working-days';
import type { ReportsService } from './reports.service';

const int = z.number().int();
const STATES = ['open', 'missing', 'submitted', 'returned', 'accepted'] as const;
const rates = z.object({ expected: int, onTime: int, late: int, missing: int, onTimeRate: z.number().nullable() });
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
/** A report: the schedule's period and the unit owing it (a report has no row until it is sent). */
export const keyQuery = z.object({
  scheduleId: z.string().min(1, '请指定报送事项').max(40),
  periodEnd: isoDate('统计截止日期'),
  unitId: z.uuid('单位编号格式不正确'),
});
const narrativeText = (label: string) => z.string().max(20_000, `${label}不能超过两万字`).default('');
const narrative = z.object({
  statistics: narrativeText('打假统计数据'),
  keyCases: narrativeText('重点案件'),
  practices: narrativeText('经验做法'),
  problems: narrativeText('存在问题'),
  nextSteps: narrativeText('下步打算'),
});
const unitLabel = z
  .string()
  .describe('单位在本方案中的名称：从发文单位之下到本单位的路径（如“崇明区局 / 执法大队”），同名单位不会混淆');
const figureRow = z.object({
  category: z.string(),
  label: z.string(),
  subLabel: z.string().nullable(),
  values: z.record(z.string(), z.union([z.number(), z.string()])),
});
const formColumn = z.object({
  key: z.string(),
  name: z.string(),
  unit: z.string(),
  money: z.boolean().describe('金额（接口中为元的精确文本，打印为万元）'),
  kind: z.enum(['derived', 'manual']).describe('derived：由案件、检查记录统计；manual：手工填报'),
});
const form = z
  .object({
    code: z.string().describe('统计表模板代码（GET /api/stat-templates）'),
    name: z.string(),
    columns: z.array(formColumn),
  })
  .describe('报表所用的统计表：报送事项指定的模板（未指定为“铁拳”行动附件2）；报送后为报送时的表样')
  .meta({ id: 'ReportForm' });
const report = z
  .object({
    campaignId: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    unitLabel,
    scheduleId: z.string(),
    name: z.string(),
    kind: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    dueDate: z.string(),
    dueTime: z.string().optional(),
    deadline: z.string().describe('按时报送的最后时刻（北京时间）'),
    state: z.enum(STATES),
    late: z.boolean(),
    submissionId: z.uuid().nullable(),
    submittedAt: z.date().nullable(),
    submittedByName: z.string().nullable(),
    submittedOnBehalf: z.boolean().describe('代报：由不属于该单位的专项办或管理员替其报送'),
    returnReason: z.string().nullable(),
    reviewedAt: z.date().nullable(),
    reviewedByName: z.string().nullable(),
    version: int,
    narrative: narrative.nullable(),
    form,
    figures: z.array(figureRow).describe('统计表各行（按 form.columns 的 key 取值）'),
    figuresLive: z.boolean().describe('true：实时统计；false：报送时的数字'),
    can: z.object({
      enterFigures: z.boolean().describe('可在报表中手工填报本期的手工填报项目（报送或退回前）'),
      submit: z.boolean(),
      review: z.boolean(),
      reviewByAnother: z.boolean().describe('当前用户可审核但本期由其本人报送：须由专项办其他人员审核'),
      onBehalf: z.boolean().describe('当前用户报送即为代报（须在报送时明确 onBehalf: true）'),
    }),
  })
  .meta({ id: 'PeriodicReport' });

const periodQuery = keyQuery.omit({ unitId: true });
const consolidation = z
  .object({
    campaignId: z.uuid(),
    campaignName: z.string(),
    issuerName: z.string(),
    scheduleId: z.string(),
    name: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    dueDate: z.string(),
    form: z.object({ code: z.string(), name: z.string() }).describe('报送事项的统计表模板'),
    columns: z.array(formColumn),
    rows: z.array(
      z.object({
        unitId: z.uuid(),
        unitLabel,
        state: z.enum(STATES),
        late: z.boolean(),
        values: z
          .record(z.string(), z.union([z.number(), z.string()]))
          .nullable()
          .describe('审核通过时报送的合计数字；未审核通过为 null'),
      }),
    ),
    total: z.object({
      acceptedCount: int,
      values: z.record(z.string(), z.union([z.number(), z.string()])),
    }),
  })
  .meta({ id: 'ReportConsolidation' });

const quotaMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export function registerReportsRoutes(app: App, reportsService: ReportsService) {
  app.get('/api/campaigns/:id/reports/board', {
    schema: {
      tags: ['reports'],
      summary: '报送情况：各参与单位各期报表的状态（按时、逾期、未报、退回、已审核）和按时报送率',
      params: campaignParams,
      querystring: z.object({ scheduleId: z.string().max(40).optional() }),
      response: withProblems({
        200: z.object({
          schedules: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
          scheduleId: z.string().nullable(),
          periods: z.array(
            z.object({
              periodStart: z.string(),
              periodEnd: z.string(),
              dueDate: z.string(),
              dueTime: z.string().nullable(),
            }),
          ),
          units: z.array(z.object({ unitId: z.uuid(), unitName: z.string(), unitLabel })),
          cells: z.array(
            z.object({
              unitId: z.uuid(),
              periodEnd: z.string(),
              state: z.enum(STATES),
              late: z.boolean(),
              submittedAt: z.date().nullable(),
              overdue: z.boolean().describe('已过截止时间且未报送（或退回后未重报），可催报'),
              chasedAt: z.date().nullable().describe('最近一次催报的时间'),
              chasedByName: z.string().nullable(),
            }),
          ),
          perUnit: z.array(rates.extend({ unitId: z.uuid() })),
          rates,
          canReview: z.boolean(),
          canChase: z.boolean(),
        }),
      }),
    },
    handler: async (req) => reportsService.board(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/campaigns/:id/reports/item', {
    schema: {
      tags: ['reports'],
      summary: '某单位某期报表（报送前数字实时统计，报送后为报送时的数字）',
      params: campaignParams,
      querystring: keyQuery,
      response: withProblems({ 200: report }),
    },
    handler: async (req) => reportsService.get(requireActor(req), req.params.id, req.query),
  });

  app.post('/api/campaigns/:id/reports/item', {
    schema: {
      tags: ['reports'],
      summary:
        '报送（或退回后重新报送）某期报表；version 为读取时的版本（未报送为 0）；替他单位报送须 onBehalf（代报）',
      params: campaignParams,
      body: keyQuery.extend({
        narrative,
        version: int,
        onBehalf: z.boolean().optional().describe('代报：不属于该单位的专项办或管理员替其报送时须为 true，并记入审计'),
      }),
      response: withProblems({ 200: report }),
    },
    handler: async (req) => reportsService.submit(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/campaigns/:id/reports/consolidated', {
    schema: {
      tags: ['reports'],
      summary: '汇总报表：某期各单位审核通过的报表（报送时的数字），未审核通过的单位列出状态，合计只计审核通过的',
      params: campaignParams,
      querystring: periodQuery,
      response: withProblems({ 200: consolidation }),
    },
    handler: async (req) => {
      const { accepted: _sheets, ...table } = await reportsService.consolidated(
        requireActor(req),
        req.params.id,
        req.query,
      );
      return table;
    },
  });

  app.get('/api/campaigns/:id/reports/consolidated.xlsx', {
    schema: {
      tags: ['reports'],
      summary: '汇总报表（.xlsx，附件2 打印格式，单位为行，合计在后；另附各审核通过单位的报表）',
      params: campaignParams,
      querystring: periodQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const c = await reportsService.consolidated(requireActor(req), req.params.id, req.query);
      const { fileName, content } = await consolidationXlsx(c);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.post('/api/report-submissions/:id/review', {
    schema: {
      tags: ['reports'],
      summary: '审核报表：退回（须写原因，单位重新报送）或审核通过（锁定）',
      params: z.object({ id: z.uuid('报表编号格式不正确') }),
      body: z.object({
        decision: z.enum(['return', 'accept'], '审核结论应为 return 或 accept'),
        reason: z.string().trim().max(500).nullish(),
        version: int,
      }),
      response: withProblems({ 200: report }),
    },
    handler: async (req) => reportsService.review(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/campaigns/:id/reports/chase', {
    schema: {
      tags: ['reports'],
      summary: '催报：专项办催某单位（不指定单位则催本期全部逾期未报的单位）报送某期报表',
      params: campaignParams,
      body: z.object({
        scheduleId: z.string().min(1, '请指定报送事项').max(40),
        periodEnd: isoDate('统计截止日期'),
        unitId: z.uuid('单位编号格式不正确').optional(),
        note: z.string().trim().max(500, '催报说明不能超过500字').nullish(),
      }),
      response: withProblems({
        201: z.object({
          items: z.array(
            z.object({
              unitId: z.uuid(),
              unitLabel,
              periodEnd: z.string(),
              chasedAt: z.date(),
              chasedByName: z.string(),
              note: z.string().nullable(),
            }),
          ),
        }),
      }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await reportsService.chase(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/reports/reminders', {
    schema: {
      tags: ['reports'],
      summary: '我的报送提醒：三天内到期、已逾期未报或被退回的报表',
      response: withProblems({
        200: z.object({
          items: z.array(
            z.object({
              campaignId: z.uuid(),
              campaignName: z.string(),
              scheduleId: z.string(),
              name: z.string(),
              periodStart: z.string(),
              periodEnd: z.string(),
              dueDate: z.string(),
              dueTime: z.string().nullable(),
              unitId: z.uuid(),
              unitLabel,
              state: z.enum(STATES),
              returnReason: z.string().nullable(),
              chasedAt: z.date().nullable().describe('专项办最近一次催报的时间'),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => ({ items: await reportsService.reminders(requireActor(req)) }),
  });

  app.get('/api/campaigns/:id/quotas', {
    schema: {
      tags: ['reports'],
      summary: '每月报送要求：各部门当月至少办结一个典型案件、报送一条重要线索',
      params: campaignParams,
      querystring: z.object({ month: quotaMonth }),
      response: withProblems({
        200: z.object({
          month: z.string(),
          from: z.string(),
          to: z.string(),
          rows: z.array(
            z.object({
              unitId: z.uuid(),
              unitName: z.string(),
              unitLabel,
              typicalCasesClosed: int,
              importantLeads: int,
              met: z.boolean(),
            }),
          ),
          metCount: int,
          asOf: z.string(),
        }),
      }),
    },
    handler: async (req) => reportsService.quotas(requireActor(req), req.params.id, req.query.month),
  });

  const quotaRecord = z.object({
    id: z.uuid(),
    number: z.string().nullable(),
    title: z.string(),
    partyName: z.string(),
    date: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
  });
  app.get('/api/campaigns/:id/quotas/records', {
    schema: {
      tags: ['reports'],
      summary: '每月报送要求的明细：某单位（含下级）当月办结的典型案件和报送的重要线索',
      params: campaignParams,
      querystring: z.object({ month: quotaMonth, unitId: z.uuid('单位编号格式不正确') }),
      response: withProblems({
        200: z.object({
          month: z.string(),
          unitId: z.uuid(),
          unitName: z.string(),
          unitLabel,
          typicalCases: z.array(quotaRecord),
          importantLeads: z.array(quotaRecord),
        }),
      }),
    },
    handler: async (req) =>
      reportsService.quotaRecords(requireActor(req), req.params.id, req.query.month, req.query.unitId),
  });
}
