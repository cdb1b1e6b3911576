import { describe, expect, it } from 'vitest';
import { filedLate, workPlanBoardStatus } from './work-plan-status';

describe('workPlanBoardStatus', () => {
  it('acknowledged and filed plans say so whatever the date', () => {
    expect(workPlanBoardStatus({ status: 'acknowledged' }, '2026-05-01', '2026-06-01')).toBe('acknowledged');
    expect(workPlanBoardStatus({ status: 'filed' }, '2026-05-01', '2026-06-01')).toBe('filed');
  });
  it('nothing filed (or returned) is overdue only after the deadline day', () => {
    expect(workPlanBoardStatus(undefined, '2026-05-01', '2026-05-01')).toBe('notDue');
    expect(workPlanBoardStatus(undefined, '2026-05-01', '2026-05-02')).toBe('overdue');
    expect(workPlanBoardStatus({ status: 'returned' }, '2026-05-01', '2026-05-02')).toBe('overdue');
    expect(workPlanBoardStatus({ status: 'returned' }, '2026-05-01', '2026-04-30')).toBe('notDue');
    expect(workPlanBoardStatus(undefined, null, '2026-05-02')).toBe('notDue');
  });
  it('late filing is a day after the deadline', () => {
    expect(filedLate('2026-05-01', '2026-05-01')).toBe(false);
    expect(filedLate('2026-05-02', '2026-05-01')).toBe(true);
    expect(filedLate('2026-05-02', null)).toBe(false);
  });
});
