import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import { VISIT_METHODS, type VisitMethod } from './api';

/** The visits list's view in the address (?campaignId=…&roundId=…&groupId=…&unitId=…&method=…&page=2). */
export interface VisitsView extends Paging {
  campaignId?: string;
  roundId?: string;
  groupId?: string;
  unitId?: string;
  method?: VisitMethod;
}

export const parseVisitsView = (search: URLSearchParams): VisitsView => ({
  campaignId: textParam(search.get('campaignId')),
  roundId: textParam(search.get('roundId')),
  groupId: textParam(search.get('groupId')),
  unitId: textParam(search.get('unitId')),
  method: oneOf(search.get('method'), VISIT_METHODS),
  ...readPaging(search),
});

export function visitsSearch(view: VisitsView): URLSearchParams {
  const search = new URLSearchParams();
  for (const key of ['campaignId', 'roundId', 'groupId', 'unitId', 'method'] as const) {
    const value = view[key];
    if (value) search.set(key, value);
  }
  return writePaging(search, view);
}
