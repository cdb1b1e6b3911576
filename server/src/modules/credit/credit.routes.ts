import { z } from 'zod';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import type { PublicationExport } from './credit-export';
import { ABNORMAL_REASONS, LISTING_KINDS, LISTING_STATUSES, PUBLICATION_CHANNELS, REMOVAL_KINDS } from './credit-views';
import type { CreditService } from './credit.service';

const int = z.number().int();
const date = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const STATUSES = ['pending', 'overdue', 'done'] as const;
const statusDescription = 'pending 待公示（未逾期）；overdue 逾期未公示；done 已公示（按期或补公示）';

const ledgerQuery = z.object({
  unitId: z.uuid('单位编号格式不正确').optional(),
  campaignId: z.uuid('行动编号格式不正确').optional(),
  status: z.enum(STATUSES, '状态应为 pending、overdue 或 done').optional().describe(statusDescription),
  decidedFrom: date('处罚决定日期起').optional(),
  decidedTo: date('处罚决定日期止').optional(),
});
const ledgerRow = z
  .object({
    caseId: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    caseNumber: z.string(),
    caseName: z.string(),
    partyKind: z.enum(['company', 'person']),
    partyName: z.string(),
    partyCreditCode: z.string().nullable(),
    decisionDate: z.string(),
    penaltyContent: z.string().nullable(),
    fine: z.string().describe('罚款（元，精确文本）'),
    confiscated: z.string().describe('没收违法所得（元，精确文本）'),
    dueDate: z.string().describe('应公示日期：处罚决定之日起20个工作日（按节假日安排）'),
    status: z.enum(STATUSES).describe(statusDescription),
    statusLabel: z.string(),
    late: z.boolean().describe('已公示但晚于应公示日期'),
    publication: z
      .object({
        id: z.uuid(),
        publishedDate: z.string(),
        channel: z.string(),
        reference: z.string().nullable(),
        recordedByName: z.string().nullable(),
      })
      .nullable(),
    can: z.object({ record: z.boolean() }),
  })
  .meta({ id: 'PenaltyPublicationRow' });
const counts = z.object({ all: int, pending: int, overdue: int, done: int });

const listing = z
  .object({
    id: z.uuid(),
    listKind: z.enum(LISTING_KINDS).describe('abnormal 经营异常名录；serious 严重违法失信名单'),
    listKindLabel: z.string(),
    entityName: z.string(),
    creditCode: z.string().nullable(),
    marketEntityId: z.uuid().nullable(),
    caseId: z.uuid().nullable(),
    caseNumber: z.string().nullable(),
    caseName: z.string().nullable(),
    abnormalReason: z.enum(ABNORMAL_REASONS).nullable(),
    abnormalReasonLabel: z.string().nullable(),
    reasonText: z.string().nullable(),
    basis: z.string().nullable(),
    decisionNumber: z.string(),
    listedDate: z.string(),
    unitId: z.uuid(),
    unitName: z.string(),
    status: z.enum(LISTING_STATUSES),
    statusLabel: z.string(),
    removedDate: z.string().nullable(),
    removalKind: z.enum(REMOVAL_KINDS).nullable(),
    removalBasis: z.string().nullable(),
    repairableFrom: z.string().nullable().describe('严重违法失信名单：可申请信用修复（提前移出）之日，列入满一年'),
    expiryDate: z.string().nullable().describe('严重违法失信名单：期满移出之日，列入满三年'),
    createdBy: z.uuid(),
    createdAt: z.date(),
    updatedAt: z.date(),
    version: int,
    can: z.object({ remove: z.boolean() }),
  })
  .meta({ id: 'CreditListing' });
const listingInput = z.object({
  listKind: z.enum(LISTING_KINDS, '名单类别应为 abnormal 或 serious'),
  entityName: text('市场主体名称', 200),
  creditCode: z.string().max(40).nullish(),
  marketEntityId: z.uuid('市场主体编号格式不正确').nullish(),
  caseId: z.uuid('案件编号格式不正确').nullish(),
  abnormalReason: z.enum(ABNORMAL_REASONS, '列入经营异常名录事由不正确').nullish(),
  reasonText: z.string().max(2000, '违法事实不能超过2000字').nullish(),
  basis: z.string().max(500, '列入依据不能超过500字').nullish(),
  decisionNumber: text('决定书文号', 100),
  listedDate: date('列入日期'),
  unitId: z.uuid('决定单位编号格式不正确'),
});
const params = z.object({ id: z.uuid('名单记录编号格式不正确') });
const tags = ['credit'];

export function registerCreditRoutes(app: App, service: CreditService, exportXlsx: PublicationExport) {
  app.get('/api/credit/publications', {
    schema: {
      tags,
      summary: '行政处罚信息公示台账：作出处罚决定的案件，应公示日期、是否逾期、公示登记，及按状态的合计',
      querystring: ledgerQuery.extend({
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(20),
      }),
      response: withProblems({
        200: z.object({
          items: z.array(ledgerRow),
          total: int,
          totalCapped: z.boolean(),
          totals: counts.describe('不受状态筛选影响的合计'),
        }),
      }),
    },
    handler: async (req) => service.ledger(requireActor(req), req.query),
  });

  app.get('/api/credit/publications.xlsx', {
    schema: {
      tags,
      summary: '导出行政处罚信息（.xlsx，国家行政处罚信息归集字段；筛选条件同台账；自然人隐去部分姓名、不含身份证号）',
      querystring: ledgerQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().describe('文件') }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await exportXlsx(requireActor(req), req.query);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.post('/api/credit/publications', {
    schema: {
      tags,
      summary: '登记处罚信息已公示（专项办、局领导）：同时将案件标为已公开',
      body: z.object({
        caseId: z.uuid('案件编号格式不正确'),
        publishedDate: date('公示日期'),
        channel: z.enum(PUBLICATION_CHANNELS, '请选择公示渠道'),
        reference: z.string().max(500, '网址或编号不能超过500字').nullish(),
      }),
      response: withProblems({ 201: ledgerRow, 422: z.any() }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.recordPublication(requireActor(req), req.body)),
  });

  app.get('/api/credit/listings', {
    schema: {
      tags,
      summary: '经营异常名录、严重违法失信名单（列入日期新的在前）',
      querystring: z.object({
        listKind: z.enum(LISTING_KINDS, '名单类别应为 abnormal 或 serious').optional(),
        status: z.enum(LISTING_STATUSES, '状态应为 listed 或 removed').optional(),
        unitId: z.uuid('单位编号格式不正确').optional(),
        q: z.string().max(100).optional().describe('名称或统一社会信用代码'),
        page: z.coerce.number().int().min(1).default(1),
        pageSize: z.coerce.number().int().min(1).max(200).default(20),
      }),
      response: withProblems({ 200: z.object({ items: z.array(listing), total: int }) }),
    },
    handler: async (req) => service.listings(requireActor(req), req.query),
  });

  app.post('/api/credit/listings', {
    schema: {
      tags,
      summary: '列入经营异常名录或严重违法失信名单（专项办、局领导）',
      body: listingInput,
      response: withProblems({ 201: listing, 422: z.any() }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.createListing(requireActor(req), req.body)),
  });

  app.get('/api/credit/listings/:id', {
    schema: { tags, summary: '名单记录', params, response: withProblems({ 200: listing }) },
    handler: async (req) => service.getListing(requireActor(req), req.params.id),
  });

  app.post('/api/credit/listings/:id/removal', {
    schema: {
      tags,
      summary: '移出名单：信用修复（严重违法失信名单列入满一年）、期满移出（满三年）或其他，写明日期和依据',
      params,
      body: z.object({
        removedDate: date('移出日期'),
        removalKind: z.enum(REMOVAL_KINDS, '请选择移出方式'),
        removalBasis: text('移出依据', 1000),
        version: int,
      }),
      response: withProblems({ 200: listing, 422: z.any() }),
    },
    handler: async (req) => service.removeListing(requireActor(req), req.params.id, req.body),
  });
}
