/** Pure helpers of the calendar page (the server owns the working-day rules). */

export interface DayLike {
  date: string;
  kind: 'workday' | 'weekend' | 'holiday' | 'makeup_workday';
  name?: string;
  isWorkingDay: boolean;
}

export interface HolidayRun {
  name: string;
  kind: 'holiday' | 'makeup_workday';
  from: string;
  to: string;
  days: number;
}

/**
 * Groups holidays into runs of consecutive days with the same name (春节 2/15–2/23), and lists each
 * make-up working day on its own. Ordered by date.
 */
export function groupHolidays(days: readonly DayLike[]): HolidayRun[] {
  const runs: HolidayRun[] = [];
  let previous: DayLike | undefined;
  for (const day of days) {
    if (day.kind === 'holiday' || day.kind === 'makeup_workday') {
      const last = runs[runs.length - 1];
      const name = day.name ?? '';
      if (
        day.kind === 'holiday' &&
        last &&
        last.kind === 'holiday' &&
        last.name === name &&
        previous?.kind === 'holiday' &&
        previous.date === last.to
      ) {
        last.to = day.date;
        last.days += 1;
      } else {
        runs.push({ name, kind: day.kind, from: day.date, to: day.date, days: 1 });
      }
    }
    previous = day;
  }
  return runs;
}

/**
 * The cells of one month, Monday first: null for the blanks before the 1st, then each day.
 * `month` is 1–12; `days` may hold the whole year (only that month's days are used).
 */
export function monthCells<D extends DayLike>(days: readonly D[], year: number, month: number): (D | null)[] {
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  const inMonth = days.filter((d) => d.date.startsWith(prefix));
  if (inMonth.length === 0) return [];
  const [y, m, d] = inMonth[0].date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  const blanks = (weekday + 6) % 7;
  return [...Array<null>(blanks).fill(null), ...inMonth];
}
