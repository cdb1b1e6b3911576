import type zh from './messages.zh-CN';

/** English strings of the dashboards (merged into locales/en-US.ts). */
const messages: Record<keyof typeof zh, string> = {
  'dashboards.thisYear': 'This year',
  'dashboards.lastYear': 'Last year',
  'dashboards.figure': 'Figure',
  'dashboards.byWeek': 'Weekly',
  'dashboards.byMonth': 'Monthly',
  'dashboards.trendTitle': '{figure}: this year and last year',
  'dashboards.compareNote': 'Last year: {name}, {from} to {to}, aligned period by period',
  'dashboards.categoryTitle': 'By violation type: {figure}',
  'dashboards.rankingTitle': 'Units below: {figure}',
  'dashboards.total': 'Total',
  'dashboards.perCapita': 'Per handler',
  'dashboards.perHandler': 'handler',
  'dashboards.perCapitaNote':
    'Per handler = the unit’s figure (with its subunits) ÷ its active case handler accounts; a click lists the records of the total.',
  'dashboards.noUnitsBelow': 'This unit has no units below',
  'dashboards.exportPdf': 'Export PDF',
  'dashboards.pdfName': 'Dashboard-{unit}-{to}',
  'dashboards.pdfFailed': 'PDF export failed, please retry',
  'dashboards.from': 'From',
  'dashboards.to': 'To',
  'dashboards.period': 'Period',
  'dashboards.noCampaign': 'No campaign to show',
  'dashboards.heading': '{campaign} · {unit} · {from} to {to}',
  'dashboards.mapTitle': 'Map of units',
  'dashboards.mapFigure.casesFiled': 'Cases filed',
  'dashboards.mapFigure.finesAndConfiscations': 'Fines',
  'dashboards.mapFigure.staffDeployed': 'Staff deployed',
};
export default messages;
