import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { KPI_MEASURES, KPI_PERIODS } from '../campaigns/campaign-plan.types';
import type { KpisService } from './kpis.service';

const int = z.number().int();
const comparator = z.enum(['>=', '>', '<=', '<', '=']);
const measured = {
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  actual: z.number().nullable(),
  met: z.boolean().nullable(),
};
const period = z.object({ label: z.string(), from: z.string(), to: z.string() });
const kpiView = z
  .object({
    index: int,
    name: z.string(),
    comparator,
    target: z.number(),
    unit: z.string(),
    description: z.string(),
    measure: z.enum(KPI_MEASURES),
    period: z.enum(KPI_PERIODS),
    periods: z.array(period),
    selectedPeriod: z.string(),
    /** The period is still running: a target not reached yet is 进行中. */
    ongoing: z.boolean(),
    ratio: z.boolean(),
    rows: z.array(
      z.object({
        unitId: z.uuid(),
        unitName: z.string(),
        unitLabel: z.string(),
        ...measured,
        figure: z
          .object({
            numerator: int,
            denominator: int,
            reason: z.string(),
            version: int,
            enteredByName: z.string(),
          })
          .nullable(),
        canEnter: z.boolean(),
      }),
    ),
    total: z.object(measured).nullable(),
  })
  .meta({ id: 'CampaignKpi' });
const record = z.object({
  recordType: z.string(),
  recordId: z.string(),
  title: z.string(),
  unitName: z.string(),
  date: z.string().nullable(),
  value: z.number(),
  link: z.string(),
});
const params = z.object({ id: z.uuid('编号格式不正确') });
const kpiParams = params.extend({ kpiIndex: z.coerce.number('指标序号应为数字').int().min(0) });
const periodQuery = z.string().trim().max(20).optional();

export function registerKpisRoutes(app: App, service: KpisService) {
  app.get('/api/campaigns/:id/kpis', {
    schema: {
      tags: ['kpis'],
      summary: '考核指标完成情况：各指标按考核期间、各考核单位（本人权限范围内）的实际值与目标，含实施方案下的记录',
      params,
      querystring: z.object({ period: periodQuery }),
      response: withProblems({ 200: z.object({ campaignId: z.uuid(), kpis: z.array(kpiView) }) }),
    },
    handler: async (req) => service.overview(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/campaigns/:id/kpis/:kpiIndex/records', {
    schema: {
      tags: ['kpis'],
      summary: '考核指标穿透：某单位（不填为合计）某期间实际值背后的记录',
      params: kpiParams,
      querystring: z.object({ unitId: z.uuid('单位编号格式不正确').optional(), period: periodQuery }),
      response: withProblems({
        200: z.object({
          kpiIndex: int,
          name: z.string(),
          unit: z.string(),
          period: z.string(),
          unitId: z.uuid().nullable(),
          unitName: z.string(),
          ...measured,
          records: z.array(record),
        }),
      }),
    },
    handler: async (req) => service.records(requireActor(req), req.params.id, req.params.kpiIndex, req.query),
  });

  app.put('/api/campaigns/:id/kpis/:kpiIndex/figures', {
    schema: {
      tags: ['kpis'],
      summary: '填报手工考核指标（如明厨亮灶覆盖率）：某单位某期间的达标数、总数和依据',
      params: kpiParams,
      body: z.object({
        unitId: z.uuid('请选择填报单位'),
        period: z.string('请选择考核期间').trim().min(1, '请选择考核期间').max(20),
        numerator: z.number('达标数应为数字').int('达标数应为整数').min(0, '达标数不能为负数'),
        denominator: z.number('总数应为数字').int('总数应为整数').min(1, '总数应至少为 1'),
        reason: z
          .string('请填写数据来源和说明')
          .trim()
          .min(1, '请填写数据来源和说明')
          .max(1000, '说明不能超过 1000 个字'),
        version: int.min(0),
      }),
      response: withProblems({
        200: z.object({
          id: z.uuid(),
          kpiIndex: int,
          unitId: z.uuid(),
          period: z.string(),
          numerator: int,
          denominator: int,
          reason: z.string(),
          version: int,
          enteredByName: z.string(),
          enteredAt: z.string(),
        }),
      }),
    },
    handler: async (req) => service.saveFigure(requireActor(req), req.params.id, req.params.kpiIndex, req.body),
  });
}
