import { z } from 'zod';
import { isIsoDate } from '../calendar/working-days';
import { CHECK_RESULTS, RISK_LEVELS } from './random-checks.schema';

export { CHECK_RESULTS, RISK_LEVELS };

export const RISK_LABELS = { low: '低风险', medium: '一般风险', high: '高风险' } as const;
/** 检查结果, as published under 一公开. */
export const CHECK_RESULT_LABELS = {
  no_problem: '未发现问题',
  corrected: '发现问题已责令改正',
  problem_followed_up: '发现问题，已移交或立案处理',
  not_found: '通过登记的住所（经营场所）无法联系',
  refused: '不配合检查',
} as const;

/** The draw an office asks for: where, which entities, how many (a share or a count). */
export const drawInputSchema = z
  .object({
    unitId: z.uuid('请选择抽查单位'),
    campaignId: z
      .uuid('专项行动编号格式不正确')
      .nullish()
      .transform((v) => v ?? null),
    /** 重点任务 the draw serves; omitted: the default from its unit (task-progress). */
    taskId: z.uuid('请选择重点任务').nullish(),
    name: z.string().trim().min(1, '请填写抽查任务名称').max(200),
    industry: z
      .string()
      .trim()
      .max(50)
      .nullish()
      .transform((v) => v || null),
    riskLevels: z.array(z.enum(RISK_LEVELS)).default([]),
    divisionCode: z
      .string()
      .trim()
      .regex(/^\d{2,12}$/, '行政区划代码应为数字')
      .nullish()
      .transform((v) => v || null),
    share: z.number().gt(0, '抽取比例应大于0').max(1, '抽取比例不能超过100%').optional(),
    count: z.number().int('抽取数量应为整数').min(1, '抽取数量至少为1').optional(),
  })
  .refine((v) => (v.share === undefined) !== (v.count === undefined), {
    path: ['share'],
    message: '请填写抽取比例或抽取数量（二选一）',
  });
export type DrawInput = z.output<typeof drawInputSchema>;

export const resultInputSchema = z.object({
  checkDate: z.string().refine(isIsoDate, '检查日期应为有效日期（YYYY-MM-DD）'),
  result: z.enum(CHECK_RESULTS, '请选择检查结果'),
  note: z
    .string()
    .trim()
    .max(1000)
    .nullish()
    .transform((v) => v || null),
  version: z.number().int(),
});
export type ResultInput = z.output<typeof resultInputSchema>;
