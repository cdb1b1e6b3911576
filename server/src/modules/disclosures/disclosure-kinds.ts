/**
 * A disclosure's stored state. 待审批 is not stored: it is the open approval request (approvals
 * module) of a draft, so a rejection or a withdrawn request leaves the draft as it was.
 */
export const DISCLOSURE_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];

/** 消费警示 and 警示公告. */
export const WARNING_KINDS = ['consumer_warning', 'warning_notice'] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];
export const WARNING_KIND_LABELS: Record<WarningKind, string> = {
  consumer_warning: '消费警示',
  warning_notice: '警示公告',
};
export const WARNING_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];
