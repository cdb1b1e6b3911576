import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import { LEDGER_SOURCES, LEDGER_STATUSES, type LedgerQuery, type LedgerSource, type LedgerStatus } from './api';

/** 整改台账's view in the address (?campaignId=…&status=open&overdue=true&mine=true&page=2). */
export interface RectificationsView extends Paging {
  campaignId?: string;
  unitId?: string;
  status?: LedgerStatus;
  overdue: boolean;
  /** 我单位整改: only the user's own unit. */
  mine: boolean;
  roundId?: string;
  groupId?: string;
  /** 督查 or 执法检查 (an outing's or a 双随机 check's 责令整改). */
  source?: LedgerSource;
}

export function parseRectificationsView(search: URLSearchParams): RectificationsView {
  return {
    campaignId: textParam(search.get('campaignId')),
    unitId: textParam(search.get('unitId')),
    status: oneOf(search.get('status'), LEDGER_STATUSES),
    overdue: search.get('overdue') === 'true',
    mine: search.get('mine') === 'true',
    roundId: textParam(search.get('roundId')),
    groupId: textParam(search.get('groupId')),
    source: oneOf(search.get('source'), LEDGER_SOURCES),
    ...readPaging(search),
  };
}

export function rectificationsSearch(view: RectificationsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.status) search.set('status', view.status);
  if (view.overdue) search.set('overdue', 'true');
  if (view.mine) search.set('mine', 'true');
  if (view.roundId) search.set('roundId', view.roundId);
  if (view.groupId) search.set('groupId', view.groupId);
  if (view.source) search.set('source', view.source);
  return writePaging(search, view);
}

/** The API's filters of the view (without the page: the export and the summary take the same). */
export function ledgerFilters(view: RectificationsView): Omit<LedgerQuery, 'page' | 'pageSize'> {
  const q: Omit<LedgerQuery, 'page' | 'pageSize'> = {};
  if (view.campaignId) q.campaignId = view.campaignId;
  if (view.unitId && !view.mine) q.unitId = view.unitId;
  if (view.status) q.status = view.status;
  if (view.overdue) q.overdue = 'true';
  if (view.mine) q.mine = 'true';
  if (view.roundId) q.roundId = view.roundId;
  if (view.groupId) q.groupId = view.groupId;
  if (view.source) q.source = view.source;
  return q;
}

export const hasRectificationFilters = (v: RectificationsView) =>
  Boolean(v.campaignId || v.unitId || v.status || v.overdue || v.mine || v.roundId || v.groupId || v.source);
