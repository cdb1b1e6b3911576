import { z } from 'zod';
import { pagingQuery, problemSchema, requireActor, withProblems, type App } from '../../platform/http';
import { CHECK_RESULTS, drawInputSchema, resultInputSchema, RISK_LEVELS } from './random-check.types';
import type { RandomCheckLeadsService } from './random-check-leads.service';
import type { RandomChecksService } from './random-checks.service';

const int = z.number().int();
const drawSummary = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  campaignId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  name: z.string(),
  algorithm: z.string(),
  seed: z.string(),
  filters: z.object({
    industry: z.string().nullish(),
    riskLevels: z.array(z.enum(RISK_LEVELS)).optional(),
    divisionCode: z.string().nullish(),
  }),
  size: z.object({ share: z.number().optional(), count: int.optional() }),
  candidateCount: int,
  inspectorCount: int,
  replacesId: z.uuid().nullable(),
  replacedById: z.uuid().nullable(),
  reason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.date(),
});
const item = z.object({
  id: z.uuid(),
  seq: int,
  entityId: z.uuid(),
  entityName: z.string(),
  creditCode: z.string(),
  address: z.string().nullable(),
  riskLabel: z.string(),
  inspectors: z.array(z.object({ id: z.uuid(), displayName: z.string() })),
  checkDate: z.string().nullable(),
  result: z.enum(CHECK_RESULTS).nullable(),
  resultLabel: z.string().nullable(),
  resultNote: z.string().nullable(),
  recordedByName: z.string().nullable(),
  published: z.boolean(),
  leadId: z.uuid().nullable().describe('由该检查发现登记的线索'),
  version: int,
  canRecord: z.boolean(),
  canOpenLead: z.boolean().describe('检查结果为“发现问题，已移交或立案处理”且尚未登记线索，当前用户可登记'),
});
const drawDetail = drawSummary
  .extend({ items: z.array(item), can: z.object({ redraw: z.boolean(), publish: z.boolean() }) })
  .meta({ id: 'RandomDraw' });
const idParams = z.object({ id: z.uuid('编号格式不正确') });

export function registerRandomChecksRoutes(app: App, service: RandomChecksService, leads: RandomCheckLeadsService) {
  app.post('/api/random-draws/:id/items/:itemId/lead', {
    schema: {
      tags: ['random-checks'],
      summary: '由双随机检查发现登记线索（检查结果为“发现问题，已移交或立案处理”；来源：监督检查）',
      params: idParams.extend({ itemId: z.uuid('编号格式不正确') }),
      body: z.object({
        campaignId: z.uuid('专项行动编号格式不正确').nullish().describe('抽查任务未关联专项行动时必填'),
        categoryCode: z.string('请选择违法类型').trim().min(1, '请选择违法类型'),
        partyName: z.string().trim().max(200, '当事人不能超过200字').nullish().describe('默认为抽中的市场主体名称'),
        description: z.string().trim().max(5000, '线索内容不能超过5000字').nullish().describe('默认为检查情况说明'),
        important: z.boolean().default(false),
        version: int,
      }),
      response: withProblems({ 201: z.object({ leadId: z.uuid() }), 422: z.any() }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await leads.openLead(requireActor(req), req.params.id, req.params.itemId, req.body)),
  });

  app.post('/api/market-entities/:id/ties', {
    schema: {
      tags: ['random-checks'],
      summary: '登记执法人员与市场主体的回避关系',
      params: idParams,
      body: z.object({ userId: z.uuid('请选择执法人员'), reason: z.string().trim().min(1, '请填写回避原因').max(200) }),
      response: withProblems({ 201: z.object({ entityId: z.uuid(), userId: z.uuid(), reason: z.string() }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.addTie(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/random-draws', {
    schema: {
      tags: ['random-checks'],
      summary: '双随机抽查任务',
      querystring: z.object({ campaignId: z.uuid().optional() }),
      response: withProblems({ 200: z.object({ items: z.array(drawSummary) }) }),
    },
    handler: async (req) => ({ items: await service.listDraws(requireActor(req), req.query.campaignId) }),
  });

  app.post('/api/random-draws', {
    schema: {
      tags: ['random-checks'],
      summary: '随机抽取检查对象并随机匹配执法人员（种子和输入全部保存，可复核）',
      body: drawInputSchema,
      response: withProblems({ 201: drawDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.createDraw(requireActor(req), req.body)),
  });

  app.get('/api/random-draws/:id', {
    schema: {
      tags: ['random-checks'],
      summary: '抽查任务详情',
      params: idParams,
      response: withProblems({ 200: drawDetail }),
    },
    handler: async (req) => service.getDraw(requireActor(req), req.params.id),
  });

  app.get('/api/random-draws/:id/verify', {
    schema: {
      tags: ['random-checks'],
      summary: '按保存的种子和输入重新运行抽取，核对结果是否一致',
      params: idParams,
      response: withProblems({
        200: z.object({
          drawId: z.uuid(),
          algorithm: z.string(),
          seed: z.string(),
          reproducible: z.boolean(),
          firstDifference: int.optional(),
          problem: z.string().optional(),
        }),
      }),
    },
    handler: async (req) => service.verify(requireActor(req), req.params.id),
  });

  app.post('/api/random-draws/:id/redraw', {
    schema: {
      tags: ['random-checks'],
      summary: '重新抽取（生成新的抽查任务并记录原因，原任务保留）',
      params: idParams,
      body: z.object({ reason: z.string().trim().min(1, '请填写重新抽取的原因').max(500) }),
      response: withProblems({ 201: drawDetail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.redraw(requireActor(req), req.params.id, req.body.reason)),
  });

  app.post('/api/random-draws/:id/items/:itemId/result', {
    schema: {
      tags: ['random-checks'],
      summary: '登记检查结果',
      params: idParams.extend({ itemId: z.uuid('编号格式不正确') }),
      body: resultInputSchema,
      response: withProblems({
        200: z.object({
          id: z.uuid(),
          result: z.enum(CHECK_RESULTS).nullable(),
          resultLabel: z.string(),
          checkDate: z.string().nullable(),
          version: int,
        }),
      }),
    },
    handler: async (req) => service.recordResult(requireActor(req), req.params.id, req.params.itemId, req.body),
  });

  app.post('/api/random-draws/:id/publish', {
    schema: {
      tags: ['random-checks'],
      summary: '公示已登记的检查结果（一公开）',
      params: idParams,
      response: withProblems({ 200: z.object({ published: int }) }),
    },
    handler: async (req) => service.publish(requireActor(req), req.params.id),
  });

  app.get('/api/campaigns/:id/random-checks', {
    schema: {
      tags: ['random-checks'],
      summary:
        '双随机抽查指标（本期，含实施方案下的抽查）：覆盖率（已检查/名录内主体）和公示率（已公示/已完成），目标取自方案的考核指标',
      params: idParams,
      response: withProblems({
        200: z.object({
          period: z.object({ label: z.string(), from: z.string(), to: z.string() }),
          registered: int,
          drawn: int,
          completed: int,
          inspectedEntities: int,
          published: int,
          coverage: z.number().nullable(),
          coverageTarget: z.number().nullable(),
          publicationRate: z.number().nullable(),
          publicationTarget: z.number().nullable(),
        }),
      }),
    },
    handler: async (req) => service.campaignKpis(requireActor(req), req.params.id),
  });

  app.get('/api/public/check-results', {
    config: { access: 'public' },
    schema: {
      tags: ['random-checks'],
      summary: '双随机抽查结果公示（无需登录；不含任何人员信息）',
      querystring: z.object({ ...pagingQuery, q: z.string().trim().max(100).optional() }),
      response: {
        200: z.object({
          items: z.array(
            z.object({
              entityName: z.string(),
              creditCode: z.string(),
              address: z.string().nullable(),
              checkDate: z.string().nullable(),
              resultLabel: z.string(),
              unitName: z.string(),
              drawName: z.string(),
            }),
          ),
          total: int,
        }),
        400: problemSchema,
      },
    },
    handler: async (req) => {
      const { items, total } = await service.publicResults(req.query);
      return { items: items.map(({ result: _r, ...rest }) => rest), total };
    },
  });
}
