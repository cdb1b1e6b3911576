import type zh from './messages.zh-CN';

/** English strings of the dashboard (工作台): the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'home.deadlines': 'Deadlines',
  'home.overdueCases': 'Cases past their decision date',
  'home.dueSoonCases': 'Cases due within 10 days',
  'home.overdueLeads': 'Leads past their verification date',
  'home.dueSoonLeads': 'Leads due within 3 working days',
};

export default messages;
