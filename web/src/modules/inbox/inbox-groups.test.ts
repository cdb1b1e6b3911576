import { describe, expect, it } from 'vitest';
import type { InboxItem } from './api';
import { groupInbox } from './inbox-groups';

const item = (kind: string, title: string, overdue = false): InboxItem => ({
  kind,
  recordType: 'case',
  recordId: title,
  title,
  dueAt: null,
  unitId: null,
  link: `/cases/${title}`,
  overdue,
});

describe('groupInbox', () => {
  it('groups by kind in the inbox order, unknown kinds last, empty kinds left out, server order kept', () => {
    const items = [
      item('case_overdue', 'a', true),
      item('report_review', 'r'),
      item('case_overdue', 'b', true),
      item('new_kind', 'x'),
      item('case_review', 'c'),
    ];
    const groups = groupInbox(items, {
      case_overdue: 75,
      report_review: 1,
      new_kind: 1,
      case_review: 1,
      lead_due_soon: 0,
    });
    expect(groups.map((g) => g.kind)).toEqual(['case_review', 'report_review', 'case_overdue', 'new_kind']);
    expect(groups[2]).toEqual({ kind: 'case_overdue', count: 75, items: [items[0], items[2]] });
  });
});
