import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { dateField, version } from './supervision.routes';
import { VISIT_METHODS } from './supervision-visits.service';
import type { SupervisionService } from './supervision.service';

const METHOD_MESSAGE =
  '督查方式（method）应为：comprehensive（全面检查）、key_spot_check（重点抽查）、random（随机专项督查）、cross（交叉检查）、self（自查）、mutual（互查）';
const method = z.enum(VISIT_METHODS, METHOD_MESSAGE);
const visitParams = z.object({ id: z.uuid('督查记录编号格式不正确') });
const visitBody = {
  unitId: z.uuid('请选择被督查单位（unitId）'),
  visitDate: dateField('督查日期（visitDate）'),
  method,
  unannounced: z.boolean('明查或暗访（unannounced）应为是或否').default(false).describe('true 暗访；false 明查'),
  checkedItems: z
    .string('请填写督查内容（checkedItems）')
    .trim()
    .min(1, '请填写督查内容（checkedItems）')
    .max(5000, '督查内容（checkedItems）不能超过 5000 个字'),
  summary: z.string().trim().max(5000, '总体情况（summary）不能超过 5000 个字').nullish(),
  drawId: z.uuid('随机抽取（drawId）编号格式不正确').nullish(),
  taskId: z.uuid('重点任务（taskId）编号格式不正确').nullish(),
};
const visit = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  roundNumber: z.number().int(),
  roundTitle: z.string(),
  groupId: z.uuid(),
  groupName: z.string(),
  campaignId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  visitDate: z.string(),
  method,
  methodLabel: z.string(),
  unannounced: z.boolean(),
  checkedItems: z.string(),
  summary: z.string().nullable(),
  drawId: z.uuid().nullable(),
  taskId: z.uuid().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  version: z.number().int(),
  can: z.object({ edit: z.boolean() }),
});
const uuidFilter = (label: string) => z.uuid(`${label}编号格式不正确`).optional();

export function registerSupervisionVisitRoutes(app: App, s: SupervisionService) {
  const tags = ['supervision'];
  app.get('/api/supervision-visits', {
    schema: {
      tags,
      summary: '督查记录：组织单位看全部，督查组看本组的，单位看对本单位及下级的',
      querystring: z.object({
        campaignId: uuidFilter('专项行动'),
        roundId: uuidFilter('督查轮次'),
        groupId: uuidFilter('督查组'),
        unitId: uuidFilter('单位'),
        method: method.optional(),
        ...pagingQuery,
      }),
      response: withProblems({
        200: z.object({ items: z.array(visit), total: z.number().int(), page: z.number(), pageSize: z.number() }),
      }),
    },
    handler: async (req) => s.visits.list(requireActor(req), req.query),
  });
  app.post('/api/supervision-visits', {
    schema: {
      tags,
      summary: '登记督查记录（本组组长、组员或组织单位的专项办、局领导）',
      body: z.object({
        roundId: z.uuid('请选择督查轮次（roundId）'),
        groupId: z.uuid('请选择督查组（groupId）'),
        ...visitBody,
      }),
      response: withProblems({ 201: visit }),
    },
    handler: async (req, reply) => reply.code(201).send(await s.visits.create(requireActor(req), req.body)),
  });
  app.get('/api/supervision-visits/:id', {
    schema: { tags, summary: '一条督查记录', params: visitParams, response: withProblems({ 200: visit }) },
    handler: async (req) => s.visits.get(requireActor(req), req.params.id),
  });
  app.put('/api/supervision-visits/:id', {
    schema: {
      tags,
      summary: '修改督查记录（轮次和督查组不变；版本过期答 409）',
      params: visitParams,
      body: z.object({ ...visitBody, version }),
      response: withProblems({ 200: visit }),
    },
    handler: async (req) => s.visits.update(requireActor(req), req.params.id, req.body),
  });
  app.get('/api/supervision/my-groups', {
    schema: {
      tags,
      summary: '我的督查组：本人任组长或组员的督查组及其片区',
      response: withProblems({
        200: z.object({
          items: z.array(
            z.object({
              id: z.uuid(),
              campaignId: z.uuid(),
              campaignName: z.string(),
              organizerUnitName: z.string(),
              name: z.string(),
              leaderId: z.uuid(),
              leaderName: z.string(),
              phone: z.string().nullable(),
              members: z.array(z.object({ id: z.uuid(), name: z.string() })),
              area: z.array(z.object({ id: z.uuid(), name: z.string() })),
              can: z.object({ recordVisit: z.boolean(), draw: z.boolean() }).passthrough(),
            }),
          ),
        }),
      }),
    },
    handler: async (req) => s.groups.mine(requireActor(req)),
  });
}
