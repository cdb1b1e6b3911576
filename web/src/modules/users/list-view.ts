import { readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import type { UserListQuery } from './api';

/** The users list's view in the address (?unitId=…&q=…&page=2). */
export interface UsersView extends Paging {
  /** The users directly in this unit (without it, the list follows the header's current unit). */
  unitId?: string;
  /** Username or name. */
  q?: string;
}

export const parseUsersView = (search: URLSearchParams): UsersView => ({
  unitId: textParam(search.get('unitId')),
  q: textParam(search.get('q')),
  ...readPaging(search),
});

export function usersSearch(view: UsersView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.unitId) search.set('unitId', view.unitId);
  if (view.q) search.set('q', view.q);
  return writePaging(search, view);
}

/** The API query, with the unit the list filters by (the address's, else the header's: useListUnit). */
export const toUsersQuery = (view: UsersView, unitId: string | undefined): UserListQuery => ({
  ...(unitId ? { unitId } : {}),
  ...(view.q ? { q: view.q } : {}),
  page: view.page,
  pageSize: view.pageSize,
});
