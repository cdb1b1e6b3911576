/**
 * 同比: the same period one year earlier, and the change against it. Shared by the statistics
 * tables, the scorecards and the dashboards, so "上年同期" means one thing everywhere.
 */

/** The same month-day one year earlier (29 February → 28 February). */
export function yearEarlier(day: string): string {
  const y = String(Number(day.slice(0, 4)) - 1).padStart(4, '0');
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5);
  return `${y}-${md}`;
}

/** 增减 %: (this − previous) / previous, one decimal; null when the previous is 0. */
export function changePercent(current: bigint, previous: bigint): number | null {
  if (previous === 0n) return null;
  return Math.round((Number(current - previous) * 1000) / Number(previous)) / 10;
}
