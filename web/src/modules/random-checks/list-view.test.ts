import { describe, expect, it } from 'vitest';
import { parseRegisterView, registerSearch } from './list-view';

describe('the register tab in the address', () => {
  it('reads and writes the search and the page, keeping the tab', () => {
    const view = parseRegisterView(new URLSearchParams('tab=register&q=%E8%B6%85%E5%B8%82&page=3&pageSize=50'));
    expect(view).toEqual({ q: '超市', page: 3, pageSize: 50 });
    expect(registerSearch(view).toString()).toBe('tab=register&q=%E8%B6%85%E5%B8%82&page=3&pageSize=50');
    expect(parseRegisterView(registerSearch(view))).toEqual(view);
  });

  it('starts on page 1 without a search, and writes only the tab then', () => {
    const view = parseRegisterView(new URLSearchParams('tab=register&q=%20&page=0'));
    expect(view).toEqual({ q: undefined, page: 1, pageSize: 20 });
    expect(registerSearch(view).toString()).toBe('tab=register');
  });
});
