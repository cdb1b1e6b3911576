/**
 * The scorecard kernel (考核评分): each unit's indicator values → points per indicator by the
 * scheme's rule → total → rank (ties share a rank: 1, 1, 3). Pure; the service reads the values
 * from the indicator sources and the test recomputes the same figures its own way.
 *
 * Rules, each worth at most the indicator's weight (points):
 * - share_of_max: value / the highest value among the units × weight (0 when nobody has any);
 * - rank: linear by rank among the units (ties share it): rank 1 → weight, the last rank → 0,
 *   (n − rank) / (n − 1) × weight; a single unit gets the weight; a unit without any (0) gets 0;
 * - target: min(value / target, 1) × weight;
 * - per_record: value × pointsEach, capped at the weight.
 * Points are rounded to 2 decimals, the total is the sum of the rounded points.
 */
export const SCORING_RULES = ['share_of_max', 'rank', 'target', 'per_record'] as const;
export type ScoringRule = (typeof SCORING_RULES)[number];

export interface SchemeIndicator {
  kind: string;
  label: string;
  /** 分值: the most points the indicator gives. */
  weight: number;
  rule: ScoringRule;
  /** 目标值 of the `target` rule, in the value's own measure (a ratio 0–1, fen, a count). */
  target?: number | null;
  /** 每件得分 of the `per_record` rule. */
  pointsEach?: number | null;
}

export interface UnitScore {
  unitId: string;
  /** The indicator's value, by kind (0 when the source gives none). */
  values: Record<string, number>;
  /** The points of each indicator, by kind. */
  scores: Record<string, number>;
  total: number;
  rank: number;
}

export const round2 = (n: number) => Math.round((n + Number.EPSILON) * 100) / 100;

/** Competition ranks of the values, highest first: equal values share a rank (1, 1, 3). */
export function ranksOf(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((o) => o > v).length);
}

/** The points of one indicator for every unit, in the order of `values`. */
export function pointsOf(indicator: SchemeIndicator, values: readonly number[]): number[] {
  const { weight } = indicator;
  const max = values.length ? Math.max(...values) : 0;
  switch (indicator.rule) {
    case 'share_of_max':
      return values.map((v) => (max > 0 ? round2((Math.max(v, 0) / max) * weight) : 0));
    case 'rank': {
      if (max <= 0) return values.map(() => 0);
      const ranks = ranksOf(values);
      const n = values.length;
      return ranks.map((r, i) => (values[i] <= 0 ? 0 : n === 1 ? weight : round2(((n - r) / (n - 1)) * weight)));
    }
    case 'target': {
      const target = indicator.target ?? 0;
      return values.map((v) => (target > 0 ? round2(Math.min(Math.max(v, 0) / target, 1) * weight) : 0));
    }
    case 'per_record': {
      const each = indicator.pointsEach ?? 0;
      return values.map((v) => round2(Math.min(Math.max(v, 0) * each, weight)));
    }
  }
}

/** Scores every unit: points per indicator, the total, and the rank by total. */
export function scoreUnits(
  indicators: readonly SchemeIndicator[],
  unitIds: readonly string[],
  valueOf: (kind: string, unitId: string) => number,
): UnitScore[] {
  const rows = unitIds.map((unitId) => ({
    unitId,
    values: {} as Record<string, number>,
    scores: {} as Record<string, number>,
    total: 0,
    rank: 0,
  }));
  for (const ind of indicators) {
    const values = unitIds.map((u) => valueOf(ind.kind, u) || 0);
    const points = pointsOf(ind, values);
    rows.forEach((r, i) => {
      r.values[ind.kind] = values[i];
      r.scores[ind.kind] = points[i];
    });
  }
  for (const r of rows) r.total = round2(indicators.reduce((s, ind) => s + r.scores[ind.kind], 0));
  const ranks = ranksOf(rows.map((r) => r.total));
  rows.forEach((r, i) => (r.rank = ranks[i]));
  return rows;
}
