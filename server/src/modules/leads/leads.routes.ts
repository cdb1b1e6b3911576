import { approvalRequestSchema } from '../approvals/approvals.routes';
import { z } from 'zod';
import { leadHandoverStateSchema, leadOriginSchema } from './lead-handover';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import {
  leadClockSchema,
  leadDecisionSchema,
  leadHandlersSchema,
  leadInputSchema,
  leadUpdateSchema,
  LEAD_SORTS,
  LEAD_SOURCE_LABELS,
} from './lead.types';
import type { LeadsService } from './leads.service';

const SOURCES = Object.keys(LEAD_SOURCE_LABELS) as [
  keyof typeof LEAD_SOURCE_LABELS,
  ...(keyof typeof LEAD_SOURCE_LABELS)[],
];
const STATUSES = ['verifying', 'filed', 'not_filed', 'handed_over'] as const;
const date = z.string().nullable();

const leadSummary = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    categoryCode: z.string(),
    taskId: z.uuid().nullable(),
    source: z.enum(SOURCES),
    sourceLabel: z.string(),
    sourceNumber: z.string().nullable(),
    receivedDate: z.string(),
    partyName: z.string(),
    description: z.string(),
    complainantName: z.string().nullable(),
    complainantPhone: z.string().nullable(),
    complainantIdNumber: z.string().nullable(),
    /** True when the complainant's data above are masked for the caller. */
    complainantMasked: z.boolean(),
    important: z.boolean(),
    status: z.enum(STATUSES),
    handlerIds: z.array(z.uuid()),
    extensionApprovedBy: z.uuid().nullable(),
    extensionReason: z.string().nullable(),
    dueDate: date,
    decidedDate: date,
    outcomeNote: z.string().nullable(),
    caseId: z.uuid().nullable(),
    overdue: z.boolean(),
    handover: leadHandoverStateSchema.nullable().describe('已移交：接收机关与答复情况（移送台账）'),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'LeadSummary' });

const leadDetail = leadSummary
  .extend({
    origin: leadOriginSchema.nullable().describe('来源记录：由其检查发现登记本线索的执法检查或双随机抽查'),
    clock: z.object({
      dueDate: date,
      workingDaysLeft: z.number().int(),
      pausedWorkingDays: z.number().int(),
      provisional: z.boolean(),
      state: z.enum(['running', 'due_soon', 'overdue', 'paused', 'stopped']),
    }),
    pauses: z.array(z.object({ id: z.uuid(), fromDate: z.string(), toDate: date, reason: z.string() })),
    approvals: z.array(approvalRequestSchema).describe('本线索的审批申请（延期），最新的在前；待审批的显示在线索页上'),
    handlers: z.array(z.object({ id: z.uuid(), displayName: z.string() })).describe('经办人（与 handlerIds 同序）'),
    filingPending: z.boolean().describe('立案审批中：办案人员的立案申请待局领导审批（见 /api/approvals）'),
    can: z.object({
      edit: z.boolean(),
      decide: z.boolean(),
      approveExtension: z.boolean().describe('局领导直接批准延期（本人即审批人）'),
      requestExtension: z.boolean().describe('申请延期：经办人员或专项办提出，局领导批准后生效'),
      assignHandlers: z.boolean().describe('可指定经办人：承办单位的专项办或局领导，核查中的线索'),
    }),
  })
  .meta({ id: 'Lead' });

const listQuery = z.object({
  ...pagingQuery,
  campaignId: z.uuid('行动编号格式不正确').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  q: z.string().trim().max(100).optional(),
  status: z
    .array(z.enum(STATUSES))
    .or(z.enum(STATUSES).transform((s) => [s]))
    .optional(),
  important: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  source: z.enum(SOURCES).optional(),
  due: z.enum(['overdue', 'due_soon']).optional(),
  sort: z
    .enum(LEAD_SORTS, '排序方式应为 receivedDate.desc、receivedDate.asc 或 dueDate.asc')
    .optional()
    .describe('排序：登记日期新→旧（默认）、旧→新，或核查期限近→远（已处理的在后）'),
});
const idParams = z.object({ id: z.uuid('线索编号格式不正确') });

export function registerLeadsRoutes(app: App, leadsService: LeadsService) {
  app.get('/api/leads', {
    schema: {
      tags: ['leads'],
      summary: '案源线索（本单位及下级），可查临期（3个工作日内）和超期未核查的线索；投诉举报人信息对非经办人脱敏',
      querystring: listQuery,
      response: withProblems({
        200: z.object({
          items: z.array(leadSummary),
          total: z.number().int(),
          totalCapped: z.boolean().describe('为 true 时匹配的线索超过 total（10000）条，只统计到此为止'),
        }),
      }),
    },
    handler: async (req) => leadsService.list(requireActor(req), { ...req.query, statuses: req.query.status }),
  });

  app.post('/api/leads', {
    schema: {
      tags: ['leads'],
      summary: '登记线索（核查期限15个工作日）',
      body: leadInputSchema,
      response: withProblems({ 201: leadDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(await leadsService.create(requireActor(req), req.body)),
  });

  app.get('/api/leads/:id', {
    schema: {
      tags: ['leads'],
      summary: '线索详情，含核查期限',
      params: idParams,
      response: withProblems({ 200: leadDetail }),
    },
    handler: async (req) => leadsService.get(requireActor(req), req.params.id),
  });

  app.put('/api/leads/:id', {
    schema: {
      tags: ['leads'],
      summary: '修改线索（核查中的线索；经办人不在此修改；version 过期时返回 409）',
      params: idParams,
      body: leadUpdateSchema,
      response: withProblems({ 200: leadDetail }),
    },
    handler: async (req) => leadsService.update(requireActor(req), req.params.id, req.body),
  });

  app.put('/api/leads/:id/handlers', {
    schema: {
      tags: ['leads'],
      summary:
        '指定经办人（只有经办人能看到投诉举报人信息）：由承办单位的专项办或局领导指定，不能指定自己；version 过期时返回 409',
      params: idParams,
      body: leadHandlersSchema,
      response: withProblems({ 200: leadDetail }),
    },
    handler: async (req) => leadsService.assignHandlers(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/leads/:id/decision', {
    schema: {
      tags: ['leads'],
      summary: '核查结论：立案（线索成为案件来源）、不予立案、移交其他部门',
      params: idParams,
      body: leadDecisionSchema,
      response: withProblems({ 200: leadDetail }),
    },
    handler: async (req) => leadsService.decide(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/leads/:id/clock', {
    schema: {
      tags: ['leads'],
      summary:
        '核查期限：延长15个工作日（一次；局领导直接批准，其他人员提出申请，批准后生效，见 /api/approvals）、检测鉴定期间中止与恢复计时',
      params: idParams,
      body: leadClockSchema,
      response: withProblems({ 200: leadDetail }),
    },
    handler: async (req) => leadsService.changeClock(requireActor(req), req.params.id, req.body),
  });
}
