import { describe, expect, it } from 'vitest';
import { chinaDateTime, deadlineOf, isLate, isOverdue, notOverdueWhy, stateOf, timeliness } from './report-status';

// 2026-05-02 is the due day of the April report (seed 004: by the 2nd).
const monthly = { dueDate: '2026-05-02' };
const weekly = { dueDate: '2026-05-07', dueTime: '15:00' };

describe('report deadlines in China time', () => {
  it('reads an instant as Beijing wall-clock time', () => {
    expect(chinaDateTime(new Date('2026-05-01T16:30:00Z'))).toBe('2026-05-02 00:30:00');
  });

  it('is on time until the end of the due day, or until the named time', () => {
    expect(deadlineOf(monthly)).toBe('2026-05-02 23:59:59');
    expect(deadlineOf(weekly)).toBe('2026-05-07 15:00:00');
    expect(isLate(monthly, new Date('2026-05-02T15:59:59Z'))).toBe(false); // 23:59:59 in Beijing
    expect(isLate(monthly, new Date('2026-05-02T16:00:00Z'))).toBe(true); // 00:00 on the 3rd
    expect(isLate(weekly, new Date('2026-05-07T07:00:00Z'))).toBe(false); // 15:00 sharp
    expect(isLate(weekly, new Date('2026-05-07T07:00:01Z'))).toBe(true);
  });

  it('says missing once the deadline passed with nothing submitted, and keeps a submission state', () => {
    expect(stateOf(monthly, undefined, new Date('2026-05-01T00:00:00Z'))).toBe('open');
    expect(stateOf(monthly, undefined, new Date('2026-05-03T00:00:00Z'))).toBe('missing');
    expect(stateOf(monthly, { status: 'returned' }, new Date('2026-06-01T00:00:00Z'))).toBe('returned');
  });
});

describe('timeliness rates', () => {
  it('counts only what is due: on time, late and missing add up to expected', () => {
    const t = timeliness([
      { due: true, state: 'accepted', late: false },
      { due: true, state: 'submitted', late: true },
      { due: true, state: 'missing', late: false },
      { due: true, state: 'returned', late: false },
      { due: false, state: 'open', late: false },
    ]);
    expect(t).toEqual({ expected: 4, onTime: 2, late: 1, missing: 1, onTimeRate: 0.5 });
    expect(timeliness([{ due: false, state: 'open', late: false }]).onTimeRate).toBeNull();
  });
});

describe('催报: which reports may be chased', () => {
  const after = new Date('2026-05-02T16:00:01Z'); // 3 May, 00:00:01 in Beijing
  const before = new Date('2026-05-02T15:59:59Z');
  it('a report never sent, or returned and not sent again, once its deadline has passed', () => {
    expect(isOverdue(monthly, undefined, after)).toBe(true);
    expect(isOverdue(monthly, { status: 'returned' }, after)).toBe(true);
    expect(isOverdue(monthly, undefined, before)).toBe(false);
    expect(isOverdue(monthly, { status: 'submitted' }, after)).toBe(false);
    expect(isOverdue(monthly, { status: 'accepted' }, after)).toBe(false);
  });
  it('says why a report is not to be chased', () => {
    expect(notOverdueWhy(monthly, { status: 'submitted' })).toBe('已报送、等待审核');
    expect(notOverdueWhy(monthly, { status: 'accepted' })).toBe('已审核通过');
    expect(notOverdueWhy(weekly, undefined)).toBe('尚未到报送截止时间（2026-05-07 15:00:00）');
  });
});
