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
  'notifications.kind.case_supervision': 'Supervision',
  'notifications.kind.case_supervision_overdue': 'Supervision overdue',
  'notifications.kind.rectification_demanded': 'Rectification notice',
  'notifications.kind.rectification_replied': 'Rectification report to re-check',
  'notifications.kind.rectification_returned': 'Rectification report returned',
  'notifications.kind.rectification_closed': 'Rectification closed',
  'notifications.kind.rectification_due_soon': 'Rectification due soon',
  'notifications.kind.rectification_overdue': 'Rectification overdue',
  'notifications.kind.case_clock_due_soon': 'Clock due soon',
  'notifications.kind.case_clock_overdue': 'Clock overdue',
  'emailFailures.title': 'Failed e-mails',
  'emailFailures.intro':
    'The mail server kept refusing these notification e-mails after every retry; the in-app notifications are unaffected. Check the address or the mail server, then retry.',
  'emailFailures.disabled':
    'No mail server (SMTP) is configured: no e-mail is sent and none can be retried. See "邮件通知（可选）" in the README.',
  'emailFailures.recipient': 'Recipient',
  'emailFailures.subject': 'Subject',
  'emailFailures.error': 'Error',
  'emailFailures.attempts': 'Attempts',
  'emailFailures.lastAttemptAt': 'Last attempt',
  'emailFailures.retry': 'Retry',
  'emailFailures.sent': 'Sent again to {to}',
  'emailFailures.stillFailing': 'Still not sent; it will be retried: {error}',
  'emailFailures.empty': 'No failed e-mails',
};
export default messages;
