import { shiftDate } from '../calendar/working-days';
import type { ConcentratedWindow, ReportSchedule } from './campaign-plan.types';

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

const lastDayOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');
const isoWeekday = (d: string) => ((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * Every deadline of a campaign's report schedules inside its time window, in date order:
 * monthly reports for each month of the window, due on day N of the next month (cumulative ones
 * cover 1 January – end of month, as annex 2 of seed 004 says); weekly ones on their weekday;
 * daily ones on each day of a concentrated window; fixed dates as given.
 */
export function reportDeadlines(c: { startDate: string; endDate: string; concentratedWindows: ConcentratedWindow[]; reportSchedules: ReportSchedule[] }): ReportDeadline[] {
  const out: ReportDeadline[] = [];
  for (const s of c.reportSchedules) {
    const base = { scheduleId: s.id, name: s.name, kind: s.kind };
    if (s.kind === 'monthly') {
      let [y, m] = c.startDate.split('-').map(Number);
      for (;;) {
        const monthStart = `${y}-${pad(m)}-01`;
        if (monthStart > c.endDate) break;
        const monthEnd = lastDayOfMonth(y, m);
        const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1];
        out.push({
          ...base,
          periodStart: s.cumulative ? `${y}-01-01` : monthStart < c.startDate ? c.startDate : monthStart,
          periodEnd: monthEnd > c.endDate ? c.endDate : monthEnd,
          dueDate: `${ny}-${pad(nm)}-${pad(s.dayOfMonth)}`,
        });
        [y, m] = [ny, nm];
      }
    } else if (s.kind === 'weekly') {
      let previous = c.startDate;
      for (let d = c.startDate; d <= c.endDate; d = shiftDate(d, 1)) {
        if (isoWeekday(d) !== s.weekday) continue;
        out.push({ ...base, periodStart: previous, periodEnd: d, dueDate: d, dueTime: s.time });
        previous = shiftDate(d, 1);
      }
    } else if (s.kind === 'daily') {
      for (const w of c.concentratedWindows) {
        for (let d = w.startDate; d <= w.endDate; d = shiftDate(d, 1)) out.push({ ...base, periodStart: d, periodEnd: d, dueDate: d, dueTime: s.time });
      }
    } else {
      let previous = c.startDate;
      for (const d of [...s.dates].sort()) {
        out.push({ ...base, periodStart: previous, periodEnd: d < c.endDate ? d : c.endDate, dueDate: d });
        previous = shiftDate(d, 1);
      }
    }
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || (a.dueTime ?? '').localeCompare(b.dueTime ?? ''));
}
