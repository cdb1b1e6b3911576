import type { JointOperationKind, JointOperationListQuery } from './api';
import { JOINT_OPERATION_KINDS } from './api';
import { dateParam, oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';

/** What the joint operations page shows, kept in the address so a link or a reload shows the same. */
export interface JointOperationsView extends Paging {
  campaignId?: string;
  kind?: JointOperationKind;
  unitId?: string;
  from?: string;
  to?: string;
}

export function parseJointOperationsView(search: URLSearchParams): JointOperationsView {
  return {
    campaignId: textParam(search.get('campaignId')),
    kind: oneOf(search.get('kind'), JOINT_OPERATION_KINDS),
    unitId: textParam(search.get('unitId')),
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to')),
    ...readPaging(search),
  };
}

export function jointOperationsSearch(view: JointOperationsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.kind) search.set('kind', view.kind);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.from) search.set('from', view.from);
  if (view.to) search.set('to', view.to);
  return writePaging(search, view);
}

export function toListQuery(view: JointOperationsView): JointOperationListQuery {
  const query: JointOperationListQuery = { page: view.page, pageSize: view.pageSize };
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.kind) query.kind = view.kind;
  if (view.unitId) query.unitId = view.unitId;
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  return query;
}

export const hasJointOperationFilters = (view: JointOperationsView) =>
  Boolean(view.campaignId || view.kind || view.unitId || view.from || view.to);
