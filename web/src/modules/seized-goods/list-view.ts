import {
  CUSTODY_STATUSES,
  SEIZURE_MEASURES,
  type CustodyStatus,
  type SeizedGoodsListQuery,
  type SeizureMeasure,
} from './api';
import { dateParam, oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';

/** What the 罚没物品台账 shows, kept in the address so a link or a reload shows the same. */
export interface SeizedGoodsView extends Paging {
  campaignId?: string;
  unitId?: string;
  status?: CustodyStatus;
  measure?: SeizureMeasure;
  from?: string;
  to?: string;
  q?: string;
  /** An outing whose seizures are being registered (登记保管 from the outing's page). */
  register?: string;
}

export function parseSeizedGoodsView(search: URLSearchParams): SeizedGoodsView {
  return {
    campaignId: textParam(search.get('campaignId')),
    unitId: textParam(search.get('unitId')),
    status: oneOf(search.get('status'), CUSTODY_STATUSES),
    measure: oneOf(search.get('measure'), SEIZURE_MEASURES),
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to')),
    q: textParam(search.get('q')),
    register: textParam(search.get('register')),
    ...readPaging(search),
  };
}

export function seizedGoodsSearch(view: SeizedGoodsView): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['campaignId', 'unitId', 'status', 'measure', 'from', 'to', 'q', 'register'] as const) {
    const value = view[key];
    if (value) search.set(key, value);
  }
  return writePaging(search, view);
}

/** The filters the list and the export share (the export takes no page). */
export function toFilters(view: SeizedGoodsView): Omit<SeizedGoodsListQuery, 'page' | 'pageSize'> {
  const query: Omit<SeizedGoodsListQuery, 'page' | 'pageSize'> = {};
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.unitId) query.unitId = view.unitId;
  if (view.status) query.status = view.status;
  if (view.measure) query.measure = view.measure;
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  if (view.q) query.q = view.q;
  return query;
}

export const toListQuery = (view: SeizedGoodsView): SeizedGoodsListQuery => ({
  ...toFilters(view),
  page: view.page,
  pageSize: view.pageSize,
});

export const hasSeizedGoodsFilters = (view: SeizedGoodsView) =>
  Boolean(view.campaignId || view.unitId || view.status || view.measure || view.from || view.to || view.q);
