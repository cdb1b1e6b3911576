import type { InspectionListQuery, InspectionTotalsQuery } from './api';
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from '../../lib/records/list-view';

export type InspectionsTab = 'records' | 'totals';

/** What the inspections page shows, kept in the address so a link or a reload shows the same. */
export interface InspectionsView {
  tab: InspectionsTab;
  campaignId?: string;
  /** Only with a campaign: categories are the campaign's. */
  categoryCode?: string;
  unitId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

const isDate = (v: string | null): v is string => !!v && /^\d{4}-\d{2}-\d{2}$/.test(v);
const positive = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function parseInspectionsView(search: URLSearchParams): InspectionsView {
  const campaignId = search.get('campaignId') || undefined;
  const pageSize = positive(search.get('pageSize'));
  return {
    tab: search.get('tab') === 'totals' ? 'totals' : 'records',
    campaignId,
    categoryCode: (campaignId && search.get('categoryCode')) || undefined,
    unitId: search.get('unitId') || undefined,
    from: isDate(search.get('from')) ? search.get('from')! : undefined,
    to: isDate(search.get('to')) ? search.get('to')! : undefined,
    page: positive(search.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

export function inspectionsSearch(view: InspectionsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.tab !== 'records') search.set('tab', view.tab);
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.campaignId && view.categoryCode) search.set('categoryCode', view.categoryCode);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.from) search.set('from', view.from);
  if (view.to) search.set('to', view.to);
  if (view.page !== 1) search.set('page', String(view.page));
  if (view.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(view.pageSize));
  return search;
}

/** The filters both tabs send. */
export function toTotalsQuery(view: InspectionsView): InspectionTotalsQuery {
  const query: InspectionTotalsQuery = {};
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.campaignId && view.categoryCode) query.categoryCode = view.categoryCode;
  if (view.unitId) query.unitId = view.unitId;
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  return query;
}

export const toListQuery = (view: InspectionsView): InspectionListQuery => ({ ...toTotalsQuery(view), page: view.page, pageSize: view.pageSize });

export const hasInspectionFilters = (view: InspectionsView) => Boolean(view.campaignId || view.unitId || view.from || view.to);
