import { z } from 'zod';
import { isIsoDate } from '../calendar/working-days';
import { CASE_STAGES, CHAIN_STAGES, OTHER_MEASURES, PARTY_KINDS, SUPERVISION_LEVELS } from './cases.schema';

/** An amount of 元 with up to two decimals, as text ("1234.50") or a number; stored in fen. */
export const yuanSchema = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const text = typeof v === 'number' ? String(v) : v.trim().replace(/[,，]/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: '金额应为不小于0、最多两位小数的数字（元）' });
    return z.NEVER;
  }
  return text;
});
const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => v || null);

/**
 * The orders the ledger can be read in, each along an index (a page is a walk, not a sort of every
 * match): filing date either way (cases_ledger_order_idx, and behind a stage or violation type
 * cases_stage_order_idx / cases_category_order_idx), the decision clock's due date nearest first
 * (cases_due_order_idx; decided cases, without a date, last).
 */
export const CASE_SORTS = ['filingDate.desc', 'filingDate.asc', 'decisionDueDate.asc'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

/** The editable fields of a case (what the typical-case form and the ledger carry). */
export const caseInputSchema = z.object({
  unitId: z.uuid('请选择承办单位'),
  campaignId: z.uuid('请选择专项行动'),
  categoryCode: z.string().trim().min(1, '请选择违法类型'),
  /** 重点任务 the record serves; omitted on create: the default from category and unit (task-progress). */
  taskId: z.uuid('请选择重点任务').nullish(),
  /** 案件编号; empty or left out: the unit's next automatic number (案件文号, case-number.ts) on filing. */
  caseNumber: text(60).default(''),
  name: text(200).min(1, '请填写案件名称'),
  partyKind: z.enum(PARTY_KINDS, '请选择当事人类型（单位或个人）'),
  partyName: text(200).min(1, '请填写当事人'),
  partyCreditCode: optionalText(18),
  licenceInfo: optionalText(500),
  chainStage: z
    .enum(CHAIN_STAGES)
    .nullish()
    .transform((v) => v ?? null),
  otherProvinces: optionalText(200),
  filingDate: isoDate('立案日期'),
  amountInvolved: yuanSchema.default('0'),
  fine: yuanSchema.default('0'),
  confiscated: yuanSchema.default('0'),
  lossesRecovered: yuanSchema.default('0'),
  mediated: z.boolean().default(false),
  compensation: yuanSchema.default('0'),
  penaltyContent: optionalText(2000),
  otherMeasures: z.array(z.enum(OTHER_MEASURES)).default([]),
  transferredToJudiciary: z.boolean().default(false),
  judiciaryTransferDate: isoDate('移送司法日期')
    .nullish()
    .transform((v) => v ?? null),
  transferredToPolice: z.boolean().default(false),
  policeTransferDate: isoDate('移送公安日期')
    .nullish()
    .transform((v) => v ?? null),
  notifiedTo: optionalText(200),
  notificationDate: isoDate('通报时间')
    .nullish()
    .transform((v) => v ?? null),
  summary: optionalText(5000),
  published: z.boolean().default(false),
  contactName: optionalText(50),
  contactPhone: optionalText(30),
  online: z.boolean().default(false),
  rural: z.boolean().default(false),
  supervisionLevel: z
    .enum(SUPERVISION_LEVELS)
    .nullish()
    .transform((v) => v ?? null),
  /** 督办单位: the handling unit or one above it; defaults to the handling unit for 本级督办. */
  supervisingUnitId: z
    .uuid('督办单位编号格式不正确')
    .nullish()
    .transform((v) => v ?? null),
  supervisionDeadline: isoDate('督办期限')
    .nullish()
    .transform((v) => v ?? null),
  /** Further campaigns the case counts toward, each in one of its categories; absent on an edit: unchanged. */
  alsoCountsToward: z
    .array(z.object({ campaignId: z.uuid('请选择专项行动'), categoryCode: z.string().trim().min(1, '请选择违法类型') }))
    .max(10)
    .optional(),
  typical: z.boolean().default(false),
  filingApproverId: z.uuid('请选择批准立案的负责人'),
  investigatorId: z.uuid('请选择办案人员'),
});
export type CaseInput = z.output<typeof caseInputSchema>;

export const stageMoveSchema = z.object({
  to: z.enum(CASE_STAGES),
  version: z.number().int(),
  note: optionalText(500),
  /** 决定: the decision date and whether a penalty was imposed. */
  decisionDate: isoDate('决定日期').nullish(),
  penalized: z.boolean().optional(),
  /** 执行: who executes the decision. */
  executorId: z.uuid('请选择执行人员').nullish(),
  /** 结案 */
  closingDate: isoDate('结案日期').nullish(),
});
export type StageMove = z.output<typeof stageMoveSchema>;
