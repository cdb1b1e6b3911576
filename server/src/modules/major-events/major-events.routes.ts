import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import { MAJOR_EVENT_KINDS, MAJOR_EVENT_STATUSES } from './major-event-kinds';
import type { MajorEventsService } from './major-events.service';

const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const input = z.object({
  kind: z.enum(MAJOR_EVENT_KINDS, '报告类别应为重大情况、大案要案或疑难问题'),
  title: text('名称（标题）', 100),
  occurredOn: z.string('请填写发生日期').refine(isIsoDate, '发生日期应为有效日期（YYYY-MM-DD）'),
  summary: text('基本情况', 5000),
  measuresTaken: text('已采取措施', 5000),
  requests: z.string().trim().max(5000, '需上级协调事项不能超过5000字').nullish(),
  caseId: z.uuid('涉及案件编号格式不正确').nullish(),
});
const unitLabel = z.string().describe('单位在本方案中的名称：从发文单位之下到本单位的路径（如“崇明区局 / 执法大队”）');
const item = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  unitId: z.uuid(),
  unitLabel,
  kind: z.enum(MAJOR_EVENT_KINDS),
  kindLabel: z.string(),
  title: z.string(),
  occurredOn: z.string(),
  summary: z.string(),
  measuresTaken: z.string(),
  requests: z.string().nullable(),
  caseId: z.uuid().nullable(),
  caseNumber: z.string().nullable(),
  caseName: z.string().nullable(),
  reportedBy: z.uuid(),
  reportedByName: z.string().nullable(),
  reportedAt: z.date(),
  status: z.enum(MAJOR_EVENT_STATUSES).describe('reported 待阅示；acknowledged 已阅示'),
  acknowledgedBy: z.uuid().nullable(),
  acknowledgedByName: z.string().nullable(),
  acknowledgedAt: z.date().nullable(),
  acknowledgement: z.string().nullable().describe('专项办的阅示意见（批示）'),
  version: int,
});
const detail = item
  .extend({
    campaignName: z.string(),
    can: z.object({ edit: z.boolean(), acknowledge: z.boolean() }),
  })
  .meta({ id: 'MajorEvent' });
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const eventParams = z.object({ id: z.uuid('报告编号格式不正确') });

export function registerMajorEventsRoutes(app: App, majorEventsService: MajorEventsService) {
  app.get('/api/campaigns/:id/major-events', {
    schema: {
      tags: ['major-events'],
      summary: '重大情况报告：本行动中您权限内各单位报告的重大情况、大案要案和疑难问题，及待阅示的数量',
      params: campaignParams,
      querystring: z.object({
        status: z.enum(MAJOR_EVENT_STATUSES, '状态应为 reported 或 acknowledged').optional(),
        unitId: z.uuid('单位编号格式不正确').optional(),
      }),
      response: withProblems({
        200: z.object({
          items: z.array(item.meta({ id: 'MajorEventListItem' })),
          pendingCount: int.describe('待阅示的报告数（不受状态筛选影响）'),
          reportingUnits: z
            .array(z.object({ unitId: z.uuid(), unitLabel }))
            .describe('当前用户可以为之报告的单位（向本方案专项办报送的单位）'),
          canAcknowledge: z.boolean(),
        }),
      }),
    },
    handler: async (req) => majorEventsService.list(requireActor(req), req.params.id, req.query),
  });

  app.post('/api/campaigns/:id/major-events', {
    schema: {
      tags: ['major-events'],
      summary: '报告重大情况（随时上报，不受报送周期限制），报送本行动方案的专项办',
      params: campaignParams,
      body: input.extend({ unitId: z.uuid('报告单位编号格式不正确') }),
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await majorEventsService.create(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/major-events/:id', {
    schema: {
      tags: ['major-events'],
      summary: '一份重大情况报告及专项办的阅示意见',
      params: eventParams,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => majorEventsService.get(requireActor(req), req.params.id),
  });

  app.put('/api/major-events/:id', {
    schema: {
      tags: ['major-events'],
      summary: '修改重大情况报告（阅示前）；version 为读取时的版本',
      params: eventParams,
      body: input.extend({ version: int }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => majorEventsService.edit(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/major-events/:id/acknowledge', {
    schema: {
      tags: ['major-events'],
      summary: '阅示：专项办对重大情况报告写出批示意见（每份报告一次）',
      params: eventParams,
      body: z.object({
        acknowledgement: z.string('请填写阅示意见').max(2000, '阅示意见不能超过2000字'),
        version: int,
      }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => majorEventsService.acknowledge(requireActor(req), req.params.id, req.body),
  });
}
