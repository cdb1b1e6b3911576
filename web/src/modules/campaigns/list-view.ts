import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import { CAMPAIGN_STATUSES, type CampaignListQuery, type CampaignStatus } from './api';

/** The campaigns list's view in the address (?status=active&q=铁拳&page=2). */
export interface CampaignsView extends Paging {
  status?: CampaignStatus;
  /** Name or 文号. */
  q?: string;
}

export const parseCampaignsView = (search: URLSearchParams): CampaignsView => ({
  status: oneOf(search.get('status'), CAMPAIGN_STATUSES),
  q: textParam(search.get('q')),
  ...readPaging(search),
});

export function campaignsSearch(view: CampaignsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.status) search.set('status', view.status);
  if (view.q) search.set('q', view.q);
  return writePaging(search, view);
}

export const toCampaignListQuery = (view: CampaignsView): CampaignListQuery => ({
  ...(view.status ? { status: view.status } : {}),
  ...(view.q ? { q: view.q } : {}),
  page: view.page,
  pageSize: view.pageSize,
});
