import type { SampleListQuery, SampleResult } from './api';
import { SAMPLE_RESULTS } from './api';
import { dateParam, oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';

/** What the samples page shows, kept in the address so a link (a pass rate's drill-down) or a reload shows the same. */
export interface SamplesView extends Paging {
  campaignId?: string;
  unitId?: string;
  categoryCode?: string;
  result?: SampleResult;
  /** 样品名称 containing it. */
  q?: string;
  /** 样品名称 exactly (from a pass rate). */
  product?: string;
  entityId?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
}

const KEYS = ['campaignId', 'unitId', 'categoryCode', 'q', 'product', 'entityId'] as const;

export function parseSamplesView(search: URLSearchParams): SamplesView {
  const view: SamplesView = {
    result: oneOf(search.get('result'), SAMPLE_RESULTS),
    from: dateParam(search.get('from')),
    to: dateParam(search.get('to')),
    overdue: search.get('overdue') === 'true' || undefined,
    ...readPaging(search),
  };
  for (const key of KEYS) view[key] = textParam(search.get(key));
  return view;
}

export function samplesSearch(view: SamplesView): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of KEYS) if (view[key]) search.set(key, view[key]);
  if (view.result) search.set('result', view.result);
  if (view.from) search.set('from', view.from);
  if (view.to) search.set('to', view.to);
  if (view.overdue) search.set('overdue', 'true');
  return writePaging(search, view);
}

export function toListQuery(view: SamplesView): SampleListQuery {
  const query: SampleListQuery = { page: view.page, pageSize: view.pageSize };
  for (const key of KEYS) if (view[key]) query[key] = view[key];
  if (view.result) query.result = view.result;
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  if (view.overdue) query.overdue = 'true';
  return query;
}

export const hasSampleFilters = (view: SamplesView) =>
  Boolean(KEYS.some((k) => view[k]) || view.result || view.from || view.to || view.overdue);
