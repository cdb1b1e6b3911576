import { z } from 'zod';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import { PROGRESS_INTERVAL_KINDS, SUPERVISION_ORIGINS, SUPERVISION_STATUSES } from './case-supervision-kinds';
import type { CaseSupervisionService } from './case-supervision.service';
import { supervisionLedgerXlsx } from './case-supervision-xlsx';

const int = z.number().int();
const text = (label: string, max: number) =>
  z.string(`请填写${label}`).trim().min(1, `请填写${label}`).max(max, `${label}不能超过${max}字`);
const version = int.describe('读取时的版本（乐观锁）');
const takeUp = z.object({
  instruction: text('督办意见', 2000),
  deadline: z.string('请填写办结期限').refine(isIsoDate, '办结期限应为有效日期（YYYY-MM-DD）'),
  progressInterval: z
    .number('请填写进展报送周期')
    .int('进展报送周期应为整数')
    .min(1, '进展报送周期至少为 1')
    .max(90, '进展报送周期不能超过 90'),
  progressIntervalKind: z.enum(PROGRESS_INTERVAL_KINDS, '报送周期单位应为工作日（working_days）或天（days）'),
});
const entry = z.object({
  id: z.uuid(),
  supervisionId: z.uuid(),
  kind: z.enum(['progress', 'instruction']).describe('progress 进展报告；instruction 批示'),
  text: z.string(),
  authorId: z.uuid(),
  authorName: z.string(),
  entryDate: z.string(),
  createdAt: z.date(),
});
const item = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  unitId: z.uuid().describe('承办单位'),
  unitName: z.string(),
  campaignId: z.uuid(),
  caseName: z.string(),
  caseNumber: z.string(),
  caseStage: z.string(),
  caseDecisionDate: z.string().nullable(),
  supervisingUnitId: z.uuid(),
  supervisingUnitName: z.string(),
  origin: z.enum(SUPERVISION_ORIGINS).describe('requested 报请督办；initiated 主动督办'),
  status: z.enum(SUPERVISION_STATUSES).describe('requested 待立项；declined 不予督办；active 督办中；closed 已办结'),
  statusLabel: z.string(),
  requestReason: z.string().nullable(),
  requestedBy: z.uuid().nullable(),
  requestedByName: z.string().nullable(),
  requestedAt: z.date().nullable(),
  decidedBy: z.uuid().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  declineReason: z.string().nullable(),
  startDate: z.string().nullable().describe('督办日期'),
  level: z.enum(['self', 'superior']).nullable().describe('self 本级督办；superior 上级督办'),
  instruction: z.string().nullable().describe('督办意见'),
  deadline: z.string().nullable().describe('办结期限'),
  progressInterval: int.nullable(),
  progressIntervalKind: z.enum(PROGRESS_INTERVAL_KINDS).nullable(),
  nextProgressDue: z.string().nullable().describe('下次进展报告应报日期'),
  closedBy: z.uuid().nullable(),
  closedAt: z.date().nullable(),
  conclusion: z.string().nullable().describe('办结意见'),
  latestProgress: z.string().nullable(),
  latestProgressDate: z.string().nullable(),
  progressOverdue: z.boolean().describe('进展逾期'),
  deadlineOverdue: z.boolean().describe('督办逾期'),
  version: int,
  createdAt: z.date(),
  updatedAt: z.date(),
  can: z.object({
    takeUp: z.boolean(),
    decline: z.boolean(),
    report: z.boolean(),
    instruct: z.boolean(),
    close: z.boolean(),
  }),
});
const detail = item.extend({ entries: z.array(entry) }).meta({ id: 'CaseSupervision' });
const listQuery = z.object({
  campaignId: z.uuid('行动编号格式不正确').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  supervisingUnitId: z.uuid('督办单位编号格式不正确').optional(),
  status: z.enum(SUPERVISION_STATUSES, '状态应为 requested、declined、active 或 closed').optional(),
  overdue: z
    .enum(['true', 'false'], 'overdue 应为 true 或 false')
    .transform((v) => v === 'true')
    .optional(),
});
const idParams = z.object({ id: z.uuid('编号格式不正确') });
const tags = ['case-supervision'];

export function registerCaseSupervisionRoutes(app: App, service: CaseSupervisionService) {
  app.get('/api/case-supervisions', {
    schema: {
      tags,
      summary: '督办件台账：您权限内（按承办单位）的督办件，最新在前；overdue=true 只列进展或督办逾期的',
      querystring: listQuery.extend(pagingQuery),
      response: withProblems({
        200: z.object({ items: z.array(item.meta({ id: 'CaseSupervisionListItem' })), total: int }),
      }),
    },
    handler: async (req) => service.list(requireActor(req), req.query),
  });

  app.get('/api/case-supervisions.xlsx', {
    schema: {
      tags,
      summary: '导出督办件台账（.xlsx，筛选条件同列表）',
      querystring: listQuery,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().describe('文件') }),
    },
    handler: async (req, reply) => {
      const rows = await service.ledger(requireActor(req), req.query);
      const content = await supervisionLedgerXlsx(rows);
      return reply.type(XLSX_MIME).header('content-disposition', attachment('督办件台账.xlsx')).send(content);
    },
  });

  app.get('/api/case-supervisions/:id', {
    schema: {
      tags,
      summary: '一件督办件及其进展报告和批示',
      params: idParams,
      response: withProblems({ 200: detail }),
    },
    handler: async (req) => service.get(requireActor(req), req.params.id),
  });

  app.get('/api/cases/:id/supervision', {
    schema: {
      tags,
      summary: '案件的督办：各次督办件（进行中的在前）及当前用户能否报请督办、主动督办',
      params: idParams,
      response: withProblems({
        200: z.object({
          items: z.array(detail),
          can: z.object({ request: z.boolean(), initiate: z.boolean() }),
        }),
      }),
    },
    handler: async (req) => service.forCase(requireActor(req), req.params.id),
  });

  app.post('/api/cases/:id/supervision-requests', {
    schema: {
      tags,
      summary: '报请督办：承办单位一方请其上级单位督办本案',
      params: idParams,
      body: z.object({ reason: text('报请理由', 2000) }),
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.request(requireActor(req), req.params.id, req.body)),
  });

  app.post('/api/cases/:id/supervisions', {
    schema: {
      tags,
      summary: '主动督办：上级单位（或本局）的专项办、局领导直接对本案立项督办',
      params: idParams,
      body: takeUp,
      response: withProblems({ 201: detail }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.initiate(requireActor(req), req.params.id, req.body)),
  });

  const action = (
    path: string,
    summary: string,
    body: z.ZodObject,
    run: (actor: ReturnType<typeof requireActor>, id: string, body: never) => Promise<unknown>,
  ) =>
    app.post(`/api/case-supervisions/:id/${path}`, {
      schema: { tags, summary, params: idParams, body, response: withProblems({ 200: detail }) },
      handler: async (req) => run(requireActor(req), req.params.id, req.body as never) as never,
    });

  action(
    'take-up',
    '立项督办：被报请单位的专项办或局领导受理报请，写明督办意见、办结期限和进展报送周期',
    takeUp.extend({ version }),
    (a, id, b) => service.takeUp(a, id, b),
  );
  action(
    'decline',
    '不予督办：被报请单位答复报请并说明理由',
    z.object({ reason: text('不予督办的理由', 2000), version }),
    (a, id, b) => service.decline(a, id, b),
  );
  action(
    'progress',
    '报送进展：承办单位报送督办案件的查办进展',
    z.object({ text: text('进展情况', 5000), version }),
    (a, id, b) => service.progress(a, id, b),
  );
  action(
    'instructions',
    '批示：督办单位对督办件作出进一步批示',
    z.object({ text: text('批示内容', 2000), version }),
    (a, id, b) => service.instruct(a, id, b),
  );
  action(
    'close',
    '办结：案件作出处理决定后，督办单位写明办结意见办结督办',
    z.object({ conclusion: text('办结意见', 2000), version }),
    (a, id, b) => service.close(a, id, b),
  );
}
