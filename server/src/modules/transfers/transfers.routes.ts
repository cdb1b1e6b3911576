import { z } from 'zod';
import { AUTHORITY_KINDS } from '../../platform/authorities';
import { attachment, DOCX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { CriminalThresholdsService } from './criminal-thresholds.service';
import { TRANSFER_OUTCOMES, TRANSFER_STATUSES } from './transfer-rules';
import {
  thresholdInputSchema,
  transferInputSchema,
  transferListQuerySchema,
  transferReplyInputSchema,
} from './transfer.types';
import type { TransfersService } from './transfers.service';

const TAGS = ['transfers'];
const idOf = (what: string) => z.object({ id: z.uuid(`${what}编号格式不正确`) });
const version = z.number('版本号（version）应为数字').int('版本号（version）应为整数');

const transfer = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string().nullable(),
    campaignId: z.uuid(),
    caseId: z.uuid().nullable(),
    leadId: z.uuid().nullable(),
    subject: z.object({ kind: z.enum(['case', 'lead']), id: z.uuid(), title: z.string() }),
    receiverKind: z.enum(AUTHORITY_KINDS),
    receiverName: z.string(),
    judicial: z.boolean().describe('移送司法机关（公安机关、人民检察院）：计入“移送司法案件”'),
    transferDate: z.string(),
    documentNumber: z.string().nullable(),
    reason: z.string(),
    materials: z.array(z.string()),
    replyDueDate: z.string().describe('催办日期：此前应收到答复'),
    status: z
      .enum(TRANSFER_STATUSES)
      .describe('sent 已移送待答复；accepted 已受理；filed 已立案；not_filed 不立案；returned 退回'),
    statusLabel: z.string(),
    overdue: z.boolean().describe('待答复且已过催办日期'),
    createdByName: z.string().nullable(),
    createdAt: z.date(),
    replies: z.array(
      z.object({
        id: z.uuid(),
        replyDate: z.string(),
        outcome: z.enum(TRANSFER_OUTCOMES),
        reason: z.string().nullable(),
        recordedByName: z.string().nullable(),
        recordedAt: z.date(),
      }),
    ),
    version: z.number().int(),
    can: z.object({ reply: z.boolean() }),
  })
  .meta({ id: 'Transfer' });

const threshold = z
  .object({
    id: z.uuid(),
    categoryCode: z.string(),
    minAmount: z.string().describe('涉案金额下限（元，精确文本）'),
    description: z.string(),
    source: z.string().describe('依据'),
    updatedByName: z.string().nullable(),
    updatedAt: z.date(),
    version: z.number().int(),
  })
  .meta({ id: 'CriminalThreshold' });

/** 移送: a case's transfers and 涉刑不移 guard, transferring, answers, the 移送书, the 台账 and the thresholds. */
export function registerTransfersRoutes(app: App, service: TransfersService, thresholds: CriminalThresholdsService) {
  app.get('/api/cases/:id/transfers', {
    schema: {
      tags: TAGS,
      summary: '案件的移送记录、涉刑不移提示（达到移送标准未移送司法）',
      params: idOf('案件'),
      response: withProblems({
        200: z.object({
          items: z.array(transfer),
          guard: z
            .object({
              flagged: z.boolean().describe('涉案金额达到移送标准且未移送司法'),
              minAmount: z.string(),
              amountInvolved: z.string(),
              description: z.string(),
              source: z.string(),
            })
            .nullable()
            .describe('本案违法类型的涉刑移送标准；未设标准时为 null'),
          can: z.object({ transfer: z.boolean() }),
        }),
      }),
    },
    handler: async (req) => service.ofCase(requireActor(req), req.params.id),
  });

  app.post('/api/cases/:id/transfers', {
    schema: {
      tags: TAGS,
      summary: '移送案件（公安机关、检察院等）：移送司法的同时计入“移送司法案件”；未写明接收机关答 422',
      params: idOf('案件'),
      body: transferInputSchema,
      response: withProblems({ 201: transfer }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.transferCase(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/transfers', {
    schema: {
      tags: TAGS,
      summary: '移送台账：本范围内的案件移送与线索移交，最新的在前',
      querystring: transferListQuerySchema,
      response: withProblems({
        200: z.object({
          items: z.array(transfer),
          total: z.number().int(),
          page: z.number().int(),
          pageSize: z.number().int(),
        }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.query),
  });

  app.get('/api/transfers/:id', {
    schema: {
      tags: TAGS,
      summary: '一条移送记录及其答复',
      params: idOf('移送记录'),
      response: withProblems({ 200: transfer }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.post('/api/transfers/:id/replies', {
    schema: {
      tags: TAGS,
      summary: '登记接收机关的答复：受理、立案、不立案（须写理由）、退回（须写理由）',
      params: idOf('移送记录'),
      body: transferReplyInputSchema,
      response: withProblems({ 200: transfer }),
    },
    handler: async (req) => service.reply(requireActor(req), req.params.id, req.body),
  });

  app.get('/api/transfers/:id/document.docx', {
    schema: {
      tags: TAGS,
      summary: '移送书（.docx，GB/T 9704 版式）',
      params: idOf('移送记录'),
      produces: [DOCX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.docx(requireActor(req), req.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/criminal-thresholds', {
    schema: {
      tags: TAGS,
      summary: '涉刑移送标准（按违法类型的涉案金额下限及依据）',
      response: withProblems({
        200: z.object({
          items: z.array(threshold.extend({ categoryLabel: z.string().describe('违法类型名称') })),
          categories: z
            .array(z.object({ code: z.string(), label: z.string() }))
            .describe('本系统各行动使用的违法类型（代码及名称），可为其设定标准'),
          can: z.object({ maintain: z.boolean() }),
        }),
      }),
    },
    handler: async (req) => thresholds.list(requireActor(req)),
  });

  app.post('/api/criminal-thresholds', {
    schema: {
      tags: TAGS,
      summary: '新增涉刑移送标准（系统管理员）',
      body: thresholdInputSchema,
      response: withProblems({ 201: threshold }),
    },
    handler: async (req, reply) => reply.code(201).send(await thresholds.create(requireActor(req), req.body)),
  });

  app.put('/api/criminal-thresholds/:id', {
    schema: {
      tags: TAGS,
      summary: '修改涉刑移送标准（系统管理员）',
      params: idOf('移送标准'),
      body: thresholdInputSchema.extend({ version }),
      response: withProblems({ 200: threshold }),
    },
    handler: async (req) => thresholds.update(requireActor(req), req.params.id, req.body),
  });

  app.delete('/api/criminal-thresholds/:id', {
    schema: {
      tags: TAGS,
      summary: '删除涉刑移送标准（系统管理员）',
      params: idOf('移送标准'),
      querystring: z.object({ version: z.coerce.number().int() }),
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await thresholds.remove(requireActor(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
}
