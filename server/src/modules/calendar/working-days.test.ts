import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, isIsoDate, shiftDate } from './working-days';

describe('working days (2026 official schedule from the package)', () => {
  const cal = createWorkingCalendar();

  it('knows the 2026 Spring Festival holiday and its make-up Saturdays', () => {
    expect(cal.dayInfo('2026-02-14')).toMatchObject({ isWorkingDay: true, kind: 'makeup_workday', name: '春节' });
    for (let d = '2026-02-15'; d <= '2026-02-23'; d = shiftDate(d, 1)) {
      expect(cal.dayInfo(d)).toMatchObject({ isWorkingDay: false, kind: 'holiday', name: '春节' });
    }
    expect(cal.dayInfo('2026-02-28')).toMatchObject({ isWorkingDay: true, kind: 'makeup_workday' });
    expect(cal.dayInfo('2026-03-01')).toMatchObject({ isWorkingDay: false, kind: 'weekend' });
    expect(cal.dayInfo('2026-03-02')).toMatchObject({ isWorkingDay: true, kind: 'workday' });
  });

  it('adds working days across the Spring Festival', () => {
    expect(cal.addWorkingDays('2026-02-13', 1).date).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-14', 1).date).toBe('2026-02-24');
    // A lead found on 10 Feb 2026 must be decided within 15 working days: by 9 March.
    expect(cal.addWorkingDays('2026-02-10', 15)).toEqual({ date: '2026-03-09', provisional: false });
    expect(cal.addWorkingDays('2026-02-10', 0).date).toBe('2026-02-10');
  });

  it('counts working days between two dates (start excluded, end included)', () => {
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-28').days).toBe(6);
    expect(cal.workingDaysBetween('2026-02-10', '2026-03-09').days).toBe(15);
    expect(cal.workingDaysBetween('2026-03-09', '2026-02-10').days).toBe(0);
    // National Day 2026: 1–7 Oct off; 8, 9 Oct and the make-up Saturday 10 Oct worked.
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-10').days).toBe(3);
  });

  it('flags results that reach a year the package does not cover, until an administrator has entered it in full', () => {
    expect(cal.isYearCovered(2026)).toBe(true);
    expect(cal.isYearCovered(2031)).toBe(false);
    expect(cal.addWorkingDays('2030-12-20', 15).provisional).toBe(true);

    const days = new Map([
      ['2031-01-01', { kind: 'holiday' as const, name: '元旦' }],
      ['2031-01-04', { kind: 'workday' as const, name: '元旦调休' }],
    ]);
    const withOverrides = createWorkingCalendar(days);
    expect(withOverrides.isYearCovered(2031)).toBe(false); // some days entered is not the whole year
    expect(createWorkingCalendar(days, new Set([2031])).isYearCovered(2031)).toBe(true);
    expect(withOverrides.dayInfo('2031-01-01')).toMatchObject({
      isWorkingDay: false,
      source: 'override',
      name: '元旦',
    });
    expect(withOverrides.dayInfo('2031-01-04')).toMatchObject({ isWorkingDay: true, source: 'override' });
  });

  it('lets an override win over the package', () => {
    const local = createWorkingCalendar(new Map([['2026-02-14', { kind: 'holiday' as const, name: '本地调整' }]]));
    expect(local.isWorkingDay('2026-02-14')).toBe(false);
  });

  it('lists every day of a year', () => {
    const days = cal.year(2024);
    expect(days).toHaveLength(366);
    expect(days.filter((d) => d.kind === 'holiday').length).toBeGreaterThan(20);
  });

  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('2021-02-30')).toBe(false);
    expect(isIsoDate('2026-2-1')).toBe(false);
  });
});

describe('workingDaysBetween over long ranges', () => {
  it('equals counting day by day, across years, holidays and overrides', () => {
    const cal = createWorkingCalendar(new Map([['2026-03-02', { kind: 'holiday', name: '测试' }]]));
    const count = (from: string, to: string) => {
      let n = 0;
      for (let d = shiftDate(from, 1); d <= to; d = shiftDate(d, 1)) if (cal.isWorkingDay(d)) n += 1;
      return n;
    };
    for (const [from, to] of [
      ['2019-12-30', '2026-11-25'],
      ['2025-09-28', '2025-10-09'],
      ['2026-02-27', '2026-03-03'],
      ['2026-05-01', '2026-05-01'],
      ['1999-12-31', '2000-01-04'],
    ]) {
      expect(cal.workingDaysBetween(from, to).days, `${from}…${to}`).toBe(count(from, to));
    }
  });
});
