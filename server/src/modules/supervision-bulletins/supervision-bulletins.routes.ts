import { z } from 'zod';
import { attachment, DOCX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import type { SupervisionBulletinsService } from './supervision-bulletins.service';

const TAGS = ['supervision'];
const idOf = (what: string) => z.object({ id: z.uuid(`${what}编号格式不正确`) });
const version = z
  .number('版本号（version）应为数字')
  .int('版本号（version）应为整数')
  .min(1, '版本号（version）应为正整数');
const paragraphs = z
  .array(
    z.string('正文段落（paragraphs）应为文字').max(5000, '正文每段（paragraphs）不能超过 5000 个字'),
    '请填写正文段落（paragraphs）',
  )
  .min(1, { message: '正文（paragraphs）至少要有一段', abort: true })
  .max(300, '正文（paragraphs）不能超过 300 段')
  .refine((ps) => ps.some((p) => p.trim() !== ''), '正文（paragraphs）不能全是空段');

const fields = {
  id: z.uuid(),
  roundId: z.uuid(),
  campaignId: z.uuid(),
  organizerUnitId: z.uuid(),
  organizerName: z.string(),
  title: z.string(),
  recipients: z.string().describe('主送单位'),
  docPrefix: z.string().describe('发文字号的机关代字，如“崇市监督”'),
  date: z.string().describe('成文日期'),
  status: z.enum(['draft', 'issued']).describe('draft 草稿（仅组织单位可见）；issued 已签发'),
  year: z.number().int().nullable(),
  number: z.number().int().nullable().describe('签发时按组织单位和年度依次编号'),
  docNumber: z.string().nullable().describe('发文字号，如“崇市监督〔2026〕3号”；草稿为 null'),
  issuedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean(), issue: z.boolean() }),
};
const bulletin = z.object({ ...fields, paragraphs: z.array(z.string()) });

export function registerSupervisionBulletinsRoutes(app: App, service: SupervisionBulletinsService) {
  app.get('/api/campaigns/:id/supervision-bulletins', {
    schema: {
      tags: TAGS,
      summary:
        '行动的督查通报：组织单位专项办看到草稿和已签发的，下级单位只看到已签发的；另列出本人可起草通报的督查轮次',
      params: idOf('行动'),
      response: withProblems({
        200: z.object({
          items: z.array(z.object(fields)),
          rounds: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() })),
        }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.params.id),
  });

  app.post('/api/supervision-rounds/:id/bulletins', {
    schema: {
      tags: TAGS,
      summary: '起草督查通报：按本轮督查的督查组、被督查单位、发现问题、整改情况（及关联的案卷评查）写出初稿并保存',
      params: idOf('督查轮次'),
      response: withProblems({ 201: bulletin }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.create(requireActor(req), req.params.id)),
  });

  app.get('/api/supervision-bulletins/:id', {
    schema: {
      tags: TAGS,
      summary: '一份督查通报',
      params: idOf('督查通报'),
      response: withProblems({ 200: bulletin }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/supervision-bulletins/:id', {
    schema: {
      tags: TAGS,
      summary: '修改督查通报草稿（已签发的不能修改；版本过期答 409）',
      params: idOf('督查通报'),
      body: z.object({
        title: z
          .string('请填写标题（title）')
          .trim()
          .min(1, '请填写标题（title）')
          .max(200, '标题（title）不能超过 200 个字'),
        recipients: z
          .string('主送单位（recipients）应为文字')
          .trim()
          .max(1000, '主送单位（recipients）不能超过 1000 个字'),
        docPrefix: z
          .string('请填写机关代字（docPrefix）')
          .trim()
          .min(1, '请填写机关代字（docPrefix）')
          .max(20, '机关代字（docPrefix）不能超过 20 个字')
          .refine((s) => !/[〔〕[\]\d]/.test(s), '机关代字（docPrefix）不含年份、序号和括号，如“崇市监督”'),
        date: z
          .string('成文日期（date）应为日期（YYYY-MM-DD）')
          .refine(isIsoDate, '成文日期（date）应为有效日期（YYYY-MM-DD）'),
        paragraphs,
        version,
      }),
      response: withProblems({ 200: bulletin }),
    },
    handler: async (req) => service.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/supervision-bulletins/:id/issue', {
    schema: {
      tags: TAGS,
      summary: '签发督查通报：编上发文字号（组织单位每年一个序列），此后不能修改，下级单位可以看到',
      params: idOf('督查通报'),
      body: z.object({ version }),
      response: withProblems({ 200: bulletin }),
    },
    handler: async (req) => service.issue(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/supervision-bulletins/:id/document.docx', {
    schema: {
      tags: TAGS,
      summary: '督查通报的 Word（.docx，GB/T 9704 版式：红色版头、发文字号、主送、落款、版记）',
      params: idOf('督查通报'),
      produces: [DOCX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.docx(requireActor(req), req.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
