import { isPathWithin } from '../../platform/scope';
import type { IndicatorRecord } from '../../platform/assessment/indicator-source';
import { meets, ratioActual } from './kpi-periods';
import type { CampaignKpi } from '../campaigns/campaign-plan.types';

/**
 * The records a measured KPI reads in one period, as facts: each record under a unit path, in the
 * numerator and/or the denominator, with a key (coverage counts distinct entities). A register
 * count is a denominator without records; a hand-entered figure carries both parts itself.
 */
export interface KpiFact {
  unitPath: string;
  key: string;
  inNumerator: boolean;
  inDenominator: boolean;
  record: IndicatorRecord;
}
export interface KpiFigureFact {
  unitPath: string;
  numerator: number;
  denominator: number;
  record: IndicatorRecord;
}
export interface KpiFacts {
  /** A ratio (numerator / denominator) or a count (the numerator). */
  ratio: boolean;
  facts: KpiFact[];
  /** The denominator by unit path when it is not a count of the facts (the register). */
  denominators?: { unitPath: string; n: number }[];
  /** Hand-entered figures (manual KPIs): a unit's own, else the sum of the topmost ones below it. */
  figures?: KpiFigureFact[];
}

export interface KpiMeasured {
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  met: boolean | null;
  records: IndicatorRecord[];
}

/** The figures that stand for a subtree: the unit's own, else each topmost figure below it (across the plan tree). */
function figuresFor(figures: KpiFigureFact[], paths: string[]): KpiFigureFact[] {
  // One figure per unit: the first given (the viewed plan's before an implementation plan's).
  const seen = new Set<string>();
  const within = figures.filter(
    (f) => paths.some((p) => isPathWithin(f.unitPath, p)) && !seen.has(f.unitPath) && seen.add(f.unitPath),
  );
  return within.filter((f) => !within.some((g) => g.unitPath !== f.unitPath && isPathWithin(f.unitPath, g.unitPath)));
}

/**
 * A KPI's value over the subtrees of `paths` (one unit, or all the judged units for the total):
 * numerator, denominator, actual in the KPI's unit, met against its target, and the records behind
 * it, whose values add up to the numerator (a count's actual).
 */
export function measureFacts(
  data: KpiFacts,
  paths: string[],
  kpi: Pick<CampaignKpi, 'comparator' | 'target' | 'unit'>,
): KpiMeasured {
  const inside = (unitPath: string) => paths.some((p) => isPathWithin(unitPath, p));
  if (data.figures) {
    const chosen = figuresFor(data.figures, paths);
    if (chosen.length === 0) return { numerator: null, denominator: null, actual: null, met: null, records: [] };
    const numerator = chosen.reduce((s, f) => s + f.numerator, 0);
    const denominator = chosen.reduce((s, f) => s + f.denominator, 0);
    const actual = ratioActual(numerator, denominator, kpi.unit);
    return { numerator, denominator, actual, met: meets(actual, kpi), records: chosen.map((f) => f.record) };
  }
  const facts = data.facts.filter((f) => inside(f.unitPath));
  const counted = new Set<string>();
  const records: IndicatorRecord[] = [];
  for (const f of facts) {
    const counts = f.inNumerator && !counted.has(f.key);
    if (counts) counted.add(f.key);
    // A second check of an entity already counted is not a record behind the coverage.
    if (f.inNumerator && !counts && !f.inDenominator) continue;
    records.push({ ...f.record, value: counts ? 1 : 0 });
  }
  const numerator = counted.size;
  if (!data.ratio) return { numerator, denominator: null, actual: numerator, met: meets(numerator, kpi), records };
  const denominator = data.denominators
    ? data.denominators.filter((d) => inside(d.unitPath)).reduce((s, d) => s + d.n, 0)
    : facts.filter((f) => f.inDenominator).length;
  const actual = ratioActual(numerator, denominator, kpi.unit);
  return { numerator, denominator, actual, met: meets(actual, kpi), records };
}
