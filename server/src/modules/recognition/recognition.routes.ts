import { z } from 'zod';
import type { Actor } from '../../platform/actor';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import type { CommendationsService } from './commendations.service';
import { ACCOUNTABILITY_MEASURES, COMMENDATION_KINDS, EVIDENCE_TYPES, NOMINATION_STATUSES } from './recognition-kinds';
import type { TypicalSelectionService } from './typical-selection.service';

const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const idParams = (what: string) => z.object({ id: z.uuid(`${what}编号格式不正确`) });
const unitId = z.uuid('单位编号格式不正确').optional();
const versionQuery = z.object({ version: z.coerce.number('请提供读取时的版本（version）').int() });

const nomination = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    caseId: z.uuid(),
    caseNumber: z.string(),
    caseName: z.string(),
    partyName: z.string(),
    caseTypical: z.boolean(),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    reason: z.string(),
    status: z.enum(NOMINATION_STATUSES).describe('nominated 已推荐；selected 入选；not_selected 未入选'),
    nominatedBy: z.uuid(),
    nominatedByName: z.string().nullable(),
    nominatedAt: z.date(),
    decisionReason: z.string().nullable(),
    decidedBy: z.uuid().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: z.date().nullable(),
    decidedOn: z.string().nullable(),
    version: int,
    can: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'TypicalNomination' });

const evidenceInput = z
  .array(z.object({ type: z.enum(EVIDENCE_TYPES, '佐证类型不正确'), id: z.uuid('佐证记录编号格式不正确') }))
  .max(50, '佐证材料不能超过50项')
  .default([]);
const evidenceView = z.array(
  z.object({
    type: z.enum(EVIDENCE_TYPES),
    id: z.uuid(),
    typeLabel: z.string(),
    title: z.string().nullable().describe('null：记录已不存在或不在您的权限范围内'),
    link: z.string().nullable(),
  }),
);
const isoDate = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const entryInput = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  userId: z.uuid('人员编号格式不正确').nullish(),
  personName: z.string().trim().max(50, '姓名不能超过50字').nullish(),
  reason: text('事由', 2000),
  evidence: evidenceInput,
  decidedOn: isoDate('决定日期'),
});
const commendationInput = entryInput.extend({
  kind: z.enum(COMMENDATION_KINDS, '表彰类别应为先进集体、先进个人或办案能手'),
  talentPool: z.boolean().nullish().describe('纳入执法人才库；不填时办案能手默认纳入'),
  documentNumber: z.string().trim().max(50, '表彰文号不能超过50字').nullish(),
});
const accountabilityInput = entryInput.extend({
  measure: z.enum(ACCOUNTABILITY_MEASURES, '问责方式应为通报批评、约谈、责令书面检查、诫勉谈话或其他'),
});
const entryBase = {
  id: z.uuid(),
  campaignId: z.uuid(),
  campaignName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  userId: z.uuid().nullable(),
  personName: z.string().nullable(),
  personLabel: z.string().nullable(),
  reason: z.string(),
  evidence: evidenceView,
  decidedOn: z.string(),
  createdBy: z.uuid(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: int,
  can: z.object({ edit: z.boolean(), delete: z.boolean() }),
};
const commendation = z
  .object({
    ...entryBase,
    kind: z.enum(COMMENDATION_KINDS),
    kindLabel: z.string(),
    talentPool: z.boolean(),
    documentNumber: z.string().nullable(),
  })
  .meta({ id: 'Commendation' });
const accountability = z
  .object({ ...entryBase, measure: z.enum(ACCOUNTABILITY_MEASURES), measureLabel: z.string() })
  .meta({ id: 'AccountabilityMeasure' });

/** The routes of one kind of entry (表彰, 问责), and the use cases that answer them. */
interface EntryRoutes<In extends z.ZodObject, Q extends z.ZodObject, V extends z.ZodType> {
  /** The URL segment: /api/campaigns/:id/<plural>, /api/<plural>/:id. */
  plural: string;
  /** The record's name in summaries and messages, e.g. 表彰记录. */
  what: string;
  input: In;
  view: V;
  listQuery: Q;
  listSummary: string;
  createSummary: string;
}
interface EntryUseCases<In, Q, V> {
  list(actor: Actor, campaignId: string, q: Q): Promise<{ items: V[]; canRecord: boolean }>;
  get(actor: Actor, id: string): Promise<V>;
  create(actor: Actor, campaignId: string, input: In): Promise<V>;
  update(actor: Actor, id: string, input: In & { version: number }): Promise<V>;
  delete(actor: Actor, id: string, version: number): Promise<void>;
}

/** List per plan, create, get, update (with version) and delete (kept in the audit log) of one kind. */
function registerEntryRoutes<In extends z.ZodObject, Q extends z.ZodObject, V extends z.ZodType>(
  app: App,
  service: EntryUseCases<z.output<In>, z.output<Q>, z.output<V>>,
  r: EntryRoutes<In, Q, V>,
) {
  // Fastify's type provider cannot resolve a generic schema's output, so the routes see the plain zod
  // types and the body and query are cast back (the caller's schemas and use cases are checked above).
  type Body = z.output<In>;
  const view: z.ZodType = r.view;
  const input: z.ZodObject = r.input;
  const listQuery: z.ZodObject = r.listQuery;
  app.get(`/api/campaigns/:id/${r.plural}`, {
    schema: {
      tags: ['recognition'],
      summary: r.listSummary,
      params: campaignParams,
      querystring: listQuery,
      response: withProblems({ 200: z.object({ items: z.array(view), canRecord: z.boolean() }) }),
    },
    handler: async (req) => service.list(requireActor(req), req.params.id, req.query as z.output<Q>),
  });

  app.post(`/api/campaigns/:id/${r.plural}`, {
    schema: {
      tags: ['recognition'],
      summary: r.createSummary,
      params: campaignParams,
      body: input,
      response: withProblems({ 201: view }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.create(requireActor(req), req.params.id, req.body as Body)),
  });

  app.get(`/api/${r.plural}/:id`, {
    schema: {
      tags: ['recognition'],
      summary: `一条${r.what}`,
      params: idParams(r.what),
      response: withProblems({ 200: view }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put(`/api/${r.plural}/:id`, {
    schema: {
      tags: ['recognition'],
      summary: `修改${r.what}；version 为读取时的版本`,
      params: idParams(r.what),
      body: input.extend({ version: int }),
      response: withProblems({ 200: view }),
    },
    handler: async (req) => service.update(requireActor(req), req.params.id, req.body as Body & { version: number }),
  });

  app.delete(`/api/${r.plural}/:id`, {
    schema: {
      tags: ['recognition'],
      summary: `删除${r.what}（审计日志保留删除前的内容）`,
      params: idParams(r.what),
      querystring: versionQuery,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await service.delete(requireActor(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
}

export function registerRecognitionRoutes(
  app: App,
  typicalSelectionService: TypicalSelectionService,
  commendationsService: CommendationsService,
) {
  app.get('/api/campaigns/:id/typical-nominations', {
    schema: {
      tags: ['recognition'],
      summary: '典型案例评选：本行动方案中您权限内各单位推荐的典型案例（按类别），及您是否可评选',
      params: campaignParams,
      querystring: z.object({
        categoryCode: z.string().max(50).optional(),
        status: z.enum(NOMINATION_STATUSES, '状态应为 nominated、selected 或 not_selected').optional(),
        unitId,
      }),
      response: withProblems({
        200: z.object({
          items: z.array(nomination),
          categories: z.array(z.object({ code: z.string(), label: z.string() })),
          canDecide: z.boolean(),
        }),
      }),
    },
    handler: async (req) => typicalSelectionService.list(requireActor(req), req.params.id, req.query),
  });

  app.post('/api/campaigns/:id/typical-nominations', {
    schema: {
      tags: ['recognition'],
      summary: '推荐典型案例：案件须计入本行动方案（含实施方案），已标记为典型或在推荐时标记（markTypical）',
      params: campaignParams,
      body: z.object({
        caseId: z.uuid('案件编号格式不正确'),
        reason: text('推荐理由', 2000),
        markTypical: z.boolean().optional(),
      }),
      response: withProblems({ 201: nomination }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await typicalSelectionService.nominate(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/typical-nominations/:id', {
    schema: {
      tags: ['recognition'],
      summary: '一条典型案例推荐及评选结果',
      params: idParams('推荐'),
      response: withProblems({ 200: nomination }),
    },
    handler: async (req) => typicalSelectionService.get(requireActor(req), req.params.id),
  });

  app.post('/api/typical-nominations/:id/decision', {
    schema: {
      tags: ['recognition'],
      summary: '评选：行动方案牵头单位专项办决定入选或不入选，并写明理由（推荐人本人不能评选）',
      params: idParams('推荐'),
      body: z.object({
        decision: z.enum(['selected', 'not_selected'], '评选结果应为 selected（入选）或 not_selected（未入选）'),
        reason: text('评选理由', 2000),
        version: int,
      }),
      response: withProblems({ 200: nomination }),
    },
    handler: async (req) => typicalSelectionService.decide(requireActor(req), req.params.id, req.body),
  });

  app.delete('/api/typical-nominations/:id', {
    schema: {
      tags: ['recognition'],
      summary: '撤回推荐（评选前）；version 为读取时的版本',
      params: idParams('推荐'),
      querystring: versionQuery,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await typicalSelectionService.withdraw(requireActor(req), req.params.id, req.query);
      return reply.code(204).send(null);
    },
  });

  registerEntryRoutes(app, commendationsService.commendations, {
    plural: 'commendations',
    what: '表彰记录',
    input: commendationInput,
    view: commendation,
    listQuery: z.object({ unitId, kind: z.enum(COMMENDATION_KINDS, '表彰类别不正确').optional() }),
    listSummary: '表彰：本行动方案的先进集体、先进个人和办案能手（您权限内的单位）',
    createSummary: '记录表彰（行动方案牵头单位的专项办或领导），佐证材料须存在且在您的权限范围内',
  });
  registerEntryRoutes(app, commendationsService.accountability, {
    plural: 'accountability',
    what: '问责记录',
    input: accountabilityInput,
    view: accountability,
    listQuery: z.object({ unitId, measure: z.enum(ACCOUNTABILITY_MEASURES, '问责方式不正确').optional() }),
    listSummary: '问责：本行动方案的问责记录（您权限内的单位）',
    createSummary: '记录问责（行动方案牵头单位的专项办或领导），佐证材料如逾期整改、督办案件、迟报',
  });

  app.get('/api/talent-pool', {
    schema: {
      tags: ['recognition'],
      summary: '执法人才库：您权限内各行动方案中表彰为办案能手或纳入人才库的人员',
      querystring: z.object({ campaignId: z.uuid('行动编号格式不正确').optional(), unitId }),
      response: withProblems({
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              campaignId: z.uuid(),
              campaignName: z.string(),
              unitId: z.uuid(),
              unitName: z.string(),
              userId: z.uuid().nullable(),
              personLabel: z.string().nullable(),
              kind: z.enum(COMMENDATION_KINDS),
              kindLabel: z.string(),
              reason: z.string(),
              decidedOn: z.string(),
              documentNumber: z.string().nullable(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => commendationsService.talentPool(requireActor(req), req.query),
  });
}
