import { DERIVED_FIGURES, FIGURE_DEFS, type DerivedFigure } from './metrics';

/** The figures of the statistics table a user can open to see the records behind them (metrics.ts: drillable). */
export type DrillMetric = {
  [F in DerivedFigure]: (typeof FIGURE_DEFS)[F]['drillable'] extends true ? F : never;
}[DerivedFigure];
export const DRILL_METRICS = DERIVED_FIGURES.filter((f): f is DrillMetric => FIGURE_DEFS[f].drillable) as [
  DrillMetric,
  ...DrillMetric[],
];
