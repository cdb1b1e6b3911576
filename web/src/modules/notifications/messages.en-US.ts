import type zh from './messages.zh-CN';

/** English strings of the notification centre: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'notifications.open': 'Notifications',
  'notifications.unread': '{count} unread',
  'notifications.title': 'Notifications',
  'notifications.onlyUnread': 'Unread only',
  'notifications.markAllRead': 'Mark all read',
  'notifications.empty': 'No notifications',
  'notifications.kind.report_due_soon': 'Due soon',
  'notifications.kind.report_overdue': 'Overdue',
  'notifications.kind.report_returned': 'Returned',
  'notifications.kind.report_chased': 'Chased',
  'notifications.kind.approval_requested': 'To approve',
  'notifications.kind.approval_decided': 'Decision',
  'notifications.kind.lead_clock_due_soon': 'Lead check due soon',
  'notifications.kind.lead_clock_overdue': 'Lead check overdue',
  'notifications.kind.case_clock_due_soon': 'Clock due soon',
  'notifications.kind.case_clock_overdue': 'Clock overdue',
};
export default messages;
