import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { ROLES } from '../../platform/roles';
import { APPROVAL_STATUSES } from './approval-statuses';
import type { ApprovalsService } from './approvals.service';

export const approvalRequestSchema = z
  .object({
    id: z.uuid(),
    kind: z.string(),
    kindLabel: z.string().describe('申请事项，如“延长办案期限30日”'),
    description: z.string().describe('批准后将发生什么（含理由）'),
    recordType: z.string(),
    recordId: z.uuid(),
    link: z.string().describe('记录在网页中的地址'),
    unitId: z.uuid(),
    unitName: z.string(),
    title: z.string(),
    payload: z.record(z.string(), z.unknown()),
    approverRole: z.enum(ROLES),
    namedApproverId: z.uuid().nullable(),
    requestedBy: z.uuid(),
    requestedByName: z.string(),
    requestedAt: z.date(),
    status: z.enum(APPROVAL_STATUSES).describe('pending 待审批；approved 已批准；rejected 不予批准；withdrawn 已撤回'),
    decidedBy: z.uuid().nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: z.date().nullable(),
    decisionComment: z.string().nullable().describe('审批意见'),
    version: z.number().int(),
    can: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'ApprovalRequest' });
const idParams = z.object({ id: z.uuid('申请编号格式不正确') });
const version = z.number('请提供版本号').int();

export function registerApprovalsRoutes(app: App, approvalsService: ApprovalsService) {
  app.get('/api/approvals', {
    schema: {
      tags: ['approvals'],
      summary: '审批申请：您权限内单位的申请；mine=true 只列您可以审批的（待我审批）',
      querystring: z.object({
        status: z.enum(APPROVAL_STATUSES, '状态应为 pending、approved、rejected 或 withdrawn').optional(),
        mine: z
          .enum(['true', 'false'], 'mine 应为 true 或 false')
          .transform((v) => v === 'true')
          .optional(),
      }),
      response: withProblems({ 200: z.object({ items: z.array(approvalRequestSchema) }) }),
    },
    handler: async (req) => approvalsService.list(requireActor(req), req.query),
  });

  app.get('/api/approvals/:id', {
    schema: {
      tags: ['approvals'],
      summary: '一项审批申请',
      params: idParams,
      response: withProblems({ 200: approvalRequestSchema }),
    },
    handler: async (req) => approvalsService.get(requireActor(req), req.params.id),
  });

  app.post('/api/approvals/:id/decision', {
    schema: {
      tags: ['approvals'],
      summary: '审批：批准（随即生效）或不予批准（须填写意见）；不能审批本人的申请',
      params: idParams,
      body: z.object({
        decision: z.enum(['approve', 'reject'], '审批结果应为批准或不予批准'),
        comment: z.string().trim().max(500, '审批意见不能超过500字').nullish(),
        version,
      }),
      response: withProblems({ 200: approvalRequestSchema }),
    },
    handler: async (req) => approvalsService.decide(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/approvals/:id/withdraw', {
    schema: {
      tags: ['approvals'],
      summary: '申请人撤回尚未审批的申请',
      params: idParams,
      body: z.object({ version }),
      response: withProblems({ 200: approvalRequestSchema }),
    },
    handler: async (req) => approvalsService.withdraw(requireActor(req), req.params.id, req.body),
  });
}
