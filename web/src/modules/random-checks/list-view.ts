import { readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';

/**
 * The register tab's view (?tab=register&q=…&page=2), kept in the address like the other lists,
 * so going back from a draw or reloading shows the same page of the register.
 */
export interface RegisterView extends Paging {
  /** Name or credit code. */
  q?: string;
}

export const parseRegisterView = (search: URLSearchParams): RegisterView => ({
  q: textParam(search.get('q')),
  ...readPaging(search),
});

/** The address of the view; it names the tab, since the page shows the draws without it. */
export function registerSearch(view: RegisterView): URLSearchParams {
  const search = new URLSearchParams({ tab: 'register' });
  if (view.q) search.set('q', view.q);
  return writePaging(search, view);
}
