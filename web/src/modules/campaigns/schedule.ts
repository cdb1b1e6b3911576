import type { Campaign } from './api';

/** What the schedule needs of a campaign (tests build campaigns with just these). */
export type ScheduleCampaign = Pick<
  Campaign,
  'startDate' | 'endDate' | 'issueDate' | 'phases' | 'concentratedWindows' | 'liaisonDeadline' | 'deadlines'
>;

export type ScheduleItemKind = 'start' | 'end' | 'phase' | 'window' | 'liaison' | 'report' | 'today';
export type ScheduleState = 'past' | 'current' | 'upcoming';

export interface ScheduleItem {
  key: string;
  kind: ScheduleItemKind;
  /** The phase's, window's or report's name as the plan gives it ('' for start, end, liaison, today). */
  name: string;
  start: string;
  /** Equal to start for a single day. */
  end: string;
  /** HH:mm for reports due at a time of day. */
  dueTime?: string;
  /** How many daily reports one item stands for (a concentrated window's daily reports are one item). */
  count?: number;
  /** The period a report covers. */
  periodStart?: string;
  periodEnd?: string;
  state: ScheduleState;
}

const DAY_MS = 86_400_000;
const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
/** Whole days from one YYYY-MM-DD to another. */
export const daysBetween = (from: string, to: string) => Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
const nextDay = (d: string) => new Date(toUtc(d) + DAY_MS).toISOString().slice(0, 10);

const stateOf = (start: string, end: string, today: string): ScheduleState =>
  end < today ? 'past' : start > today ? 'upcoming' : 'current';

/** Kinds on the same day: the range first, then what falls due in it. */
const KIND_ORDER: Record<ScheduleItemKind, number> = {
  start: 0,
  phase: 1,
  window: 2,
  liaison: 3,
  report: 4,
  today: 5,
  end: 6,
};

/**
 * The 进度安排 of a campaign as dated items: start and end of the campaign, its phases and
 * concentrated windows, the liaison deadline and every report deadline (`deadlines` from the
 * server). A schedule's daily reports on consecutive days become one item, so a window of daily
 * reporting does not flood the list. Sorted by date; `today` places the 今天 item among them.
 */
export function buildSchedule(c: ScheduleCampaign, today: string): ScheduleItem[] {
  const items: ScheduleItem[] = [];
  const add = (item: Omit<ScheduleItem, 'state'>) =>
    items.push({ ...item, state: stateOf(item.start, item.end, today) });

  add({ key: 'start', kind: 'start', name: '', start: c.startDate, end: c.startDate });
  add({ key: 'end', kind: 'end', name: '', start: c.endDate, end: c.endDate });
  c.phases.forEach((p, i) =>
    add({ key: `phase-${i}`, kind: 'phase', name: p.name, start: p.startDate, end: p.endDate }),
  );
  c.concentratedWindows.forEach((w, i) =>
    add({ key: `window-${i}`, kind: 'window', name: w.name, start: w.startDate, end: w.endDate }),
  );
  if (c.liaisonDeadline)
    add({ key: 'liaison', kind: 'liaison', name: '', start: c.liaisonDeadline, end: c.liaisonDeadline });

  const deadlines = [...c.deadlines].sort(
    (a, b) => a.scheduleId.localeCompare(b.scheduleId) || a.dueDate.localeCompare(b.dueDate),
  );
  for (let i = 0; i < deadlines.length; i += 1) {
    const d = deadlines[i];
    let last = d;
    let count = 1;
    if (d.kind === 'daily') {
      while (
        i + 1 < deadlines.length &&
        deadlines[i + 1].kind === 'daily' &&
        deadlines[i + 1].scheduleId === d.scheduleId &&
        deadlines[i + 1].dueDate === nextDay(last.dueDate)
      ) {
        i += 1;
        last = deadlines[i];
        count += 1;
      }
    }
    add({
      key: `report-${d.scheduleId}-${d.dueDate}`,
      kind: 'report',
      name: d.name,
      start: d.dueDate,
      end: last.dueDate,
      ...(d.dueTime ? { dueTime: d.dueTime } : {}),
      ...(count > 1 ? { count } : { periodStart: d.periodStart, periodEnd: d.periodEnd }),
    });
  }

  add({ key: 'today', kind: 'today', name: '', start: today, end: today });
  return items.sort(
    (a, b) => a.start.localeCompare(b.start) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.end.localeCompare(b.end),
  );
}

/** The first report or liaison deadline not yet passed (what the office chases next). */
export function nextDeadline(items: readonly ScheduleItem[]): ScheduleItem | undefined {
  return items.find((i) => (i.kind === 'report' || i.kind === 'liaison') && i.state !== 'past');
}

/** The span a chart of the items covers: every item's dates and today. */
export function scheduleSpan(items: readonly ScheduleItem[]): { start: string; end: string; days: number } {
  const start = items.reduce((m, i) => (i.start < m ? i.start : m), items[0]?.start ?? '');
  const end = items.reduce((m, i) => (i.end > m ? i.end : m), items[0]?.end ?? '');
  return { start, end, days: start && end ? daysBetween(start, end) + 1 : 0 };
}

/** Left offset and width, in % of the span, of a date range drawn as a bar (a single day is one day wide). */
export function barPosition(
  span: { start: string; days: number },
  start: string,
  end: string,
): { left: number; width: number } {
  if (span.days <= 0) return { left: 0, width: 0 };
  const clamp = (x: number) => Math.min(100, Math.max(0, x));
  const left = clamp((daysBetween(span.start, start) / span.days) * 100);
  const right = clamp(((daysBetween(span.start, end) + 1) / span.days) * 100);
  return { left, width: Math.max(0, right - left) };
}

/** The first day of each month inside the span, with its offset in % (the chart's month grid). */
export function monthTicks(span: { start: string; end: string; days: number }): { date: string; left: number }[] {
  if (span.days <= 0) return [];
  const ticks: { date: string; left: number }[] = [];
  let y = Number(span.start.slice(0, 4));
  let m = Number(span.start.slice(5, 7));
  for (;;) {
    const first = `${y}-${String(m).padStart(2, '0')}-01`;
    if (first > span.end) break;
    if (first >= span.start) ticks.push({ date: first, left: (daysBetween(span.start, first) / span.days) * 100 });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return ticks;
}
