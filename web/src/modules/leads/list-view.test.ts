import { describe, expect, it } from 'vitest';
import { hasLeadFilters, leadsSearch, parseLeadsView, toLeadListQuery } from './list-view';

describe('leads list view in the address', () => {
  it('reads and writes every filter', () => {
    const search =
      'campaignId=c1&source=complaint&status=verifying&status=filed&due=overdue&important=true&q=%E8%B6%85%E5%B8%82&page=2&pageSize=50';
    const view = parseLeadsView(new URLSearchParams(search));
    expect(view).toEqual({
      campaignId: 'c1',
      source: 'complaint',
      statuses: ['verifying', 'filed'],
      due: 'overdue',
      important: true,
      q: '超市',
      page: 2,
      pageSize: 50,
    });
    expect(parseLeadsView(leadsSearch(view))).toEqual(view);
    expect(hasLeadFilters(view)).toBe(true);
  });

  it('ignores unknown sources, statuses and due filters', () => {
    const view = parseLeadsView(new URLSearchParams('source=12315&status=done&due=tomorrow&pageSize=7'));
    expect(view.source).toBeUndefined();
    expect(view.statuses).toEqual([]);
    expect(view.due).toBeUndefined();
    expect(view.pageSize).toBe(20);
    expect(hasLeadFilters(view)).toBe(false);
    expect(leadsSearch(view).toString()).toBe('');
  });

  it('keeps a unit named in the address and sends it', () => {
    const view = parseLeadsView(new URLSearchParams('unitId=u1'));
    expect(view.unitId).toBe('u1');
    expect(hasLeadFilters(view)).toBe(true);
    expect(leadsSearch(view).toString()).toBe('unitId=u1');
    expect(toLeadListQuery(view)).toEqual({ page: 1, pageSize: 20, unitId: 'u1' });
  });

  it('sends every filter, the source too, to the API', () => {
    const view = parseLeadsView(new URLSearchParams('source=complaint&due=due_soon&status=verifying&page=3'));
    expect(toLeadListQuery(view)).toEqual({
      page: 3,
      pageSize: 20,
      source: 'complaint',
      due: 'due_soon',
      status: ['verifying'],
    });
  });
});
