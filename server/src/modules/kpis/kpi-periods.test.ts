import { describe, expect, it } from 'vitest';
import { currentKpiPeriod, isOngoing, kpiPeriods, meets, ratioActual } from './kpi-periods';

const plan = { startDate: '2025-03-01', endDate: '2027-06-30' };

describe('KPI periods', () => {
  it('cuts a plan into the calendar years it touches, in full, up to today', () => {
    expect(kpiPeriods(plan, 'year', '2026-12-05')).toEqual([
      { label: '2025', from: '2025-01-01', to: '2025-12-31' },
      { label: '2026', from: '2026-01-01', to: '2026-12-31' },
    ]);
    expect(kpiPeriods(plan, 'year', '2030-01-01').map((p) => p.label)).toEqual(['2025', '2026', '2027']);
    // Not started yet: the first period still shows.
    expect(kpiPeriods(plan, 'year', '2024-01-01').map((p) => p.label)).toEqual(['2025']);
  });

  it('cuts it into months across a year end, and the whole campaign as one', () => {
    const months = kpiPeriods({ startDate: '2021-11-15', endDate: '2022-02-10' }, 'month', '2022-12-31');
    expect(months).toEqual([
      { label: '2021-11', from: '2021-11-01', to: '2021-11-30' },
      { label: '2021-12', from: '2021-12-01', to: '2021-12-31' },
      { label: '2022-01', from: '2022-01-01', to: '2022-01-31' },
      { label: '2022-02', from: '2022-02-01', to: '2022-02-28' },
    ]);
    expect(kpiPeriods(plan, 'campaign', '2026-01-01')).toEqual([
      { label: '全程', from: '2025-03-01', to: '2027-06-30' },
    ]);
  });

  it('picks the period holding today, else the last begun one', () => {
    const years = kpiPeriods(plan, 'year', '2030-01-01');
    expect(currentKpiPeriod(years, '2026-07-01').label).toBe('2026');
    expect(currentKpiPeriod(years, '2030-01-01').label).toBe('2027');
  });

  it('opens a monthly quota on the last month that has ended', () => {
    const months = kpiPeriods(plan, 'month', '2026-12-05');
    expect(currentKpiPeriod(months, '2026-12-05', 'month').label).toBe('2026-11');
    expect(currentKpiPeriod(months, '2026-12-05', 'year').label).toBe('2026-12');
    // The plan's first month has nothing before it: it opens on the month itself.
    expect(currentKpiPeriod(kpiPeriods(plan, 'month', '2025-03-04'), '2025-03-04', 'month').label).toBe('2025-03');
    expect(isOngoing(months[months.length - 1], '2026-12-05')).toBe(true);
    expect(isOngoing(months[0], '2026-12-05')).toBe(false);
  });
});

describe('met against the target', () => {
  it('applies each comparator, null without data', () => {
    expect(meets(5, { comparator: '>=', target: 5 })).toBe(true);
    expect(meets(4.99, { comparator: '>=', target: 5 })).toBe(false);
    expect(meets(80, { comparator: '>', target: 80 })).toBe(false);
    expect(meets(80.5, { comparator: '>', target: 80 })).toBe(true);
    expect(meets(100, { comparator: '=', target: 100 })).toBe(true);
    expect(meets(99.99, { comparator: '=', target: 100 })).toBe(false);
    expect(meets(2, { comparator: '<=', target: 2 })).toBe(true);
    expect(meets(2, { comparator: '<', target: 2 })).toBe(false);
    expect(meets(null, { comparator: '>=', target: 1 })).toBeNull();
  });

  it('expresses a ratio in the KPI’s unit, null without a denominator', () => {
    expect(ratioActual(1, 3, '%')).toBe(33.3333);
    expect(ratioActual(1, 3, '')).toBe(0.3333);
    expect(ratioActual(0, 0, '%')).toBeNull();
    // 5 of 100 is exactly 5 %: met.
    expect(meets(ratioActual(5, 100, '%'), { comparator: '>=', target: 5 })).toBe(true);
  });
});
