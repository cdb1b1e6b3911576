import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { UnitsService } from './units.service';
import { UNIT_KINDS } from './unit-kinds';
import { casePatternProblem } from '../cases/case-number';

const unitSchema = z
  .object({
    id: z.uuid(),
    parentId: z.uuid().nullable(),
    name: z.string(),
    code: z.string(),
    kind: z.enum(UNIT_KINDS),
    divisionCode: z.string().nullable(),
    caseNumberPattern: z
      .string()
      .nullable()
      .describe('案件文号格式，如 崇市监案〔{year}〕{seq}号；为空时按单位名称生成默认格式'),
    path: z.string(),
    depth: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.date(),
    updatedAt: z.date(),
    /** What the caller may do with this unit: the UI disables what the server would refuse. */
    can: z.object({ createChild: z.boolean(), update: z.boolean(), move: z.boolean(), deactivate: z.boolean() }),
  })
  .meta({ id: 'Unit' });

const unitName = z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不能超过 100 个字');
const divisionCode = z
  .string()
  .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
  .nullable();
const idParams = z.object({ id: z.uuid('单位编号格式不正确') });
/** 案件文号格式: {year} and {seq} (or {seq:3}); empty or null goes back to the default. */
const caseNumberPattern = z
  .string('案件文号格式应为文本')
  .trim()
  .superRefine((v, ctx) => {
    const problem = v === '' ? null : casePatternProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => v || null)
  .nullable();
const version = z.number().int().min(1);

export function registerUnitsRoutes(app: App, unitsService: UnitsService) {
  app.get('/api/units', {
    schema: {
      tags: ['units'],
      summary: '列出可见的单位（本单位及下级）',
      querystring: z.object({ includeInactive: z.enum(['true', 'false']).default('false') }),
      response: withProblems({ 200: z.object({ items: z.array(unitSchema) }) }),
    },
    handler: async (req) => ({
      items: await unitsService.list(requireActor(req), { includeInactive: req.query.includeInactive === 'true' }),
    }),
  });

  app.get('/api/units/:id', {
    schema: { tags: ['units'], summary: '单位详情', params: idParams, response: withProblems({ 200: unitSchema }) },
    handler: async (req) => unitsService.get(requireActor(req), req.params.id),
  });

  app.post('/api/units', {
    schema: {
      tags: ['units'],
      summary: '新建单位',
      body: z.object({
        parentId: z.uuid('上级单位编号格式不正确').nullable(),
        name: unitName,
        code: z
          .string()
          .trim()
          .min(1, '请填写机构编码')
          .max(40)
          .regex(/^[A-Za-z0-9_-]+$/, '机构编码只能包含字母、数字、- 和 _'),
        kind: z.enum(UNIT_KINDS, '单位类型应为 bureau、section、office 或 brigade'),
        divisionCode: divisionCode.optional(),
      }),
      response: withProblems({ 201: unitSchema }),
    },
    handler: async (req, reply) => reply.code(201).send(await unitsService.create(requireActor(req), req.body)),
  });

  app.patch('/api/units/:id', {
    schema: {
      tags: ['units'],
      summary: '修改单位名称、行政区划代码或案件文号格式',
      params: idParams,
      body: z.object({
        version,
        name: unitName.optional(),
        divisionCode: divisionCode.optional(),
        caseNumberPattern: caseNumberPattern.optional(),
      }),
      response: withProblems({ 200: unitSchema }),
    },
    handler: async (req) => unitsService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/units/:id/move', {
    schema: {
      tags: ['units'],
      summary: '调整上级单位',
      params: idParams,
      body: z.object({ version, parentId: z.uuid('上级单位编号格式不正确') }),
      response: withProblems({ 200: unitSchema }),
    },
    handler: async (req) => unitsService.move(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/units/:id/active', {
    schema: {
      tags: ['units'],
      summary: '停用或启用单位',
      params: idParams,
      body: z.object({ version, active: z.boolean() }),
      response: withProblems({ 200: unitSchema }),
    },
    handler: async (req) => unitsService.setActive(requireActor(req), req.params.id, req.body),
  });
}
