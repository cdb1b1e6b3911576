import { z } from 'zod';
import { approvalRequestSchema } from '../approvals/approvals.routes';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { UNIT_KINDS } from '../units/unit-kinds';
import {
  categorySchema,
  kpiSchema,
  leadershipMemberSchema,
  phaseSchema,
  planSchema,
  planSectionSchema,
  reportScheduleSchema,
  windowSchema,
} from './campaign-plan.types';
import type { CampaignTemplatesService } from './campaign-templates.service';
import type { CampaignsService } from './campaigns.service';

const STATUSES = ['draft', 'active', 'archived'] as const;

const campaignRow = {
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  parentCampaignId: z.uuid().nullable(),
  path: z.string(),
  templateKey: z.string().nullable(),
  status: z.enum(STATUSES),
  name: z.string(),
  docNumber: z.string().nullable(),
  issuingOrgan: z.string(),
  issueDate: z.string().nullable(),
  recipients: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  liaisonDeadline: z.string().nullable(),
  workPlanDeadline: z.string().nullable(),
  predecessorCampaignId: z.uuid().nullable(),
  publishedAt: z.date().nullable(),
  owesPastPeriods: z.boolean(),
  /** 已结束: published and past its end date (derived; the status stays active). */
  ended: z.boolean(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
};

export const campaignSummarySchema = z.object(campaignRow).meta({ id: 'CampaignSummary' });

const campaignSchema = z
  .object({
    ...campaignRow,
    basis: z.array(z.string()),
    goals: z.array(z.string()),
    phases: z.array(phaseSchema),
    concentratedWindows: z.array(windowSchema),
    kpis: z.array(kpiSchema),
    leadership: z.array(leadershipMemberSchema),
    officeUnitId: z.uuid().nullable(),
    reportSchedules: z.array(reportScheduleSchema.and(z.object({ id: z.string() }))),
    sections: z.array(planSectionSchema),
    attachments: z.array(z.string()),
    contact: z.string().nullable(),
    parent: z.object({ id: z.uuid(), name: z.string(), unitId: z.uuid() }).nullable(),
    predecessor: z
      .object({ id: z.uuid(), name: z.string(), startDate: z.string(), endDate: z.string() })
      .nullable()
      .describe('上一年度行动（去年同类行动）'),
    categories: z.array(
      categorySchema.extend({
        id: z.uuid(),
        seq: z.number().int(),
        inherited: z.boolean(),
        subLabel: z.string().nullable(),
      }),
    ),
    tasks: z.array(
      z.object({
        id: z.uuid(),
        seq: z.number().int(),
        area: z.string(),
        title: z.string(),
        content: z.string(),
        categoryCode: z.string(),
        focusProducts: z.array(z.string()),
        focusPlaces: z.array(z.string()),
        focusAreas: z.array(z.string()),
        leadUnitIds: z.array(z.uuid()),
        cooperatingUnitIds: z.array(z.uuid()),
        pendingLeadRoles: z.array(z.string()),
        pendingCooperatingRoles: z.array(z.string()),
        inheritedFromTaskId: z.uuid().nullable(),
      }),
    ),
    participantUnitIds: z.array(z.uuid()),
    deadlines: z.array(
      z.object({
        scheduleId: z.string(),
        name: z.string(),
        kind: z.enum(['monthly', 'weekly', 'daily', 'dates']),
        periodStart: z.string(),
        periodEnd: z.string(),
        dueDate: z.string(),
        dueTime: z.string().optional(),
      }),
    ),
    /** How many report deadlines fell due before today: publishing now asks whether they are owed. */
    pastPeriods: z.number().int(),
    implementations: z.array(z.object({ id: z.uuid(), name: z.string(), unitId: z.uuid(), status: z.enum(STATUSES) })),
    /** Names of every unit the plan mentions (a 所 cannot list the bureau's units itself). */
    units: z.array(
      z.object({ id: z.uuid(), name: z.string(), kind: z.enum(UNIT_KINDS), parentId: z.uuid().nullable() }),
    ),
    approvals: z.array(approvalRequestSchema).describe('方案的签发申请，最新的在前；待签发的显示在方案页上'),
    can: z.object({
      edit: z.boolean(),
      changeStatus: z.boolean().describe('可归档或发布（专项办；待签发期间为否）'),
      publish: z.boolean().describe('可发布草稿：专项办（提交签发）或发文单位的局领导（签发）'),
      askIssue: z.boolean().describe('发布是提交局领导签发的申请（专项办；局领导本人发布即签发）'),
      copy: z.boolean(),
      deriveFor: z.array(z.uuid()),
    }),
  })
  .meta({ id: 'Campaign' });

const idParams = z.object({ id: z.uuid('行动编号格式不正确') });

export function registerCampaignsRoutes(
  app: App,
  campaignsService: CampaignsService,
  templatesService: CampaignTemplatesService,
) {
  app.get('/api/campaign-templates', {
    schema: {
      tags: ['campaigns'],
      summary: '行动方案模板（四份真实方案）',
      response: withProblems({
        200: z.array(
          z.object({
            key: z.string(),
            title: z.string(),
            source: z.string(),
            baseYear: z.number().int(),
            name: z.string(),
            docNumber: z.string().nullable(),
            categories: z.array(z.object({ code: z.string(), label: z.string(), subLabel: z.string().nullable() })),
            taskCount: z.number().int(),
          }),
        ),
      }),
    },
    handler: async (req) => {
      requireActor(req);
      return templatesService.list();
    },
  });

  app.post('/api/campaigns/from-template', {
    schema: {
      tags: ['campaigns'],
      summary: '由模板创建行动（发文单位及其全部下级单位参加）',
      body: z.object({
        template: z.string().min(1, '请选择模板'),
        unitId: z.uuid('单位编号格式不正确'),
        year: z.number().int().min(2000).max(2100).optional(),
      }),
      response: withProblems({ 201: campaignSchema }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await templatesService.createFromTemplate(requireActor(req), req.body)),
  });

  app.get('/api/campaigns', {
    schema: {
      tags: ['campaigns'],
      summary: '专项行动列表（本单位制定的、上级部署本单位参加的）',
      querystring: z.object({
        status: z.enum(STATUSES).optional(),
        q: z.string().trim().max(50).optional(),
        ...pagingQuery,
      }),
      response: withProblems({ 200: z.object({ items: z.array(campaignSummarySchema), total: z.number().int() }) }),
    },
    handler: async (req) => campaignsService.list(requireActor(req), req.query),
  });

  app.post('/api/campaigns', {
    schema: {
      tags: ['campaigns'],
      summary: '新建行动方案',
      body: planSchema.extend({ unitId: z.uuid('单位编号格式不正确') }),
      response: withProblems({ 201: campaignSchema }),
    },
    handler: async (req, reply) => reply.code(201).send(await campaignsService.create(requireActor(req), req.body)),
  });

  app.get('/api/campaigns/:id', {
    schema: {
      tags: ['campaigns'],
      summary: '行动方案全文',
      params: idParams,
      response: withProblems({ 200: campaignSchema }),
    },
    handler: async (req) => campaignsService.get(requireActor(req), req.params.id),
  });

  app.put('/api/campaigns/:id', {
    schema: {
      tags: ['campaigns'],
      summary: '保存整个行动方案（带 version，过期返回 409）',
      params: idParams,
      body: planSchema.extend({ version: z.number().int().min(1) }),
      response: withProblems({ 200: campaignSchema }),
    },
    handler: async (req) => campaignsService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/campaigns/:id/copy', {
    schema: {
      tags: ['campaigns'],
      summary: '复制为新的草稿',
      params: idParams,
      response: withProblems({ 201: campaignSchema }),
    },
    handler: async (req, reply) => reply.code(201).send(await campaignsService.copy(requireActor(req), req.params.id)),
  });

  app.post('/api/campaigns/:id/status', {
    schema: {
      tags: ['campaigns'],
      summary:
        '发布（active）或归档（archived）；专项办发布草稿为提交局领导签发的申请，批准后发布（见 /api/approvals），局领导发布即签发',
      params: idParams,
      body: z.object({
        version: z.number().int().min(1),
        status: z.enum(STATUSES, '状态应为 draft、active 或 archived'),
        /** On publishing: units owe the reports already due before today (补报已过期次). */
        owesPastPeriods: z.boolean().optional(),
      }),
      response: withProblems({ 200: campaignSchema }),
    },
    handler: async (req) => campaignsService.setStatus(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/campaigns/:id/implementations', {
    schema: {
      tags: ['campaigns'],
      summary: '下级局据此制定实施方案',
      params: idParams,
      body: z.object({ unitId: z.uuid('单位编号格式不正确') }),
      response: withProblems({ 201: campaignSchema }),
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await campaignsService.deriveImplementation(requireActor(req), req.params.id, req.body.unitId)),
  });
}
