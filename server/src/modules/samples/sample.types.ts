import { z } from 'zod';
import { isIsoDate } from '../calendar/working-days';
import { SEIZURE_UNITS } from '../inspections/inspection.types';
import { FOLLOW_UP_MEASURES, SAMPLE_KINDS, SAMPLE_RESULTS } from './sample-kinds';

const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}字`)
    .nullish()
    .transform((v) => v || null);
const isoDate = (label: string) => z.string(`请填写${label}`).refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);

/** The 核查处置 a fail result opens: the measures, the demand, the deadline (default: 10 working days). */
export const followUpOpenSchema = z.object({
  measures: z
    .array(z.enum(FOLLOW_UP_MEASURES, '处置措施应为下架（off_shelf）、召回（recall）或立案（case）'))
    .min(1, '处置措施：请至少选择一项')
    .max(FOLLOW_UP_MEASURES.length),
  demand: optionalText('处置要求', 2000),
  deadline: isoDate('处置期限').nullish(),
});
export type FollowUpOpenInput = z.output<typeof followUpOpenSchema>;

/** The fields of a sample the form and the import carry. */
export const sampleInputSchema = z.object({
  unitId: z.uuid('请选择抽样单位'),
  campaignId: z.uuid('请选择专项行动'),
  categoryCode: z.string().trim().min(1, '请选择违法类型'),
  /** 重点任务 the record serves; omitted on create: the default from category and unit (task-progress). */
  taskId: z.uuid('请选择重点任务').nullish(),
  entityId: z.uuid('请选择被抽样单位'),
  inspectionId: z.uuid('检查记录编号格式不正确').nullish(),
  product: z.string('请填写样品名称').trim().min(1, '请填写样品名称').max(100, '样品名称不能超过100字'),
  brandSpec: optionalText('商标/规格', 200),
  batch: optionalText('批号或生产日期', 100),
  sampledDate: isoDate('抽样日期'),
  sampleKind: z.enum(SAMPLE_KINDS, '抽检类型应为监督抽检、风险监测或快速检测').default('supervision'),
  lab: optionalText('检验机构', 200),
  reportNumber: optionalText('报告编号', 100),
  resultDate: isoDate('结果日期').nullish(),
  result: z.enum(SAMPLE_RESULTS, '检验结论应为待检（pending）、合格（pass）或不合格（fail）').default('pending'),
  failedItems: optionalText('不合格项目', 2000),
  /** Only with a fail result that has no follow-up yet: its measures, demand and deadline. */
  followUp: followUpOpenSchema.nullish(),
});
export type SampleInput = z.output<typeof sampleInputSchema>;

/** What was done: 下架 (quantity, unit, day), 召回 (notice, day), a note. */
export const followUpProgressSchema = z.object({
  offShelfQuantity: z
    .union([z.string(), z.number()])
    .transform((v) => String(v).trim())
    .refine((v) => /^\d{1,13}(\.\d{1,3})?$/.test(v) && Number(v) > 0, '下架数量应为大于0、最多三位小数的数字')
    .nullish(),
  offShelfUnit: z.enum(SEIZURE_UNITS, `计量单位应为：${SEIZURE_UNITS.join('、')}`).nullish(),
  offShelfDate: isoDate('下架日期').nullish(),
  recallNotice: optionalText('召回情况', 2000),
  recallDate: isoDate('召回日期').nullish(),
  progressNote: optionalText('处置情况', 5000),
  version: z.number().int(),
});
export type FollowUpProgressInput = z.output<typeof followUpProgressSchema>;

export const followUpLeadSchema = z.object({
  partyName: z.string().trim().min(1, '请填写当事人').max(200),
  description: z.string().trim().max(5000).nullish(),
  important: z.boolean().default(false),
  version: z.number().int(),
});
export type FollowUpLeadInput = z.output<typeof followUpLeadSchema>;

export const followUpCloseSchema = z.object({
  closingNote: z.string('请填写办结说明').trim().min(1, '请填写办结说明').max(5000),
  version: z.number().int(),
});
export type FollowUpCloseInput = z.output<typeof followUpCloseSchema>;
