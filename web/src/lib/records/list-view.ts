import { useSearchParams } from 'react-router-dom';
import type { TablePaginationConfig } from 'antd';
import type { Translate } from '../../locales/i18n';

/*
 * A record list's view (its filters and page) lives in the address (?campaignId=…&page=2), so a
 * link or a reload shows the same list. Each list writes its own parse/write of its filters with
 * these helpers; useListView keeps the view in the address and listPagination pages the table.
 */

/** The page sizes every record list offers (the API caps a page at 100), and the default. */
export const PAGE_SIZES = [10, 20, 50, 100];
export const DEFAULT_PAGE_SIZE = 20;

export interface Paging {
  page: number;
  pageSize: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A whole number of 1 or more, else undefined. */
export const positiveParam = (value: string | null): number | undefined => {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : undefined;
};
/** A trimmed, non-empty text, else undefined. */
export const textParam = (value: string | null): string | undefined =>
  value && value.trim() ? value.trim() : undefined;
/** A YYYY-MM-DD date, else undefined. */
export const dateParam = (value: string | null): string | undefined =>
  value && ISO_DATE.test(value) ? value : undefined;
/** One of the allowed values, else undefined. */
export const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** The page and page size of the address; a hand-edited link with another size gets the default. */
export function readPaging(search: URLSearchParams): Paging {
  const pageSize = positiveParam(search.get('pageSize'));
  return {
    page: positiveParam(search.get('page')) ?? 1,
    pageSize: pageSize && PAGE_SIZES.includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** Writes the page and page size, leaving out the defaults (page 1, 20 a page). */
export function writePaging(search: URLSearchParams, paging: Paging): URLSearchParams {
  if (paging.page !== 1) search.set('page', String(paging.page));
  if (paging.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(paging.pageSize));
  return search;
}

/** The next view when the table's pager changes: a new page size starts again at page 1. */
export const pagedView = <V extends Paging>(view: V, page: number, pageSize: number): V => ({
  ...view,
  page: pageSize !== view.pageSize ? 1 : page,
  pageSize,
});

/** The next view when a filter changes: it starts again at page 1. */
export const filteredView = <V extends Paging>(view: V, change: Partial<Omit<V, 'page' | 'pageSize'>>): V => ({
  ...view,
  ...change,
  page: 1,
});

/**
 * The list's view, read from the address, and `setView` that writes it back (`replace` keeps the
 * browser's history to one entry per visit, as the inspections list does).
 */
export function useListView<V extends Paging>(
  parse: (search: URLSearchParams) => V,
  write: (view: V) => URLSearchParams,
  options: { replace?: boolean } = {},
) {
  const [search, setSearch] = useSearchParams();
  const view = parse(search);
  const setView = (next: V) => setSearch(write(next), options.replace ? { replace: true } : undefined);
  /** Changes filters and goes back to page 1. */
  const change = (filters: Partial<Omit<V, 'page' | 'pageSize'>>) => setView(filteredView(view, filters));
  return { view, setView, change };
}

/** A page of a list as the API answers it: the total, and whether it was counted only up to a cap. */
export interface ListPage {
  total: number;
  totalCapped?: boolean;
}

/**
 * The table pager of a list view: the page sizes every list offers and "共 N 条" (or "共 N 条以上"
 * when the server stopped counting at its cap).
 */
export function listPagination<V extends Paging>(
  view: V,
  setView: (next: V) => void,
  t: Translate,
  page: ListPage | undefined,
): TablePaginationConfig {
  return {
    current: view.page,
    pageSize: view.pageSize,
    pageSizeOptions: PAGE_SIZES,
    total: page?.total ?? 0,
    showSizeChanger: true,
    showTotal: (total) => t(page?.totalCapped ? 'common.totalCapped' : 'common.total', { total }),
    onChange: (next, pageSize) => setView(pagedView(view, next, pageSize)),
  };
}

/**
 * The unit a record list filters by: the address's own unitId when there is one (a shared link
 * keeps its unit), else the header's current unit (当前单位) when the user switched to another than
 * their own. Their own unit is already all they may see, so it sends no filter, as before.
 */
export const listUnitId = (
  addressUnitId: string | undefined,
  currentUnitId: string | null,
  ownUnitId: string | null,
): string | undefined => addressUnitId ?? (currentUnitId && currentUnitId !== ownUnitId ? currentUnitId : undefined);

/*
 * Sorting: a list sorts only where the server reads pages along an index, so each list names the
 * orders it offers ("filingDate.desc", …) and the address keeps the chosen one (?sort=…); none is
 * the list's default order.
 */

/** The sort of the address, if it is one the list offers. */
export const readSort = <S extends string>(search: URLSearchParams, offered: readonly S[]): S | undefined =>
  oneOf(search.get('sort'), offered);

/** Writes the sort, leaving out the default (none). */
export function writeSort(search: URLSearchParams, sort: string | undefined): URLSearchParams {
  if (sort) search.set('sort', sort);
  return search;
}

/** How a column sorts: the server's order for each direction it offers (most offer one or two). */
export interface ColumnSort<S extends string = string> {
  ascend?: S;
  descend?: S;
}

/** The direction a column shows for the list's sort (the default order shows on its own column). */
export function sortOrderOf<S extends string>(
  columnSort: ColumnSort<S>,
  sort: S | undefined,
  defaultSort: S,
): 'ascend' | 'descend' | null {
  const current = sort ?? defaultSort;
  if (columnSort.ascend === current) return 'ascend';
  if (columnSort.descend === current) return 'descend';
  return null;
}

/** The list's sort after a click on a column's sorter (no direction: the default order). */
export function sortAfter<S extends string>(
  columnSort: ColumnSort<S> | undefined,
  order: 'ascend' | 'descend' | null | undefined,
  defaultSort: S,
): S | undefined {
  const next = columnSort && order ? columnSort[order] : undefined;
  return next === defaultSort ? undefined : next;
}
