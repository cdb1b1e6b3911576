import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import { SUPERVISION_STATUSES, type SupervisionListQuery, type SupervisionStatus } from './api';

/** 督办件台账's view in the address (?campaignId=…&status=active&overdue=true&page=2). */
export interface SupervisionLedgerView extends Paging {
  campaignId?: string;
  unitId?: string;
  status?: SupervisionStatus;
  overdue: boolean;
}

export function parseSupervisionView(search: URLSearchParams): SupervisionLedgerView {
  return {
    campaignId: textParam(search.get('campaignId')),
    unitId: textParam(search.get('unitId')),
    status: oneOf(search.get('status'), SUPERVISION_STATUSES),
    overdue: search.get('overdue') === 'true',
    ...readPaging(search),
  };
}

export function supervisionSearch(view: SupervisionLedgerView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.status) search.set('status', view.status);
  if (view.overdue) search.set('overdue', 'true');
  return writePaging(search, view);
}

/** The API's query of a view (without paging for the export). */
export const toSupervisionQuery = (view: Omit<SupervisionLedgerView, 'page' | 'pageSize'>): SupervisionListQuery => ({
  ...(view.campaignId ? { campaignId: view.campaignId } : {}),
  ...(view.unitId ? { unitId: view.unitId } : {}),
  ...(view.status ? { status: view.status } : {}),
  ...(view.overdue ? { overdue: 'true' as const } : {}),
});
