import { describe, expect, it } from 'vitest';
import { translator } from '../../locales/i18n';
import {
  dateParam,
  DEFAULT_PAGE_SIZE,
  filteredView,
  listPagination,
  listUnitId,
  oneOf,
  PAGE_SIZES,
  pagedView,
  positiveParam,
  readPaging,
  readSort,
  sortAfter,
  sortOrderOf,
  textParam,
  writeSort,
  writePaging,
  type Paging,
} from './list-view';

const q = (s: string) => new URLSearchParams(s);

describe('list view in the address', () => {
  it('offers the default page size of 20 and no more than the API allows', () => {
    expect(DEFAULT_PAGE_SIZE).toBe(20);
    expect(PAGE_SIZES).toContain(DEFAULT_PAGE_SIZE);
    expect(Math.max(...PAGE_SIZES)).toBeLessThanOrEqual(100);
  });

  it('reads the page and page size, dropping what is not valid', () => {
    expect(readPaging(q(''))).toEqual({ page: 1, pageSize: 20 });
    expect(readPaging(q('page=3&pageSize=50'))).toEqual({ page: 3, pageSize: 50 });
    expect(readPaging(q('page=0&pageSize=7'))).toEqual({ page: 1, pageSize: 20 });
    expect(readPaging(q('page=x&pageSize=1000'))).toEqual({ page: 1, pageSize: 20 });
    expect(readPaging(q('page=2.5'))).toEqual({ page: 1, pageSize: 20 });
  });

  it('writes only what is not the default', () => {
    expect(writePaging(new URLSearchParams(), { page: 1, pageSize: 20 }).toString()).toBe('');
    expect(writePaging(q('a=1'), { page: 2, pageSize: 100 }).toString()).toBe('a=1&page=2&pageSize=100');
  });

  it('reads text, dates, numbers and choices', () => {
    expect(textParam('  x ')).toBe('x');
    expect(textParam('  ')).toBeUndefined();
    expect(textParam(null)).toBeUndefined();
    expect(dateParam('2026-03-01')).toBe('2026-03-01');
    expect(dateParam('2026-3-1')).toBeUndefined();
    expect(positiveParam('4')).toBe(4);
    expect(positiveParam(null)).toBeUndefined();
    expect(positiveParam('-1')).toBeUndefined();
    expect(oneOf('b', ['a', 'b'] as const)).toBe('b');
    expect(oneOf('c', ['a', 'b'] as const)).toBeUndefined();
  });

  it('goes back to page 1 when a filter or the page size changes', () => {
    const view = { page: 4, pageSize: 20, q: 'a' };
    expect(filteredView(view, { q: 'b' })).toEqual({ page: 1, pageSize: 20, q: 'b' });
    expect(pagedView(view, 5, 20)).toEqual({ page: 5, pageSize: 20, q: 'a' });
    expect(pagedView(view, 5, 50)).toEqual({ page: 1, pageSize: 50, q: 'a' });
  });
});

describe('the pager of a list', () => {
  const t = translator('zh-CN');

  it('shows the page, the sizes every list offers and the total', () => {
    const pager = listPagination({ page: 2, pageSize: 50 }, () => {}, t, { total: 230 });
    expect(pager).toMatchObject({
      current: 2,
      pageSize: 50,
      total: 230,
      pageSizeOptions: PAGE_SIZES,
      showSizeChanger: true,
    });
    expect(pager.showTotal?.(230, [51, 100])).toBe('共 230 条');
    expect(listPagination({ page: 1, pageSize: 20 }, () => {}, t, undefined).total).toBe(0);
  });

  it('says when the server stopped counting at its cap', () => {
    const pager = listPagination({ page: 1, pageSize: 20 }, () => {}, t, { total: 10000, totalCapped: true });
    expect(pager.showTotal?.(10000, [1, 20])).toBe('共 10000 条以上（请加筛选条件缩小范围）');
  });

  it('writes the next page, back to page 1 when the size changes', () => {
    const views: (Paging & { q: string })[] = [];
    const pager = listPagination({ page: 3, pageSize: 20, q: 'a' }, (v) => views.push(v), t, { total: 500 });
    pager.onChange?.(4, 20);
    pager.onChange?.(4, 100);
    expect(views).toEqual([
      { page: 4, pageSize: 20, q: 'a' },
      { page: 1, pageSize: 100, q: 'a' },
    ]);
  });
});

describe('the unit a list filters by', () => {
  it("follows the header's current unit unless the address names one", () => {
    expect(listUnitId(undefined, 'district', 'city')).toBe('district');
    expect(listUnitId('town', 'district', 'city')).toBe('town');
  });

  it('sends no unit for the user’s own unit (already their whole scope) or with none chosen', () => {
    expect(listUnitId(undefined, 'city', 'city')).toBeUndefined();
    expect(listUnitId(undefined, null, null)).toBeUndefined();
    expect(listUnitId('city', 'city', 'city')).toBe('city');
  });
});

describe('list sort in the address', () => {
  const SORTS = ['filingDate.desc', 'filingDate.asc', 'decisionDueDate.asc'] as const;
  it('reads only an offered sort and writes none for the default', () => {
    expect(readSort(q('sort=filingDate.asc'), SORTS)).toBe('filingDate.asc');
    expect(readSort(q('sort=partyName.asc'), SORTS)).toBeUndefined();
    expect(writeSort(new URLSearchParams(), undefined).toString()).toBe('');
    expect(writeSort(new URLSearchParams(), 'filingDate.asc').toString()).toBe('sort=filingDate.asc');
  });

  it('maps a column’s sorter to the server order and back', () => {
    const filing = { ascend: 'filingDate.asc', descend: 'filingDate.desc' } as const;
    const due = { ascend: 'decisionDueDate.asc' } as const;
    expect(sortOrderOf(filing, undefined, 'filingDate.desc')).toBe('descend');
    expect(sortOrderOf(filing, 'filingDate.asc', 'filingDate.desc')).toBe('ascend');
    expect(sortOrderOf(due, undefined, 'filingDate.desc')).toBeNull();
    expect(sortAfter(filing, 'ascend', 'filingDate.desc')).toBe('filingDate.asc');
    expect(sortAfter(filing, 'descend', 'filingDate.desc')).toBeUndefined();
    expect(sortAfter(due, 'ascend', 'filingDate.desc')).toBe('decisionDueDate.asc');
    expect(sortAfter(due, null, 'filingDate.desc')).toBeUndefined();
  });
});
