import { describe, expect, it } from 'vitest';
import { changeFilter, dueTone, hasFilters, ledgerSearch, parseLedgerView, toCaseListQuery } from './ledger';

const CAMPAIGN = '6f1c1c3e-5a0b-4c1e-9a51-0a3c8f1d2b44';
const UNIT = '0b6f3c2a-7d4e-4f1a-8c2b-9e5d6a7b8c9d';

describe('ledger view in the address', () => {
  it('reads every filter, the page and the page size', () => {
    const view = parseLedgerView(
      new URLSearchParams(
        `campaignId=${CAMPAIGN}&categoryCode=food&unitId=${UNIT}&stage=review&stage=notice&overdue=true&typical=true&filedFrom=2026-01-01&filedTo=2026-03-31&q=超市&page=3&pageSize=50`,
      ),
    );
    expect(view).toEqual({
      campaignId: CAMPAIGN,
      categoryCode: 'food',
      unitId: UNIT,
      stages: ['review', 'notice'],
      flags: ['overdue', 'typical'],
      filedFrom: '2026-01-01',
      filedTo: '2026-03-31',
      q: '超市',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops what is not valid: unknown stages, bad dates, odd page sizes, flags not "true"', () => {
    const view = parseLedgerView(
      new URLSearchParams('stage=nonsense&stage=filed&filedFrom=2026-1-1&page=-2&pageSize=33&rural=1&q=%20%20'),
    );
    expect(view.stages).toEqual(['filed']);
    expect(view.filedFrom).toBeUndefined();
    expect(view.page).toBe(1);
    expect(view.pageSize).toBe(20);
    expect(view.flags).toEqual([]);
    expect(view.q).toBeUndefined();
    expect(hasFilters(view)).toBe(true);
    expect(hasFilters(parseLedgerView(new URLSearchParams('page=4')))).toBe(false);
  });

  it('writes a view back to the same query string, leaving defaults out', () => {
    const search = `campaignId=${CAMPAIGN}&stage=review&stage=notice&overdue=true&rural=true&q=%E8%B6%85%E5%B8%82&page=2`;
    const view = parseLedgerView(new URLSearchParams(search));
    expect(parseLedgerView(ledgerSearch(view))).toEqual(view);
    expect(ledgerSearch(parseLedgerView(new URLSearchParams('page=1&pageSize=20'))).toString()).toBe('');
  });

  it('reads the due-soon link the dashboard opens (?dueSoon=true) and asks the API for it', () => {
    const view = parseLedgerView(new URLSearchParams(`campaignId=${CAMPAIGN}&dueSoon=true`));
    expect(view.flags).toEqual(['dueSoon']);
    expect(toCaseListQuery(view)).toMatchObject({ campaignId: CAMPAIGN, dueSoon: 'true' });
    expect(ledgerSearch(view).toString()).toBe(`campaignId=${CAMPAIGN}&dueSoon=true`);
  });

  it('goes back to page 1 when a filter changes and forgets the category of another campaign', () => {
    const view = parseLedgerView(new URLSearchParams(`campaignId=${CAMPAIGN}&categoryCode=food&page=5`));
    const next = changeFilter(view, { campaignId: UNIT });
    expect(next.page).toBe(1);
    expect(next.categoryCode).toBeUndefined();
    expect(changeFilter(view, { q: 'x' }).categoryCode).toBe('food');
  });

  it('builds the API query, sending a category only with its campaign', () => {
    const view = parseLedgerView(
      new URLSearchParams(`categoryCode=food&stage=filed&supervised=true&online=true&filedTo=2026-06-30&pageSize=100`),
    );
    expect(toCaseListQuery(view)).toEqual({
      page: 1,
      pageSize: 100,
      stage: ['filed'],
      supervised: 'true',
      online: 'true',
      filedTo: '2026-06-30',
    });
    expect(toCaseListQuery({ ...view, campaignId: CAMPAIGN })).toMatchObject({
      campaignId: CAMPAIGN,
      categoryCode: 'food',
    });
  });
});

describe('due dates', () => {
  it('is overdue after the due date and due soon within ten days', () => {
    expect(dueTone('2026-03-09', '2026-03-10')).toBe('overdue');
    expect(dueTone('2026-03-10', '2026-03-10')).toBe('soon');
    expect(dueTone('2026-03-20', '2026-03-10')).toBe('soon');
    expect(dueTone('2026-03-21', '2026-03-10')).toBeNull();
    expect(dueTone(null, '2026-03-10')).toBeNull();
  });

  it('counts across month and year ends', () => {
    expect(dueTone('2026-01-02', '2025-12-31')).toBe('soon');
    expect(dueTone('2025-12-31', '2026-01-01')).toBe('overdue');
  });
});
