import type { InboxItem } from './api';

/** The order of the inbox's groups: decisions asked of me first, then what I must fix, then the clocks. */
export const KIND_ORDER = [
  'approval',
  'case_supervision_request',
  'case_review',
  'case_file_review',
  'report_review',
  'report_returned',
  'report_chased',
  'rectification_review',
  'rectification_open',
  'rectification_field_review',
  'rectification_field_open',
  'work_plan_review',
  'criminal_not_transferred',
  'assistance_incoming',
  'case_overdue',
  'transfer_reply_overdue',
  'lead_overdue',
  'sample_follow_up_overdue',
  'case_supervision_overdue',
  'case_supervision_deadline',
  'case_supervision_progress',
  'report_due',
  'work_plan_due',
  'penalty_publication_due',
  'task_inactive',
  'assistance_sent',
  'liaison_register',
  'email_failed',
  'case_due_soon',
  'lead_due_soon',
  'case_execution',
  'calendar_year',
  'user_first_login',
];

export interface InboxGroup {
  kind: string;
  items: InboxItem[];
  /** How many there are in all (the answer carries only the first of each kind). */
  count: number;
}

/**
 * The items by kind, in KIND_ORDER (a kind the web does not know yet — a new provider's — comes
 * last, by its code); each group keeps the server's order (overdue first, then the due date).
 * Kinds with a count of 0 are left out.
 */
export function groupInbox(items: InboxItem[], counts: Record<string, number>): InboxGroup[] {
  const rank = (kind: string) => {
    const i = KIND_ORDER.indexOf(kind);
    return i < 0 ? KIND_ORDER.length : i;
  };
  return Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, count]) => ({ kind, count, items: items.filter((i) => i.kind === kind) }));
}
