import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type CampaignKpi = Schemas['CampaignKpi'];
export type KpiUnitRow = CampaignKpi['rows'][number];
export type KpiRecords =
  paths['/api/campaigns/{id}/kpis/{kpiIndex}/records']['get']['responses']['200']['content']['application/json'];
export type FigureBody =
  paths['/api/campaigns/{id}/kpis/{kpiIndex}/figures']['put']['requestBody']['content']['application/json'];
export const KPIS_KEY = ['kpis'] as const;

/** The plan's KPIs in a period ('2026', '2026-05'; none: each KPI's current one). */
export function useCampaignKpis(campaignId: string, period?: string) {
  return useQuery({
    queryKey: [...KPIS_KEY, campaignId, period ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/kpis', {
          params: { path: { id: campaignId }, query: period ? { period } : {} },
        }),
      ).kpis,
    placeholderData: keepPreviousData,
  });
}

/** 穿透: the records behind one unit's figure (or the total's). */
export function useKpiRecords(
  campaignId: string,
  target: { kpiIndex: number; unitId?: string; period: string } | null,
) {
  return useQuery({
    queryKey: [...KPIS_KEY, campaignId, 'records', target],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/kpis/{kpiIndex}/records', {
          params: {
            path: { id: campaignId, kpiIndex: target!.kpiIndex },
            query: { period: target!.period, ...(target!.unitId ? { unitId: target!.unitId } : {}) },
          },
        }),
      ),
    enabled: target !== null,
  });
}

export function useSaveFigure(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ kpiIndex, body }: { kpiIndex: number; body: FigureBody }) =>
      unwrap(
        await api.PUT('/api/campaigns/{id}/kpis/{kpiIndex}/figures', {
          params: { path: { id: campaignId, kpiIndex } },
          body,
        }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KPIS_KEY, campaignId] }),
  });
}
