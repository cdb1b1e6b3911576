import { AUTHORITY_LABELS, type AuthorityKind } from '../../platform/authorities';

/**
 * 移送 (行刑衔接 and 线索移交): the receiver's answers and the chase date. Pure.
 * sent 已移送待答复 → accepted 已受理 → filed 已立案 / not_filed 不立案 / returned 退回 (the last three end it).
 */
export const TRANSFER_STATUSES = ['sent', 'accepted', 'filed', 'not_filed', 'returned'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_OUTCOMES = ['accepted', 'filed', 'not_filed', 'returned'] as const;
export type TransferOutcome = (typeof TRANSFER_OUTCOMES)[number];

export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = {
  sent: '已移送待答复',
  accepted: '已受理',
  filed: '已立案',
  not_filed: '不立案',
  returned: '退回',
};

/** Outcomes that need the receiver's reason (不立案理由, 退回理由). */
export const outcomeNeedsReason = (o: TransferOutcome) => o === 'not_filed' || o === 'returned';

/** Still waiting for a (final) answer: the chase date applies. */
export const awaitsAnswer = (s: TransferStatus) => s === 'sent' || s === 'accepted';

/** Why an answer cannot be recorded on a transfer in `status`, or null when it can. */
export function replyProblem(status: TransferStatus, outcome: TransferOutcome): string | null {
  if (!awaitsAnswer(status)) return `该移送已有答复“${TRANSFER_STATUS_LABELS[status]}”，不能再登记答复`;
  if (outcome === 'accepted' && status === 'accepted') return '该移送已登记受理';
  return null;
}

/**
 * Working days until the chase date when none is entered. 《行政执法机关移送涉嫌犯罪案件的规定》
 * (国务院令第310号) 第八条: 公安机关 decides within 3 days of receiving a transfer whether to file
 * (立案) — we chase after 3 working days; the 人民检察院 likewise (《人民检察院办理行政执法机关移送
 * 涉嫌犯罪案件的规定》 第八条: 3 days). Other organs have no fixed term: 15 working days, the same as
 * the verification of a lead, a date to ask, not a legal limit.
 */
export function defaultReplyWorkingDays(kind: AuthorityKind): number {
  return kind === 'police' || kind === 'procuratorate' ? 3 : 15;
}

/** Overdue: still waiting and the chase date has passed (Beijing day). */
export const replyOverdue = (t: { status: TransferStatus; replyDueDate: string }, today: string) =>
  awaitsAnswer(t.status) && t.replyDueDate < today;

/** The 涉刑不移 guard: a case's amount meets the category's threshold and it has not gone to a judicial organ. */
export const meetsThreshold = (amountFen: number | bigint, minAmountFen: number | bigint, transferred: boolean) =>
  !transferred && BigInt(amountFen) >= BigInt(minAmountFen);

export const authorityLabel = (kind: AuthorityKind) => AUTHORITY_LABELS[kind];
