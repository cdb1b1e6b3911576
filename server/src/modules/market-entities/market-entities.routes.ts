import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { registerImportRoute } from '../../platform/tabular/import-route';
import { isIsoDate } from '../calendar/working-days';
import type { FrequencyRulesService } from './frequency-rules.service';
import type { MarketEntitiesService } from './market-entities.service';
import {
  ENTITY_KINDS,
  entityInputSchema,
  FREQUENCY_PERIODS,
  RISK_LEVELS,
  ruleInputSchema,
} from './market-entity.types';

const int = z.number().int();
const entity = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    name: z.string(),
    creditCode: z.string(),
    entityKind: z.enum(ENTITY_KINDS),
    entityKindLabel: z.string(),
    operatorName: z.string().nullable(),
    address: z.string().nullable(),
    industry: z.string().nullable(),
    divisionCode: z.string().nullable(),
    riskLevel: z.enum(RISK_LEVELS),
    riskLabel: z.string(),
    licence: z.string().nullable(),
    active: z.boolean(),
    version: int,
    updatedAt: z.date(),
  })
  .meta({ id: 'MarketEntity' });
const entityDetail = entity
  .extend({ can: z.object({ edit: z.boolean(), deactivate: z.boolean() }) })
  .meta({ id: 'MarketEntityDetail' });
const historyItem = z
  .object({
    kind: z.string().describe('inspection, random_check, case, credit_listing, sample, rectification, seizure …'),
    recordId: z.uuid(),
    date: z.string(),
    title: z.string(),
    status: z.string().nullable(),
    unitName: z.string(),
    link: z.string(),
  })
  .meta({ id: 'EntityHistoryItem' });
const rule = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    name: z.string(),
    industry: z.string().nullable(),
    entityKind: z.enum(ENTITY_KINDS).nullable(),
    entityKindLabel: z.string().nullable(),
    minCount: int,
    period: z.enum(FREQUENCY_PERIODS),
    periodLabel: z.string(),
    text: z.string(),
    active: z.boolean(),
    version: int,
    can: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'FrequencyRule' });
const idParams = z.object({ id: z.uuid('编号格式不正确') });
const TAG = 'market-entities';

export function registerMarketEntitiesRoutes(app: App, service: MarketEntitiesService, rules: FrequencyRulesService) {
  app.get('/api/market-entities', {
    schema: {
      tags: [TAG],
      summary: '市场主体名录（经济户口；本单位及下级单位管辖，按名称排序）',
      querystring: z.object({
        ...pagingQuery,
        unitId: z.uuid('单位编号格式不正确').optional(),
        q: z.string().trim().max(100).optional().describe('名称或统一社会信用代码'),
        industry: z.string().trim().max(50).optional(),
        entityKind: z.enum(ENTITY_KINDS).optional(),
        riskLevel: z.enum(RISK_LEVELS).optional(),
        status: z.enum(['active', 'inactive', 'all']).default('active').describe('在册（默认）、已停用或全部'),
      }),
      response: withProblems({ 200: z.object({ items: z.array(entity), total: int, totalCapped: z.boolean() }) }),
    },
    handler: async (req) => service.list(requireActor(req), req.query),
  });

  app.post('/api/market-entities', {
    schema: {
      tags: [TAG],
      summary: '登记市场主体（统一社会信用代码按 GB 32100 校验，名录内唯一）',
      body: entityInputSchema,
      response: withProblems({ 201: entityDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.create(requireActor(req), req.body)),
  });

  registerImportRoute(app, {
    path: '/api/market-entities/import',
    tag: TAG,
    summary: '导入市场主体名录（按统一社会信用代码新增或更新）',
    description:
      '表头：名称、统一社会信用代码、管辖单位（单位代码或唯一名称）；可选：住所、行业、行政区划代码、风险等级（低风险/一般风险/高风险）、许可证、主体类型（企业/个体工商户/农民专业合作社/其他）、法定代表人（经营者）。',
    run: (actor, _id, file, progress) => service.importEntities(actor, file, progress),
  });

  app.get('/api/market-entities/under-inspected', {
    schema: {
      tags: [TAG],
      summary: '检查频次不足的市场主体（按各规则的本期：每星期、每月或每季度）',
      querystring: z.object({
        period: z.enum(FREQUENCY_PERIODS, '周期应为 week、month 或 quarter').optional(),
        unitId: z.uuid('单位编号格式不正确').optional(),
        date: z
          .string()
          .refine(isIsoDate, '日期应为有效日期（YYYY-MM-DD）')
          .optional()
          .describe('本期所含的一天，默认今天'),
      }),
      response: withProblems({
        200: z.object({
          date: z.string(),
          periods: z.array(
            z.object({
              ruleId: z.uuid(),
              period: z.enum(FREQUENCY_PERIODS),
              from: z.string(),
              to: z.string(),
              label: z.string(),
            }),
          ),
          items: z.array(
            z.object({
              rule: z.object({ id: z.uuid(), name: z.string(), text: z.string(), unitName: z.string() }),
              entity,
              from: z.string(),
              to: z.string(),
              periodLabel: z.string(),
              outings: int,
              required: int,
              missing: int,
            }),
          ),
        }),
      }),
    },
    handler: async (req) => rules.underInspected(requireActor(req), req.query),
  });

  app.get('/api/market-entities/:id', {
    schema: { tags: [TAG], summary: '市场主体详情', params: idParams, response: withProblems({ 200: entityDetail }) },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/market-entities/:id', {
    schema: {
      tags: [TAG],
      summary: '修改市场主体（version 为读取时的版本，他人已修改时返回 409）',
      params: idParams,
      body: entityInputSchema.extend({ version: int }),
      response: withProblems({ 200: entityDetail }),
    },
    handler: async (req) => service.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/market-entities/:id/deactivate', {
    schema: {
      tags: [TAG],
      summary: '停用市场主体（注销、吊销或已歇业；不再参与抽查和频次规则，经济户口保留）',
      params: idParams,
      body: z.object({ version: int, reason: z.string().trim().min(1, '请填写停用原因').max(200) }),
      response: withProblems({ 200: entityDetail }),
    },
    handler: async (req) => service.deactivate(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/market-entities/:id/history', {
    schema: {
      tags: [TAG],
      summary: '经济户口：该市场主体的检查、双随机抽查、案件、信用记录等（仅限您权限范围内的记录，新→旧）',
      params: idParams,
      response: withProblems({
        200: z.object({ entity: entityDetail, items: z.array(historyItem), kinds: z.array(z.string()) }),
      }),
    },
    handler: async (req) => service.history(requireActor(req), req.params.id),
  });

  app.get('/api/inspection-frequency-rules', {
    schema: {
      tags: [TAG],
      summary: '检查频次规则（本单位、上级和下级单位制定的）',
      response: withProblems({ 200: z.object({ items: z.array(rule) }) }),
    },
    handler: async (req) => rules.listRules(requireActor(req)),
  });

  app.post('/api/inspection-frequency-rules', {
    schema: {
      tags: [TAG],
      summary: '制定检查频次规则（专项办）',
      body: ruleInputSchema,
      response: withProblems({ 201: rule }),
    },
    handler: async (req, reply) => reply.code(201).send(await rules.createRule(requireActor(req), req.body)),
  });

  app.put('/api/inspection-frequency-rules/:id', {
    schema: {
      tags: [TAG],
      summary: '修改或停用检查频次规则（version 为读取时的版本）',
      params: idParams,
      body: ruleInputSchema.and(z.object({ version: int })),
      response: withProblems({ 200: rule }),
    },
    handler: async (req) => rules.updateRule(requireActor(req), req.params.id, req.body),
  });
}
