import { describe, expect, it } from 'vitest';
import { defaultReplyWorkingDays, meetsThreshold, replyOverdue, replyProblem } from './transfer-rules';

describe('transfer rules', () => {
  it('chases the police and the procuratorate after 3 working days, others after 15', () => {
    expect(defaultReplyWorkingDays('police')).toBe(3);
    expect(defaultReplyWorkingDays('procuratorate')).toBe(3);
    expect(defaultReplyWorkingDays('agriculture')).toBe(15);
  });

  it('records answers only while one is awaited; 受理 once', () => {
    expect(replyProblem('sent', 'accepted')).toBeNull();
    expect(replyProblem('sent', 'filed')).toBeNull();
    expect(replyProblem('accepted', 'not_filed')).toBeNull();
    expect(replyProblem('accepted', 'accepted')).toMatch('已登记受理');
    expect(replyProblem('filed', 'returned')).toMatch('已有答复“已立案”');
  });

  it('is overdue only while waiting and after the chase date', () => {
    expect(replyOverdue({ status: 'sent', replyDueDate: '2026-03-02' }, '2026-03-03')).toBe(true);
    expect(replyOverdue({ status: 'sent', replyDueDate: '2026-03-03' }, '2026-03-03')).toBe(false);
    expect(replyOverdue({ status: 'filed', replyDueDate: '2026-03-02' }, '2026-03-03')).toBe(false);
  });

  it('flags an amount at or over the threshold that was not transferred', () => {
    expect(meetsThreshold(5_000_000, 5_000_000, false)).toBe(true);
    expect(meetsThreshold(4_999_999, 5_000_000, false)).toBe(false);
    expect(meetsThreshold(9_000_000n, 5_000_000, true)).toBe(false);
  });
});
