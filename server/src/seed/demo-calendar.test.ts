import { describe, expect, it } from 'vitest';
import { demoEndDate, demoPlanDates, demoYear } from './demo-calendar';

describe('demo calendar', () => {
  it('makes the plans for this year from June, for last year before', () => {
    expect(demoYear('2026-12-04')).toBe(2026);
    expect(demoYear('2026-06-01')).toBe(2026);
    expect(demoYear('2027-05-31')).toBe(2026);
    expect(demoYear('2027-01-10')).toBe(2026);
  });

  it('keeps the template end while it is a week away, else extends to a week from today', () => {
    expect(demoEndDate('2026-12-15', '2026-12-04')).toBe('2026-12-15');
    expect(demoEndDate('2026-12-15', '2026-12-08')).toBe('2026-12-15');
    expect(demoEndDate('2026-12-15', '2026-12-09')).toBe('2026-12-16');
    expect(demoEndDate('2026-12-15', '2027-03-01')).toBe('2027-03-08');
  });

  it('moves the last phase with the plan when it ended with it', () => {
    const plan = {
      endDate: '2026-12-15',
      phases: [
        { name: '部署', endDate: '2026-05-31' },
        { name: '总结', endDate: '2026-12-15' },
      ],
    };
    const moved = demoPlanDates(plan, '2026-12-20');
    expect(moved.endDate).toBe('2026-12-27');
    expect(moved.phases.map((p) => p.endDate)).toEqual(['2026-05-31', '2026-12-27']);
    expect(demoPlanDates(plan, '2026-10-01')).toBe(plan);
  });
});
