import type { CampaignKpi, KpiPeriod } from '../campaigns/campaign-plan.types';

/** One period a KPI is judged over: a calendar year, a calendar month, or the whole campaign. */
export interface KpiPeriodRange {
  /** '2026', '2026-05' or '全程'. */
  label: string;
  from: string;
  to: string;
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);

/**
 * The periods of a KPI within the plan's dates: each calendar year or month the plan touches (in
 * full: a year's 5 % counts every check of that year), or the campaign's own dates. Periods that
 * have not begun by `today` are left out (the first one always stays, so a plan not yet started
 * shows what it will judge).
 */
export function kpiPeriods(
  c: { startDate: string; endDate: string },
  period: KpiPeriod,
  today: string,
): KpiPeriodRange[] {
  if (period === 'campaign') return [{ label: '全程', from: c.startDate, to: c.endDate }];
  const out: KpiPeriodRange[] = [];
  const [sy, sm] = [Number(c.startDate.slice(0, 4)), Number(c.startDate.slice(5, 7))];
  const [ey, em] = [Number(c.endDate.slice(0, 4)), Number(c.endDate.slice(5, 7))];
  if (period === 'year')
    for (let y = sy; y <= ey; y++) out.push({ label: String(y), from: `${y}-01-01`, to: `${y}-12-31` });
  else
    for (let y = sy, m = sm; y < ey || (y === ey && m <= em); m === 12 ? ((m = 1), y++) : m++) {
      const mm = `${y}-${String(m).padStart(2, '0')}`;
      out.push({ label: mm, from: `${mm}-01`, to: lastDayOfMonth(y, m) });
    }
  return out.filter((p, i) => i === 0 || p.from <= today);
}

/**
 * The period a KPI opens on: the one holding `today`, else the last begun one (a finished plan shows
 * its last year). A monthly quota opens on the last month that has ended, as the office judges it
 * on the 2nd (seed 004: 每月2日前报送上月): a month that has just begun says nothing yet.
 */
export function currentKpiPeriod(periods: KpiPeriodRange[], today: string, kind?: KpiPeriod): KpiPeriodRange {
  if (kind === 'month') {
    const ended = periods.filter((p) => p.to < today);
    if (ended.length) return ended[ended.length - 1];
  }
  return periods.find((p) => p.from <= today && today <= p.to) ?? periods[periods.length - 1];
}

/** Whether a period is still running on `today`: a target not reached yet is 进行中, not 未达标. */
export const isOngoing = (period: KpiPeriodRange, today: string) => today <= period.to;

/** A KPI's target as its actual is expressed: a percentage for a '%' ratio, else the plain number. */
export function meets(actual: number | null, kpi: Pick<CampaignKpi, 'comparator' | 'target'>): boolean | null {
  if (actual === null) return null;
  // Ratios are compared after rounding to 0.01 %, as shown: 4.999 % is not 5 %, 100.000 % is 100 %.
  const a = Math.round(actual * 100) / 100;
  switch (kpi.comparator) {
    case '>=':
      return a >= kpi.target;
    case '>':
      return a > kpi.target;
    case '<=':
      return a <= kpi.target;
    case '<':
      return a < kpi.target;
    case '=':
      return a === kpi.target;
  }
}

/**
 * A ratio's actual in the KPI's unit: a percentage when the target is in '%', else the share.
 * null without a denominator (无数据).
 */
export function ratioActual(numerator: number, denominator: number, unit: string): number | null {
  if (denominator === 0) return null;
  const share = numerator / denominator;
  return unit === '%' ? Math.round(share * 1_000_000) / 10_000 : Math.round(share * 10_000) / 10_000;
}
