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

const docBody = z.object({
  kind,
  unitId: z.uuid('单位编号（unitId）格式不正确'),
  title: z
    .string('请填写标题（title）')
    .trim()
    .min(1, '请填写标题（title）')
    .max(200, '标题（title）不能超过 200 个字'),
  issue: z
    .string('期号（issue）应为文字')
    .trim()
    .max(40, '期号（issue）不能超过 40 个字')
    .nullish()
    .describe('期号，如“第3期”（工作简报）'),
  date: dateParam('成文日期（date）'),
  paragraphs: z
    .array(
      z.string('正文段落（paragraphs）应为文字').max(5000, '正文每段（paragraphs）不能超过 5000 个字'),
      '请填写正文段落（paragraphs）',
    )
    .min(1, { message: '正文（paragraphs）至少要有一段', abort: true })
    .max(200, '正文（paragraphs）不能超过 200 段')
    .refine((ps) => ps.some((p) => p.trim() !== ''), '正文（paragraphs）不能全是空段'),
});

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
}
