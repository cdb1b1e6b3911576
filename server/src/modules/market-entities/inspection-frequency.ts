/**
 * 检查频次 (seed 002: 工商所每星期对辖区内的食品经营户的检查不得少于2次): the period a day falls in
 * and how far an entity's outings fall short of a rule. Pure; days are China's calendar days
 * (`YYYY-MM-DD` from `platform/today.ts`), so a week runs Monday to Sunday in Beijing time.
 */
import type { FrequencyPeriod } from './market-entities.schema';

export interface PeriodBounds {
  period: FrequencyPeriod;
  /** First and last day, inclusive. */
  from: string;
  to: string;
  /** 2026-11-30 至 2026-12-06 · 2026年12月 · 2026年第4季度 */
  label: string;
}

export const PERIOD_LABELS: Record<FrequencyPeriod, string> = { week: '每星期', month: '每月', quarter: '每季度' };

const parse = (day: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`日期格式应为 YYYY-MM-DD：${day}`);
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
};
const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);

/** The period of kind `period` that holds `day`. */
export function periodBounds(period: FrequencyPeriod, day: string): PeriodBounds {
  const date = parse(day);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  if (period === 'week') {
    const monday = addDays(date, -((date.getUTCDay() + 6) % 7));
    const from = iso(monday);
    const to = iso(addDays(monday, 6));
    return { period, from, to, label: `${from} 至 ${to}` };
  }
  if (period === 'month') {
    return {
      period,
      from: iso(new Date(Date.UTC(y, m, 1))),
      to: iso(new Date(Date.UTC(y, m + 1, 0))),
      label: `${y}年${m + 1}月`,
    };
  }
  const q = Math.floor(m / 3);
  return {
    period,
    from: iso(new Date(Date.UTC(y, q * 3, 1))),
    to: iso(new Date(Date.UTC(y, q * 3 + 3, 0))),
    label: `${y}年第${q + 1}季度`,
  };
}

/** How many more outings the rule asks for in the period (0 when it is met). */
export const shortfall = (outings: number, minimum: number) => Math.max(0, minimum - outings);

/** Whether an entity with `outings` in the period falls below the rule's minimum. */
export const isUnderInspected = (outings: number, minimum: number) => shortfall(outings, minimum) > 0;

/** The rule as a sentence: 每星期不少于2次 (食品销售 · 个体工商户). */
export function ruleText(rule: { period: FrequencyPeriod; minCount: number }) {
  return `${PERIOD_LABELS[rule.period]}不少于${rule.minCount}次`;
}
