/** What a notification is about; the web words each kind and opens its record. */
export const NOTIFICATION_KINDS = [
  'report_due_soon', // 报表即将到期
  'report_overdue', // 报表逾期未报
  'report_returned', // 报表被退回
  'report_chased', // 被催报
  'approval_requested', // 待我审批
  'approval_decided', // 我的申请已审批
  'case_clock_due_soon', // 办案期限将至
  'case_clock_overdue', // 办案期限已超
  'lead_clock_due_soon', // 线索核查期限将至
  'lead_clock_overdue', // 线索核查已超期
  'case_supervision', // 督办：报请、立项/不予督办、进展、批示、办结
  'case_supervision_overdue', // 督办进展临期/逾期、督办逾期
  'rectification_demanded', // 整改通知
  'rectification_replied', // 整改报告待复查
  'rectification_returned', // 整改报告被退回
  'rectification_closed', // 整改已销号
  'rectification_due_soon', // 整改期限将至
  'rectification_overdue', // 整改已逾期
  'task_inactive', // 重点任务牵头单位N周无进展 (task-progress)
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Where a notification's e-mail is: pending (to send, or waiting to retry), sent, failed (after the last attempt). */
export const EMAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export type EmailStatus = (typeof EMAIL_STATUSES)[number];
