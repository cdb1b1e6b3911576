import { describe, expect, it } from 'vitest';
import { splitByMonth } from './month-split';

/** Every day of [from, to] listed once, whether read from a month or as a day. */
function coveredDays(from: string, to: string) {
  const s = splitByMonth(from, to);
  const days: string[] = [];
  const each = (a: string, b: string) => {
    for (let d = a; d <= b; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
      days.push(d);
  };
  if (s.months) {
    const last = new Date(Date.parse(`${s.months.untilMonth}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    each(s.months.fromMonth, last);
  }
  for (const r of s.days) each(r.from, r.to);
  return days.sort();
}

describe('splitByMonth', () => {
  it('reads a whole year as twelve months and no days', () => {
    expect(splitByMonth('2026-01-01', '2026-12-31')).toEqual({
      months: { fromMonth: '2026-01-01', untilMonth: '2027-01-01' },
      days: [],
    });
  });

  it('keeps the edge days of a period that starts and ends inside months', () => {
    expect(splitByMonth('2026-05-14', '2026-12-05')).toEqual({
      months: { fromMonth: '2026-06-01', untilMonth: '2026-12-01' },
      days: [
        { from: '2026-05-14', to: '2026-05-31' },
        { from: '2026-12-01', to: '2026-12-05' },
      ],
    });
  });

  it('reads a period inside one month, or across one month boundary, as days only', () => {
    expect(splitByMonth('2026-02-03', '2026-02-20')).toEqual({
      months: null,
      days: [{ from: '2026-02-03', to: '2026-02-20' }],
    });
    expect(splitByMonth('2026-01-20', '2026-02-10')).toEqual({
      months: null,
      days: [{ from: '2026-01-20', to: '2026-02-10' }],
    });
  });

  it('takes February to its last day, leap year or not', () => {
    expect(splitByMonth('2028-02-01', '2028-02-29').months).toEqual({
      fromMonth: '2028-02-01',
      untilMonth: '2028-03-01',
    });
    expect(splitByMonth('2026-02-01', '2026-02-27').months).toBeNull();
  });

  it('covers every day of a period exactly once', () => {
    const cases: [string, string][] = [
      ['2025-12-31', '2026-03-01'],
      ['2026-01-01', '2026-01-01'],
      ['2026-03-31', '2026-04-01'],
      ['2026-04-01', '2026-04-30'],
      ['2025-11-15', '2027-01-31'],
    ];
    for (const [from, to] of cases) {
      const days = coveredDays(from, to);
      expect(new Set(days).size, `${from}..${to}`).toBe(days.length);
      expect(days[0]).toBe(from);
      expect(days[days.length - 1]).toBe(to);
      expect(days.length).toBe((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1);
    }
  });

  it('answers nothing for an empty period', () => {
    expect(splitByMonth('2026-03-02', '2026-03-01')).toEqual({ months: null, days: [] });
  });
});
