import { compiledSerializer } from '../../platform/compiled-serializer';
import { approvalRequestSchema } from '../approvals/approvals.routes';
import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import { CASE_SORTS, caseInputSchema, stageMoveSchema } from './case.types';
import type { CasesService } from './cases.service';
import type { CaseDocumentsService } from './case-documents.service';
import { attachment, DOCX_MIME, XLSX_MIME } from '../../platform/documents/xlsx';

const STAGES = ['filed', 'investigation', 'review', 'notice', 'decided', 'execution', 'closed', 'archived'] as const;
const CLOCK_STATES = ['running', 'due_soon', 'overdue', 'paused', 'stopped'] as const;
const yuan = z.string().describe('元，两位小数');
const date = z.string().nullable();

const caseSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    campaignName: z.string(),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    taskId: z.uuid().nullable(),
    caseNumber: z.string(),
    name: z.string(),
    partyKind: z.enum(['company', 'person']),
    partyName: z.string(),
    partyCreditCode: z.string().nullable(),
    licenceInfo: z.string().nullable(),
    chainStage: z.enum(['production', 'distribution']).nullable(),
    otherProvinces: z.string().nullable(),
    stage: z.enum(STAGES),
    filingDate: z.string(),
    decisionDate: date,
    decisionDueDate: date,
    closingDate: date,
    amountInvolved: yuan,
    fine: yuan,
    confiscated: yuan,
    finesAndConfiscations: yuan,
    lossesRecovered: yuan,
    mediated: z.boolean(),
    compensation: yuan,
    penalized: z.boolean(),
    penaltyContent: z.string().nullable(),
    otherMeasures: z.array(z.string()),
    transferredToJudiciary: z.boolean(),
    judiciaryTransferDate: date,
    transferredToPolice: z.boolean(),
    policeTransferDate: date,
    notifiedTo: z.string().nullable(),
    notificationDate: date,
    summary: z.string().nullable(),
    published: z.boolean(),
    contactName: z.string().nullable(),
    contactPhone: z.string().nullable(),
    online: z.boolean(),
    rural: z.boolean(),
    supervisionLevel: z.enum(['self', 'superior']).nullable(),
    supervisingUnitId: z.uuid().nullable(),
    supervisionDeadline: date,
    typical: z.boolean(),
    originLeadId: z.uuid().nullable(),
    filingApproverId: z.uuid().nullable(),
    investigatorId: z.uuid().nullable(),
    reviewerId: z.uuid().nullable(),
    executorId: z.uuid().nullable(),
    overdue: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'CaseSummary' });

/** A row of the ledger page (台账): what the ledger shows of a case; the case page has the rest. */
const caseLedgerRow = caseSummary
  .pick({
    id: true,
    unitId: true,
    unitName: true,
    campaignId: true,
    campaignName: true,
    categoryCode: true,
    categoryLabel: true,
    caseNumber: true,
    name: true,
    partyKind: true,
    partyName: true,
    stage: true,
    filingDate: true,
    decisionDate: true,
    decisionDueDate: true,
    closingDate: true,
    amountInvolved: true,
    fine: true,
    confiscated: true,
    finesAndConfiscations: true,
    lossesRecovered: true,
    transferredToJudiciary: true,
    online: true,
    rural: true,
    supervisionLevel: true,
    typical: true,
    overdue: true,
    version: true,
  })
  .meta({ id: 'CaseLedgerRow' });

const person = z.object({ id: z.uuid(), displayName: z.string() }).nullable();
const caseDetail = caseSummary
  .extend({
    people: z.object({ filingApprover: person, investigator: person, reviewer: person, executor: person }),
    clock: z
      .object({
        dueDate: date,
        daysLeft: z.number().int(),
        allowedDays: z.number().int(),
        pausedDays: z.number().int(),
        state: z.enum(CLOCK_STATES),
      })
      .nullable(),
    stageHistory: z.array(
      z.object({
        fromStage: z.enum(STAGES).nullable(),
        toStage: z.enum(STAGES),
        actorName: z.string(),
        note: z.string().nullable(),
        at: z.date(),
      }),
    ),
    clockEvents: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(['approved_extension', 'collective_extension', 'pause']),
        days: z.number().int().nullable(),
        fromDate: date,
        toDate: date,
        reason: z.string(),
        at: z.date(),
      }),
    ),
    alsoCountsToward: z.array(
      z.object({ campaignId: z.uuid(), campaignName: z.string(), categoryCode: z.string(), categoryLabel: z.string() }),
    ),
    approvals: z
      .array(approvalRequestSchema)
      .describe('本案的审批申请（延期、结案、归档），最新的在前；待审批的显示在案件页上'),
    nextStage: z.enum(STAGES).nullable(),
    can: z.object({
      edit: z.boolean(),
      advance: z.boolean().describe('可推进到下一阶段（结案、归档待局领导审批期间为否）'),
      askSignOff: z.boolean().describe('推进到结案或归档是向局领导提出的申请（局领导本人推进时为否）'),
      manageClock: z.boolean(),
    }),
  })
  .meta({ id: 'Case' });

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();
const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const listQuery = z.object({
  ...pagingQuery,
  campaignId: z.uuid('行动编号格式不正确').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  q: z.string().trim().max(100).optional(),
  stage: z
    .array(z.enum(STAGES))
    .or(z.enum(STAGES).transform((s) => [s]))
    .optional(),
  categoryCode: z.string().max(40).optional(),
  overdue: bool,
  dueSoon: bool.describe('只看临期的：决定期限在今天起10日内（含今天，未逾期）'),
  supervised: bool,
  typical: bool,
  online: bool,
  rural: bool,
  filedFrom: dateParam('立案日期起'),
  filedTo: dateParam('立案日期止'),
  closedFrom: dateParam('结案日期起'),
  closedTo: dateParam('结案日期止'),
  sort: z
    .enum(CASE_SORTS, '排序方式应为 filingDate.desc、filingDate.asc 或 decisionDueDate.asc')
    .optional()
    .describe('排序：立案日期新→旧（默认）、旧→新，或办案期限近→远（已作出决定的在后）'),
});
const idParams = z.object({ id: z.uuid('案件编号格式不正确') });
const reason = z.string().trim().min(1, '请填写原因').max(500);
const clockChange = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('approved_extension'),
    days: z.literal(30, '经负责人批准的延期为30日'),
    reason,
    version: z.number().int(),
  }),
  z.object({
    kind: z.literal('collective_extension'),
    days: z.number().int().min(1).max(365, '延长天数应在1至365日之间'),
    reason,
    meetingDate: z.string('请填写集体讨论日期').refine(isIsoDate, '集体讨论日期应为有效日期'),
    participants: z
      .array(z.string().trim().min(1, '参加人员姓名不能为空').max(50, '参加人员姓名不能超过50字'), '请填写参加人员')
      .min(1, '请填写参加集体讨论的人员')
      .max(30, '参加人员不能超过30人'),
    version: z.number().int(),
  }),
  z.object({
    kind: z.literal('pause'),
    fromDate: z.string().refine(isIsoDate, '中止日期应为有效日期'),
    reason,
    version: z.number().int(),
  }),
  z.object({
    kind: z.literal('resume'),
    toDate: z.string().refine(isIsoDate, '恢复日期应为有效日期'),
    reason,
    version: z.number().int(),
  }),
]);

const file = z.any().describe('文件');

export function registerCasesRoutes(app: App, casesService: CasesService, documents: CaseDocumentsService) {
  app.get('/api/cases.xlsx', {
    schema: {
      tags: ['cases'],
      summary: '导出案件台账（.xlsx，筛选条件同台账列表）',
      querystring: listQuery.omit({ page: true, pageSize: true, sort: true }),
      produces: [XLSX_MIME],
      response: withProblems({ 200: file }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await documents.ledgerXlsx(requireActor(req), {
        ...req.query,
        stages: req.query.stage,
      });
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/cases/:id/typical-case.docx', {
    schema: {
      tags: ['cases'],
      summary: '典型案件报送信息表（附件3，.docx）',
      params: idParams,
      produces: [DOCX_MIME],
      response: withProblems({ 200: file }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await documents.typicalCaseDocx(requireActor(req), req.params.id);
      return reply.type(DOCX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/cases', {
    // The ledger is the API's hottest read: its answer is written by a serialiser compiled from the schema.
    serializerCompiler: compiledSerializer,
    schema: {
      tags: ['cases'],
      summary: '案件台账（本单位及下级单位），可按行动、单位、违法类型、阶段、超期、督办、典型等筛选',
      querystring: listQuery,
      response: withProblems({
        200: z.object({
          items: z.array(caseLedgerRow),
          total: z.number().int(),
          totalCapped: z.boolean().describe('为 true 时匹配的案件超过 total（10000）件，只统计到此为止'),
        }),
      }),
    },
    handler: async (req) => casesService.list(requireActor(req), { ...req.query, stages: req.query.stage }),
  });

  app.get('/api/cases/next-number', {
    schema: {
      tags: ['cases'],
      summary: '承办单位下一个自动案件编号（按单位的案件文号格式和当年序号；仅供填表参考，立案时才占用）',
      querystring: z.object({ unitId: z.uuid('请选择承办单位') }),
      response: withProblems({
        200: z.object({ caseNumber: z.string(), pattern: z.string().describe('单位的案件文号格式') }),
      }),
    },
    handler: async (req) => casesService.nextNumber(requireActor(req), req.query.unitId),
  });

  app.post('/api/cases', {
    schema: {
      tags: ['cases'],
      summary: '登记已批准立案的案件（专项办、局领导、管理员）；办案人员请提交立案申请 /api/cases/filing-requests',
      body: caseInputSchema,
      response: withProblems({ 201: caseDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(await casesService.create(requireActor(req), req.body)),
  });

  app.post('/api/cases/filing-requests', {
    schema: {
      tags: ['cases'],
      summary:
        '立案申请（立案审批）：内容同登记案件，filingApproverId 为批准立案的负责人；批准后立案，立案日期为批准之日（见 /api/approvals）',
      body: caseInputSchema,
      response: withProblems({ 201: approvalRequestSchema }),
    },
    handler: async (req, reply) => reply.code(201).send(await casesService.requestFiling(requireActor(req), req.body)),
  });

  app.get('/api/cases/:id', {
    schema: {
      tags: ['cases'],
      summary: '案件详情，含阶段记录、办案期限和当前用户可做的操作',
      params: idParams,
      response: withProblems({ 200: caseDetail }),
    },
    handler: async (req) => casesService.get(requireActor(req), req.params.id),
  });

  app.put('/api/cases/:id', {
    schema: {
      tags: ['cases'],
      summary: '修改案件（version 为读取时的版本，他人已修改时返回 409）',
      params: idParams,
      body: caseInputSchema.extend({ version: z.number().int() }),
      response: withProblems({ 200: caseDetail }),
    },
    handler: async (req) => casesService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/cases/:id/stage', {
    schema: {
      tags: ['cases'],
      summary:
        '推进到下一阶段（立案→调查取证→核审→告知/听证→决定→执行→结案→归档）；结案、归档由局领导推进，其他人员推进时为提交局领导审批的申请（见 /api/approvals）',
      params: idParams,
      body: stageMoveSchema,
      response: withProblems({ 200: caseDetail }),
    },
    handler: async (req) => casesService.moveStage(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/cases/:id/clock', {
    schema: {
      tags: ['cases'],
      summary: '办案期限：申请延长30日或集体讨论延长（局领导批准后生效，见 /api/approvals）、中止计时、恢复计时',
      params: idParams,
      body: clockChange,
      response: withProblems({ 200: caseDetail }),
    },
    handler: async (req) => casesService.changeClock(requireActor(req), req.params.id, req.body),
  });
}
