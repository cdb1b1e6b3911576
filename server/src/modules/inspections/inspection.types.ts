import { z } from 'zod';
import { isIsoDate } from '../calendar/working-days';
import { newEntitySchema } from '../market-entities/market-entity.types';
import {
  ENTITY_CHECK_RESULTS,
  INSPECTION_TYPES,
  PLACE_KINDS,
  type EntityCheckResult,
  type InspectionType,
} from './inspections.schema';

export { ENTITY_CHECK_RESULTS, INSPECTION_TYPES, PLACE_KINDS };

/** 检查方式 (seed 004). */
export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = {
  routine: '日常',
  flying: '飞行',
  cross: '交叉',
  sampling: '抽查抽检',
  system: '体系检查',
  special: '专项整治',
};
export const ENTITY_RESULT_LABELS: Record<EntityCheckResult, string> = {
  no_problem: '未发现问题',
  problem: '发现问题',
};

/** The orders the list can be read in: the date either way, along inspections_list_order_idx. */
export const INSPECTION_SORTS = ['inspectionDate.desc', 'inspectionDate.asc'] as const;
export type InspectionSort = (typeof INSPECTION_SORTS)[number];

/** Units of seized goods as the reports write them. */
export const SEIZURE_UNITS = [
  '公斤',
  '吨',
  '克',
  '升',
  '瓶',
  '箱',
  '袋',
  '包',
  '盒',
  '台',
  '件',
  '个',
  '套',
  '双',
  '条',
  '张',
  '册',
  '盘',
  '米',
  '头',
] as const;

const count = (label: string) =>
  z.number(`${label}应为整数`).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

export const seizureSchema = z.object({
  goods: z.string().trim().min(1, '请填写物品名称').max(100),
  quantity: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,13}(\.\d{1,3})?$/.test(v) && Number(v) > 0, '数量应为大于0、最多三位小数的数字'),
  unit: z.enum(SEIZURE_UNITS, `计量单位应为：${SEIZURE_UNITS.join('、')}`),
});

/** An entity the outing checked: one of the register, or a new one registered under the outing's unit. */
export const outingEntitySchema = z.union([
  z.object({
    entityId: z.uuid('请选择市场主体'),
    result: z.enum(ENTITY_CHECK_RESULTS, '请选择检查结果').default('no_problem'),
    finding: optionalText(2000),
  }),
  z.object({
    newEntity: newEntitySchema,
    result: z.enum(ENTITY_CHECK_RESULTS, '请选择检查结果').default('no_problem'),
    finding: optionalText(2000),
  }),
]);

/** The fields of an outing the form and the import carry. */
export const inspectionInputSchema = z
  .object({
    unitId: z.uuid('请选择检查单位'),
    campaignId: z.uuid('请选择专项行动'),
    categoryCode: z.string().trim().min(1, '请选择违法类型'),
    /** 检查方式; omitted: 专项整治 on create, unchanged on edit. */
    inspectionType: z.enum(INSPECTION_TYPES, '请选择检查方式').optional(),
    /** 重点任务 the record serves; omitted on create: the default from category and unit (task-progress). */
    taskId: z.uuid('请选择重点任务').nullish(),
    inspectionDate: z.string().refine(isIsoDate, '检查日期应为有效日期（YYYY-MM-DD）'),
    staffDeployed: count('出动人次').min(1, '出动人次至少为1'),
    vehicles: count('车辆台次').default(0),
    entitiesInspected: count('检查家次'),
    places: z.array(z.enum(PLACE_KINDS)).max(PLACE_KINDS.length).default([]),
    focusArea: optionalText(200),
    unlicensedBanned: count('取缔无照户数').default(0),
    rapidTestBatches: count('快检批次').default(0),
    rapidTestItems: count('快检品种数').default(0),
    rapidTestFailed: count('快检不合格批次').default(0),
    samplingBatches: count('抽检批次').default(0),
    samplingItems: count('抽检品种数').default(0),
    samplingFailed: count('抽检不合格批次').default(0),
    rectificationOrders: count('责令整改份数').default(0),
    findings: optionalText(5000),
    inspectorIds: z.array(z.uuid()).max(50).default([]),
    seizures: z.array(seizureSchema).max(100).default([]),
    /** 检查对象: the entities checked (at most 检查家次 of them); omitted: none on create, unchanged on edit. */
    entities: z.array(outingEntitySchema).max(200).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.rapidTestFailed > v.rapidTestBatches)
      ctx.addIssue({ code: 'custom', path: ['rapidTestFailed'], message: '快检不合格批次不能多于快检批次' });
    if (v.samplingFailed > v.samplingBatches)
      ctx.addIssue({ code: 'custom', path: ['samplingFailed'], message: '抽检不合格批次不能多于抽检批次' });
  });
export type InspectionInput = z.output<typeof inspectionInputSchema>;
