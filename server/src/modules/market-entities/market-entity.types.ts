import { z } from 'zod';
import { creditCodeProblem, normalizeCreditCode } from '../../platform/credit-code';
import {
  ENTITY_KINDS,
  FREQUENCY_PERIODS,
  RISK_LEVELS,
  type EntityKind,
  type RiskLevel,
} from './market-entities.schema';

export { ENTITY_KINDS, FREQUENCY_PERIODS, RISK_LEVELS };

export const RISK_LABELS: Record<RiskLevel, string> = { low: '低风险', medium: '一般风险', high: '高风险' };
export const ENTITY_KIND_LABELS: Record<EntityKind, string> = {
  enterprise: '企业',
  individual: '个体工商户',
  cooperative: '农民专业合作社',
  other: '其他',
};

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);

/**
 * 统一社会信用代码, upper-cased; its GB 32100 check (`creditCodeProblem`) is the service's, which
 * answers 422 naming the field or the outing's row.
 */
export const creditCodeSchema = z
  .string('请填写统一社会信用代码')
  .trim()
  .min(1, '请填写统一社会信用代码')
  .max(40, '统一社会信用代码应为18位')
  .transform(normalizeCreditCode);

export { creditCodeProblem };

/** What a new entity of an outing carries (its unit is the outing's). */
export const newEntitySchema = z.object({
  name: z.string('请填写市场主体名称').trim().min(1, '请填写市场主体名称').max(200),
  creditCode: creditCodeSchema,
  entityKind: z.enum(ENTITY_KINDS, '请选择主体类型').default('enterprise'),
  industry: optionalText(50),
  address: optionalText(300),
  operatorName: optionalText(50),
});
export type NewEntityInput = z.output<typeof newEntitySchema>;

/** The register's form. */
export const entityInputSchema = newEntitySchema.extend({
  unitId: z.uuid('请选择管辖单位'),
  riskLevel: z.enum(RISK_LEVELS, '请选择风险等级').default('low'),
  divisionCode: z
    .string()
    .trim()
    .regex(/^(\d{6}(\d{3}|\d{6})?)?$/, '行政区划代码应为6、9或12位数字')
    .nullish()
    .transform((v) => v || null),
  licence: optionalText(100),
});
export type EntityInput = z.output<typeof entityInputSchema>;

export const ruleInputSchema = z
  .object({
    unitId: z.uuid('请选择制定规则的单位'),
    name: z.string().trim().min(1, '请填写规则名称').max(200),
    industry: optionalText(50),
    entityKind: z
      .enum(ENTITY_KINDS, '主体类型不正确')
      .nullish()
      .transform((v) => v ?? null),
    minCount: z.number('最低次数应为整数').int('最低次数应为整数').min(1, '最低次数至少为1').max(100, '最低次数过大'),
    period: z.enum(FREQUENCY_PERIODS, '请选择周期（每星期、每月、每季度）'),
    active: z.boolean().default(true),
  })
  .refine((v) => v.industry || v.entityKind, {
    path: ['industry'],
    message: '请至少填写行业或主体类型之一',
  });
export type RuleInput = z.output<typeof ruleInputSchema>;
