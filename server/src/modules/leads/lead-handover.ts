import { z } from 'zod';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AUTHORITY_KINDS, type AuthorityKind } from '../../platform/authorities';
import { AppError, type FieldError } from '../../platform/errors';
import { isIsoDate } from '../../platform/today';

/**
 * 移交其他部门: a lead handed over names the receiving organ; the transfers module keeps the
 * transfer and its answers. Declared here (leads sit below transfers), implemented by
 * transfers/lead-handovers.ts and wired in services.ts.
 */
export const leadHandoverSchema = z.object({
  receiverKind: z.enum(AUTHORITY_KINDS, '接收机关类别不正确').optional(),
  receiverName: z.string().trim().max(100, '接收机关名称不能超过100字').optional(),
  replyDueDate: z.string().refine(isIsoDate, '催办日期格式应为 YYYY-MM-DD').optional(),
  materials: z.array(z.string().trim().min(1).max(100)).max(30).optional(),
  reason: z.string().trim().max(2000).optional(),
});
export type LeadHandoverInput = z.output<typeof leadHandoverSchema>;
export type CheckedHandover = LeadHandoverInput & { receiverKind: AuthorityKind; receiverName: string };

/** What a lead's page and list show of its handover: to whom, and the answer so far. */
export const leadHandoverStateSchema = z
  .object({
    transferId: z.uuid(),
    receiverKind: z.enum(AUTHORITY_KINDS),
    receiverName: z.string(),
    transferDate: z.string(),
    replyDueDate: z.string(),
    status: z.enum(['sent', 'accepted', 'filed', 'not_filed', 'returned']),
    overdue: z.boolean(),
  })
  .meta({ id: 'LeadHandoverState' });
export type LeadHandoverState = z.output<typeof leadHandoverStateSchema>;

export interface LeadHandovers {
  /** Stores the transfer of a handed-over lead inside the decision's transaction (with its audit entry). */
  handOverIn(
    tx: Db,
    actor: Actor,
    lead: { id: string; unitId: string; campaignId: string },
    handover: CheckedHandover,
    date: string,
  ): Promise<void>;
  /** The latest handover of each lead named. */
  statesOf(db: Db, leadIds: string[]): Promise<Map<string, LeadHandoverState>>;
}

/** The receiver is required for a handover: 422 naming each missing field. */
export function checkHandover(h: LeadHandoverInput | undefined): CheckedHandover {
  const errors: FieldError[] = [];
  if (!h?.receiverKind) errors.push({ path: 'handover.receiverKind', message: '请选择接收机关类别' });
  if (!h?.receiverName) errors.push({ path: 'handover.receiverName', message: '请填写接收机关名称' });
  if (errors.length)
    throw new AppError(422, '无法办理', `移交须写明接收机关：${errors.map((e) => e.message).join('；')}`, errors);
  return h as CheckedHandover;
}

/** The record whose finding opened a lead (an outing, a 双随机 check), as the lead's page links it. */
export const leadOriginSchema = z
  .object({
    kind: z.enum(['inspection', 'random_check']),
    recordId: z.uuid(),
    /** 执法检查 2026-09-12 · 城东所; 双随机抽查「…」第3号 · 某某超市 */
    label: z.string(),
    link: z.string(),
  })
  .meta({ id: 'LeadOrigin' });
export type LeadOrigin = z.output<typeof leadOriginSchema>;
