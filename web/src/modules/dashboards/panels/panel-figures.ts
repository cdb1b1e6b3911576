/**
 * Pure helpers of the dashboard panels whose figures come from other modules: the KPI gauge's
 * scale and verdict, the order of the timeliness bars, the links each panel's numbers open.
 */

/** A KPI as the gauge reads it (a subset of the API's CampaignKpi). */
export interface GaugeKpi {
  comparator: '>=' | '>' | '<=' | '<' | '=';
  target: number;
  unit: string;
  ongoing: boolean;
  total: { actual: number | null; met: boolean | null } | null;
}

/**
 * The KPI as the header's unit sees it: a KPI is judged per 考核单位 (its rows), so when the unit
 * chosen is one of them the gauge shows that unit's figure instead of the total; any other unit (the
 * user's own, one above or below the judged ones) keeps the total. `unitId` tells the drill-down whose.
 */
export function kpiForUnit<K extends GaugeKpi & { rows: (GaugeKpi['total'] & { unitId: string; unitName: string })[] }>(
  k: K,
  unitId: string | undefined,
): K & { unitId?: string; unitName?: string } {
  const row = unitId ? k.rows.find((r) => r.unitId === unitId) : undefined;
  return row ? { ...k, total: row, unitId: row.unitId, unitName: row.unitName } : k;
}

/** 达标 / 未达标 / 进行中 (the period runs, target not reached yet) / 暂无数据, as the KPI tab tags them. */
export type KpiVerdict = 'met' | 'missed' | 'ongoing' | 'noData';

export function kpiVerdict(k: GaugeKpi): KpiVerdict {
  const met = k.total?.met ?? null;
  if (met === null || k.total?.actual === null || k.total?.actual === undefined) return 'noData';
  if (met) return 'met';
  return k.ongoing ? 'ongoing' : 'missed';
}

/** A round top for a scale: 1, 2 or 5 times a power of ten, at least `value`. */
export function niceCeil(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * The gauge's scale and its coloured bands: a percentage runs to 100 (or beyond when the actual
 * does), any other unit to a round number above both target and actual; the band where the target
 * is met is green, the rest red (below the target for ≥, above it for ≤).
 */
export function gaugeScale(k: GaugeKpi): { max: number; bands: [number, 'met' | 'missed'][] } {
  const actual = k.total?.actual ?? 0;
  const top = Math.max(k.target, actual, 0);
  const max = k.unit === '%' && top <= 100 ? 100 : niceCeil(top * 1.2);
  const at = Math.min(Math.max(k.target / max, 0), 1);
  const lowerIsBetter = k.comparator === '<=' || k.comparator === '<';
  if (k.comparator === '=') return { max, bands: [[1, 'missed']] };
  return {
    max,
    bands: lowerIsBetter
      ? [
          [at, 'met'],
          [1, 'missed'],
        ]
      : [
          [at, 'missed'],
          [1, 'met'],
        ],
  };
}

/** One unit's bar of the timeliness chart. */
export interface TimelinessBar {
  unitId: string;
  label: string;
  /** 按时报送率 in percent (two decimals); null while nothing is due. */
  ratePercent: number | null;
  expected: number;
  onTime: number;
  late: number;
  missing: number;
}

/**
 * The board's per-unit rates as bars, lowest rate first (the units to chase stand out); units with
 * nothing due yet come last.
 */
export function timelinessBars(
  units: { unitId: string; unitLabel: string }[],
  perUnit: {
    unitId: string;
    expected: number;
    onTime: number;
    late: number;
    missing: number;
    onTimeRate: number | null;
  }[],
): TimelinessBar[] {
  const labelOf = new Map(units.map((u) => [u.unitId, u.unitLabel]));
  return perUnit
    .map((r) => ({
      unitId: r.unitId,
      label: labelOf.get(r.unitId) ?? r.unitId,
      ratePercent: r.onTimeRate === null ? null : Math.round(r.onTimeRate * 10000) / 100,
      expected: r.expected,
      onTime: r.onTime,
      late: r.late,
      missing: r.missing,
    }))
    .sort((a, b) => {
      if (a.ratePercent === null || b.ratePercent === null) return a.ratePercent === null ? 1 : -1;
      return a.ratePercent - b.ratePercent || a.label.localeCompare(b.label, 'zh-CN');
    });
}

/** The query string a panel's number opens a list with (only the filters that are set). */
export function listLink(path: string, filters: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
