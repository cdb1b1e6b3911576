import type { Actor } from '../../platform/actor';

/**
 * 我的待办: what waits for the signed-in person, gathered from the modules that own it. Each module
 * supplies a provider (cases/case-inbox.ts, leads/lead-inbox.ts, reports/report-inbox.ts, …) that
 * answers its kinds of items for an actor through its own scoped queries; services.ts lists them.
 * This file is pure: the item's shape, and the merge (overdue first, then the nearest due date).
 */

/** The kinds the built-in providers answer; another module adds its own (a kind is any short code). */
export const INBOX_KINDS = [
  'case_review', // 待我核审: cases at 核审 in the legal reviewer's units
  'case_overdue', // 办案期限已超
  'case_due_soon', // 办案期限临近
  'case_execution', // 待我执行
  'lead_overdue', // 线索核查超期
  'lead_due_soon', // 线索核查临期
  'report_review', // 待审核的报表
  'report_returned', // 被退回待重报
  'report_chased', // 被催报
  'report_due', // 临期或逾期未报
  'liaison_register', // 待登记分管领导和联络员
  'approval', // 待我审批 (approvals/approval-inbox.ts)
  'user_first_login', // 已开通未首次登录的账号 (users/user-inbox.ts, administrators)
  'case_file_review', // 待我评查的案卷 (case-reviews/case-review-inbox.ts)
  'calendar_year', // 未维护的节假日安排 (calendar/calendar-inbox.ts, the system administrator)
  'rectification_open', // 本单位待整改 (rectifications/rectification-inbox.ts)
  'rectification_review', // 待复查的整改报告 (the group's leader and members)
  'rectification_field_open', // 待督促整改的责令整改 (the outing's inspectors, the unit's handlers)
  'rectification_field_review', // 待销号的责令整改 (the unit's office and leader)
  'penalty_publication_due', // 处罚信息临期或逾期未公示 (credit/credit-inbox.ts, the office)
  'task_inactive', // 重点任务牵头单位N周无进展 (task-progress/task-progress-inbox.ts, the plan's office)
  'assistance_incoming', // 收到的协查函、线索通报待受理或待答复 (assistance/assistance-inbox.ts)
  'assistance_sent', // 发出的协查函已答复或逾期未答复
  'sample_follow_up_overdue', // 抽检不合格核查处置逾期 (samples/sample-inbox.ts)
] as const;

/** How many items of each kind an answer carries (the count says how many there are in all). */
export const INBOX_KIND_LIMIT = 50;

export interface InboxItem {
  kind: string;
  /** The record the item opens: case, lead, report (a report's key when it has no row yet). */
  recordType: string;
  recordId: string;
  title: string;
  /** The day it is due (YYYY-MM-DD, Beijing), or null when nothing is due. */
  dueAt: string | null;
  unitId: string | null;
  /** The web page that opens the record. */
  link: string;
  overdue: boolean;
}

/** One kind of a provider's answer: its first items (at most INBOX_KIND_LIMIT) and how many there are. */
export interface InboxSection {
  kind: string;
  items: InboxItem[];
  total: number;
}

/** A module's contribution: its sections for the actor (none when the actor has nothing of it to do). */
export type InboxProvider = (actor: Actor) => Promise<InboxSection[]>;

/** A section from a query's rows and its count (the count is never below what was read). */
export const section = (kind: string, items: InboxItem[], total: number): InboxSection => ({
  kind,
  items: items.slice(0, INBOX_KIND_LIMIT),
  total: Math.max(total, items.length),
});

/** Overdue first; then the nearest due date, undated last; then by title. */
export function compareItems(a: InboxItem, b: InboxItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt !== b.dueAt) {
    if (a.dueAt === null) return 1;
    if (b.dueAt === null) return -1;
    return a.dueAt < b.dueAt ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'zh-CN');
}

/** The inbox: every provider's items in one order, the count of each kind and the total. */
export function mergeInbox(sections: InboxSection[]) {
  const counts: Record<string, number> = {};
  for (const s of sections) counts[s.kind] = (counts[s.kind] ?? 0) + s.total;
  return {
    items: sections.flatMap((s) => s.items).sort(compareItems),
    counts,
    total: Object.values(counts).reduce((n, c) => n + c, 0),
  };
}
