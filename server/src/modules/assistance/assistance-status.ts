/** 协查函 (assistance) or 线索通报 (lead_notice): what one bureau sends another. */
export const ASSISTANCE_KINDS = ['assistance', 'lead_notice'] as const;
export type AssistanceKind = (typeof ASSISTANCE_KINDS)[number];
export const ASSISTANCE_KIND_LABELS: Record<AssistanceKind, string> = { assistance: '协查函', lead_notice: '线索通报' };

/**
 * sent 待受理 → accepted 已受理 → answered 已答复 (further answers may follow); sent → declined 已拒绝
 * (with its reason) by the receiver, or withdrawn 已撤回 by the sender before it is accepted.
 */
export const ASSISTANCE_STATUSES = ['sent', 'accepted', 'answered', 'declined', 'withdrawn'] as const;
export type AssistanceStatus = (typeof ASSISTANCE_STATUSES)[number];
export const ASSISTANCE_STATUS_LABELS: Record<AssistanceStatus, string> = {
  sent: '待受理',
  accepted: '已受理',
  answered: '已答复',
  declined: '已拒绝',
  withdrawn: '已撤回',
};

/** Which end of a request the actor stands at: the sending bureau's scope, the receiving one's, or both (a bureau above both). */
export interface AssistanceSide {
  sender: boolean;
  receiver: boolean;
}

/** Whether a request still waits for its reply past the due date (Beijing day). Pure. */
export const isAssistanceOverdue = (status: AssistanceStatus, replyDueDate: string, today: string) =>
  (status === 'sent' || status === 'accepted') && replyDueDate < today;
