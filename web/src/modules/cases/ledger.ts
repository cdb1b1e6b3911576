import type { CaseListQuery, CaseStage } from './api';
import { CASE_STAGES } from './api';
import {
  dateParam,
  filteredView,
  readPaging,
  readSort,
  textParam,
  writePaging,
  writeSort,
  type Paging,
} from '../../lib/records/list-view';

/** The orders the server reads the ledger in along an index (cases.repository); the first is the default. */
export type CaseSort = NonNullable<CaseListQuery['sort']>;
export const CASE_SORTS: readonly CaseSort[] = ['filingDate.desc', 'filingDate.asc', 'decisionDueDate.asc'];
export const DEFAULT_CASE_SORT: CaseSort = 'filingDate.desc';

/**
 * The ledger's view lives in the address (?campaignId=…&stage=review&overdue=true&page=2), so a
 * link reproduces it. These functions read and write that query string and turn it into the API's.
 */
export const FLAGS = ['overdue', 'dueSoon', 'supervised', 'typical', 'online', 'rural'] as const;
export type LedgerFlag = (typeof FLAGS)[number];

export interface LedgerView extends Paging {
  campaignId?: string;
  categoryCode?: string;
  unitId?: string;
  stages: CaseStage[];
  flags: LedgerFlag[];
  filedFrom?: string;
  filedTo?: string;
  q?: string;
  sort?: CaseSort;
}

/** Reads a view from the query string, dropping what is not valid (a hand-edited link still opens). */
export function parseLedgerView(search: URLSearchParams): LedgerView {
  return {
    campaignId: textParam(search.get('campaignId')),
    categoryCode: textParam(search.get('categoryCode')),
    unitId: textParam(search.get('unitId')),
    stages: search.getAll('stage').filter((s): s is CaseStage => (CASE_STAGES as string[]).includes(s)),
    flags: FLAGS.filter((f) => search.get(f) === 'true'),
    filedFrom: dateParam(search.get('filedFrom')),
    filedTo: dateParam(search.get('filedTo')),
    q: textParam(search.get('q')),
    sort: readSort(search, CASE_SORTS),
    ...readPaging(search),
  };
}

/** The query string of a view; defaults (page 1, 20 per page, no filter) are left out. */
export function ledgerSearch(view: LedgerView): URLSearchParams {
  const search = new URLSearchParams();
  const set = (key: string, value: string | undefined) => value && search.set(key, value);
  set('campaignId', view.campaignId);
  set('categoryCode', view.categoryCode);
  set('unitId', view.unitId);
  for (const s of view.stages) search.append('stage', s);
  for (const f of view.flags) search.set(f, 'true');
  set('filedFrom', view.filedFrom);
  set('filedTo', view.filedTo);
  set('q', view.q);
  writeSort(search, view.sort);
  return writePaging(search, view);
}

/** A changed filter starts again at page 1; a category belongs to its campaign. */
export function changeFilter(view: LedgerView, change: Partial<Omit<LedgerView, 'page' | 'pageSize'>>): LedgerView {
  const next = filteredView(view, change);
  if ('campaignId' in change && change.campaignId !== view.campaignId) next.categoryCode = undefined;
  return next;
}

/** The API query of a view. */
export function toCaseListQuery(view: LedgerView): CaseListQuery {
  const query: CaseListQuery = { page: view.page, pageSize: view.pageSize };
  if (view.campaignId) query.campaignId = view.campaignId;
  if (view.campaignId && view.categoryCode) query.categoryCode = view.categoryCode;
  if (view.unitId) query.unitId = view.unitId;
  if (view.stages.length) query.stage = view.stages;
  for (const f of view.flags) query[f] = 'true';
  if (view.filedFrom) query.filedFrom = view.filedFrom;
  if (view.filedTo) query.filedTo = view.filedTo;
  if (view.q) query.q = view.q;
  if (view.sort) query.sort = view.sort;
  return query;
}

/** Whether any filter is set (the page then offers to clear them). */
export const hasFilters = (view: LedgerView) =>
  Boolean(
    view.campaignId ||
    view.unitId ||
    view.stages.length ||
    view.flags.length ||
    view.filedFrom ||
    view.filedTo ||
    view.q,
  );

/**
 * Cases within this many days of their decision due date are shown as due soon (临期); the same
 * number as the server's CASE_DUE_SOON_DAYS (case-clock.ts).
 */
export const CASE_DUE_SOON_DAYS = 10;

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** Calendar days from `today` to `due` (negative when past). */
export const daysUntil = (due: string, today: string) => Math.round(dayNumber(due) - dayNumber(today));

/** How a due date reads in a list: overdue (red), due soon (orange) or neither. */
export function dueTone(
  due: string | null | undefined,
  today: string,
  soonDays = CASE_DUE_SOON_DAYS,
): 'overdue' | 'soon' | null {
  if (!due) return null;
  const left = daysUntil(due, today);
  if (left < 0) return 'overdue';
  return left <= soonDays ? 'soon' : null;
}

/** Stages in which the 90-day decision clock runs (before 决定). */
export const CLOCK_STAGES: CaseStage[] = ['filed', 'investigation', 'review', 'notice'];
