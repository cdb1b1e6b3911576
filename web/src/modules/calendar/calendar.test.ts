import { describe, expect, it } from 'vitest';
import { groupHolidays, monthCells, type DayLike } from './calendar';

const day = (date: string, kind: DayLike['kind'], name?: string): DayLike => ({
  date,
  kind,
  name,
  isWorkingDay: kind === 'workday' || kind === 'makeup_workday',
});

describe('groupHolidays', () => {
  it('joins consecutive holidays of the same name and lists make-up days separately', () => {
    const days = [
      day('2026-09-30', 'workday'),
      day('2026-10-01', 'holiday', '国庆节'),
      day('2026-10-02', 'holiday', '国庆节'),
      day('2026-10-03', 'holiday', '国庆节'),
      day('2026-10-04', 'weekend'),
      day('2026-10-09', 'makeup_workday', '国庆节'),
      day('2026-10-10', 'makeup_workday', '国庆节'),
    ];
    expect(groupHolidays(days)).toEqual([
      { name: '国庆节', kind: 'holiday', from: '2026-10-01', to: '2026-10-03', days: 3 },
      { name: '国庆节', kind: 'makeup_workday', from: '2026-10-09', to: '2026-10-09', days: 1 },
      { name: '国庆节', kind: 'makeup_workday', from: '2026-10-10', to: '2026-10-10', days: 1 },
    ]);
  });

  it('starts a new run after a gap or a different name', () => {
    const days = [
      day('2026-01-01', 'holiday', '元旦'),
      day('2026-01-02', 'workday'),
      day('2026-01-03', 'holiday', '元旦'),
      day('2026-01-04', 'holiday', '春节'),
    ];
    expect(groupHolidays(days).map((r) => [r.name, r.from, r.to])).toEqual([
      ['元旦', '2026-01-01', '2026-01-01'],
      ['元旦', '2026-01-03', '2026-01-03'],
      ['春节', '2026-01-04', '2026-01-04'],
    ]);
  });

  it('returns nothing for a year without holidays', () => {
    expect(groupHolidays([day('2030-01-01', 'workday'), day('2030-01-05', 'weekend')])).toEqual([]);
  });
});

describe('monthCells', () => {
  const year = Array.from({ length: 365 }, (_, i) => {
    const d = new Date(Date.UTC(2026, 0, 1 + i));
    return day(d.toISOString().slice(0, 10), 'workday');
  });

  it('pads the weeks so the 1st falls on its weekday (Monday first)', () => {
    // 2026-01-01 is a Thursday: three blanks (Mon, Tue, Wed).
    const jan = monthCells(year, 2026, 1);
    expect(jan.slice(0, 4)).toEqual([null, null, null, year[0]]);
    expect(jan.filter(Boolean)).toHaveLength(31);
    // 2026-06-01 is a Monday: no blanks.
    expect(monthCells(year, 2026, 6)[0]?.date).toBe('2026-06-01');
    expect(monthCells(year, 2026, 2).filter(Boolean)).toHaveLength(28);
  });

  it('is empty for a month without data', () => {
    expect(monthCells(year, 2027, 1)).toEqual([]);
  });
});
