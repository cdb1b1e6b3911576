/** The figures of the statistics table a user can open to see the records behind them. */
export const DRILL_METRICS = [
  'casesFiled',
  'casesClosed',
  'amountInvolved',
  'finesAndConfiscations',
  'lossesRecovered',
  'transferredToJudiciary',
  'onlineCases',
  'ruralCases',
  'staffDeployed',
  'entitiesInspected',
] as const;
export type DrillMetric = (typeof DRILL_METRICS)[number];
