import { describe, expect, it } from 'vitest';
import { decisionClock, extensionProblem } from './case-clock';

describe('case decision clock (90 days from filing)', () => {
  const base = { filingDate: '2026-01-05', extensions: [], pauses: [] };

  it('runs 90 calendar days from filing', () => {
    expect(decisionClock({ ...base, today: '2026-01-05' })).toMatchObject({
      dueDate: '2026-04-05',
      daysLeft: 90,
      state: 'running',
    });
    expect(decisionClock({ ...base, today: '2026-03-30' })).toMatchObject({ state: 'due_soon', daysLeft: 6 });
    expect(decisionClock({ ...base, today: '2026-04-06' })).toMatchObject({ state: 'overdue', daysLeft: -1 });
  });

  it('adds the approved 30 days and collective extensions', () => {
    const clock = decisionClock({
      ...base,
      extensions: [
        { kind: 'approved', days: 30 },
        { kind: 'collective', days: 60 },
      ],
      today: '2026-04-06',
    });
    expect(clock).toMatchObject({ allowedDays: 180, dueDate: '2026-07-04', state: 'running' });
  });

  it('stops while the case is suspended and moves the due date by the stopped days', () => {
    const pauses = [{ from: '2026-02-01', to: '2026-02-11' }];
    expect(decisionClock({ ...base, pauses, today: '2026-03-01' })).toMatchObject({
      pausedDays: 10,
      dueDate: '2026-04-15',
    });
    const open = decisionClock({ ...base, pauses: [{ from: '2026-03-01', to: null }], today: '2026-03-11' });
    expect(open).toMatchObject({ state: 'paused', dueDate: null, pausedDays: 10 });
  });

  it('allows the approved extension once, then only collective ones', () => {
    expect(extensionProblem([], { kind: 'collective', days: 30 })).toMatch(/须先经负责人批准/);
    expect(extensionProblem([], { kind: 'approved', days: 30 })).toBeNull();
    expect(extensionProblem([{ kind: 'approved', days: 30 }], { kind: 'approved', days: 30 })).toMatch(/只能申请一次/);
    expect(extensionProblem([{ kind: 'approved', days: 30 }], { kind: 'collective', days: 45 })).toBeNull();
  });
});
