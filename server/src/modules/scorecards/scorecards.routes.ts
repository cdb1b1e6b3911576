import { z } from 'zod';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import { SCORING_RULES } from './scorecard';
import type { ScorecardsService } from './scorecards.service';

const TAGS = ['assessment'];
const idOf = (what: string) => z.object({ id: z.uuid(`${what}编号格式不正确`) });
const dateField = (label: string) =>
  z.string(`${label}应为日期（YYYY-MM-DD）`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const version = z
  .number('版本号（version）应为数字')
  .int('版本号（version）应为整数')
  .min(0, '版本号（version）不能为负数');
const formats = z.enum(['count', 'money', 'ratio', 'score']);
const period = z.object({
  from: dateField('考核期间开始日期（from）').optional(),
  to: dateField('考核期间截止日期（to）').optional(),
});

const indicatorInput = z.object({
  kind: z.string('请选择考核指标（kind）').trim().min(1, '请选择考核指标（kind）').max(40),
  label: z
    .string('请填写指标名称（label）')
    .trim()
    .min(1, '请填写指标名称（label）')
    .max(40, '指标名称（label）不能超过 40 个字'),
  weight: z
    .number('分值（weight）应为数字')
    .positive('分值（weight）应大于 0')
    .max(1000, '分值（weight）不能超过 1000 分'),
  rule: z.enum(SCORING_RULES, '计分规则（rule）应为 share_of_max、rank、target 或 per_record'),
  target: z.number('目标值（target）应为数字').positive('目标值（target）应大于 0').nullish(),
  pointsEach: z.number('每件得分（pointsEach）应为数字').positive('每件得分（pointsEach）应大于 0').nullish(),
});
const schemeInput = {
  name: z
    .string('请填写方案名称（name）')
    .trim()
    .min(1, '请填写方案名称（name）')
    .max(60, '方案名称（name）不能超过 60 个字'),
  indicators: z.array(indicatorInput, '请设置考核指标（indicators）').max(20, '考核指标不能超过 20 项'),
};
const kind = z.object({ kind: z.string(), label: z.string(), unit: z.string(), format: formats });
const indicator = z.object({
  kind: z.string(),
  label: z.string(),
  weight: z.number(),
  rule: z
    .enum(SCORING_RULES)
    .describe('share_of_max 按最高值比例；rank 按名次线性；target 按目标值；per_record 按件计分（封顶）'),
  target: z.number().nullable(),
  pointsEach: z.number().nullable(),
  unit: z.string(),
  format: formats,
});
const scheme = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  name: z.string(),
  indicators: z.array(indicator),
  totalWeight: z.number(),
  revision: z.number().int().describe('第几版：公布过考核结果后再修改，另起新版；已公布的结果不变'),
  updatedAt: z.date(),
  version: z.number().int(),
  can: z.object({ manage: z.boolean() }),
});
const row = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  values: z.record(z.string(), z.number()).describe('各指标数值（金额为分，比率为 0–1）'),
  scores: z.record(z.string(), z.number()).describe('各指标得分'),
  total: z.number(),
  rank: z.number().int().describe('名次（并列同名次）'),
  previousTotal: z.number().nullable().describe('上年同期总分（同比；无上年方案时为 null）'),
  previousRank: z.number().int().nullable(),
});
const publicationSummary = z.object({
  id: z.uuid(),
  from: z.string(),
  to: z.string(),
  name: z.string(),
  revision: z.number().int(),
  note: z.string().nullable(),
  publishedAt: z.date(),
  unitCount: z.number().int(),
});
const records = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  kind: z.string(),
  label: z.string(),
  unit: z.string(),
  format: formats,
  value: z.number(),
  items: z.array(
    z.object({
      recordType: z.string(),
      recordId: z.string(),
      title: z.string(),
      unitName: z.string(),
      date: z.string().nullable(),
      value: z.number(),
      link: z.string(),
    }),
  ),
});
const drill = z.object({
  unitId: z.uuid('考核单位（unitId）格式不正确'),
  kind: z.string('请指定考核指标（kind）').min(1, '请指定考核指标（kind）').max(40),
});
const binary = withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) });

/** 考核评分: schemes of a plan, the live scorecard with its 穿透, publication and the .xlsx. */
export function registerScorecardsRoutes(app: App, service: ScorecardsService) {
  app.get('/api/campaigns/:id/assessment-schemes', {
    schema: {
      tags: TAGS,
      summary: '方案的考核方案，以及可用的考核指标',
      params: idOf('方案'),
      response: withProblems({
        200: z.object({ items: z.array(scheme), kinds: z.array(kind), can: z.object({ manage: z.boolean() }) }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.params.id),
  });

  app.post('/api/campaigns/:id/assessment-schemes', {
    schema: {
      tags: TAGS,
      summary: '新建考核方案（制定方案单位的专项办）',
      params: idOf('方案'),
      body: z.object(schemeInput),
      response: withProblems({ 201: scheme }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.create(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/assessment-schemes/:id', {
    schema: { tags: TAGS, summary: '一个考核方案', params: idOf('考核方案'), response: withProblems({ 200: scheme }) },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/assessment-schemes/:id', {
    schema: {
      tags: TAGS,
      summary: '修改考核方案；已公布过结果的版本另起新版，已公布的结果不变',
      params: idOf('考核方案'),
      body: z.object({ ...schemeInput, version }),
      response: withProblems({ 200: scheme }),
    },
    handler: async (req) => service.update(requireActor(req), req.params.id, req.body),
  });

  app.delete('/api/assessment-schemes/:id', {
    schema: {
      tags: TAGS,
      summary: '删除未公布过结果的考核方案',
      params: idOf('考核方案'),
      querystring: z.object({ version: z.coerce.number('版本号（version）应为数字').int().min(0) }),
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await service.remove(requireActor(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/assessment-schemes/:id/scorecard', {
    schema: {
      tags: TAGS,
      summary: '考核评分（实时计算）：本人范围内各单位的指标数值、得分、总分和名次（名次在全部被考核单位中排定）',
      params: idOf('考核方案'),
      querystring: period,
      response: withProblems({
        200: z.object({ scheme, from: z.string(), to: z.string(), comparison: z.boolean(), rows: z.array(row) }),
      }),
    },
    handler: async (req) => service.scorecard(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/assessment-schemes/:id/scorecard/records', {
    schema: {
      tags: TAGS,
      summary: '穿透：一个单位一项指标的数值所依据的记录',
      params: idOf('考核方案'),
      querystring: period.extend(drill.shape),
      response: withProblems({ 200: records }),
    },
    handler: async (req) => service.records(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/assessment-schemes/:id/scorecard.xlsx', {
    schema: {
      tags: TAGS,
      summary: '考核评分表（.xlsx，A4 横向，实时计算）',
      params: idOf('考核方案'),
      querystring: period,
      produces: [XLSX_MIME],
      response: binary,
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.xlsx(requireActor(req), req.params.id, req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.post('/api/assessment-schemes/:id/publications', {
    schema: {
      tags: TAGS,
      summary: '公布考核结果：冻结方案（当前版本）和各单位的结果',
      params: idOf('考核方案'),
      body: period.extend({
        note: z.string('说明（note）应为文字').trim().max(500, '说明（note）不能超过 500 个字').nullish(),
        version,
      }),
      response: withProblems({ 201: publicationSummary }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.publish(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/assessment-schemes/:id/publications', {
    schema: {
      tags: TAGS,
      summary: '已公布的考核结果，最新的在前',
      params: idOf('考核方案'),
      response: withProblems({ 200: z.object({ items: z.array(publicationSummary) }) }),
    },
    handler: async (req) => service.publications(requireActor(req), req.params.id),
  });

  app.get('/api/assessment-publications/:id', {
    schema: {
      tags: TAGS,
      summary: '一次公布的考核结果（冻结的方案和结果），本人范围内的单位',
      params: idOf('考核结果'),
      response: withProblems({
        200: publicationSummary.extend({
          schemeId: z.uuid(),
          campaignId: z.uuid(),
          indicators: z.array(indicator),
          comparison: z.boolean(),
          rows: z.array(row),
        }),
      }),
    },
    handler: async (req) => service.publication(requireActor(req), req.params.id),
  });

  app.get('/api/assessment-publications/:id/records', {
    schema: {
      tags: TAGS,
      summary: '穿透：公布结果中一个单位一项指标所依据的记录（公布的考核期间）',
      params: idOf('考核结果'),
      querystring: drill,
      response: withProblems({ 200: records }),
    },
    handler: async (req) => service.publicationRecords(requireActor(req), req.params.id, req.query),
  });

  app.get('/api/assessment-publications/:id/scorecard.xlsx', {
    schema: {
      tags: TAGS,
      summary: '公布的考核评分表（.xlsx，A4 横向）',
      params: idOf('考核结果'),
      produces: [XLSX_MIME],
      response: binary,
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.publicationXlsx(requireActor(req), req.params.id);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
