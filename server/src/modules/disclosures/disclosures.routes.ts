import { z } from 'zod';
import { notFound } from '../../platform/errors';
import { pagingQuery, problemSchema, requireActor, withProblems, type App } from '../../platform/http';
import { isUuid } from '../../platform/scope';
import type { ConsumerWarningsService } from './consumer-warnings.service';
import { DISCLOSURE_STATUSES, WARNING_KINDS, WARNING_STATUSES } from './disclosure-kinds';
import type { DisclosuresService } from './disclosures.service';

const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const VIEW_STATUSES = [...DISCLOSURE_STATUSES, 'pending'] as const;

const disclosure = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    caseName: z.string(),
    unitId: z.uuid(),
    unitName: z.string().describe('发布单位'),
    campaignId: z.uuid(),
    title: z.string(),
    body: z.string().describe('公开的正文（已脱敏）'),
    partyDisplayName: z.string().describe('公开时当事人的称谓：受处罚企业的名称，或自然人“张某”'),
    categoryLabel: z.string(),
    decisionDate: z.string(),
    status: z.enum(VIEW_STATUSES).describe('draft 草稿；pending 待审批；published 已发布；withdrawn 已撤下'),
    approvalRequestId: z.uuid().nullable(),
    publishedAt: z.date().nullable(),
    withdrawnAt: z.date().nullable(),
    withdrawReason: z.string().nullable(),
    createdByName: z.string(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: int,
    can: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'CaseDisclosure' });

const warning = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    kind: z.enum(WARNING_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    body: z.string(),
    issuedDate: z.string().nullable(),
    status: z.enum(WARNING_STATUSES).describe('draft 草稿；published 已发布；withdrawn 已撤下'),
    publishedAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: int,
    can: z.object({ edit: z.boolean(), publish: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'ConsumerWarning' });

const idParams = z.object({ id: z.uuid('编号格式不正确') });
const textInput = z.object({
  title: text('标题', 100),
  body: text('正文', 5000),
  partyDisplayName: text('当事人', 100),
});
const warningInput = z.object({
  kind: z.enum(WARNING_KINDS, '类别应为消费警示或警示公告'),
  title: text('标题', 100),
  body: text('正文', 5000),
});
const withChecks = <T extends Record<number, z.ZodType>>(r: T) => withProblems({ 422: problemSchema, ...r });

/** Public answers: published texts, public fields only — no person, no internal record but the text's own id. */
const publicDisclosure = z
  .object({
    id: z.uuid(),
    title: z.string(),
    body: z.string(),
    partyDisplayName: z.string(),
    categoryLabel: z.string(),
    decisionDate: z.string(),
    unitName: z.string().describe('发布单位'),
    publishedAt: z.date().nullable(),
  })
  .meta({ id: 'PublicDisclosure' });
const publicWarning = z
  .object({
    id: z.uuid(),
    kind: z.enum(WARNING_KINDS),
    kindLabel: z.string(),
    title: z.string(),
    body: z.string(),
    issuedDate: z.string().nullable(),
    unitName: z.string(),
    publishedAt: z.date().nullable(),
  })
  .meta({ id: 'PublicWarning' });

export function registerDisclosuresRoutes(app: App, service: DisclosuresService, warnings: ConsumerWarningsService) {
  app.get('/api/disclosures', {
    schema: {
      tags: ['disclosures'],
      summary:
        '典型案件曝光稿：您权限内各单位的草稿、待审批、已发布和已撤下的曝光；caseId 时为该案件的曝光及能否生成曝光稿',
      querystring: z.object({
        unitId: z.uuid('单位编号格式不正确').optional(),
        caseId: z.uuid('案件编号格式不正确').optional(),
        status: z.enum(DISCLOSURE_STATUSES, '状态应为 draft、published 或 withdrawn').optional(),
      }),
      response: withProblems({ 200: z.object({ items: z.array(disclosure), canCreate: z.boolean() }) }),
    },
    handler: async (req) => service.list(requireActor(req), req.query),
  });

  app.post('/api/disclosures', {
    schema: {
      tags: ['disclosures'],
      summary: '生成曝光稿：由已作出决定的典型案件生成脱敏草稿（自然人改为“某某”，删去证件号码和电话）',
      body: z.object({ caseId: z.uuid('案件编号格式不正确') }),
      response: withChecks({ 201: disclosure }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.create(requireActor(req), req.body)),
  });

  app.get('/api/disclosures/:id', {
    schema: {
      tags: ['disclosures'],
      summary: '一份曝光稿',
      params: idParams,
      response: withProblems({ 200: disclosure }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/disclosures/:id', {
    schema: {
      tags: ['disclosures'],
      summary: '修改曝光稿（草稿；含有个人信息时拒绝保存）',
      params: idParams,
      body: textInput.extend({ version: int }),
      response: withChecks({ 200: disclosure }),
    },
    handler: async (req) => service.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/disclosures/:id/submit', {
    schema: {
      tags: ['disclosures'],
      summary: '提交审批：由本单位局领导审批，批准后发布到公开页面',
      params: idParams,
      body: z.object({ version: int }),
      response: withChecks({ 200: disclosure }),
    },
    handler: async (req) => service.submit(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/disclosures/:id/withdraw', {
    schema: {
      tags: ['disclosures'],
      summary: '撤下已发布的曝光（写明原因）',
      params: idParams,
      body: z.object({ reason: z.string('请填写撤下原因').max(500, '撤下原因不能超过500字'), version: int }),
      response: withProblems({ 200: disclosure }),
    },
    handler: async (req) => service.withdraw(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/consumer-warnings', {
    schema: {
      tags: ['disclosures'],
      summary: '消费警示和警示公告：您权限内各单位的草稿、已发布和已撤下的警示',
      querystring: z.object({
        unitId: z.uuid('单位编号格式不正确').optional(),
        kind: z.enum(WARNING_KINDS, '类别应为消费警示或警示公告').optional(),
        status: z.enum(WARNING_STATUSES, '状态应为 draft、published 或 withdrawn').optional(),
      }),
      response: withProblems({ 200: z.object({ items: z.array(warning), canCreate: z.boolean() }) }),
    },
    handler: async (req) => warnings.list(requireActor(req), req.query),
  });

  app.post('/api/consumer-warnings', {
    schema: {
      tags: ['disclosures'],
      summary: '撰写消费警示或警示公告（草稿，本单位专项办发布）',
      body: warningInput.extend({ unitId: z.uuid('单位编号格式不正确').optional() }),
      response: withChecks({ 201: warning }),
    },
    handler: async (req, reply) => reply.code(201).send(await warnings.create(requireActor(req), req.body)),
  });

  app.put('/api/consumer-warnings/:id', {
    schema: {
      tags: ['disclosures'],
      summary: '修改警示草稿（含有个人信息时拒绝保存）',
      params: idParams,
      body: warningInput.extend({ version: int }),
      response: withChecks({ 200: warning }),
    },
    handler: async (req) => warnings.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/consumer-warnings/:id/publish', {
    schema: {
      tags: ['disclosures'],
      summary: '发布警示到公开页面（再次检查个人信息）',
      params: idParams,
      body: z.object({ version: int }),
      response: withChecks({ 200: warning }),
    },
    handler: async (req) => warnings.publish(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/consumer-warnings/:id/withdraw', {
    schema: {
      tags: ['disclosures'],
      summary: '撤下已发布的警示',
      params: idParams,
      body: z.object({ version: int }),
      response: withProblems({ 200: warning }),
    },
    handler: async (req) => warnings.withdraw(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/public/disclosures', {
    config: { access: 'public' },
    schema: {
      tags: ['disclosures'],
      summary: '典型案例曝光（无需登录；只含已发布的脱敏文本，不含任何个人信息）',
      querystring: z.object(pagingQuery),
      response: { 200: z.object({ items: z.array(publicDisclosure), total: int }), 400: problemSchema },
    },
    handler: async (req) => service.publicList(req.query),
  });

  app.get('/api/public/disclosures/:id', {
    config: { access: 'public' },
    schema: {
      tags: ['disclosures'],
      summary: '一篇已发布的典型案例曝光（无需登录）',
      params: z.object({ id: z.string().max(100) }),
      response: { 200: publicDisclosure, 404: problemSchema },
    },
    handler: async (req) => {
      const row = isUuid(req.params.id) ? await service.publicGet(req.params.id) : undefined;
      if (!row) throw notFound('曝光');
      return row;
    },
  });

  app.get('/api/public/warnings', {
    config: { access: 'public' },
    schema: {
      tags: ['disclosures'],
      summary: '消费警示和警示公告（无需登录；只含已发布的）',
      querystring: z.object({ ...pagingQuery, kind: z.enum(WARNING_KINDS, '类别应为消费警示或警示公告').optional() }),
      response: { 200: z.object({ items: z.array(publicWarning), total: int }), 400: problemSchema },
    },
    handler: async (req) => warnings.publicList(req.query),
  });
}
