import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

export type SchemeList =
  paths['/api/campaigns/{id}/assessment-schemes']['get']['responses'][200]['content']['application/json'];
export type Scheme = SchemeList['items'][number];
export type IndicatorKind = SchemeList['kinds'][number];
export type SchemeBody =
  paths['/api/campaigns/{id}/assessment-schemes']['post']['requestBody']['content']['application/json'];
export type Scorecard =
  paths['/api/assessment-schemes/{id}/scorecard']['get']['responses'][200]['content']['application/json'];
export type ScoreRow = Scorecard['rows'][number];
export type Indicator = Scheme['indicators'][number];
export type Publication =
  paths['/api/assessment-publications/{id}']['get']['responses'][200]['content']['application/json'];
export type PublicationSummary =
  paths['/api/assessment-schemes/{id}/publications']['get']['responses'][200]['content']['application/json']['items'][number];
export type DrillRecords =
  paths['/api/assessment-schemes/{id}/scorecard/records']['get']['responses'][200]['content']['application/json'];

const KEY = ['scorecards'] as const;
export interface Period {
  from?: string;
  to?: string;
}

export function useSchemes(campaignId: string) {
  return useQuery({
    queryKey: [...KEY, 'schemes', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/assessment-schemes', { params: { path: { id: campaignId } } })),
  });
}

export function useScorecard(schemeId: string | undefined, period: Period) {
  return useQuery({
    queryKey: [...KEY, 'card', schemeId, period.from, period.to],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/assessment-schemes/{id}/scorecard', {
          params: { path: { id: schemeId! }, query: period },
        }),
      ),
    enabled: !!schemeId,
  });
}

export function usePublications(schemeId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'publications', schemeId],
    queryFn: async () =>
      unwrap(await api.GET('/api/assessment-schemes/{id}/publications', { params: { path: { id: schemeId! } } })),
    enabled: !!schemeId,
  });
}

export function usePublication(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'publication', id],
    queryFn: async () => unwrap(await api.GET('/api/assessment-publications/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** 穿透: the records of one unit's value, live (a scheme and period) or of a publication. */
export function useDrillRecords(
  target: { schemeId: string; period: Period } | { publicationId: string } | undefined,
  unitId: string | undefined,
  kind: string | undefined,
) {
  return useQuery({
    queryKey: [...KEY, 'records', target, unitId, kind],
    queryFn: async () =>
      'publicationId' in target!
        ? unwrap(
            await api.GET('/api/assessment-publications/{id}/records', {
              params: { path: { id: target.publicationId }, query: { unitId: unitId!, kind: kind! } },
            }),
          )
        : unwrap(
            await api.GET('/api/assessment-schemes/{id}/scorecard/records', {
              params: { path: { id: target!.schemeId }, query: { ...target!.period, unitId: unitId!, kind: kind! } },
            }),
          ),
    enabled: !!target && !!unitId && !!kind,
  });
}

export function useScorecardMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: KEY });
  return {
    create: useMutation({
      mutationFn: async (body: SchemeBody) =>
        unwrap(
          await api.POST('/api/campaigns/{id}/assessment-schemes', { params: { path: { id: campaignId } }, body }),
        ),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: async ({ id, ...body }: SchemeBody & { id: string; version: number }) =>
        unwrap(await api.PUT('/api/assessment-schemes/{id}', { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
    publish: useMutation({
      mutationFn: async ({ id, ...body }: Period & { id: string; note?: string | null; version: number }) =>
        unwrap(await api.POST('/api/assessment-schemes/{id}/publications', { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
  };
}

export async function downloadScorecard(scheme: { id: string; name: string }, period: Period) {
  return saveDownload(
    await api.GET('/api/assessment-schemes/{id}/scorecard.xlsx', {
      params: { path: { id: scheme.id }, query: period },
      parseAs: 'blob',
    }),
    `${scheme.name}考核评分表.xlsx`,
  );
}

export async function downloadPublication(p: { id: string; name: string }) {
  return saveDownload(
    await api.GET('/api/assessment-publications/{id}/scorecard.xlsx', {
      params: { path: { id: p.id } },
      parseAs: 'blob',
    }),
    `${p.name}考核评分表.xlsx`,
  );
}
