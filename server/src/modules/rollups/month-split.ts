/**
 * A period [from, to] cut into the whole calendar months inside it and the days at either edge, so
 * a sum reads the months from rollup_monthly and only the edge days from rollup_daily (a year of a
 * unit's figures: 12 rows a category instead of 365). Dates are `YYYY-MM-DD`; pure.
 */
export interface MonthSplit {
  /** Whole months, as the first day of the first and of the month after the last: [fromMonth, untilMonth). */
  months: { fromMonth: string; untilMonth: string } | null;
  /** Day ranges (inclusive) outside those months: at most one before and one after. */
  days: { from: string; to: string }[];
}

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const firstOfMonth = (day: string) => `${day.slice(0, 7)}-01`;
const firstOfNextMonth = (day: string) => {
  const d = new Date(`${firstOfMonth(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString().slice(0, 10);
};

export function splitByMonth(from: string, to: string): MonthSplit {
  if (from > to) return { months: null, days: [] };
  // The first whole month starts on `from` when it is a 1st, else on the next 1st; the months end
  // before the 1st that follows `to` when `to` is a month's last day, else before `to`'s own month.
  const fromMonth = from.endsWith('-01') ? from : firstOfNextMonth(from);
  const untilMonth = firstOfMonth(addDays(to, 1)) === addDays(to, 1) ? addDays(to, 1) : firstOfMonth(to);
  if (fromMonth >= untilMonth) return { months: null, days: [{ from, to }] };
  const days: { from: string; to: string }[] = [];
  if (from < fromMonth) days.push({ from, to: addDays(fromMonth, -1) });
  if (untilMonth <= to) days.push({ from: untilMonth, to });
  return { months: { fromMonth, untilMonth }, days };
}
