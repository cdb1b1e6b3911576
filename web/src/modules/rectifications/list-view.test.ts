import { describe, expect, it } from 'vitest';
import { ledgerFilters, parseRectificationsView, rectificationsSearch } from './list-view';

describe('整改台账 view in the address', () => {
  it('reads back what it writes, and drops what is not a filter', () => {
    const search = new URLSearchParams('status=open&overdue=true&mine=true&page=2&status2=x&roundId=r1');
    const view = parseRectificationsView(search);
    expect(view).toMatchObject({ status: 'open', overdue: true, mine: true, page: 2, roundId: 'r1' });
    expect(parseRectificationsView(rectificationsSearch(view))).toEqual(view);
    expect(parseRectificationsView(new URLSearchParams('status=noted')).status).toBeUndefined();
  });

  it('sends the unit only when the list is not 我单位整改', () => {
    expect(ledgerFilters({ ...parseRectificationsView(new URLSearchParams('unitId=u&mine=true')) })).toEqual({
      mine: 'true',
    });
    expect(ledgerFilters(parseRectificationsView(new URLSearchParams('unitId=u')))).toEqual({ unitId: 'u' });
  });

  it('keeps the source (督查 or 执法检查) and sends it as a filter; an unknown source is dropped', () => {
    const view = parseRectificationsView(new URLSearchParams('source=field'));
    expect(view.source).toBe('field');
    expect(parseRectificationsView(rectificationsSearch(view))).toEqual(view);
    expect(ledgerFilters(view)).toEqual({ source: 'field' });
    expect(parseRectificationsView(new URLSearchParams('source=inspection')).source).toBeUndefined();
  });
});
