import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer T } } } };
}
  ? T
  : never;
/** 分单位对比: one row per unit below, cells by category and column (money in 元 text). */
export type UnitComparison = Json<'/api/campaigns/{id}/stat-table/by-unit'>;
export type ComparisonRow = UnitComparison['rows'][number];
export type ComparisonColumn = UnitComparison['template']['columns'][number];
export type Boundaries = Json<'/api/divisions/boundaries'>;
export interface ComparisonQuery {
  template?: string;
  unitId?: string;
  from?: string;
  to?: string;
}

export const MAPS_KEY = ['maps'] as const;

export function useUnitComparison(campaignId: string | undefined, q: ComparisonQuery) {
  return useQuery({
    queryKey: [...MAPS_KEY, 'by-unit', campaignId, q],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/stat-table/by-unit', {
          params: { path: { id: campaignId! }, query: q },
        }),
      ),
    enabled: !!campaignId,
    placeholderData: keepPreviousData,
  });
}

/** The boundaries of divisions by GB/T 2260 code (those the server has none for come back in `missing`). */
export function useBoundaries(codes: string[]) {
  const key = [...codes].sort().join(',');
  return useQuery({
    queryKey: [...MAPS_KEY, 'boundaries', key],
    queryFn: async () => unwrap(await api.GET('/api/divisions/boundaries', { params: { query: { codes: key } } })),
    enabled: key.length > 0,
    staleTime: Infinity,
  });
}

export async function downloadComparisonXlsx(
  campaignId: string,
  q: ComparisonQuery & { sort?: string; sortCategory?: string; order?: 'asc' | 'desc' },
) {
  return saveDownload(
    await api.GET('/api/campaigns/{id}/stat-table/by-unit.xlsx', {
      params: { path: { id: campaignId }, query: q },
      parseAs: 'blob',
    }),
    '分单位对比.xlsx',
  );
}
