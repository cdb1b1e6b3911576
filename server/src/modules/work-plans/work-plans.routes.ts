import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import {
  binaryResponse,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import { WORK_PLAN_STATUSES } from './work-plan-status';
import type { WorkPlansService } from './work-plans.service';

const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const input = z.object({ title: text('计划名称', 200), summary: text('主要内容', 10_000) });
const plan = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    unitId: z.uuid(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(WORK_PLAN_STATUSES).describe('filed 待备案；acknowledged 已备案；returned 已退回'),
    filedBy: z.uuid(),
    filedByName: z.string().nullable(),
    filedAt: z.date(),
    reviewedByName: z.string().nullable(),
    reviewedAt: z.date().nullable(),
    returnReason: z.string().nullable(),
    file: z.object({ id: z.uuid(), fileName: z.string(), sizeBytes: int }).nullable(),
    version: int,
    can: z.object({ refile: z.boolean(), review: z.boolean() }),
  })
  .meta({ id: 'UnitWorkPlan' });
const BOARD_STATUSES = ['acknowledged', 'filed', 'overdue', 'notDue'] as const;
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const planParams = z.object({ id: z.uuid('工作实施计划编号格式不正确') });

/** 工作实施计划备案: the board of a plan, filing by the owing units, 备案 or 退回 by the plan's office. */
export function registerWorkPlansRoutes(app: App, service: WorkPlansService) {
  app.get('/api/campaigns/:id/work-plans', {
    schema: {
      tags: ['work-plans'],
      summary: '工作实施计划备案情况：各报送单位的已报送 / 逾期未报 / 未到期 / 已备案（截止日按北京时间）',
      params: campaignParams,
      response: withProblems({
        200: z.object({
          deadline: z.string().nullable().describe('工作实施计划报送截止日期；未设则本行动不要求报送'),
          today: z.string(),
          items: z.array(
            z.object({
              unitId: z.uuid(),
              unitLabel: z.string(),
              status: z.enum(BOARD_STATUSES),
              statusLabel: z.string(),
              returned: z.boolean().describe('被退回待重新报送'),
              late: z.boolean().describe('逾期后报送'),
              plan: plan.nullable(),
              canFile: z.boolean(),
            }),
          ),
          counts: z.object({ acknowledged: int, filed: int, overdue: int, notDue: int }),
          canReview: z.boolean(),
        }),
      }),
    },
    handler: async (req) => service.board(requireActor(req), req.params.id),
  });

  app.post('/api/campaigns/:id/work-plans', {
    schema: {
      tags: ['work-plans'],
      summary: '报送工作实施计划（本单位的联络员、专项办或局领导），报本行动方案的专项办备案',
      params: campaignParams,
      body: input.extend({ unitId: z.uuid('报送单位编号格式不正确') }),
      response: withProblems({ 201: plan }),
    },
    handler: async (req, reply) => reply.code(201).send(await service.file(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/work-plans/:id', {
    schema: {
      tags: ['work-plans'],
      summary: '一份工作实施计划',
      params: planParams,
      response: withProblems({ 200: plan }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.put('/api/work-plans/:id', {
    schema: {
      tags: ['work-plans'],
      summary: '修改后重新报送工作实施计划（备案前）；version 为读取时的版本',
      params: planParams,
      body: input.extend({ version: int }),
      response: withProblems({ 200: plan }),
    },
    handler: async (req) => service.refile(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/work-plans/:id/file', {
    schema: {
      tags: ['work-plans'],
      summary: `${uploadSummary('工作实施计划文件')}；替换原文件，备案后锁定`,
      consumes: ['multipart/form-data'],
      params: planParams,
      response: withProblems({ 200: plan, 413: z.any() }),
    },
    handler: async (req) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return service.attach(actor, req.params.id, file);
    },
  });

  app.get('/api/work-plans/:id/file', {
    schema: {
      tags: ['work-plans'],
      summary: '下载工作实施计划文件',
      params: planParams,
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) => sendAttachment(reply, await service.download(requireActor(req), req.params.id)),
  });

  app.post('/api/work-plans/:id/acknowledge', {
    schema: {
      tags: ['work-plans'],
      summary: '备案：专项办确认单位报送的工作实施计划',
      params: planParams,
      body: z.object({ version: int }),
      response: withProblems({ 200: plan }),
    },
    handler: async (req) => service.acknowledge(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/work-plans/:id/return', {
    schema: {
      tags: ['work-plans'],
      summary: '退回：专项办写明理由退回工作实施计划，单位修改后重新报送',
      params: planParams,
      body: z.object({ reason: z.string('请填写退回理由').max(1000, '退回理由不能超过1000字'), version: int }),
      response: withProblems({ 200: plan }),
    },
    handler: async (req) => service.return(requireActor(req), req.params.id, req.body),
  });
}
