import { describe, expect, it } from 'vitest';
import { isAssistanceOverdue } from './assistance-status';

describe('isAssistanceOverdue', () => {
  it('is overdue only while a reply is still owed, after the due day', () => {
    expect(isAssistanceOverdue('sent', '2026-05-01', '2026-05-02')).toBe(true);
    expect(isAssistanceOverdue('accepted', '2026-05-01', '2026-05-02')).toBe(true);
    expect(isAssistanceOverdue('accepted', '2026-05-02', '2026-05-02')).toBe(false);
    expect(isAssistanceOverdue('answered', '2026-05-01', '2026-05-02')).toBe(false);
    expect(isAssistanceOverdue('declined', '2026-05-01', '2026-05-02')).toBe(false);
  });
});
