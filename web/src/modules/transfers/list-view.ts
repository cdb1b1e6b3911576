import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import { AUTHORITY_KINDS, type AuthorityKind } from '../../lib/records/authorities';
import { TRANSFER_STATUSES, type TransferListQuery, type TransferStatus } from './api';

/** 移送台账's view in the address (?receiverKind=police&status=sent&overdue=true&page=2). */
export interface TransfersView extends Paging {
  campaignId?: string;
  unitId?: string;
  receiverKind?: AuthorityKind;
  status?: TransferStatus;
  overdue: boolean;
}

export function parseTransfersView(search: URLSearchParams): TransfersView {
  return {
    campaignId: textParam(search.get('campaignId')),
    unitId: textParam(search.get('unitId')),
    receiverKind: oneOf(search.get('receiverKind'), AUTHORITY_KINDS),
    status: oneOf(search.get('status'), TRANSFER_STATUSES),
    overdue: search.get('overdue') === 'true',
    ...readPaging(search),
  };
}

export function transfersSearch(view: TransfersView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.receiverKind) search.set('receiverKind', view.receiverKind);
  if (view.status) search.set('status', view.status);
  if (view.overdue) search.set('overdue', 'true');
  return writePaging(search, view);
}

/** The API's query of a view. */
export function transfersQuery(view: TransfersView, unitId: string | undefined): TransferListQuery {
  const q: TransferListQuery = { page: view.page, pageSize: view.pageSize };
  if (view.campaignId) q.campaignId = view.campaignId;
  if (unitId) q.unitId = unitId;
  if (view.receiverKind) q.receiverKind = view.receiverKind;
  if (view.status) q.status = view.status;
  if (view.overdue) q.overdue = 'true';
  return q;
}
