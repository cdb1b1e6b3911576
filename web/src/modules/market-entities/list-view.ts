import { oneOf, readPaging, textParam, writePaging, type Paging } from '../../lib/records/list-view';
import {
  ENTITY_KINDS,
  FREQUENCY_PERIODS,
  RISK_LEVELS,
  type EntityKind,
  type FrequencyPeriod,
  type RiskLevel,
} from './api';

export const ENTITY_TABS = ['register', 'underInspected', 'rules'] as const;
export type EntityTab = (typeof ENTITY_TABS)[number];
export const ENTITY_STATUSES = ['active', 'inactive', 'all'] as const;
export type EntityStatus = (typeof ENTITY_STATUSES)[number];

/** 经济户口's view in the address (?tab=register&q=…&industry=…&page=2), so back and reload keep it. */
export interface EntitiesView extends Paging {
  tab: EntityTab;
  unitId?: string;
  /** Name or credit code. */
  q?: string;
  industry?: string;
  entityKind?: EntityKind;
  riskLevel?: RiskLevel;
  status?: EntityStatus;
  /** The under-inspected tab: the rules of one period (every rule without it). */
  period?: FrequencyPeriod;
}

export const parseEntitiesView = (search: URLSearchParams): EntitiesView => ({
  tab: oneOf(search.get('tab'), ENTITY_TABS) ?? 'register',
  unitId: textParam(search.get('unitId')),
  q: textParam(search.get('q')),
  industry: textParam(search.get('industry')),
  entityKind: oneOf(search.get('entityKind'), ENTITY_KINDS),
  riskLevel: oneOf(search.get('riskLevel'), RISK_LEVELS),
  status: oneOf(search.get('status'), ENTITY_STATUSES),
  period: oneOf(search.get('period'), FREQUENCY_PERIODS),
  ...readPaging(search),
});

export function entitiesSearch(view: EntitiesView): URLSearchParams {
  const search = new URLSearchParams();
  if (view.tab !== 'register') search.set('tab', view.tab);
  for (const key of ['unitId', 'q', 'industry', 'entityKind', 'riskLevel', 'status', 'period'] as const) {
    const value = view[key];
    if (value) search.set(key, value);
  }
  return writePaging(search, view);
}

/** The register's query of the view (the header's unit when the address names none). */
export const toEntityQuery = (view: EntitiesView, unitId: string | undefined) => ({
  unitId,
  q: view.q,
  industry: view.industry,
  entityKind: view.entityKind,
  riskLevel: view.riskLevel,
  status: view.status ?? 'active',
  page: view.page,
  pageSize: view.pageSize,
});
