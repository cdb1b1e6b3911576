import { z } from 'zod';
import { attachment, DOCX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import { BRIEFING_KINDS } from './briefing-text';
import type { BriefingsService } from './briefings.service';

const KIND_MESSAGE = '文稿类型（kind）应为：briefing（工作简报）、stage_summary（阶段总结）、final_summary（工作总结）';
const kind = z
  .enum(BRIEFING_KINDS, KIND_MESSAGE)
  .describe('briefing 工作简报；stage_summary 阶段性工作总结；final_summary 工作总结');
const idParams = z.object({ id: z.uuid('行动编号格式不正确') });
const dateParam = (label: string) =>
  z.string(`${label}应为日期（YYYY-MM-DD）`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);

const draftQuery = z.object({
  kind,
  unitId: z.uuid('单位编号（unitId）格式不正确').optional(),
  from: dateParam('统计起始日期（from）').optional(),
  to: dateParam('统计截止日期（to）').optional(),
});

const title = z
  .string('请填写标题（title）')
  .trim()
  .min(1, '请填写标题（title）')
  .max(200, '标题（title）不能超过 200 个字');
const paragraphs = z
  .array(
    z.string('正文段落（paragraphs）应为文字').max(5000, '正文每段（paragraphs）不能超过 5000 个字'),
    '请填写正文段落（paragraphs）',
  )
  .min(1, { message: '正文（paragraphs）至少要有一段', abort: true })
  .max(200, '正文（paragraphs）不能超过 200 段')
  .refine((ps) => ps.some((p) => p.trim() !== ''), '正文（paragraphs）不能全是空段');
const unitId = z.uuid('单位编号（unitId）格式不正确');

const docBody = z.object({
  kind,
  unitId,
  title,
  issue: z
    .string('期号（issue）应为文字')
    .trim()
    .max(40, '期号（issue）不能超过 40 个字')
    .nullish()
    .describe('期号，如“第3期”（工作简报）'),
  date: dateParam('成文日期（date）'),
  paragraphs,
});

/** The text of a stored briefing: 成文日期 and the period its figures and the units' reports come from. */
const storedText = {
  title,
  date: dateParam('成文日期（date）'),
  from: dateParam('统计起始日期（from）'),
  to: dateParam('统计截止日期（to）'),
  paragraphs,
};
const version = z
  .number('版本号（version）应为数字')
  .int('版本号（version）应为整数')
  .min(1, '版本号（version）应为正整数');
const briefingParams = z.object({ id: z.uuid('简报编号格式不正确') });
const briefingFields = {
  id: z.uuid(),
  campaignId: z.uuid(),
  issuingUnitId: z.uuid(),
  issuingUnitName: z.string(),
  kind,
  title: z.string(),
  date: z.string(),
  from: z.string(),
  to: z.string(),
  status: z.enum(['draft', 'issued']).describe('draft 草稿（仅印发单位专项办可见）；issued 已签发'),
  number: z.number().int().nullable().describe('期号：签发时按行动、印发单位、文稿类型依次编号'),
  issueLabel: z.string().nullable().describe('如“第3期”；草稿为 null'),
  issuedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), issue: z.boolean() }),
};
const briefing = z.object({ ...briefingFields, paragraphs: z.array(z.string()) });

export function registerBriefingsRoutes(app: App, briefingsService: BriefingsService) {
  app.get('/api/campaigns/:id/briefing-draft', {
    schema: {
      tags: ['reports'],
      summary:
        '工作简报、阶段总结、工作总结的初稿：某单位（含下级）某期间的统计数字写成句子，并列出典型案例；由专项办修改后生成 Word',
      params: idParams,
      querystring: draftQuery,
      response: withProblems({
        200: z.object({
          kind,
          title: z.string(),
          unitId: z.uuid(),
          unitName: z.string(),
          from: z.string(),
          to: z.string(),
          paragraphs: z.array(z.string()).describe('正文，每项一段；“一、”开头为一级标题，“（一）”开头为二级标题'),
          typicalCases: z.array(z.object({ id: z.uuid(), caseName: z.string(), partyName: z.string() })),
          typicalSelected: z.boolean().describe('true：典型案例取自专项办评选入选的案例；false：取自标记为典型的案件'),
          quotedReports: z
            .array(
              z.object({
                unitId: z.uuid(),
                unitLabel: z.string(),
                reportName: z.string(),
                periodEnd: z.string(),
                state: z.enum(['submitted', 'accepted']),
              }),
            )
            .describe('正文引用了其经验做法、存在问题、下步打算的各单位报表（期间内最新的已报送或已通过的一期）'),
          unitsWithoutReport: z
            .array(z.object({ unitId: z.uuid(), unitLabel: z.string() }))
            .describe('期间内没有已报送或已通过报表的报送单位'),
        }),
      }),
    },
    handler: async (req) => briefingsService.draft(requireActor(req), req.params.id, req.query),
  });

  app.post('/api/campaigns/:id/briefing.docx', {
    schema: {
      tags: ['reports'],
      summary: '把修改后的简报或总结生成 Word（.docx，GB/T 9704 版式）；正文按收到的段落原样排版，不保存',
      params: idParams,
      body: docBody,
      produces: [DOCX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await briefingsService.docx(requireActor(req), req.params.id, req.body);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/campaigns/:id/briefings', {
    schema: {
      tags: ['reports'],
      summary: '专项行动的简报：印发单位专项办看到草稿和已签发的；下级参加单位只看到已签发的',
      params: idParams,
      response: withProblems({
        200: z.object({
          items: z.array(z.object(briefingFields)),
          canCreate: z.boolean().describe('可以为本单位写简报（专项办、管理员）'),
        }),
      }),
    },
    handler: async (req) => briefingsService.list(requireActor(req), req.params.id),
  });

  app.post('/api/campaigns/:id/briefings', {
    schema: {
      tags: ['reports'],
      summary: '保存简报草稿（专项办修改后的正文），签发前可继续修改',
      params: idParams,
      body: z.object({ kind, unitId: unitId.describe('印发单位'), ...storedText }),
      response: withProblems({ 201: briefing }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await briefingsService.create(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/briefings/:id', {
    schema: {
      tags: ['reports'],
      summary: '一期简报',
      params: briefingParams,
      response: withProblems({ 200: briefing }),
    },
    handler: async (req) => briefingsService.get(requireActor(req), req.params.id),
  });

  app.put('/api/briefings/:id', {
    schema: {
      tags: ['reports'],
      summary: '修改简报草稿（已签发的不能修改；版本过期答 409）',
      params: briefingParams,
      body: z.object({ ...storedText, version }),
      response: withProblems({ 200: briefing }),
    },
    handler: async (req) => briefingsService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/briefings/:id/issue', {
    schema: {
      tags: ['reports'],
      summary: '签发简报：编上期号（第N期），此后不能修改，下级参加单位可以看到',
      params: briefingParams,
      body: z.object({ version }),
      response: withProblems({ 200: briefing }),
    },
    handler: async (req) => briefingsService.issue(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/briefings/:id/document.docx', {
    schema: {
      tags: ['reports'],
      summary: '一期简报的 Word（.docx，GB/T 9704 版式）；已签发的工作简报印有期号',
      params: briefingParams,
      produces: [DOCX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await briefingsService.storedDocx(requireActor(req), req.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
