import { LEAD_SOURCES, LEAD_STATUSES, type LeadListQuery, type LeadSource, type LeadStatus } from './api';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../lib/records/list-view';

/** The leads list's view, kept in the address like the case ledger's (?status=verifying&due=overdue&page=2). */
export interface LeadsView {
  campaignId?: string;
  source?: LeadSource;
  statuses: LeadStatus[];
  due?: 'overdue' | 'due_soon';
  important: boolean;
  q?: string;
  page: number;
  pageSize: number;
}


const positive = (value: string | null, fallback: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
};

export function parseLeadsView(search: URLSearchParams): LeadsView {
  const source = search.get('source');
  const due = search.get('due');
  const pageSize = positive(search.get('pageSize'), DEFAULT_PAGE_SIZE);
  return {
    campaignId: search.get('campaignId')?.trim() || undefined,
    source: (LEAD_SOURCES as string[]).includes(source ?? '') ? (source as LeadSource) : undefined,
    statuses: search.getAll('status').filter((s): s is LeadStatus => (LEAD_STATUSES as string[]).includes(s)),
    due: due === 'overdue' || due === 'due_soon' ? due : undefined,
    important: search.get('important') === 'true',
    q: search.get('q')?.trim() || undefined,
    page: positive(search.get('page'), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function leadsSearch(view: LeadsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.source) search.set('source', view.source);
  for (const s of view.statuses) search.append('status', s);
  if (view.due) search.set('due', view.due);
  if (view.important) search.set('important', 'true');
  if (view.q) search.set('q', view.q);
  if (view.page !== 1) search.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(view.pageSize));
  return search;
}

/** The API query (the API has no source filter: see useLeadsOfSource). */
export function toLeadListQuery(view: LeadsView): LeadListQuery {
  const query: LeadListQuery = { page: view.page, pageSize: view.pageSize };
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.statuses.length) query.status = view.statuses;
  if (view.due) query.due = view.due;
  if (view.important) query.important = 'true';
  if (view.q) query.q = view.q;
  return query;
}

export const hasLeadFilters = (view: LeadsView) => Boolean(view.campaignId || view.source || view.statuses.length || view.due || view.important || view.q);

/** A page of a list filtered here (the leads of one source, which the API cannot filter by). */
export function pageOf<T>(items: T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize);
}
