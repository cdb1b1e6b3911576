import type { InspectionListQuery, InspectionTotalsQuery, InspectionType } from './api';
import {
  dateParam,
  oneOf,
  readPaging,
  readSort,
  textParam,
  writePaging,
  writeSort,
  type Paging,
} from '../../lib/records/list-view';

/** The orders the server reads outings in along an index; the first is the default. */
export type InspectionSort = NonNullable<InspectionListQuery['sort']>;
export const INSPECTION_SORTS: readonly InspectionSort[] = ['inspectionDate.desc', 'inspectionDate.asc'];
export const DEFAULT_INSPECTION_SORT: InspectionSort = 'inspectionDate.desc';

export type InspectionsTab = 'records' | 'totals';

/** What the inspections page shows, kept in the address so a link or a reload shows the same. */
export interface InspectionsView extends Paging {
  tab: InspectionsTab;
  campaignId?: string;
  /** Only with a campaign: categories are the campaign's. */
  categoryCode?: string;
  unitId?: string;
  /** 检查方式 */
  inspectionType?: InspectionType;
  from?: string;
  to?: string;
  sort?: InspectionSort;
}

export const INSPECTION_TYPES: readonly InspectionType[] = [
  'routine',
  'flying',
  'cross',
  'sampling',
  'system',
  'special',
];

export function parseInspectionsView(search: URLSearchParams): InspectionsView {
  const campaignId = textParam(search.get('campaignId'));
  return {
    tab: search.get('tab') === 'totals' ? 'totals' : 'records',
    campaignId,
    categoryCode: campaignId ? textParam(search.get('categoryCode')) : undefined,
    unitId: textParam(search.get('unitId')),
    inspectionType: oneOf(search.get('inspectionType'), INSPECTION_TYPES),
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to')),
    sort: readSort(search, INSPECTION_SORTS),
    ...readPaging(search),
  };
}

export function inspectionsSearch(view: InspectionsView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.tab !== 'records') search.set('tab', view.tab);
  if (view.campaignId) search.set('campaignId', view.campaignId);
  if (view.campaignId && view.categoryCode) search.set('categoryCode', view.categoryCode);
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.inspectionType) search.set('inspectionType', view.inspectionType);
  if (view.from) search.set('from', view.from);
  if (view.to) search.set('to', view.to);
  writeSort(search, view.sort);
  return writePaging(search, view);
}

/** The filters both tabs send. */
export function toTotalsQuery(view: InspectionsView): InspectionTotalsQuery {
  const query: InspectionTotalsQuery = {};
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.campaignId && view.categoryCode) query.categoryCode = view.categoryCode;
  if (view.unitId) query.unitId = view.unitId;
  if (view.inspectionType) query.inspectionType = view.inspectionType;
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  return query;
}

export const toListQuery = (view: InspectionsView): InspectionListQuery => ({
  ...toTotalsQuery(view),
  page: view.page,
  pageSize: view.pageSize,
  ...(view.sort ? { sort: view.sort } : {}),
});

export const hasInspectionFilters = (view: InspectionsView) =>
  Boolean(view.campaignId || view.unitId || view.inspectionType || view.from || view.to);
