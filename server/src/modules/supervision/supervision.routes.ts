import { z } from 'zod';
import { attachment, XLSX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import type { SupervisionService } from './supervision.service';

export const version = z
  .number('版本号（version）应为数字')
  .int('版本号（version）应为整数')
  .min(1, '版本号（version）应为正整数');
const versionQuery = z.object({ version: z.coerce.number().int().min(1, '版本号（version）应为正整数') });
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const groupParams = z.object({ id: z.uuid('督查组编号格式不正确') });
const roundParams = z.object({ id: z.uuid('督查轮次编号格式不正确') });
const drawParams = z.object({ id: z.uuid('随机抽取编号格式不正确') });
export const dateField = (label: string) =>
  z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const text = (label: string, max: number) =>
  z.string(`${label}应为文字`).trim().max(max, `${label}不能超过 ${max} 个字`);
const named = z.object({ id: z.uuid(), name: z.string() });

const groupBody = {
  name: text('组名（name）', 40).min(1, '请填写组名（name）'),
  leaderId: z.uuid('请选择组长（leaderId）'),
  memberIds: z.array(z.uuid('组员（memberIds）编号格式不正确')).max(50, '组员（memberIds）不能超过 50 人').default([]),
  phone: text('联系电话（phone）', 40).nullish(),
  note: text('备注（note）', 500).nullish(),
  sortOrder: z.number().int().min(0).max(999).optional(),
};
const group = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  organizerUnitId: z.uuid(),
  organizerUnitName: z.string(),
  name: z.string(),
  leaderId: z.uuid(),
  leaderName: z.string(),
  phone: z.string().nullable(),
  note: z.string().nullable(),
  sortOrder: z.number().int(),
  members: z.array(named),
  area: z.array(named).describe('片区：本组督查的单位'),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  can: z.object({
    edit: z.boolean(),
    editArea: z.boolean(),
    delete: z.boolean(),
    recordVisit: z.boolean(),
    draw: z.boolean(),
  }),
});

const roundBody = {
  number: z
    .number('请填写第几次督查（number）')
    .int()
    .min(1, '第几次督查（number）应为正整数')
    .max(999, '第几次督查（number）不能超过 999'),
  title: text('标题（title）', 100).min(1, '请填写标题（title）'),
  startDate: dateField('开始日期（startDate）'),
  endDate: dateField('结束日期（endDate）'),
  focus: text('督查重点（focus）', 2000).nullish(),
};
const round = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  organizerUnitId: z.uuid(),
  organizerUnitName: z.string(),
  number: z.number().int(),
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  focus: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
const draw = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  groupId: z.uuid().nullable(),
  groupName: z.string(),
  seed: z.string(),
  algorithm: z.string(),
  count: z.number().int(),
  candidates: z.array(named).describe('候选单位（抽取时的顺序）'),
  picked: z.array(named).describe('抽中的单位（抽取顺序）'),
  createdAt: z.date(),
});
const organizerUnitId = z.uuid('组织单位（organizerUnitId）格式不正确').nullish();

export function registerSupervisionRoutes(app: App, s: SupervisionService) {
  const tags = ['supervision'];
  app.get('/api/campaigns/:id/supervision-groups', {
    schema: {
      tags,
      summary: '方案的督查组及其片区（看得到方案的人和各组组员可见）',
      params: campaignParams,
      response: withProblems({
        200: z.object({
          items: z.array(group),
          organizers: z.array(named).describe('本人可以组建督查组的组织单位'),
          canManage: z.boolean(),
          people: z
            .array(z.object({ id: z.uuid(), name: z.string(), unitName: z.string() }))
            .describe('可任组长、组员的人员（组织单位及其下级单位的在岗人员；仅对可组建督查组的人）'),
        }),
      }),
    },
    handler: async (req) => s.groups.list(requireActor(req), req.params.id),
  });
  app.post('/api/campaigns/:id/supervision-groups', {
    schema: {
      tags,
      summary: '组建督查组（组织单位的专项办、局领导）',
      params: campaignParams,
      body: z.object({ ...groupBody, organizerUnitId }),
      response: withProblems({ 201: group }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await s.groups.create(requireActor(req), req.params.id, req.body)),
  });
  app.put('/api/supervision-groups/:id', {
    schema: {
      tags,
      summary: '修改督查组（组长只能改联系电话和备注）',
      params: groupParams,
      body: z.object({ ...groupBody, version }),
      response: withProblems({ 200: group }),
    },
    handler: async (req) => s.groups.update(requireActor(req), req.params.id, req.body),
  });
  app.delete('/api/supervision-groups/:id', {
    schema: {
      tags,
      summary: '撤销督查组（尚无督查记录时）',
      params: groupParams,
      querystring: versionQuery,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await s.groups.remove(requireActor(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
  app.put('/api/supervision-groups/:id/area', {
    schema: {
      tags,
      summary: '划分片区：本组督查的单位（一个单位在同一方案中只能属于一个组的片区）',
      params: groupParams,
      body: z.object({
        unitIds: z.array(z.uuid('片区单位（unitIds）编号格式不正确')).max(500, '片区单位不能超过 500 个'),
        version,
      }),
      response: withProblems({ 200: group }),
    },
    handler: async (req) => s.groups.setArea(requireActor(req), req.params.id, req.body),
  });
  app.get('/api/campaigns/:id/supervision-areas.xlsx', {
    schema: {
      tags,
      summary: '分片督查表（.xlsx，A4 横向打印版式）',
      params: campaignParams,
      produces: [XLSX_MIME],
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const { fileName, content } = await s.groups.areaSheet(requireActor(req), req.params.id);
      return reply.type(XLSX_MIME).header('content-disposition', attachment(fileName)).send(content);
    },
  });

  app.get('/api/campaigns/:id/supervision-rounds', {
    schema: {
      tags,
      summary: '方案的督查轮次',
      params: campaignParams,
      response: withProblems({ 200: z.object({ items: z.array(round), canManage: z.boolean() }) }),
    },
    handler: async (req) => s.rounds.list(requireActor(req), req.params.id),
  });
  app.post('/api/campaigns/:id/supervision-rounds', {
    schema: {
      tags,
      summary: '安排督查轮次（第N次督查，日期在行动期间内）',
      params: campaignParams,
      body: z.object({ ...roundBody, organizerUnitId }),
      response: withProblems({ 201: round.extend({ draws: z.array(draw) }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await s.rounds.create(requireActor(req), req.params.id, req.body)),
  });
  app.get('/api/supervision-rounds/:id', {
    schema: {
      tags,
      summary: '一轮督查及其随机抽取',
      params: roundParams,
      response: withProblems({ 200: round.extend({ draws: z.array(draw) }) }),
    },
    handler: async (req) => s.rounds.get(requireActor(req), req.params.id),
  });
  app.put('/api/supervision-rounds/:id', {
    schema: {
      tags,
      summary: '修改督查轮次',
      params: roundParams,
      body: z.object({ ...roundBody, version }),
      response: withProblems({ 200: round.extend({ draws: z.array(draw) }) }),
    },
    handler: async (req) => s.rounds.update(requireActor(req), req.params.id, req.body),
  });
  app.delete('/api/supervision-rounds/:id', {
    schema: {
      tags,
      summary: '删除督查轮次（尚无督查记录和随机抽取时）',
      params: roundParams,
      querystring: versionQuery,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await s.rounds.remove(requireActor(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/supervision-rounds/:id/draws', {
    schema: {
      tags,
      summary: '随机专项督查：从一个组的片区随机抽取单位（保存种子和候选单位，可复核）',
      params: roundParams,
      body: z.object({
        groupId: z.uuid('请选择督查组（groupId）'),
        count: z.number('请填写抽取数量（count）').int('抽取数量（count）应为整数').min(1, '抽取数量（count）至少为 1'),
      }),
      response: withProblems({ 201: draw }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await s.rounds.draw(requireActor(req), req.params.id, req.body)),
  });
  app.get('/api/supervision-draws/:id/verify', {
    schema: {
      tags,
      summary: '复核随机抽取：按保存的种子和候选单位重新抽取，看结果是否一致',
      params: drawParams,
      response: withProblems({
        200: z.object({
          drawId: z.uuid(),
          seed: z.string(),
          algorithm: z.string(),
          reproducible: z.boolean(),
          problem: z.string().nullable(),
        }),
      }),
    },
    handler: async (req) => s.rounds.verifyDraw(requireActor(req), req.params.id),
  });
}
