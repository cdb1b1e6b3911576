import { describe, expect, it } from 'vitest';
import { todayInChina } from '../../platform/today';
import { isUnderInspected, periodBounds, ruleText, shortfall } from './inspection-frequency';

describe('inspection frequency periods (China time)', () => {
  it('runs a week from Monday to Sunday', () => {
    // 2026-12-05 is a Saturday, 2026-12-07 a Monday.
    expect(periodBounds('week', '2026-12-05')).toEqual({
      period: 'week',
      from: '2026-11-30',
      to: '2026-12-06',
      label: '2026-11-30 至 2026-12-06',
    });
    expect(periodBounds('week', '2026-12-07')).toMatchObject({ from: '2026-12-07', to: '2026-12-13' });
    expect(periodBounds('week', '2026-12-06')).toMatchObject({ from: '2026-11-30', to: '2026-12-06' });
    // A week across the year's end.
    expect(periodBounds('week', '2027-01-01')).toMatchObject({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('takes the day in Beijing, not in UTC', () => {
    // Sunday 23:30 UTC is Monday 07:30 in Beijing: the new week.
    const day = todayInChina(new Date('2026-12-06T23:30:00Z'));
    expect(day).toBe('2026-12-07');
    expect(periodBounds('week', day).from).toBe('2026-12-07');
  });

  it('bounds months (February of a leap year) and quarters', () => {
    expect(periodBounds('month', '2028-02-10')).toMatchObject({
      from: '2028-02-01',
      to: '2028-02-29',
      label: '2028年2月',
    });
    expect(periodBounds('month', '2026-12-31')).toMatchObject({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodBounds('quarter', '2026-12-05')).toMatchObject({
      from: '2026-10-01',
      to: '2026-12-31',
      label: '2026年第4季度',
    });
    expect(periodBounds('quarter', '2026-01-01')).toMatchObject({ from: '2026-01-01', to: '2026-03-31' });
    expect(() => periodBounds('week', '2026-13-01x')).toThrow();
  });

  it('counts outings against the minimum', () => {
    expect(shortfall(0, 2)).toBe(2);
    expect(shortfall(1, 2)).toBe(1);
    expect(shortfall(2, 2)).toBe(0);
    expect(shortfall(5, 2)).toBe(0);
    expect(isUnderInspected(1, 2)).toBe(true);
    expect(isUnderInspected(2, 2)).toBe(false);
    expect(ruleText({ period: 'week', minCount: 2 })).toBe('每星期不少于2次');
  });
});
