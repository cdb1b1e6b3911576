import { describe, expect, it } from 'vitest';
import { createWorkingCalendar } from '../calendar/working-days';
import { verificationClock } from './lead-clock';

const calendar = createWorkingCalendar();

describe('lead verification clock (15 working days)', () => {
  // Found on Tuesday 10 Feb 2026, just before the Spring Festival (15–23 Feb off, 14 and 28 Feb make-up working Saturdays).
  const base = { receivedDate: '2026-02-10', extended: false, pauses: [] };

  it('counts working days across the Spring Festival and its make-up Saturdays', () => {
    const clock = verificationClock(calendar, { ...base, today: '2026-02-26' });
    // 11,12,13,14(Sat, worked), 24,25,26,27,28(Sat, worked), 2,3,4,5,6,9 March.
    expect(clock).toMatchObject({ dueDate: '2026-03-09', workingDaysLeft: 8, state: 'running', provisional: false });
  });

  it('adds 15 working days for an approved extension', () => {
    expect(verificationClock(calendar, { ...base, extended: true, today: '2026-02-26' }).dueDate).toBe('2026-03-30');
  });

  it('does not count the working days spent on testing, and freezes while a test is running', () => {
    const paused = { from: '2026-02-24', to: '2026-02-27' }; // stopped on 24, 25, 26; running again on 27
    expect(verificationClock(calendar, { ...base, pauses: [paused], today: '2026-03-02' })).toMatchObject({
      dueDate: '2026-03-12',
      pausedWorkingDays: 3,
    });
    expect(
      verificationClock(calendar, { ...base, pauses: [{ from: '2026-02-24', to: null }], today: '2026-02-26' }),
    ).toMatchObject({ dueDate: null, state: 'paused' });
  });

  it('lists leads as due soon three working days ahead, then overdue', () => {
    expect(verificationClock(calendar, { ...base, today: '2026-03-04' })).toMatchObject({
      state: 'due_soon',
      workingDaysLeft: 3,
    });
    expect(verificationClock(calendar, { ...base, today: '2026-03-10' })).toMatchObject({
      state: 'overdue',
      workingDaysLeft: -1,
    });
    expect(verificationClock(calendar, { ...base, today: '2026-03-20', decidedDate: '2026-03-05' }).state).toBe(
      'stopped',
    );
  });
});
