import { describe, expect, it } from 'vitest';
import { parseUsersView, toUsersQuery, usersSearch } from './list-view';

describe('the users list in the address', () => {
  it('reads and writes the unit, the search and the page', () => {
    const view = parseUsersView(new URLSearchParams('unitId=u1&q=%E9%99%88&page=2&pageSize=50'));
    expect(view).toEqual({ unitId: 'u1', q: '陈', page: 2, pageSize: 50 });
    expect(parseUsersView(usersSearch(view))).toEqual(view);
  });

  it('writes nothing for the defaults', () => {
    const view = parseUsersView(new URLSearchParams('q=%20%20&page=-1'));
    expect(view).toEqual({ unitId: undefined, q: undefined, page: 1, pageSize: 20 });
    expect(usersSearch(view).toString()).toBe('');
  });

  it('asks for the unit the list filters by, and only what is set', () => {
    expect(toUsersQuery({ q: 'chen', page: 3, pageSize: 20 }, 'header-unit')).toEqual({
      unitId: 'header-unit',
      q: 'chen',
      page: 3,
      pageSize: 20,
    });
    expect(toUsersQuery({ page: 1, pageSize: 20 }, undefined)).toEqual({ page: 1, pageSize: 20 });
  });
});
