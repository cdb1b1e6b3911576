import { describe, expect, it } from 'vitest';
import { campaignsSearch, parseCampaignsView, toCampaignListQuery } from './list-view';

describe('the campaigns list in the address', () => {
  it('reads and writes the status, the search and the page', () => {
    const view = parseCampaignsView(new URLSearchParams('status=active&q=%E9%93%81%E6%8B%B3&page=2&pageSize=10'));
    expect(view).toEqual({ status: 'active', q: '铁拳', page: 2, pageSize: 10 });
    expect(parseCampaignsView(campaignsSearch(view))).toEqual(view);
    expect(toCampaignListQuery(view)).toEqual({ status: 'active', q: '铁拳', page: 2, pageSize: 10 });
  });

  it('drops an unknown status and writes nothing for the defaults', () => {
    const view = parseCampaignsView(new URLSearchParams('status=deleted'));
    expect(view).toEqual({ status: undefined, q: undefined, page: 1, pageSize: 20 });
    expect(campaignsSearch(view).toString()).toBe('');
    expect(toCampaignListQuery(view)).toEqual({ page: 1, pageSize: 20 });
  });
});
