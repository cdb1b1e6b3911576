import { LEAD_SOURCES, LEAD_STATUSES, type LeadListQuery, type LeadSource, type LeadStatus } from './api';
import {
  oneOf,
  readPaging,
  readSort,
  textParam,
  writePaging,
  writeSort,
  type Paging,
} from '../../lib/records/list-view';

/** The orders the server reads leads in along an index (leads.repository); the first is the default. */
export type LeadSort = NonNullable<LeadListQuery['sort']>;
export const LEAD_SORTS: readonly LeadSort[] = ['receivedDate.desc', 'receivedDate.asc', 'dueDate.asc'];
export const DEFAULT_LEAD_SORT: LeadSort = 'receivedDate.desc';

/** The leads list's view, kept in the address like the case ledger's (?status=verifying&due=overdue&page=2). */
export interface LeadsView extends Paging {
  campaignId?: string;
  /** 承办单位 and the units below (without it, the list follows the header's current unit). */
  unitId?: string;
  source?: LeadSource;
  statuses: LeadStatus[];
  due?: 'overdue' | 'due_soon';
  important: boolean;
  q?: string;
  sort?: LeadSort;
}

export function parseLeadsView(search: URLSearchParams): LeadsView {
  return {
    campaignId: textParam(search.get('campaignId')),
    unitId: textParam(search.get('unitId')),
    source: oneOf(search.get('source'), LEAD_SOURCES),
    statuses: search.getAll('status').filter((s): s is LeadStatus => (LEAD_STATUSES as string[]).includes(s)),
    due: oneOf(search.get('due'), ['overdue', 'due_soon'] as const),
    important: search.get('important') === 'true',
    q: textParam(search.get('q')),
    sort: readSort(search, LEAD_SORTS),
    ...readPaging(search),
  };
}

export function leadsSearch(view: LeadsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.source) search.set('source', view.source);
  for (const s of view.statuses) search.append('status', s);
  if (view.due) search.set('due', view.due);
  if (view.important) search.set('important', 'true');
  if (view.q) search.set('q', view.q);
  writeSort(search, view.sort);
  return writePaging(search, view);
}

/** The API query: every filter, the source too, is applied by the server. */
export function toLeadListQuery(view: LeadsView): LeadListQuery {
  const query: LeadListQuery = { page: view.page, pageSize: view.pageSize };
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.unitId) query.unitId = view.unitId;
  if (view.source) query.source = view.source;
  if (view.statuses.length) query.status = view.statuses;
  if (view.due) query.due = view.due;
  if (view.important) query.important = 'true';
  if (view.q) query.q = view.q;
  if (view.sort) query.sort = view.sort;
  return query;
}

export const hasLeadFilters = (view: LeadsView) =>
  Boolean(
    view.campaignId || view.unitId || view.source || view.statuses.length || view.due || view.important || view.q,
  );
