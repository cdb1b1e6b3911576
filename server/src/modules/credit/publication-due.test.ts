import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, shiftDate } from '../calendar/working-days';
import {
  dueSoonDecisionCutoff,
  latestDecisionDueBy,
  overdueDecisionCutoff,
  publicationDue,
  publicationStatus,
  publishedLate,
} from './publication-due';

const cal = createWorkingCalendar();

describe('行政处罚信息公示 due date', () => {
  it('counts 20 working days past the 国庆 holiday and its make-up days', () => {
    // 2025: 10-01..10-08 off (国庆节、中秋节), Sat 09-28 and Sat 10-11 worked.
    // From Thu 2025-09-25: 09-26, 09-28(补), 09-29, 09-30 = 4; 10-09, 10-10, 10-11(补) = 7;
    // 10-13..17 = 12; 10-20..24 = 17; 10-27, 28, 29 = 20.
    expect(publicationDue(cal, '2025-09-25')).toBe('2025-10-29');
  });

  it('is 20 working days over an ordinary four weeks', () => {
    // Mon 2025-06-09 → 4 weeks on Mon 2025-07-07 (no holiday between).
    expect(publicationDue(cal, '2025-06-09')).toBe('2025-07-07');
  });

  it('is pending up to the due day itself, overdue after, done once published', () => {
    expect(publicationStatus(cal, { decisionDate: '2025-09-25', published: false }, '2025-10-29')).toBe('pending');
    expect(publicationStatus(cal, { decisionDate: '2025-09-25', published: false }, '2025-10-30')).toBe('overdue');
    expect(publicationStatus(cal, { decisionDate: '2025-09-25', published: true }, '2026-01-01')).toBe('done');
    expect(publishedLate(cal, '2025-09-25', '2025-10-29')).toBe(false);
    expect(publishedLate(cal, '2025-09-25', '2025-10-30')).toBe(true);
  });

  it('turns a status into a decision-date cutoff that agrees with the due date of every day', () => {
    for (const today of ['2025-10-09', '2025-10-30', '2026-02-20', '2025-07-07']) {
      const overdue = overdueDecisionCutoff(cal, today);
      const soon = dueSoonDecisionCutoff(cal, today);
      const soonLast = cal.addWorkingDays(today, 5).date;
      for (let d = shiftDate(today, -80); d <= today; d = shiftDate(d, 1)) {
        expect(d <= overdue, `${d} on ${today}`).toBe(publicationDue(cal, d) < today);
        expect(d <= soon, `${d} soon on ${today}`).toBe(publicationDue(cal, d) <= soonLast);
      }
    }
    expect(latestDecisionDueBy(cal, '2025-10-29')).toBe('2025-09-25');
  });
});
