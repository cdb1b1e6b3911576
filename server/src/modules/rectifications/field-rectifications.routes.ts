import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../../platform/today';
import type { FieldRectificationsService } from './field-rectifications.service';
import { rectificationDetail, rectificationListItem } from './rectifications.routes';

const orderInput = z.object({
  entityId: z.uuid('请选择被责令整改的市场主体').nullish().describe('执法检查必填；双随机为抽中的主体，可不填'),
  description: z.string('请填写发现的问题').trim().min(1, '请填写发现的问题').max(2000, '发现的问题不能超过2000字'),
  requirement: z.string('请填写整改要求').trim().min(1, '请填写整改要求').max(2000, '整改要求不能超过2000字'),
  deadlineWorkingDays: z
    .number()
    .int()
    .min(1, '整改期限至少为1个工作日')
    .max(250, '整改期限不能超过250个工作日')
    .nullish()
    .describe('整改期限：自检查（抽查）日期起的工作日数'),
  deadline: z
    .string()
    .refine(isIsoDate, '整改期限应为有效日期（YYYY-MM-DD）')
    .nullish()
    .describe('整改期限（日期），不填工作日数时使用'),
});
const entityOption = z.object({ id: z.uuid(), name: z.string(), creditCode: z.string() });
const listAnswer = z.object({
  items: z.array(rectificationListItem),
  canOrder: z.boolean(),
  entities: z.array(entityOption).describe('可责令整改的市场主体：本单位及下级单位监管的（仅可下达者）'),
});
const tags = ['rectifications'];
const inspectionParams = z.object({ id: z.uuid('检查记录编号格式不正确') });
const itemParams = z.object({ id: z.uuid('抽查任务编号格式不正确'), itemId: z.uuid('抽查对象编号格式不正确') });

/** 责令整改 on an outing and after a 双随机 check (the rectification engine's field sources). */
export function registerFieldRectificationsRoutes(app: App, service: FieldRectificationsService) {
  app.get('/api/inspections/:id/rectifications', {
    schema: {
      tags,
      summary: '一次执法检查下达的责令整改及其整改情况',
      params: inspectionParams,
      response: withProblems({
        200: listAnswer.extend({
          orderedCount: z.number().int().describe('已下达的责令整改数（责令整改份数不少于此数）'),
        }),
      }),
    },
    handler: async (req) => service.listForInspection(requireActor(req), req.params.id),
  });

  app.post('/api/inspections/:id/rectifications', {
    schema: {
      tags,
      summary:
        '责令整改：写明市场主体（本单位及下级监管）、发现的问题、整改要求和期限；责令整改份数随之不少于已下达数（检查人员、办案人员、专项办）',
      params: inspectionParams,
      body: orderInput,
      response: withProblems({ 201: rectificationDetail, 422: z.any() }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await service.orderForInspection(requireActor(req), req.params.id, req.body)),
  });

  app.get('/api/random-draws/:id/items/:itemId/rectifications', {
    schema: {
      tags,
      summary: '双随机抽查对象的责令整改',
      params: itemParams,
      response: withProblems({ 200: listAnswer }),
    },
    handler: async (req) => service.listForDrawItem(requireActor(req), req.params.id, req.params.itemId),
  });

  app.post('/api/random-draws/:id/items/:itemId/rectifications', {
    schema: {
      tags,
      summary: '对抽中的市场主体责令整改（检查结果为发现问题后；抽中的执法人员、专项办）',
      params: itemParams,
      body: orderInput,
      response: withProblems({ 201: rectificationDetail, 422: z.any() }),
    },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await service.orderForDrawItem(requireActor(req), req.params.id, req.params.itemId, req.body)),
  });
}
