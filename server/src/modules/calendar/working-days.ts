import { createRequire } from 'node:module';
/** Kept here for the modules that read dates with the calendar; the check lives in platform/today. */
export { isIsoDate } from '../../platform/today';

/**
 * The official calendar of working days: public holidays (放假) and make-up working days (调休上班)
 * from the maintained chinese-days package, overridden by days an administrator entered.
 * Dates are 'YYYY-MM-DD' strings in China's civil calendar; no time zones are involved.
 */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  date: string;
  isWorkingDay: boolean;
  kind: DayKind;
  /** Name of the holiday (春节, 国庆节 …) for holidays and make-up days. */
  name?: string;
  source: 'package' | 'override' | 'weekday';
}

export interface Override {
  kind: 'holiday' | 'workday';
  name: string;
}

const require = createRequire(import.meta.url);
const pkg = require('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const label = (v: string) => v.split(',')[1] ?? v;
const PACKAGE_YEARS = new Set(Object.keys(pkg.holidays).map((d) => Number(d.slice(0, 4))));

export function shiftDate(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** Years whose official schedule the package carries. */
export const packageYears = () => [...PACKAGE_YEARS].sort();

export function createWorkingCalendar(
  overrides: ReadonlyMap<string, Override> = new Map(),
  enteredYears: ReadonlySet<number> = new Set(),
) {
  function dayInfo(date: string): DayInfo {
    const o = overrides.get(date);
    if (o)
      return {
        date,
        isWorkingDay: o.kind === 'workday',
        kind: o.kind === 'workday' ? 'makeup_workday' : 'holiday',
        name: o.name,
        source: 'override',
      };
    if (pkg.holidays[date])
      return { date, isWorkingDay: false, kind: 'holiday', name: label(pkg.holidays[date]), source: 'package' };
    if (pkg.workdays[date])
      return { date, isWorkingDay: true, kind: 'makeup_workday', name: label(pkg.workdays[date]), source: 'package' };
    const wd = weekday(date);
    const isWeekend = wd === 0 || wd === 6;
    return { date, isWorkingDay: !isWeekend, kind: isWeekend ? 'weekend' : 'workday', source: 'weekday' };
  }

  /** Whether the holiday schedule of the year is known: in the package, or entered in full by an administrator. */
  const isYearCovered = (year: number) => PACKAGE_YEARS.has(year) || enteredYears.has(year);

  const yearsBetween = (a: string, b: string) => {
    const years: number[] = [];
    for (let y = Number(a.slice(0, 4)); y <= Number(b.slice(0, 4)); y++) years.push(y);
    return years;
  };

  // Working days counted once per year (lazily), so a count over months is a subtraction, not a walk
  // over every day (a lead's clock asks it for each row of a list or an import).
  const cumulativeByYear = new Map<number, Int32Array>();
  const workingDaysBeforeYear = new Map<number, number>();
  const EPOCH_YEAR = 1970;
  const cumulative = (year: number) => {
    let days = cumulativeByYear.get(year);
    if (!days) {
      const length = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
      days = new Int32Array(length);
      let count = 0;
      let d = `${year}-01-01`;
      for (let i = 0; i < length; i++, d = shiftDate(d, 1)) days[i] = count += dayInfo(d).isWorkingDay ? 1 : 0;
      cumulativeByYear.set(year, days);
    }
    return days;
  };
  const beforeYear = (year: number): number => {
    if (year <= EPOCH_YEAR) return 0;
    let n = workingDaysBeforeYear.get(year);
    if (n === undefined) {
      const prev = cumulative(year - 1);
      n = beforeYear(year - 1) + prev[prev.length - 1];
      workingDaysBeforeYear.set(year, n);
    }
    return n;
  };
  /** Working days from the epoch up to and including `date`. */
  const ordinal = (date: string) => {
    const [y, m, d] = date.split('-').map(Number);
    return beforeYear(y) + cumulative(y)[(Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000];
  };

  return {
    dayInfo,
    isYearCovered,
    isWorkingDay: (date: string) => dayInfo(date).isWorkingDay,

    /** The date `days` working days after `from` (from itself is day 0). */
    addWorkingDays(from: string, days: number): { date: string; provisional: boolean } {
      if (days < 0) throw new RangeError('days must be >= 0');
      let date = from;
      let left = days;
      while (left > 0) {
        date = shiftDate(date, 1);
        if (dayInfo(date).isWorkingDay) left -= 1;
      }
      return { date, provisional: yearsBetween(from, date).some((y) => !isYearCovered(y)) };
    },

    /** Working days after `from` up to and including `to` (0 when to <= from). */
    workingDaysBetween(from: string, to: string): { days: number; provisional: boolean } {
      if (to <= from) return { days: 0, provisional: false };
      return { days: ordinal(to) - ordinal(from), provisional: yearsBetween(from, to).some((y) => !isYearCovered(y)) };
    },

    year(year: number): DayInfo[] {
      const days: DayInfo[] = [];
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = shiftDate(d, 1)) days.push(dayInfo(d));
      return days;
    },
  };
}

export type WorkingCalendar = ReturnType<typeof createWorkingCalendar>;
