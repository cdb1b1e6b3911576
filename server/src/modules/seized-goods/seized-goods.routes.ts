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
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import { registerImportRoute } from '../../platform/tabular/import-route';
import type { SeizedGoodsAttachmentsService } from './seized-goods-attachments.service';
import type { SeizedGoodsImportService } from './seized-goods-import.service';
import { SEIZURE_MEASURES } from './seized-goods-kinds';
import type { SeizedGoodsService } from './seized-goods.service';
import { CUSTODY_STATUSES, DISPOSAL_KINDS } from './seized-quantity';

const tags = ['seized-goods'];
const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}字`).nullish();
const date = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
// Exact decimal text, never a JSON number (a float): the service checks its form and sign (422 on the field).
const quantity = (label: string) =>
  z.string(`请填写${label}（文本，如 "3478" 或 "247.15"）`).trim().max(20, `${label}格式不正确`);
const measure = z.enum(
  SEIZURE_MEASURES,
  '措施应为查封（sealed）、扣押（detained）、先行登记保存（preserved）或没收（confiscated）',
);
const kind = z.enum(DISPOSAL_KINDS, '处置方式应为返还、没收、销毁或移交');
const status = z.enum(CUSTODY_STATUSES);
const optionalId = (label: string) => z.uuid(`${label}编号格式不正确`).nullish();

const input = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  campaignId: z.uuid('行动编号格式不正确'),
  categoryCode: z.string('请选择违法类型').min(1, '请选择违法类型').max(50),
  goods: text('物品名称', 200),
  measure,
  quantity: quantity('数量'),
  quantityUnit: text('计量单位', 20),
  description: optionalText('规格/描述', 500),
  place: text('存放地点', 200),
  custodianId: z.uuid('请选择保管人'),
  seizedDate: date('查扣日期'),
  inspectionId: optionalId('检查记录'),
  inspectionSeizureId: optionalId('查扣物品'),
  caseId: optionalId('案件'),
  entityId: optionalId('市场主体'),
  ownerName: optionalText('当事人', 200),
  note: optionalText('备注', 2000),
});

const disposalInput = z.object({
  kind,
  disposalDate: date('处置日期'),
  quantity: quantity('处置数量'),
  method: optionalText('处置方式', 200),
  witnesses: z.array(z.string().trim().max(50, '见证人姓名不能超过50字')).max(20, '见证人不能超过20名').optional(),
  recipient: optionalText('接收单位/人', 200),
  basis: optionalText('处置依据', 200),
  note: optionalText('备注', 2000),
  version: int,
});

const attachmentSchema = z
  .object({
    id: z.uuid(),
    seizedGoodsId: z.uuid(),
    disposalId: z.uuid().nullable(),
    ...attachmentFields,
    ...photoFields,
    uploadedBy: z.uuid(),
    canRemove: z.boolean(),
  })
  .meta({ id: 'SeizedGoodsAttachment' });

const disposal = z
  .object({
    id: z.uuid(),
    seizedGoodsId: z.uuid(),
    kind,
    kindLabel: z.string(),
    disposalDate: z.string(),
    quantity: z.string().describe('精确数量（文本）'),
    method: z.string().nullable(),
    witnesses: z.array(z.string()),
    recipient: z.string().nullable(),
    basis: z.string().nullable(),
    note: z.string().nullable(),
    createdBy: z.uuid(),
    createdByName: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'SeizedGoodsDisposal' });

const item = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    campaignName: z.string(),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    goods: z.string(),
    measure,
    measureLabel: z.string(),
    quantity: z.string().describe('精确数量（文本，如 "3478"、"247.15"、"0.001"）'),
    quantityUnit: z.string(),
    description: z.string().nullable(),
    place: z.string(),
    custodianId: z.uuid(),
    custodianName: z.string(),
    seizedDate: z.string(),
    inspectionId: z.uuid().nullable(),
    inspectionDate: z.string().nullable(),
    inspectionSeizureId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    caseNumber: z.string().nullable(),
    entityId: z.uuid().nullable(),
    entityName: z.string().nullable(),
    ownerName: z.string().nullable(),
    note: z.string().nullable(),
    disposedQuantity: z.string().describe('已返还、销毁、移交的数量'),
    confiscatedQuantity: z.string().describe('已没收的数量'),
    heldQuantity: z.string().describe('在库数量'),
    status: status.describe('in_custody 在库；partly_disposed 部分处置；disposed 已处置'),
    statusLabel: z.string(),
    version: int,
    createdBy: z.uuid(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'SeizedGoodsSummary' });

const detail = item
  .extend({
    disposals: z.array(disposal),
    attachments: z.array(attachmentSchema),
    can: z.object({ edit: z.boolean(), dispose: z.boolean(), attach: z.boolean() }),
  })
  .meta({ id: 'SeizedGoods' });

const total = z
  .object({
    goods: z.string(),
    quantityUnit: z.string(),
    count: int,
    quantity: z.string(),
    disposed: z.string(),
    confiscated: z.string(),
    held: z.string(),
  })
  .meta({ id: 'SeizedGoodsTotal' });

const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const listQuery = z.object({
  campaignId: z.uuid('行动编号格式不正确').optional().describe('该行动及其实施方案'),
  unitId: z.uuid('单位编号格式不正确').optional().describe('该单位及其下级'),
  status: status.optional(),
  measure: measure.optional(),
  from: dateParam('查扣日期起'),
  to: dateParam('查扣日期止'),
  q: z.string().trim().max(100).optional().describe('物品名称包含'),
  inspectionId: z.uuid('检查记录编号格式不正确').optional(),
  caseId: z.uuid('案件编号格式不正确').optional(),
});
const params = z.object({ id: z.uuid('涉案财物记录编号格式不正确') });
const fileParams = params.extend({ attachmentId: z.uuid('附件编号格式不正确') });

export function registerSeizedGoodsRoutes(app: App, service: SeizedGoodsService, files: SeizedGoodsAttachmentsService) {
  app.get('/api/seized-goods', {
    schema: {
      tags,
      summary: '罚没物品台账：涉案财物（本单位及下级单位），及按物品和计量单位的精确合计',
      querystring: listQuery.extend(pagingQuery),
      response: withProblems({
        200: z.object({ items: z.array(item), total: int, totalCapped: z.boolean(), totals: z.array(total) }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.query),
  });

  app.get('/api/seized-goods.xlsx', {
    schema: {
      tags,
      summary: '导出罚没物品台账（.xlsx，A4 横向；筛选条件同台账）',
      querystring: listQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().describe('文件') }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await service.xlsx(requireActor(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/seized-goods/outing/:inspectionId', {
    schema: {
      tags,
      summary: '检查记录的查扣物品（登记保管用），各附已登记的涉案财物记录',
      params: z.object({ inspectionId: z.uuid('检查记录编号格式不正确') }),
      response: withProblems({
        200: z.object({
          id: z.uuid(),
          unitId: z.uuid(),
          campaignId: z.uuid(),
          categoryCode: z.string(),
          inspectionDate: z.string(),
          seizures: z.array(
            z.object({
              id: z.uuid(),
              goods: z.string(),
              quantity: z.string(),
              unit: z.string(),
              registeredId: z.uuid().nullable(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => service.outingSeizures(requireActor(req), req.params.inspectionId),
  });

  app.post('/api/seized-goods', {
    schema: { tags, summary: '登记保管涉案财物', body: input, response: withProblems({ 201: detail }) },
    handler: async (req, reply) => reply.code(201).send(await service.create(requireActor(req), req.body)),
  });

  app.get('/api/seized-goods/:id', {
    schema: {
      tags,
      summary: '涉案财物：保管情况、处置记录、照片和材料',
      params,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/seized-goods/:id', {
    schema: {
      tags,
      summary: '修改涉案财物记录（数量不能少于已处置的；version 为读取时的版本，他人已修改时返回 409）',
      params,
      body: input.extend({ version: int }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/seized-goods/:id/disposals', {
    schema: {
      tags,
      summary: '处置涉案财物：返还、没收、销毁（至少两名见证人）或移交，可部分处置；合计不能超过查扣数量',
      params,
      body: disposalInput,
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.dispose(requireActor(req), req.params.id, req.body)),
  });

  app.post('/api/seized-goods/:id/attachments', {
    schema: {
      tags,
      summary: uploadSummary('涉案财物的照片或材料（disposalId：属于某次处置，如销毁现场照片）'),
      consumes: ['multipart/form-data'],
      params,
      querystring: z.object({ disposalId: z.uuid('处置记录编号格式不正确').optional() }),
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await files.add(actor, req.params.id, file, req.query.disposalId));
    },
  });

  app.get('/api/seized-goods/:id/attachments/:attachmentId', {
    schema: {
      tags,
      summary: '下载涉案财物的照片或材料',
      params: fileParams,
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await files.download(requireActor(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/seized-goods/:id/attachments/:attachmentId', {
    schema: {
      tags,
      summary: '删除涉案财物的照片或材料',
      params: fileParams,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await files.remove(requireActor(req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}

export function registerSeizedGoodsImportRoutes(app: App, importService: SeizedGoodsImportService) {
  registerImportRoute(app, {
    path: '/api/campaigns/:id/seized-goods/import',
    tag: 'seized-goods',
    summary: '导入罚没物品台账（全部成功或全部不导入）',
    description:
      '表头同导出的罚没物品台账：单位（单位代码或唯一名称）、违法类型、物品名称、数量（精确，最多3位小数）、计量单位、查扣日期、存放地点、保管人（该单位条线上人员的姓名）；可选：规格/描述、措施（查封、扣押、先行登记保存、没收）、当事人、统一社会信用代码、案件编号（案件/检查）、处置情况（如“2026-04-10 销毁3478公斤，方式：无害化处理，见证人：张三、李四”）、已没收、已处置、在库、状态（须与处置情况相符）、备注。',
    run: (actor, campaignId, file, progress) => importService.importSeizedGoods(actor, campaignId, file, progress),
  });

  app.get('/api/seized-goods/import-template.xlsx', {
    schema: {
      tags,
      summary: '罚没物品台账导入模板（.xlsx：表头和填写说明）',
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().describe('文件') }),
    },
    handler: async (req, reply) => {
      requireActor(req);
      const { fileName, content } = importService.template();
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });
}
