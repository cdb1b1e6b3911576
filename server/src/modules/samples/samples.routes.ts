import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { registerImportRoute } from '../../platform/tabular/import-route';
import { isIsoDate } from '../calendar/working-days';
import type { SampleFollowUpService } from './sample-follow-up.service';
import type { SampleImportService } from './sample-import.service';
import { FOLLOW_UP_MEASURES, SAMPLE_KINDS, SAMPLE_RESULTS } from './sample-kinds';
import { followUpCloseSchema, followUpLeadSchema, followUpProgressSchema, sampleInputSchema } from './sample.types';
import type { SamplesService } from './samples.service';

const int = z.number().int();
const followUp = z
  .object({
    id: z.uuid(),
    measures: z.array(z.enum(FOLLOW_UP_MEASURES)),
    measureLabels: z.array(z.string()),
    demand: z.string(),
    deadline: z.string(),
    status: z.enum(['open', 'closed']),
    overdue: z.boolean().describe('未办结且已过处置期限'),
    offShelfQuantity: z.string().nullable(),
    offShelfUnit: z.string().nullable(),
    offShelfDate: z.string().nullable(),
    recallNotice: z.string().nullable(),
    recallDate: z.string().nullable(),
    leadId: z.uuid().nullable(),
    progressNote: z.string().nullable(),
    closedByName: z.string().nullable(),
    closedAt: z.date().nullable(),
    closingNote: z.string().nullable(),
    version: int,
  })
  .meta({ id: 'SampleFollowUp' });
const item = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    campaignName: z.string(),
    taskId: z.uuid().nullable(),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    entityId: z.uuid(),
    entityName: z.string(),
    entityCreditCode: z.string(),
    inspectionId: z.uuid().nullable(),
    product: z.string(),
    brandSpec: z.string().nullable(),
    batch: z.string().nullable(),
    sampledDate: z.string(),
    sampleKind: z.enum(SAMPLE_KINDS),
    sampleKindLabel: z.string(),
    lab: z.string().nullable(),
    reportNumber: z.string().nullable(),
    resultDate: z.string().nullable(),
    result: z.enum(SAMPLE_RESULTS),
    resultLabel: z.string(),
    failedItems: z.string().nullable(),
    followUp: followUp.nullable(),
    version: int,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SampleSummary' });
const detail = item
  .extend({
    can: z.object({
      edit: z.boolean(),
      attach: z.boolean(),
      followUp: z.boolean(),
      openLead: z.boolean(),
      close: z.boolean(),
    }),
  })
  .meta({ id: 'Sample' });
const rate = {
  tested: int.describe('已出结论的批次'),
  failed: int.describe('不合格批次'),
  passed: int,
  pending: int.describe('待检批次（不计入合格率）'),
  rate: z.string().nullable().describe('合格率（如 87.5%），由整数计算；无已检批次时为 null'),
};

const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const filters = {
  campaignId: z.uuid('行动编号格式不正确').optional().describe('该行动及其实施方案'),
  unitId: z.uuid('单位编号格式不正确').optional().describe('该单位及其下级'),
  categoryCode: z.string().max(40).optional(),
  result: z.enum(SAMPLE_RESULTS, '检验结论应为 pending、pass 或 fail').optional(),
  q: z.string().max(100).optional().describe('样品名称包含'),
  product: z.string().max(100).optional().describe('样品名称（完全一致：合格率的下钻）'),
  entityId: z.uuid('市场主体编号格式不正确').optional(),
  from: dateParam('抽样日期起'),
  to: dateParam('抽样日期止'),
  overdue: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('只列核查处置逾期的样品'),
};
const idParams = z.object({ id: z.uuid('抽检记录编号格式不正确') });

export function registerSamplesRoutes(app: App, samplesService: SamplesService, followUps: SampleFollowUpService) {
  app.get('/api/samples', {
    schema: {
      tags: ['samples'],
      summary: '抽样检验记录（本单位及下级单位），及全部匹配记录的批次合计',
      querystring: z.object({ ...pagingQuery, ...filters }),
      response: withProblems({
        200: z.object({
          items: z.array(item),
          total: int,
          totalCapped: z.boolean(),
          totals: z.object({ samples: int, ...rate }),
        }),
      }),
    },
    handler: async (req) => samplesService.list(requireActor(req), req.query),
  });

  app.get('/api/samples/pass-rates', {
    schema: {
      tags: ['samples'],
      summary: '抽检合格率（按样品名称和违法类型）',
      querystring: z.object(filters),
      response: withProblems({
        200: z.object({
          byProduct: z.array(z.object({ product: z.string(), ...rate })),
          byCategory: z.array(z.object({ categoryCode: z.string(), categoryLabel: z.string(), ...rate })),
          total: z.object(rate),
        }),
      }),
    },
    handler: async (req) => samplesService.passRates(requireActor(req), req.query),
  });

  app.post('/api/samples', {
    schema: {
      tags: ['samples'],
      summary: '登记抽样检验（不合格时同时开启核查处置）',
      body: sampleInputSchema,
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) => reply.code(201).send(await samplesService.create(requireActor(req), req.body)),
  });

  app.get('/api/samples/:id', {
    schema: { tags: ['samples'], summary: '抽样检验详情', params: idParams, response: withProblems({ 200: detail }) },
    handler: async (req) => samplesService.get(requireActor(req), req.params.id),
  });

  app.put('/api/samples/:id', {
    schema: {
      tags: ['samples'],
      summary: '修改抽样检验、登记检验结论（version 为读取时的版本，他人已修改时返回 409）',
      params: idParams,
      body: sampleInputSchema.extend({ version: int }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => samplesService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/samples/:id/follow-up/progress', {
    schema: {
      tags: ['samples'],
      summary: '登记核查处置情况（下架、召回）',
      params: idParams,
      body: followUpProgressSchema,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => followUps.progress(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/samples/:id/follow-up/lead', {
    schema: {
      tags: ['samples'],
      summary: '由抽检不合格登记案源线索（立案措施；来源：抽检监测）',
      params: idParams,
      body: followUpLeadSchema,
      response: withProblems({ 201: z.object({ leadId: z.uuid() }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await followUps.openLead(requireActor(req), req.params.id, req.body)),
  });

  app.post('/api/samples/:id/follow-up/close', {
    schema: {
      tags: ['samples'],
      summary: '办结核查处置（各项处置措施均已登记）',
      params: idParams,
      body: followUpCloseSchema,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => followUps.close(requireActor(req), req.params.id, req.body),
  });
}

export function registerSampleImportRoutes(app: App, sampleImportService: SampleImportService) {
  registerImportRoute(app, {
    path: '/api/campaigns/:id/samples/import',
    tag: 'samples',
    summary: '导入抽检结果（全部成功或全部不导入）',
    description:
      '表头：抽样日期、抽样单位（单位代码或唯一名称）、违法类型、统一社会信用代码（被抽样单位，须在市场主体名录中）、样品名称；可选：商标/规格、批号或生产日期、抽检类型（监督抽检、风险监测、快速检测）、检验机构、报告编号、结果日期、检验结论（合格、不合格、待检）、不合格项目。不合格的批次同时开启核查处置（下架，10个工作日）。',
    run: (actor, campaignId, file, progress) => sampleImportService.importSamples(actor, campaignId, file, progress),
  });
}
