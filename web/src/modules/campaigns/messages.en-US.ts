import type zh from './messages.zh-CN';

/** English strings of the campaign plans kept beside the module: the same keys as messages.zh-CN.ts. */
const messages: Record<keyof typeof zh, string> = {
  'campaigns.scheduleCovers': 'Period covered',
  'campaigns.scheduleCoversHint': 'Previous quarter: the report of 2 July covers the second quarter (1 April – 30 June); year to date: 1 January to the day before the due date (due 15 December: 1 January – 14 December), so it can be sent on the due date',
  'campaigns.covers.sincePrevious': 'Since the previous date',
  'campaigns.covers.quarter': 'Previous quarter',
  'campaigns.covers.yearToDate': 'Year to date',
  'campaigns.scheduleDatesCovering': 'By {dates} ({covers})',
  'campaigns.afterEnd': 'Also after the end',
  'campaigns.afterEndHint': 'A monthly report falling due after the campaign has ended is not owed (a campaign ending on 15 December owes no report on 2 January); turn on when the plan asks for it',
};

export default messages;
