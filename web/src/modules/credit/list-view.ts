import { dateParam, oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import { PUBLICATION_STATUSES, type PublicationQuery, type PublicationStatus } from './api';

export const CREDIT_TABS = ['publications', 'abnormal', 'serious'] as const;
export type CreditTab = (typeof CREDIT_TABS)[number];

/** 信用监管's view in the address (?tab=publications&status=overdue&decidedFrom=…&page=2). */
export interface CreditView extends Paging {
  tab: CreditTab;
  unitId?: string;
  campaignId?: string;
  status?: PublicationStatus;
  decidedFrom?: string;
  decidedTo?: string;
  /** The lists: 列入中 / 已移出. */
  listStatus?: 'listed' | 'removed';
  q?: string;
}

export function parseCreditView(search: URLSearchParams): CreditView {
  return {
    tab: oneOf(search.get('tab'), CREDIT_TABS) ?? 'publications',
    unitId: textParam(search.get('unitId')),
    campaignId: textParam(search.get('campaignId')),
    status: oneOf(search.get('status'), PUBLICATION_STATUSES),
    decidedFrom: dateParam(search.get('decidedFrom')),
    decidedTo: dateParam(search.get('decidedTo')),
    listStatus: oneOf(search.get('listStatus'), ['listed', 'removed'] as const),
    q: textParam(search.get('q')),
    ...readPaging(search),
  };
}

export function creditSearch(view: CreditView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.tab !== 'publications') search.set('tab', view.tab);
  for (const k of ['unitId', 'campaignId', 'status', 'decidedFrom', 'decidedTo', 'listStatus', 'q'] as const) {
    const v = view[k];
    if (v) search.set(k, v);
  }
  return writePaging(search, view);
}

/** The ledger's API filters (the export takes the same). */
export function publicationFilters(view: CreditView): Omit<PublicationQuery, 'page' | 'pageSize'> {
  const q: Omit<PublicationQuery, 'page' | 'pageSize'> = {};
  if (view.unitId) q.unitId = view.unitId;
  if (view.campaignId) q.campaignId = view.campaignId;
  if (view.status) q.status = view.status;
  if (view.decidedFrom) q.decidedFrom = view.decidedFrom;
  if (view.decidedTo) q.decidedTo = view.decidedTo;
  return q;
}
