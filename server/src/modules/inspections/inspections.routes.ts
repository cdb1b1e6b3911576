import { z } from 'zod';
import { pagingQuery, requireActor, withProblems, type App } from '../../platform/http';
import { isIsoDate } from '../calendar/working-days';
import {
  ENTITY_CHECK_RESULTS,
  INSPECTION_SORTS,
  INSPECTION_TYPE_LABELS,
  INSPECTION_TYPES,
  inspectionInputSchema,
  PLACE_KINDS,
  SEIZURE_UNITS,
} from './inspection.types';
import type { InspectionsService } from './inspections.service';
import type { InspectionImportService } from './inspection-import.service';
import { registerImportRoute } from '../../platform/tabular/import-route';

const int = z.number().int();
const inspectionSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    campaignId: z.uuid(),
    campaignName: z.string(),
    categoryCode: z.string(),
    categoryLabel: z.string(),
    inspectionType: z.enum(INSPECTION_TYPES),
    inspectionTypeLabel: z.string(),
    taskId: z.uuid().nullable(),
    inspectionDate: z.string(),
    staffDeployed: int,
    vehicles: int,
    entitiesInspected: int,
    places: z.array(z.enum(PLACE_KINDS)),
    focusArea: z.string().nullable(),
    unlicensedBanned: int,
    rapidTestBatches: int,
    rapidTestItems: int,
    rapidTestFailed: int,
    rapidTestPassed: int,
    samplingBatches: int,
    samplingItems: int,
    samplingFailed: int,
    samplingPassed: int,
    rectificationOrders: int,
    findings: z.string().nullable(),
    inspectorIds: z.array(z.uuid()),
    leadId: z.uuid().nullable(),
    seizures: z.array(z.object({ goods: z.string(), quantity: z.string(), unit: z.string() })),
    version: int,
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'InspectionSummary' });
const inspectionDetail = inspectionSchema
  .extend({
    entities: z.array(
      z.object({
        entityId: z.uuid(),
        name: z.string(),
        creditCode: z.string(),
        address: z.string().nullable(),
        result: z.enum(ENTITY_CHECK_RESULTS),
        resultLabel: z.string(),
        finding: z.string().nullable(),
      }),
    ),
    can: z.object({ edit: z.boolean(), openLead: z.boolean() }),
  })
  .meta({ id: 'Inspection' });

const dateParam = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`).optional();
const filters = {
  campaignId: z.uuid('行动编号格式不正确').optional(),
  unitId: z.uuid('单位编号格式不正确').optional(),
  categoryCode: z.string().max(40).optional(),
  inspectionType: z.enum(INSPECTION_TYPES, '检查方式不正确').optional(),
  from: dateParam('检查日期起'),
  to: dateParam('检查日期止'),
};
const sums = z.object({
  outings: int,
  staffDeployed: int,
  vehicles: int,
  entitiesInspected: int,
  unlicensedBanned: int,
  rapidTestBatches: int,
  rapidTestFailed: int,
  samplingBatches: int,
  samplingFailed: int,
  rectificationOrders: int,
});
const idParams = z.object({ id: z.uuid('检查记录编号格式不正确') });

export function registerInspectionsRoutes(app: App, inspectionsService: InspectionsService) {
  app.get('/api/inspections', {
    schema: {
      tags: ['inspections'],
      summary: '执法检查记录（本单位及下级单位）',
      querystring: z.object({
        ...pagingQuery,
        ...filters,
        sort: z
          .enum(INSPECTION_SORTS, '排序方式应为 inspectionDate.desc 或 inspectionDate.asc')
          .optional()
          .describe('排序：检查日期新→旧（默认）或旧→新'),
      }),
      response: withProblems({
        200: z.object({
          items: z.array(inspectionSchema),
          total: int,
          totalCapped: z.boolean().describe('为 true 时匹配的检查记录超过 total（10000）条，只统计到此为止'),
        }),
      }),
    },
    handler: async (req) => inspectionsService.list(requireActor(req), req.query),
  });

  app.get('/api/inspections/totals', {
    schema: {
      tags: ['inspections'],
      summary: '执法检查合计（按单位和违法类型）',
      querystring: z.object(filters),
      response: withProblems({
        200: z.object({
          rows: z.array(
            sums.extend({
              unitId: z.uuid(),
              unitName: z.string(),
              categoryCode: z.string(),
              categoryLabel: z.string(),
            }),
          ),
          total: sums,
        }),
      }),
    },
    handler: async (req) => inspectionsService.totals(requireActor(req), req.query),
  });

  app.get('/api/inspections/options', {
    schema: {
      tags: ['inspections'],
      summary: '检查场所、检查方式和查扣物品计量单位的可选值',
      response: withProblems({
        200: z.object({
          places: z.array(z.string()),
          seizureUnits: z.array(z.string()),
          inspectionTypes: z.array(z.object({ value: z.enum(INSPECTION_TYPES), label: z.string() })),
        }),
      }),
    },
    handler: async () => ({
      places: [...PLACE_KINDS],
      seizureUnits: [...SEIZURE_UNITS],
      inspectionTypes: INSPECTION_TYPES.map((value) => ({ value, label: INSPECTION_TYPE_LABELS[value] })),
    }),
  });

  app.post('/api/inspections', {
    schema: {
      tags: ['inspections'],
      summary: '登记执法检查',
      body: inspectionInputSchema,
      response: withProblems({ 201: inspectionDetail }),
    },
    handler: async (req, reply) => reply.code(201).send(await inspectionsService.create(requireActor(req), req.body)),
  });

  app.get('/api/inspections/:id', {
    schema: {
      tags: ['inspections'],
      summary: '执法检查详情',
      params: idParams,
      response: withProblems({ 200: inspectionDetail }),
    },
    handler: async (req) => inspectionsService.get(requireActor(req), req.params.id),
  });

  app.put('/api/inspections/:id', {
    schema: {
      tags: ['inspections'],
      summary: '修改执法检查（version 为读取时的版本，他人已修改时返回 409）',
      params: idParams,
      body: inspectionInputSchema.and(z.object({ version: int })),
      response: withProblems({ 200: inspectionDetail }),
    },
    handler: async (req) => inspectionsService.update(requireActor(req), req.params.id, req.body),
  });

  app.post('/api/inspections/:id/lead', {
    schema: {
      tags: ['inspections'],
      summary: '由检查发现登记案源线索（来源：监督检查）',
      params: idParams,
      body: z.object({
        partyName: z.string().trim().min(1, '请填写当事人').max(200),
        description: z.string().trim().max(5000).nullish(),
        important: z.boolean().default(false),
        version: int,
      }),
      response: withProblems({ 201: z.object({ leadId: z.uuid() }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await inspectionsService.openLead(requireActor(req), req.params.id, req.body)),
  });
}

export function registerInspectionImportRoutes(app: App, inspectionImportService: InspectionImportService) {
  registerImportRoute(app, {
    path: '/api/campaigns/:id/inspections/import',
    tag: 'inspections',
    summary: '导入执法检查记录（全部成功或全部不导入）',
    description:
      '表头：检查日期、检查单位（单位代码或唯一名称）、违法类型、出动人次、车辆台次（可选）、检查家次；可选：检查方式（日常/飞行/交叉/抽查抽检/体系检查/专项整治，默认专项整治）、检查场所（用顿号分隔）、重点区域、取缔无照、快检批次、快检品种、快检不合格批次、抽检批次、抽检品种、抽检不合格批次、责令整改、检查发现。',
    run: (actor, campaignId, file, progress) =>
      inspectionImportService.importInspections(actor, campaignId, file, progress),
  });
}
