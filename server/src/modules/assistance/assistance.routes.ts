import { z } from 'zod';
import {
  attachmentFields,
  binaryResponse,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import { attachment, DOCX_MIME } from '../../platform/documents/xlsx';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES } from './assistance-status';
import type { AssistanceService } from './assistance.service';

const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const isoDate = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}格式应为 YYYY-MM-DD`);
const side = z
  .object({ sender: z.boolean(), receiver: z.boolean() })
  .describe('本单位在发函一方、受理一方，或两方之上');
const summaryFields = {
  id: z.uuid(),
  kind: z.enum(ASSISTANCE_KINDS).describe('assistance 协查函；lead_notice 线索通报'),
  fromUnitId: z.uuid(),
  fromUnitName: z.string(),
  toUnitId: z.uuid(),
  toUnitName: z.string(),
  documentNumber: z.string().nullable(),
  title: z.string(),
  replyDueDate: z.string(),
  status: z
    .enum(ASSISTANCE_STATUSES)
    .describe('sent 待受理；accepted 已受理；answered 已答复；declined 已拒绝；withdrawn 已撤回'),
  overdue: z.boolean(),
  createdAt: z.date(),
  side,
};
const summary = z.object(summaryFields).meta({ id: 'AssistanceSummary' });
const detail = z
  .object({
    ...summaryFields,
    facts: z.string(),
    requestedItems: z.string(),
    declineReason: z.string().nullable(),
    createdByName: z.string().nullable(),
    acceptedAt: z.date().nullable(),
    version: int,
    sender: z
      .object({ campaignId: z.uuid().nullable(), caseId: z.uuid().nullable(), leadId: z.uuid().nullable() })
      .nullable()
      .describe('发函单位自己的行动、案件、线索：只答复发函一方，受理一方为 null'),
    receiver: z
      .object({ leadId: z.uuid().nullable() })
      .nullable()
      .describe('受理单位由线索通报登记的本单位线索：只答复受理一方，发函一方为 null'),
    replies: z.array(
      z.object({
        id: z.uuid(),
        text: z.string(),
        repliedOn: z.string(),
        repliedByName: z.string(),
        createdAt: z.date(),
      }),
    ),
    attachments: z.array(z.object({ id: z.uuid(), side: z.enum(['sender', 'receiver']), ...attachmentFields })),
    can: z.object({
      withdraw: z.boolean(),
      attachSender: z.boolean(),
      accept: z.boolean(),
      decline: z.boolean(),
      answer: z.boolean(),
      attachReceiver: z.boolean(),
    }),
  })
  .meta({ id: 'AssistanceRequest' });
const optionalId = (label: string) => z.uuid(`${label}编号格式不正确`).nullish();
const sendBody = z.object({
  kind: z.enum(ASSISTANCE_KINDS, '请选择类型（协查函或线索通报）'),
  fromUnitId: z.uuid('发函单位编号格式不正确').optional(),
  toUnitId: z.uuid('请选择受理单位'),
  campaignId: optionalId('专项行动'),
  caseId: optionalId('案件'),
  leadId: optionalId('线索'),
  documentNumber: z.string().trim().max(100, '文号不能超过100字').nullish(),
  title: text('标题', 200),
  facts: text('基本情况', 10_000),
  requestedItems: text('协查事项', 10_000),
  replyDueDate: isoDate('答复期限'),
});
const params = z.object({ id: z.uuid('协查函编号格式不正确') });
const version = z.object({ version: int });

/** 协查与通报 (issue 20): requests between bureaus, seen from either end's scope only. */
export function registerAssistanceRoutes(app: App, service: AssistanceService) {
  app.get('/api/assistance', {
    schema: {
      tags: ['assistance'],
      summary: '协查函与线索通报：本单位及下级发出的（sent）或收到的（received）',
      querystring: z.object({
        direction: z.enum(['sent', 'received']).default('sent'),
        status: z.enum(ASSISTANCE_STATUSES).optional(),
        kind: z.enum(ASSISTANCE_KINDS).optional(),
        q: z.string().trim().max(100).optional(),
        ...pagingQuery,
      }),
      response: withProblems({
        200: z.object({ items: z.array(summary), total: int, page: int, pageSize: int }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.query),
  });

  app.get('/api/assistance/recipients', {
    schema: {
      tags: ['assistance'],
      summary: '可以发往的单位：本系统中所有在用的市场监管局（只有名称和上级名称）',
      response: withProblems({
        200: z.array(z.object({ id: z.uuid(), name: z.string(), parentName: z.string().nullable() })),
      }),
    },
    handler: async () => service.recipients(),
  });

  app.post('/api/assistance', {
    schema: {
      tags: ['assistance'],
      summary: '发出协查函或线索通报（发函单位的专项办、局领导、办案人员）',
      body: sendBody,
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.send(requireActor(req), req.body)),
  });

  app.get('/api/assistance/:id', {
    schema: {
      tags: ['assistance'],
      summary: '一份协查函或线索通报及其答复（发函或受理单位可见）',
      params,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.post('/api/assistance/:id/withdraw', {
    schema: {
      tags: ['assistance'],
      summary: '撤回（发函单位，受理前）',
      params,
      body: version,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.withdraw(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/assistance/:id/accept', {
    schema: {
      tags: ['assistance'],
      summary: '受理（受理单位的专项办或局领导）；线索通报可同时登记为本单位线索（来源：异地协查、线索通报）',
      params,
      body: version.extend({
        registerLead: z
          .object({
            campaignId: z.uuid('请选择专项行动'),
            categoryCode: z.string('请选择违法类型').trim().min(1, '请选择违法类型'),
            partyName: text('当事人', 200),
            important: z.boolean().optional(),
          })
          .optional()
          .describe('把线索通报登记为本单位线索（与受理在同一事务中）'),
      }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.accept(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/assistance/:id/decline', {
    schema: {
      tags: ['assistance'],
      summary: '拒绝并说明理由（受理单位的专项办或局领导）',
      params,
      body: version.extend({ reason: z.string('请填写拒绝理由').max(1000, '拒绝理由不能超过1000字') }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.decline(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/assistance/:id/replies', {
    schema: {
      tags: ['assistance'],
      summary: '答复（受理单位的专项办或局领导；受理后可多次答复）',
      params,
      body: version.extend({ text: text('答复内容', 10_000) }),
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.answer(requireActor(req), req.params.id, req.body)),
  });

  app.post('/api/assistance/:id/attachments', {
    schema: {
      tags: ['assistance'],
      summary: `${uploadSummary('附件')}；side=sender 发函附件（受理前），side=receiver 答复附件（受理后）`,
      consumes: ['multipart/form-data'],
      params,
      querystring: z.object({ side: z.enum(['sender', 'receiver']).default('sender') }),
      response: withProblems({ 201: detail, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await service.attach(actor, req.params.id, req.query.side, file));
    },
  });

  app.get('/api/assistance/:id/attachments/:fileId', {
    schema: {
      tags: ['assistance'],
      summary: '下载附件',
      params: params.extend({ fileId: z.uuid('附件编号格式不正确') }),
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await service.download(requireActor(req), req.params.id, req.params.fileId)),
  });

  app.get('/api/assistance/:id/document.docx', {
    schema: {
      tags: ['assistance'],
      summary: '协查函或线索通报的 Word（.docx，GB/T 9704 版式）',
      params,
      produces: [DOCX_MIME],
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.document(requireActor(req), req.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
