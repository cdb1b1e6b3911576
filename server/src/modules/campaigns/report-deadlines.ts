import { todayInChina } from '../../platform/today';
import { shiftDate } from '../calendar/working-days';
import type { ConcentratedWindow, DateCovers, ReportSchedule } from './campaign-plan.types';

/** One report a unit owes: which schedule, the period it covers, when it is due. */
export interface ReportDeadline {
  scheduleId: string;
  name: string;
  kind: ReportSchedule['kind'];
  /** The period the report covers (for a cumulative monthly report: from the start of the year). */
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  /** HH:mm when the schedule names a time (weekly 15:00, daily 12:00). */
  dueTime?: string;
}

/** What the periods of a campaign depend on. */
export interface DeadlineCampaign {
  startDate: string;
  endDate: string;
  concentratedWindows: ConcentratedWindow[];
  reportSchedules: ReportSchedule[];
  /** When the plan was published; absent or null: every deadline is owed (see owedAfterPublication). */
  publishedAt?: Date | null;
  owesPastPeriods?: boolean;
}

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const isoWeekday = (d: string) => ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The calendar quarter before the one a day falls in: 2021-07-02 → 2021-04-01 … 2021-06-30. */
function quarterBefore(day: string): { start: string; end: string } {
  const y = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3); // 0–3, the due date's own quarter
  const [py, pq] = q === 0 ? [y - 1, 3] : [y, q - 1];
  return { start: `${py}-${pad(pq * 3 + 1)}-01`, end: lastDayOfMonth(py, pq * 3 + 3) };
}

/**
 * The period a report due on a fixed date covers, by the schedule's rule:
 * - `sincePrevious` (the default): from the day after the previous date (the campaign's start for
 *   the first) to the due date itself, as stage summaries are written;
 * - `quarter`: the calendar quarter that ended before the due date (seed 004: “7月2日、10月2日前，
 *   分别报送第二、三季度” — 7月2日 covers 4月1日–6月30日);
 * - `yearToDate`: 1 January to the day before the due date (seed 004: “12月15日前报送全年汇总
 *   数据”). The plan prints no cut-off, and a unit can submit only once its period has ended
 *   (reports: `todayInChina >= periodEnd`); a period ending on the due date would leave a single
 *   day, with that day's records still coming in, so the cut-off is the day before, as the monthly
 *   report due on the 2nd stops at the end of the month. The year is that of the cut-off, so a
 *   full-year report due in early January covers the year before.
 * Every period stops at the campaign's end date: nothing after it counts toward the campaign.
 */
export function datePeriod(
  covers: DateCovers | undefined,
  due: string,
  previous: string,
  endDate: string,
): { periodStart: string; periodEnd: string } {
  if (covers === 'quarter') {
    const q = quarterBefore(due);
    return { periodStart: q.start, periodEnd: earlier(q.end, endDate) };
  }
  if (covers === 'yearToDate') {
    const periodEnd = earlier(shiftDate(due, -1), endDate);
    return { periodStart: `${periodEnd.slice(0, 4)}-01-01`, periodEnd };
  }
  return { periodStart: previous, periodEnd: earlier(due, endDate) };
}

/** The periods of a fixed-date schedule, one per date in date order, before any is dropped. */
export function datesPeriods(
  s: { dates: string[]; covers?: DateCovers },
  c: Pick<DeadlineCampaign, 'startDate' | 'endDate'>,
) {
  let previous = c.startDate;
  return [...s.dates].sort().map((dueDate) => {
    const period = datePeriod(s.covers, dueDate, previous, c.endDate);
    previous = shiftDate(dueDate, 1);
    return { ...period, dueDate };
  });
}

function monthly(s: Extract<ReportSchedule, { kind: 'monthly' }>, c: DeadlineCampaign) {
  const out: Omit<ReportDeadline, 'scheduleId' | 'name' | 'kind'>[] = [];
  let [y, m] = c.startDate.split('-').map(Number);
  for (;;) {
    const monthStart = `${y}-${pad(m)}-01`;
    if (monthStart > c.endDate) break;
    const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
    const dueDate = `${ny}-${pad(nm)}-${pad(s.dayOfMonth)}`;
    // A report falling due after the campaign has ended is not owed (seed 004 ends on 12月15日
    // with its full-year report: no “December” report is due on 2 January), unless the plan asks.
    if (dueDate > c.endDate && !s.afterEnd) break;
    out.push({
      periodStart: s.cumulative ? `${y}-01-01` : monthStart < c.startDate ? c.startDate : monthStart,
      periodEnd: earlier(lastDayOfMonth(y, m), c.endDate),
      dueDate,
    });
    [y, m] = [ny, nm];
  }
  return out;
}

/**
 * Every deadline of a campaign's report schedules, in date order: monthly reports for each month
 * of the window, due on day N of the next month (cumulative ones cover 1 January – end of month,
 * as annex 2 of seed 004 says); weekly ones on their weekday; daily ones on each day of a
 * concentrated window; fixed dates as given, each covering the period its rule says.
 * A plan past its end owes nothing more: no period starts after the end date, and a schedule
 * owes one report per period (two dates that would cover the same period: the first is owed).
 * Of a published plan, only those owed since its publication (owedAfterPublication).
 */
export function reportDeadlines(c: DeadlineCampaign): ReportDeadline[] {
  return scheduledDeadlines(c).filter(owedAfterPublication(c));
}

/**
 * Which deadlines a published plan owes: a report that fell due before the day the plan was
 * published (China time) could not have been sent on time to a plan nobody had received, so it is
 * owed only when the office chose so on publishing (补报已过期次). A plan published before the
 * publication was kept (publishedAt null), or not yet published, owes every deadline, as before.
 */
export function owedAfterPublication(
  c: Pick<DeadlineCampaign, 'publishedAt' | 'owesPastPeriods'>,
): (d: Pick<ReportDeadline, 'dueDate'>) => boolean {
  if (!c.publishedAt || c.owesPastPeriods) return () => true;
  const publishedOn = todayInChina(c.publishedAt);
  return (d) => d.dueDate >= publishedOn;
}

/** How many of a plan's deadlines fell due before `today`: what publishing it today would skip. */
export function pastDeadlineCount(c: DeadlineCampaign, today: string): number {
  return scheduledDeadlines(c).filter((d) => d.dueDate < today).length;
}

/** Every deadline of the plan's schedules, whenever it was published. */
function scheduledDeadlines(c: DeadlineCampaign): ReportDeadline[] {
  const out: ReportDeadline[] = [];
  for (const s of c.reportSchedules) {
    const base = { scheduleId: s.id, name: s.name, kind: s.kind };
    const periods: Omit<ReportDeadline, 'scheduleId' | 'name' | 'kind'>[] = [];
    if (s.kind === 'monthly') {
      periods.push(...monthly(s, c));
    } else if (s.kind === 'weekly') {
      let previous = c.startDate;
      for (let d = c.startDate; d <= c.endDate; d = shiftDate(d, 1)) {
        if (isoWeekday(d) !== s.weekday) continue;
        periods.push({ periodStart: previous, periodEnd: d, dueDate: d, dueTime: s.time });
        previous = shiftDate(d, 1);
      }
    } else if (s.kind === 'daily') {
      for (const w of c.concentratedWindows) {
        for (let d = w.startDate; d <= w.endDate; d = shiftDate(d, 1))
          periods.push({ periodStart: d, periodEnd: d, dueDate: d, dueTime: s.time });
      }
    } else {
      periods.push(...datesPeriods(s, c));
    }
    const seen = new Set<string>();
    for (const p of periods) {
      if (p.periodStart > c.endDate || p.periodStart > p.periodEnd || seen.has(p.periodEnd)) continue;
      seen.add(p.periodEnd);
      out.push({ ...base, ...p });
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.dueTime ?? '').localeCompare(b.dueTime ?? ''));
}
