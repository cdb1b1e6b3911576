import type zh from './messages.zh-CN';

/** English strings of the command screen (the same keys as messages.zh-CN.ts). */
const messages: Record<keyof typeof zh, string> = {
  'screen.open': 'Command screen',
  'screen.title': 'Command screen',
  'screen.casesFiled': 'Cases filed',
  'screen.casesClosed': 'Cases closed',
  'screen.finesAndConfiscations': 'Fines & confiscations',
  'screen.amountInvolved': 'Amount involved',
  'screen.transferredToJudiciary': 'To judiciary',
  'screen.staffDeployed': 'Staff deployed',
  'screen.outings': 'Inspections',
  'screen.newToday': 'Filed today',
  'screen.newThisWeek': 'Filed this week',
  'screen.unitCases': 'cases',
  'screen.unitWan': '×10k ¥',
  'screen.unitPeople': 'person-times',
  'screen.unitTimes': 'times',
  'screen.trend': 'Monthly trend',
  'screen.ranking': 'Cases filed by unit',
  'screen.map': 'Units',
  'screen.latestCases': 'Latest cases',
  'screen.latestLeads': 'Latest leads',
  'screen.noItems': 'Nothing yet',
  'screen.beijingTime': 'Beijing time',
  'screen.refreshedAt': 'Updated {time}',
  'screen.stale': 'Refresh failed; showing the last data',
  'screen.fullscreen': 'Full screen',
  'screen.exitFullscreen': 'Exit full screen',
  'screen.settings': 'Choose campaign and unit',
  'screen.campaign': 'Campaign',
  'screen.unit': 'Unit',
  'screen.noCampaign': 'No campaign under way',
  'screen.period': 'From {from} to {to}',
  'screen.important': 'Important',
};

export default messages;
