import { shiftDate } from '../modules/calendar/working-days';

/**
 * When the demo's campaign runs, so that a newcomer always lands in a live one. The demo's plans
 * come from the 铁拳 template (May to 15 December of a year) and its records count back from today
 * (the oldest case is filed about 190 days ago), so:
 * - the plan's year is the year of the day seven months ago: from June to December the current year,
 *   from January to May the previous one — the campaign has begun before the oldest demo record;
 * - when the template's end (or the last phase's) would fall within a week of today, the demo
 *   extends the plan to a week from today, as an office prolongs a campaign (延长行动时间), so the demo is
 *   never 已结束 when it is created.
 */
export const DEMO_MIN_DAYS_LEFT = 7;

/** The template year the demo's plans are made for, given today's date in China. */
export function demoYear(today: string): number {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month >= 6 ? year : year - 1;
}

/** The end date the demo gives a plan: the template's own, or a week from today if that is later. */
export function demoEndDate(templateEnd: string, today: string): string {
  const latest = shiftDate(today, DEMO_MIN_DAYS_LEFT);
  return templateEnd >= latest ? templateEnd : latest;
}

/** A plan's dates as the demo publishes them: the end (and the last phase's end) moved by demoEndDate. */
export function demoPlanDates<P extends { endDate: string; phases: { endDate: string }[] }>(plan: P, today: string): P {
  const endDate = demoEndDate(plan.endDate, today);
  if (endDate === plan.endDate) return plan;
  const last = plan.phases.length - 1;
  return {
    ...plan,
    endDate,
    phases: plan.phases.map((p, i) => (i === last && p.endDate === plan.endDate ? { ...p, endDate } : p)),
  };
}
