import type zhCN from './messages.zh-CN';

/** English strings of the dashboard panels fed by other modules (merged into locales/en-US.ts). */
const messages: Record<keyof typeof zhCN, string> = {
  'dashboardPanels.timelinessTitle': 'On-time reporting',
  'dashboardPanels.timelinessSchedule': 'Report',
  'dashboardPanels.timelinessRate': 'On-time rate',
  'dashboardPanels.timelinessChosen': '; {unit}: {rate}',
  'dashboardPanels.timelinessOverall':
    'Campaign on-time rate {rate} (due {expected}, on time {onTime}, late {late}, missing {missing})',
  'dashboardPanels.timelinessNothingDue': 'No report is due yet',
  'dashboardPanels.timelinessTooltip':
    '{unit}: on-time rate {rate}{lineBreak}due {expected}, on time {onTime}, late {late}, missing {missing}',
  'dashboardPanels.kpiTitle': 'KPIs',
  'dashboardPanels.kpiTarget': 'Target {comparator}{target}{unit}',
  'dashboardPanels.kpiNone': 'This campaign has no measured KPI',
  'dashboardPanels.kpiOpenRecords': 'Click to see the records behind the KPI',
  'dashboardPanels.rectTitle': 'Rectifications',
  'dashboardPanels.rectOpen': 'Open',
  'dashboardPanels.rectOverdue': 'Overdue',
  'dashboardPanels.rectReplied': 'Awaiting review',
  'dashboardPanels.rectClosed': 'Closed',
  'dashboardPanels.rectAll': '{count} rectifications in all; click a bar to open the ledger',
  'dashboardPanels.clocksTitle': 'Deadlines',
  'dashboardPanels.clocksOverdueCases': 'Cases past the decision date',
  'dashboardPanels.clocksSoonCases': 'Cases due within 10 days',
  'dashboardPanels.clocksOverdueLeads': 'Leads past verification',
  'dashboardPanels.clocksSoonLeads': 'Leads due within 3 working days',
  'dashboardPanels.clocksDue': 'due {date}',
  'dashboardPanels.clocksNone': 'No case or lead is overdue or due soon',
  'dashboardPanels.clocksFirst': 'Due first',
  'dashboardPanels.loadFailed': 'Failed to load',
};

export default messages;
