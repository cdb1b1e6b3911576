import { z } from 'zod';
import { AUTHORITY_KINDS } from '../../platform/authorities';
import { isIsoDate } from '../../platform/today';
import { TRANSFER_OUTCOMES, TRANSFER_STATUSES } from './transfer-rules';

const isoDate = (label: string) => z.string().refine(isIsoDate, `${label}应为有效日期（YYYY-MM-DD）`);
const material = z.string().trim().min(1, '移送材料名称不能为空').max(100, '移送材料名称不能超过100字');

/**
 * A transfer as entered. The receiving organ is checked by the service (422 naming the field when
 * missing, nothing stored), so the form's message is the domain's, not the parser's.
 */
export const transferInputSchema = z.object({
  receiverKind: z.enum(AUTHORITY_KINDS, '接收机关类别不正确').optional(),
  receiverName: z.string().trim().max(100, '接收机关名称不能超过100字').optional(),
  transferDate: isoDate('移送日期'),
  documentNumber: z.string().trim().max(60, '移送书文号不能超过60字').optional(),
  reason: z.string().trim().max(5000, '移送理由不能超过5000字').default(''),
  materials: z.array(material).max(30, '移送材料最多30项').default([]),
  replyDueDate: isoDate('催办日期').optional(),
});
export type TransferInput = z.output<typeof transferInputSchema>;

export const transferReplyInputSchema = z.object({
  outcome: z.enum(TRANSFER_OUTCOMES, '请选择答复结果'),
  replyDate: isoDate('答复日期'),
  reason: z.string().trim().max(2000, '理由不能超过2000字').optional(),
  version: z.number().int(),
});
export type TransferReplyInput = z.output<typeof transferReplyInputSchema>;

export const transferListQuerySchema = z.object({
  unitId: z.uuid('单位编号格式不正确').optional(),
  campaignId: z.uuid('行动编号格式不正确').optional(),
  receiverKind: z.enum(AUTHORITY_KINDS).optional(),
  status: z.enum(TRANSFER_STATUSES).optional(),
  subject: z.enum(['case', 'lead']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type TransferListQuery = z.output<typeof transferListQuerySchema>;

const yuan = z
  .string()
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, '金额应为不超过两位小数的元数，例如 50000 或 50000.00');
export const thresholdInputSchema = z.object({
  categoryCode: z.string().trim().min(1, '请填写违法类型代码').max(40),
  minAmount: yuan.describe('涉案金额下限（元，精确文本）'),
  description: z.string().trim().min(1, '请填写说明（涉嫌的罪名与标准）').max(500),
  source: z.string().trim().min(1, '请填写依据（文件名称及条款）').max(500),
});
export type ThresholdInput = z.output<typeof thresholdInputSchema>;
