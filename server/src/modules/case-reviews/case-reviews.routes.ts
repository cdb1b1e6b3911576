import { z } from 'zod';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import type { CaseReviewsService } from './case-reviews.service';

const TAGS = ['supervision'];
const idOf = (what: string) => z.object({ id: z.uuid(`${what}编号格式不正确`) });
const dateField = (label: string) =>
  z.string(`${label}应为日期（YYYY-MM-DD）`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const version = z
  .number('版本号（version）应为数字')
  .int('版本号（version）应为整数')
  .min(0, '版本号（version）不能为负数');

const sheetItem = z.object({
  key: z
    .string('评查项目代码（key）应为文字')
    .regex(/^[a-z][a-z0-9_]{0,31}$/, '评查项目代码（key）应为小写字母开头的字母、数字或下划线'),
  name: z
    .string('请填写评查项目名称（name）')
    .trim()
    .min(1, '请填写评查项目名称（name）')
    .max(40, '评查项目名称（name）不能超过 40 个字'),
  maxPoints: z
    .number('分值（maxPoints）应为数字')
    .int('分值（maxPoints）应为整数')
    .min(1, '分值（maxPoints）至少 1 分')
    .max(100, '分值（maxPoints）不能超过 100 分'),
  description: z.string('评查内容（description）应为文字').trim().max(500, '评查内容（description）不能超过 500 个字'),
});
const sheet = z.object({
  id: z.uuid().nullable().describe('尚未保存（使用默认评查表）时为 null'),
  revision: z.number().int().describe('第几版；已用于提交评分的评查表不再修改，修改时另存为新版'),
  name: z.string(),
  items: z.array(sheetItem),
  totalPoints: z.number().int(),
  version: z.number().int(),
});
const itemScore = z.object({
  key: z.string('评查项目代码（key）应为文字').max(32),
  points: z.number('得分（points）应为数字'),
  remark: z.string('扣分理由（remark）应为文字').trim().max(500, '扣分理由（remark）不能超过 500 个字'),
});
const fileCan = z.object({ assign: z.boolean(), score: z.boolean() });
const reviewFile = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  caseId: z.uuid(),
  caseNumber: z.string(),
  caseName: z.string(),
  partyName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  reviewerId: z.uuid().nullable(),
  reviewerName: z.string().nullable(),
  status: z.enum(['pending', 'submitted']).describe('pending 待评查；submitted 已提交（锁定）'),
  scores: z.array(itemScore),
  remarks: z.string().nullable(),
  total: z.number().int().nullable(),
  submittedAt: z.date().nullable(),
  version: z.number().int(),
  can: fileCan,
});
const exerciseFields = {
  id: z.uuid(),
  campaignId: z.uuid(),
  organizerUnitId: z.uuid(),
  organizerName: z.string(),
  roundId: z.uuid().nullable(),
  sheetId: z.uuid(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  filesPerUnit: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
};
const exercise = z.object({
  ...exerciseFields,
  sheet,
  draw: z
    .object({
      seed: z.string(),
      algorithm: z.string(),
      count: z.number().int(),
      candidates: z.number().int().describe('可抽取的案件数'),
      createdAt: z.date(),
    })
    .nullable(),
  files: z
    .array(reviewFile)
    .describe('本人可见的案卷：组织单位看全部；下级单位看本单位（及下级）的；评查人员看分配给自己的'),
  ranking: z.object({
    units: z.array(
      z.object({
        unitId: z.uuid(),
        unitName: z.string(),
        files: z.number().int(),
        scored: z.number().int(),
        sum: z.number().int(),
        average: z.number().nullable(),
        rank: z.number().int().nullable(),
      }),
    ),
    itemsLost: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        maxPoints: z.number().int(),
        pointsLost: z.number().int(),
        filesLosing: z.number().int(),
      }),
    ),
  }),
  can: z.object({ manage: z.boolean(), draw: z.boolean() }),
});

export function registerCaseReviewsRoutes(app: App, service: CaseReviewsService) {
  app.get('/api/units/:id/case-review-sheet', {
    schema: {
      tags: TAGS,
      summary: '单位的案卷评查表（评查项目、分值、评查内容）；未修改过时为默认的 100 分评查表',
      params: idOf('单位'),
      response: withProblems({ 200: sheet.extend({ can: z.object({ edit: z.boolean() }) }) }),
    },
    handler: async (req) => service.sheet(requireActor(req), req.params.id),
  });

  app.put('/api/units/:id/case-review-sheet', {
    schema: {
      tags: TAGS,
      summary: '修改评查表（组织单位专项办）；已有提交评分的评查表不改动，另存为新版',
      params: idOf('单位'),
      body: z.object({
        name: z
          .string('请填写评查表名称（name）')
          .trim()
          .min(1, '请填写评查表名称（name）')
          .max(60, '评查表名称（name）不能超过 60 个字'),
        items: z
          .array(sheetItem, '请填写评查项目（items）')
          .min(1, '评查表（items）至少要有一个评查项目')
          .max(40, '评查表（items）不能超过 40 个评查项目'),
        version: version.describe('当前评查表的版本号；未保存过的默认评查表为 0'),
      }),
      response: withProblems({ 200: sheet.extend({ can: z.object({ edit: z.boolean() }) }) }),
    },
    handler: async (req) => service.saveSheet(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/campaigns/:id/case-review-exercises', {
    schema: {
      tags: TAGS,
      summary: '行动的案卷评查活动：组织单位及以上看到全部，下级参加单位看到本单位参加的',
      params: idOf('行动'),
      response: withProblems({
        200: z.object({ items: z.array(z.object(exerciseFields)), canCreate: z.boolean() }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.params.id),
  });

  app.post('/api/campaigns/:id/case-review-exercises', {
    schema: {
      tags: TAGS,
      summary: '组织案卷评查活动（执法办案质量评估）：组织单位、日期、每单位抽取案卷数，可关联督查轮次',
      params: idOf('行动'),
      body: z.object({
        organizerUnitId: z.uuid('组织单位（organizerUnitId）格式不正确'),
        title: z
          .string('请填写活动名称（title）')
          .trim()
          .min(1, '请填写活动名称（title）')
          .max(100, '活动名称（title）不能超过 100 个字'),
        startDate: dateField('开始日期（startDate）'),
        endDate: dateField('结束日期（endDate）'),
        filesPerUnit: z
          .number('每单位抽取案卷数（filesPerUnit）应为数字')
          .int('每单位抽取案卷数（filesPerUnit）应为整数')
          .min(1, '每单位抽取案卷数（filesPerUnit）至少为 1')
          .max(50, '每单位抽取案卷数（filesPerUnit）不能超过 50'),
        roundId: z.uuid('督查轮次（roundId）格式不正确').nullish(),
      }),
      response: withProblems({ 201: exercise }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.create(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/case-review-exercises/:id', {
    schema: {
      tags: TAGS,
      summary: '一次案卷评查：评查表、抽取、本人可见的案卷与评分、单位排名和失分最多的项目',
      params: idOf('评查活动'),
      response: withProblems({ 200: exercise }),
    },
    handler: async (req) => service.detail(requireActor(req), req.params.id),
  });

  app.post('/api/case-review-exercises/:id/draw', {
    schema: {
      tags: TAGS,
      summary: '随机抽取案卷：组织单位以下各单位已作出决定或已结案的案件，每单位抽取规定数量（可复核）',
      params: idOf('评查活动'),
      body: z.object({ version }),
      response: withProblems({ 200: exercise }),
    },
    handler: async (req) => service.draw(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/case-review-exercises/:id/draw/verify', {
    schema: {
      tags: TAGS,
      summary: '复核抽取：用保存的种子和候选案件重新抽取，与保存的结果比对',
      params: idOf('评查活动'),
      response: withProblems({
        200: z.object({
          seed: z.string(),
          algorithm: z.string(),
          count: z.number().int(),
          candidates: z.array(z.object({ unitId: z.uuid(), caseIds: z.array(z.uuid()) })),
          picked: z.array(z.uuid()),
          recomputed: z.array(z.uuid()),
          matches: z.boolean(),
        }),
      }),
    },
    handler: async (req) => service.verify(requireActor(req), req.params.id),
  });

  const fileChange = z.object({ id: z.uuid(), exerciseId: z.uuid(), version: z.number().int() });
  app.put('/api/case-review-files/:id/reviewer', {
    schema: {
      tags: TAGS,
      summary: '分配评查人员（交叉检查：不能是案件所属单位的人员）',
      params: idOf('评查案卷'),
      body: z.object({ reviewerId: z.uuid('评查人员（reviewerId）格式不正确'), version }),
      response: withProblems({ 200: fileChange.extend({ reviewerId: z.uuid().nullable() }) }),
    },
    handler: async (req) => service.assign(requireActor(req), req.params.id, req.body),
  });

  app.put('/api/case-review-files/:id/scores', {
    schema: {
      tags: TAGS,
      summary: '评查人员逐项打分并填写意见；submit 为 true 时提交，提交后锁定',
      params: idOf('评查案卷'),
      body: z.object({
        scores: z.array(itemScore, '请逐项打分（scores）').max(40),
        remarks: z
          .string('评查意见（remarks）应为文字')
          .trim()
          .max(2000, '评查意见（remarks）不能超过 2000 个字')
          .nullish(),
        submit: z.boolean('是否提交（submit）应为 true 或 false'),
        version,
      }),
      response: withProblems({
        200: fileChange.extend({ status: z.enum(['pending', 'submitted']), total: z.number().int().nullable() }),
      }),
    },
    handler: async (req) => service.score(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/case-review-files/mine', {
    schema: {
      tags: TAGS,
      summary: '我的评查任务：分配给本人的案卷，待评查的在前',
      response: withProblems({
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              exerciseId: z.uuid(),
              exerciseTitle: z.string(),
              campaignId: z.uuid(),
              endDate: z.string(),
              caseNumber: z.string(),
              caseName: z.string(),
              unitName: z.string(),
              status: z.enum(['pending', 'submitted']),
              total: z.number().int().nullable(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => service.mine(requireActor(req)),
  });

  app.get('/api/case-review-exercises/:id/scores.xlsx', {
    schema: {
      tags: TAGS,
      summary: '评查结果汇总表（.xlsx）：本人可见的案卷逐项得分，以及单位排名',
      params: idOf('评查活动'),
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.xlsx(requireActor(req), req.params.id);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
