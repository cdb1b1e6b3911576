import type zh from './messages.zh-CN';

/** English strings of the inbox: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'inbox.title': 'My inbox',
  'inbox.cardTitle': 'My inbox ({total})',
  'inbox.viewAll': 'Open the inbox',
  'inbox.empty': 'Nothing waiting for you',
  'inbox.overdue': 'Overdue',
  'inbox.dueAt': 'Due {date}',
  'inbox.noDue': 'No deadline',
  'inbox.shown': 'First {shown} of {count}',
  'inbox.openList': 'See all in the list',
  'inbox.kind.other': 'Other tasks',
  'inbox.kind.approval': 'Approvals to decide',
  'inbox.kind.case_review': 'Cases to review (legal review)',
  'inbox.kind.case_overdue': 'Cases past their decision deadline',
  'inbox.kind.case_due_soon': 'Cases due soon',
  'inbox.kind.case_execution': 'Decisions to execute',
  'inbox.kind.lead_overdue': 'Leads past their verification deadline',
  'inbox.kind.rectification_open': "My unit's rectifications to do",
  'inbox.kind.rectification_review': 'Rectification reports to re-check',
  'inbox.kind.lead_due_soon': 'Leads due soon',
  'inbox.kind.report_review': 'Reports to review',
  'inbox.kind.report_returned': 'Returned reports to fix',
  'inbox.kind.report_chased': 'Reports chased',
  'inbox.kind.liaison_register': "Plans waiting for your unit's liaison",
  'inbox.kind.report_due': 'Reports due or overdue',
  'inbox.kind.user_first_login': 'Accounts opened but never used',
  'inbox.kind.calendar_year': 'Holiday schedules to enter',
  'inbox.kind.email_failed': 'Failed e-mails',
};
export default messages;
