import type zh from './messages.zh-CN';

/** English strings of the dashboard (工作台): the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'home.welcome': 'Hello, {name}',
  'home.unit': 'Unit',
  'home.roles': 'Roles',
  'home.context': 'Current unit',
  'home.statUnits': 'Visible units',
  'home.statBureaus': 'of which bureaus',
  'home.statOffices': 'of which offices',
  'home.statBrigades': 'of which brigades',
  'home.statUsers': 'Users',
  'home.statScope': 'Scope: {unit} and the units below it',
  'home.quickLinks': 'Shortcuts',
  'home.quickInbox': 'Reviews, reports to fix and deadlines that wait for you',
  'home.quickCampaigns': 'Plans, task assignment, liaisons and schedule',
  'home.quickUnits': 'View and maintain the organisation',
  'home.quickUsers': 'Manage the accounts of your units',
  'home.quickAudit': 'Review every change and verify the hash chain',
  'home.quickCalendar': 'Look up holidays and working-day deadlines',

  'home.activeCampaigns': 'Active campaigns',
  'home.noActiveCampaigns': 'No active campaigns',
  'home.allCampaigns': 'All campaigns',

  'home.quickLeads': 'Register and verify leads, decide whether to file',
  'home.quickCases': 'Key-case ledger, stages and deadlines',
  'home.deadlines': 'Deadlines',
  'home.overdueCases': 'Cases past their decision date',
  'home.dueSoonCases': 'Cases due within 10 days',
  'home.overdueLeads': 'Leads past their verification date',
  'home.dueSoonLeads': 'Leads due within 3 working days',
};

export default messages;
