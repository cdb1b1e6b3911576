import { z } from 'zod';
import { AUTHORITY_KINDS } from '../../platform/authorities';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import { JOINT_OPERATION_KINDS } from './joint-operation-kinds';
import type { JointOperationsService } from './joint-operations.service';

const int = z.number().int();
const count = (label: string) =>
  z.number(`${label}应为整数`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`);
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const optionalText = (label: string, max: number) => z.string().trim().max(max, `${label}不能超过${max}字`).nullish();
const date = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const kind = z.enum(JOINT_OPERATION_KINDS, '类型应为联合执法行动（joint_action）或联席会议（joint_meeting）');
const lead = z.enum(['self', ...AUTHORITY_KINDS], '牵头部门应为本单位（self）或会同部门之一');

const input = z.object({
  unitId: z.uuid('单位编号格式不正确'),
  campaignId: z.uuid('行动编号格式不正确'),
  taskId: z.uuid('重点任务编号格式不正确').nullish(),
  kind,
  title: text('名称', 200),
  startDate: date('开始日期'),
  endDate: date('结束日期').nullish(),
  // At least one: checked by the service (422 naming 会同部门), so the form shows it under the field.
  departments: z.array(z.enum(AUTHORITY_KINDS, '会同部门不在可选部门中')).max(AUTHORITY_KINDS.length),
  departmentNames: optionalText('部门名称', 500),
  leadDepartment: lead.default('self'),
  location: optionalText('地点', 200),
  content: text('工作内容', 5000),
  results: optionalText('工作成效', 5000),
  staffDeployed: count('出动执法人员').optional(),
  entitiesInspected: count('检查经营主体').optional(),
  problemsFound: count('发现问题').optional(),
  casesFiled: count('立案').optional(),
  attendees: optionalText('参会单位及人员', 2000),
  decisions: optionalText('议定事项', 5000),
});

const item = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    campaignName: z.string(),
    taskId: z.uuid().nullable(),
    kind,
    kindLabel: z.string(),
    title: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    departments: z.array(z.enum(AUTHORITY_KINDS)),
    departmentNames: z.string().nullable(),
    leadDepartment: lead,
    location: z.string().nullable(),
    content: z.string(),
    results: z.string().nullable(),
    staffDeployed: int,
    entitiesInspected: int,
    problemsFound: int,
    casesFiled: int,
    attendees: z.string().nullable(),
    decisions: z.string().nullable(),
    version: int,
    createdBy: z.uuid(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'JointOperationSummary' });
const detail = item.extend({ can: z.object({ edit: z.boolean() }) }).meta({ id: 'JointOperation' });
const totals = z
  .object({
    actions: int.describe('联合执法行动（次）'),
    meetings: int.describe('联席会议（次）'),
    staffDeployed: int.describe('联合执法出动执法人员（人次）'),
    entitiesInspected: int.describe('联合执法检查经营主体（户次）'),
    problemsFound: int,
    casesFiled: int,
  })
  .meta({ id: 'JointOperationTotals' });

const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const idParams = z.object({ id: z.uuid('联合执法记录编号格式不正确') });

export function registerJointOperationsRoutes(app: App, jointOperationsService: JointOperationsService) {
  app.get('/api/joint-operations', {
    schema: {
      tags: ['joint-operations'],
      summary: '联合执法行动和联席会议（本单位及下级单位），及全部匹配记录的合计',
      querystring: z.object({
        ...pagingQuery,
        campaignId: z.uuid('行动编号格式不正确').optional().describe('该行动及其实施方案'),
        unitId: z.uuid('单位编号格式不正确').optional().describe('该单位及其下级'),
        kind: kind.optional(),
        from: dateParam('开始日期起'),
        to: dateParam('开始日期止'),
      }),
      response: withProblems({
        200: z.object({
          items: z.array(item),
          total: int,
          totalCapped: z.boolean(),
          totals,
        }),
      }),
    },
    handler: async (req) => jointOperationsService.list(requireActor(req), req.query),
  });

  app.post('/api/joint-operations', {
    schema: {
      tags: ['joint-operations'],
      summary: '登记联合执法行动或联席会议',
      body: input,
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await jointOperationsService.create(requireActor(req), req.body)),
  });

  app.get('/api/joint-operations/:id', {
    schema: {
      tags: ['joint-operations'],
      summary: '联合执法记录详情',
      params: idParams,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => jointOperationsService.get(requireActor(req), req.params.id),
  });

  app.put('/api/joint-operations/:id', {
    schema: {
      tags: ['joint-operations'],
      summary: '修改联合执法记录（version 为读取时的版本，他人已修改时返回 409）',
      params: idParams,
      body: input.extend({ version: int }),
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => jointOperationsService.update(requireActor(req), req.params.id, req.body),
  });
}
