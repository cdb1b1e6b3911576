import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import {
  ASSISTANCE_KINDS,
  ASSISTANCE_STATUSES,
  type AssistanceQuery,
  type AssistanceKind,
  type AssistanceStatus,
} from './api';

/** 协查与通报's view in the address (?direction=received&status=sent&kind=lead_notice&q=…&page=2). */
export interface AssistanceView extends Paging {
  direction: 'sent' | 'received';
  status?: AssistanceStatus;
  kind?: AssistanceKind;
  q?: string;
}

export function parseAssistanceView(search: URLSearchParams): AssistanceView {
  return {
    direction: search.get('direction') === 'received' ? 'received' : 'sent',
    status: oneOf(search.get('status'), ASSISTANCE_STATUSES),
    kind: oneOf(search.get('kind'), ASSISTANCE_KINDS),
    q: textParam(search.get('q')),
    ...readPaging(search),
  };
}

export function assistanceSearch(view: AssistanceView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.direction === 'received') search.set('direction', 'received');
  if (view.status) search.set('status', view.status);
  if (view.kind) search.set('kind', view.kind);
  if (view.q) search.set('q', view.q);
  return writePaging(search, view);
}

export const assistanceQuery = (view: AssistanceView): AssistanceQuery => ({
  direction: view.direction,
  ...(view.status ? { status: view.status } : {}),
  ...(view.kind ? { kind: view.kind } : {}),
  ...(view.q ? { q: view.q } : {}),
  page: view.page,
  pageSize: view.pageSize,
});
