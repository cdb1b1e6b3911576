import { z } from 'zod';
import { leadHandoverSchema } from './lead-handover';
import { isIsoDate } from '../calendar/working-days';
import { caseInputSchema } from '../cases/case.types';
import { LEAD_SOURCES } from './leads.schema';

/**
 * The orders the leads list can be read in, each along an index: received date either way
 * (leads_list_order_idx) or the verification clock's due date, nearest first (leads_due_order_idx;
 * decided leads, without one, last).
 */
export const LEAD_SORTS = ['receivedDate.desc', 'receivedDate.asc', 'dueDate.asc'] as const;
export type LeadSort = (typeof LEAD_SORTS)[number];

export const LEAD_SOURCE_LABELS = {
  complaint: '12315投诉',
  report: '12315举报',
  inspection: '监督检查',
  sampling: '抽检监测',
  monitoring: '网络、广告、舆情监测',
  transfer: '上级转办交办',
  cross_region: '异地协查、线索通报',
  enterprise: '企业打假维权',
  petition: '来信来访',
} as const satisfies Record<(typeof LEAD_SOURCES)[number], string>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);

export const leadInputSchema = z.object({
  unitId: z.uuid('请选择承办单位'),
  campaignId: z.uuid('请选择专项行动'),
  categoryCode: z.string().trim().min(1, '请选择违法类型'),
  /** 重点任务 the record serves; omitted on create: the default from category and unit (task-progress). */
  taskId: z.uuid('请选择重点任务').nullish(),
  source: z.enum(LEAD_SOURCES, '请选择线索来源'),
  sourceNumber: optionalText(60),
  receivedDate: isoDate('发现（收到）日期'),
  partyName: z.string().trim().min(1, '请填写当事人').max(200),
  description: z.string().trim().min(1, '请填写线索内容').max(5000),
  complainantName: optionalText(50),
  complainantPhone: z
    .string()
    .trim()
    .regex(/^[0-9+\-() *]*$/, '电话号码只能包含数字、+、- 和括号')
    .max(30)
    .nullish()
    .transform((v) => v || null),
  complainantIdNumber: z
    .string()
    .trim()
    .regex(/^([\d*]{17}[\dXx*])?$/, '身份证号码应为18位')
    .nullish()
    .transform((v) => v?.toUpperCase() || null),
  important: z.boolean().default(false),
  /** Who handles it (they alone see the complainant's data); the registering handler by default. */
  handlerIds: z.array(z.uuid()).max(10).optional(),
});
export type LeadInput = z.output<typeof leadInputSchema>;

/**
 * 修改线索: the lead's fields; its handlers are not changed here (PUT /api/leads/{id}/handlers).
 * An unchanged handler list is accepted (forms that send the lead back as they read it).
 */
export const leadUpdateSchema = leadInputSchema.extend({
  handlerIds: z
    .array(z.uuid())
    .max(10)
    .optional()
    .describe('不在此修改：与现有经办人不同时返回 400，请用 PUT /api/leads/{id}/handlers'),
  version: z.number().int(),
});
export type LeadUpdateInput = z.output<typeof leadUpdateSchema>;

/** 指定经办人: who handles the lead (and alone sees the complainant's data). */
export const leadHandlersSchema = z.object({
  handlerIds: z.array(z.uuid('经办人编号格式不正确')).min(1, '请至少指定一名经办人').max(10, '经办人最多10名'),
  version: z.number().int(),
});
export type LeadHandlersInput = z.output<typeof leadHandlersSchema>;

export const leadDecisionSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('file'),
    version: z.number().int(),
    case: caseInputSchema.omit({ unitId: true, campaignId: true }),
  }),
  z.object({
    outcome: z.literal('not_file'),
    version: z.number().int(),
    decidedDate: isoDate('决定日期'),
    note: z.string().trim().min(1, '请填写不予立案的理由').max(1000),
  }),
  z.object({
    outcome: z.literal('hand_over'),
    version: z.number().int(),
    decidedDate: isoDate('移交日期'),
    note: z.string().trim().max(200).default(''),
    /** 移交: the receiving organ and the chase date (transfers module); 422 when the organ is missing. */
    handover: leadHandoverSchema.optional(),
  }),
]);
export type LeadDecision = z.output<typeof leadDecisionSchema>;

const reason = z.string().trim().min(1, '请填写原因').max(500);
export const leadClockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('extend'), reason, version: z.number().int() }),
  z.object({ kind: z.literal('pause'), fromDate: isoDate('中止日期'), reason, version: z.number().int() }),
  z.object({ kind: z.literal('resume'), toDate: isoDate('恢复日期'), reason, version: z.number().int() }),
]);
export type LeadClockChange = z.output<typeof leadClockSchema>;
