import { z } from 'zod';
import {
  attachmentFields,
  binaryResponse,
  photoFields,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import type { RectificationAttachmentsService } from './rectification-attachments.service';
import type { RectificationLedger } from './rectification-ledger';
import type { RectificationsService } from './rectifications.service';
import { RECTIFICATION_EVENT_KINDS, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES } from './rectification-views';

const int = z.number().int();
const date = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const findingInput = z.object({
  unitId: z.uuid('问题所涉单位编号格式不正确'),
  description: z.string('请填写发现的问题').trim().min(1, '请填写发现的问题').max(2000, '发现的问题不能超过2000字'),
  requirement: z.string().trim().max(2000, '整改要求不能超过2000字').nullish(),
  deadlineWorkingDays: int
    .min(1, '整改期限至少为1个工作日')
    .max(250, '整改期限不能超过250个工作日')
    .nullish()
    .describe('整改期限：自督查日期起的工作日数（按节假日安排计算出 deadline）'),
  deadline: date('整改期限').nullish().describe('整改期限（日期），不填工作日数时使用'),
});
const attachmentSchema = z
  .object({ id: z.uuid(), findingId: z.uuid(), eventId: z.uuid().nullable(), ...attachmentFields, ...photoFields })
  .meta({ id: 'RectificationAttachment' });
const statusDescription = 'noted 无需整改；open 待整改（含退回后）；replied 已报送待复查；closed 已销号';
const finding = z.object({
  id: z.uuid(),
  source: z
    .enum(RECTIFICATION_SOURCES)
    .describe('supervision 督查；inspection 执法检查责令整改；random_check 双随机抽查责令整改'),
  sourceLabel: z.string(),
  sourceDate: z.string().describe('督查、检查或抽查的日期'),
  visitId: z.uuid().nullable(),
  inspectionId: z.uuid().nullable(),
  drawItemId: z.uuid().nullable(),
  drawId: z.uuid().nullable(),
  drawName: z.string().nullable(),
  entityId: z.uuid().nullable(),
  entityName: z.string().nullable().describe('被责令整改的市场主体（执法检查、双随机）'),
  entityCreditCode: z.string().nullable(),
  campaignId: z.uuid().nullable(),
  unitId: z.uuid().describe('督查：被要求整改的单位；责令整改：下达并跟进的单位'),
  unitName: z.string(),
  description: z.string(),
  requirement: z.string().nullable(),
  status: z.enum(RECTIFICATION_STATUSES).describe(statusDescription),
  statusLabel: z.string(),
  deadlineWorkingDays: int.nullable(),
  deadline: z.string().nullable(),
  overdue: z.boolean().describe('待整改且已过整改期限（按北京时间的今天）'),
  returnCount: int,
  repliedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  closedBy: z.uuid().nullable(),
  closedByName: z.string().nullable(),
  createdBy: z.uuid(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
  visitDate: z.string().nullable(),
  visitUnitId: z.uuid().nullable(),
  visitUnitName: z.string().nullable(),
  groupId: z.uuid().nullable(),
  groupName: z.string().nullable(),
  roundId: z.uuid().nullable(),
  roundTitle: z.string().nullable(),
  latestReply: z.string().nullable().describe('最近一次报送的整改情况'),
  version: int,
});
const can = z.object({
  edit: z.boolean(),
  reply: z.boolean(),
  review: z.boolean().describe('可复查退回'),
  close: z.boolean().describe('可销号'),
});
export const rectificationListItem = finding.extend({ can }).meta({ id: 'Finding' });
const listItem = rectificationListItem;
export const rectificationDetail = listItem
  .extend({
    events: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(RECTIFICATION_EVENT_KINDS).describe('reply 整改报告；return 退回；close 销号'),
        text: z.string(),
        actorId: z.uuid(),
        actorName: z.string(),
        createdAt: z.date(),
      }),
    ),
    attachments: z.array(attachmentSchema),
  })
  .meta({ id: 'Rectification' });
const bool = z
  .enum(['true', 'false'], '应为 true 或 false')
  .transform((v) => v === 'true')
  .optional();
const ledgerQuery = z.object({
  campaignId: z.uuid('行动编号格式不正确').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  status: z.enum(['open', 'replied', 'closed'], '状态应为 open、replied 或 closed').optional(),
  overdue: bool.describe('只看逾期未整改的'),
  roundId: z.uuid('督查轮次编号格式不正确').optional(),
  groupId: z.uuid('督查组编号格式不正确').optional(),
  mine: bool.describe('我单位整改：只看当前用户所在单位（不含下级）'),
  source: z
    .enum(['supervision', 'field'], '来源应为 supervision 或 field')
    .optional()
    .describe('supervision 督查；field 执法检查、双随机抽查的责令整改'),
});
const totals = z.object({
  all: int,
  open: int,
  replied: int,
  closed: int,
  overdue: int.describe('待整改且已逾期的（含在 open 中）'),
});
const visitParams = z.object({ id: z.uuid('督查记录编号格式不正确') });
const params = z.object({ id: z.uuid('整改事项编号格式不正确') });
const fileParams = params.extend({ attachmentId: z.uuid('附件编号格式不正确') });
const tags = ['rectifications'];

export function registerRectificationsRoutes(
  app: App,
  service: RectificationsService,
  ledger: RectificationLedger,
  files: RectificationAttachmentsService,
) {
  app.get('/api/supervision/visits/:id/findings', {
    schema: {
      tags,
      summary: '一次督查发现的问题及其整改情况',
      params: visitParams,
      response: withProblems({
        200: z.object({
          visit: z.object({
            id: z.uuid(),
            unitId: z.uuid(),
            unitName: z.string(),
            visitDate: z.string(),
            groupName: z.string(),
          }),
          items: z.array(listItem),
          canRecord: z.boolean(),
          units: z
            .array(z.object({ id: z.uuid(), name: z.string() }))
            .describe('新问题可涉及的单位：被督查单位及其下级（仅可记录问题者）'),
        }),
      }),
    },
    handler: async (req) => service.listForVisit(requireActor(req), req.params.id),
  });

  app.post('/api/supervision/visits/:id/findings', {
    schema: {
      tags,
      summary: '记录发现的问题；写明整改要求和整改期限（工作日数或日期）即下达整改通知（督查组、组织单位专项办）',
      params: visitParams,
      body: findingInput,
      response: withProblems({ 201: rectificationDetail, 422: z.any() }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.create(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/rectifications', {
    schema: {
      tags,
      summary: '整改台账：您权限内单位及您所在督查组的整改事项，逾期的在前，及按状态的合计',
      querystring: ledgerQuery.extend({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(20),
      }),
      response: withProblems({
        200: z.object({
          items: z.array(finding.meta({ id: 'RectificationLedgerRow' })),
          total: int,
          totalCapped: z.boolean(),
          totals: totals.describe('不受状态、逾期筛选影响的合计'),
        }),
      }),
    },
    handler: async (req) => ledger.list(requireActor(req), req.query),
  });

  app.get('/api/rectifications/summary', {
    schema: {
      tags,
      summary: '整改情况按单位汇总：要求整改、待整改、逾期、待复查、已销号',
      querystring: ledgerQuery.omit({ status: true, overdue: true }),
      response: withProblems({
        200: z.object({
          items: z.array(
            z.object({
              unitId: z.uuid(),
              unitName: z.string(),
              demanded: int,
              open: int,
              overdue: int,
              replied: int,
              closed: int,
            }),
          ),
        }),
      }),
    },
    handler: async (req) => ledger.summary(requireActor(req), req.query),
  });

  app.get('/api/rectifications.xlsx', {
    schema: {
      tags,
      summary: '导出整改台账（.xlsx，筛选条件同台账）',
      querystring: ledgerQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().describe('文件') }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await ledger.xlsx(requireActor(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/rectifications/:id', {
    schema: {
      tags,
      summary: '整改事项：问题、要求、期限、整改报告与复查记录、附件',
      params,
      response: withProblems({ 200: rectificationDetail }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/rectifications/:id', {
    schema: {
      tags,
      summary: '修改发现的问题（尚未报送整改情况时）；version 为读取时的版本',
      params,
      body: findingInput.extend({ version: int }),
      response: withProblems({ 200: rectificationDetail, 422: z.any() }),
    },
    handler: async (req) => service.edit(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/rectifications/:id/reply', {
    schema: {
      tags,
      summary: '报送整改情况（整改报告）：被要求整改的单位，附先行上传的材料',
      params,
      body: z.object({
        text: z.string('请填写整改情况').max(5000, '整改情况不能超过5000字'),
        attachmentIds: z.array(z.uuid('附件编号格式不正确')).max(20, '附件不能超过20个').optional(),
        version: int,
      }),
      response: withProblems({ 200: rectificationDetail }),
    },
    handler: async (req) => service.reply(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/rectifications/:id/close', {
    schema: {
      tags,
      summary: '复查销号（督查组、组织单位专项办）',
      params,
      body: z.object({ text: z.string().max(2000, '复查意见不能超过2000字').nullish(), version: int }),
      response: withProblems({ 200: rectificationDetail }),
    },
    handler: async (req) => service.close(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/rectifications/:id/return', {
    schema: {
      tags,
      summary: '复查退回：整改不到位，写明理由，可延长整改期限（不早于今天）',
      params,
      body: z.object({
        reason: z.string('请填写退回理由').max(2000, '退回理由不能超过2000字'),
        deadline: date('新的整改期限').nullish(),
        version: int,
      }),
      response: withProblems({ 200: rectificationDetail }),
    },
    handler: async (req) => service.return(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/rectifications/:id/attachments', {
    schema: {
      tags,
      summary: uploadSummary('整改材料（随下一次整改报告报送）'),
      consumes: ['multipart/form-data'],
      params,
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await files.add(actor, req.params.id, file));
    },
  });

  app.get('/api/rectifications/:id/attachments/:attachmentId', {
    schema: { tags, summary: '下载整改材料', params: fileParams, response: withProblems({ 200: binaryResponse }) },
    handler: async (req, reply) =>
      sendAttachment(reply, await files.download(requireActor(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/rectifications/:id/attachments/:attachmentId', {
    schema: { tags, summary: '删除尚未报送的整改材料', params: fileParams, response: withProblems({ 204: z.null() }) },
    handler: async (req, reply) => {
      await files.remove(requireActor(req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}
