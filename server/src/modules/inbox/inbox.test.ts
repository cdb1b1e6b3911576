import { describe, expect, it } from 'vitest';
import { compareItems, INBOX_KIND_LIMIT, mergeInbox, section, type InboxItem } from './inbox';

const item = (title: string, dueAt: string | null, overdue = false, kind = 'case_overdue'): InboxItem => ({
  kind,
  recordType: 'case',
  recordId: title,
  title,
  dueAt,
  unitId: null,
  link: `/cases/${title}`,
  overdue,
});

describe('inbox merge', () => {
  it('puts overdue items first, then the nearest due date, undated last', () => {
    const items = [
      item('later', '2026-07-01'),
      item('undated', null),
      item('late-recent', '2026-06-20', true),
      item('soon', '2026-06-25'),
      item('late-old', '2026-05-01', true),
    ];
    expect([...items].sort(compareItems).map((i) => i.title)).toEqual([
      'late-old',
      'late-recent',
      'soon',
      'later',
      'undated',
    ]);
  });

  it('counts each kind in full though it carries only the first items of each', () => {
    const many = Array.from({ length: INBOX_KIND_LIMIT + 5 }, (_, i) => item(`c${i}`, '2026-06-01', true));
    const merged = mergeInbox([
      section('case_overdue', many, 120),
      section('report_review', [item('r', null, false, 'report_review')], 1),
      section('lead_due_soon', [], 0),
    ]);
    expect(merged.counts).toEqual({ case_overdue: 120, report_review: 1, lead_due_soon: 0 });
    expect(merged.total).toBe(121);
    expect(merged.items).toHaveLength(INBOX_KIND_LIMIT + 1);
    expect(merged.items.at(-1)!.kind).toBe('report_review');
  });

  it('never counts fewer than it lists', () => {
    expect(section('report_due', [item('a', null), item('b', null)], 0).total).toBe(2);
  });
});
