import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
export type Trend = Json<'/api/dashboards/trend'>;
export type TrendPoint = NonNullable<Trend['points'][number]['current']>;
export type CategoryFigures = Json<'/api/dashboards/categories'>;
export type UnitRanking = Json<'/api/dashboards/units'>;
export type DashboardMetric = Trend['figures'][number]['metric'];
export type Figure = Trend['figures'][number];
/** What a chart point opens: the drill-down's parameters (穿透) and the figure's metric. */
export type DrillTarget = TrendPoint['drill'] & { metric: DashboardMetric; title: string; money: boolean };

export interface DashboardQuery {
  campaignId: string;
  unitId?: string;
  from?: string;
  to?: string;
}

const KEY = ['dashboards'] as const;

export function useTrend(q: DashboardQuery | null, bucket: 'week' | 'month') {
  return useQuery({
    queryKey: [...KEY, 'trend', q, bucket],
    queryFn: async () => unwrap(await api.GET('/api/dashboards/trend', { params: { query: { ...q!, bucket } } })),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export function useCategoryFigures(q: DashboardQuery | null) {
  return useQuery({
    queryKey: [...KEY, 'categories', q],
    queryFn: async () => unwrap(await api.GET('/api/dashboards/categories', { params: { query: q! } })),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export function useUnitRanking(q: DashboardQuery | null) {
  return useQuery({
    queryKey: [...KEY, 'units', q],
    queryFn: async () => unwrap(await api.GET('/api/dashboards/units', { params: { query: q! } })),
    enabled: !!q,
    placeholderData: keepPreviousData,
  });
}

export type DashboardClocks = Json<'/api/dashboards/clocks'>;

/** 办理期限: the counts of overdue and due-soon cases and leads (from the roll-up) and the first due. */
export function useDashboardClocks(q: { campaignId: string; unitId?: string }) {
  return useQuery({
    queryKey: [...KEY, 'clocks', q],
    queryFn: async () => unwrap(await api.GET('/api/dashboards/clocks', { params: { query: q } })),
    placeholderData: keepPreviousData,
  });
}
