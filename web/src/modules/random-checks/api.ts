import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type RandomDraw = Schemas['RandomDraw'];
export type DrawItem = RandomDraw['items'][number];
export type DrawSummary = NonNullable<
  paths['/api/random-draws']['get']['responses']['200']['content']['application/json']
>['items'][number];
export type MarketEntity = Schemas['MarketEntity'];
export type DrawBody = paths['/api/random-draws']['post']['requestBody']['content']['application/json'];
export type ResultBody =
  paths['/api/random-draws/{id}/items/{itemId}/result']['post']['requestBody']['content']['application/json'];
export type CheckResult = ResultBody['result'];
export type DrawItemLeadBody =
  paths['/api/random-draws/{id}/items/{itemId}/lead']['post']['requestBody']['content']['application/json'];
export type RiskLevel = MarketEntity['riskLevel'];
export type PublicResultsQuery = NonNullable<paths['/api/public/check-results']['get']['parameters']['query']>;

/** 检查结果, in the order the form offers them. */
export const CHECK_RESULTS: CheckResult[] = ['no_problem', 'corrected', 'problem_followed_up', 'not_found', 'refused'];
export const RISK_LEVELS: RiskLevel[] = ['low', 'medium', 'high'];
export const RANDOM_CHECKS_KEY = ['random-checks'] as const;

export function useDraws(campaignId?: string) {
  return useQuery({
    queryKey: [...RANDOM_CHECKS_KEY, 'draws', campaignId ?? null],
    queryFn: async () =>
      unwrap(await api.GET('/api/random-draws', { params: { query: campaignId ? { campaignId } : {} } })).items,
  });
}

export function useDraw(id: string | undefined) {
  return useQuery({
    queryKey: [...RANDOM_CHECKS_KEY, 'draw', id],
    queryFn: async () => unwrap(await api.GET('/api/random-draws/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useEntities(query: { unitId?: string; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...RANDOM_CHECKS_KEY, 'entities', query],
    queryFn: async () => unwrap(await api.GET('/api/market-entities', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRandomCheckKpis(campaignId: string) {
  return useQuery({
    queryKey: [...RANDOM_CHECKS_KEY, 'kpis', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/random-checks', { params: { path: { id: campaignId } } })),
  });
}

/** 复核: re-runs the stored draw on the server; asked for on demand, never cached. */
export function useVerifyDraw() {
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.GET('/api/random-draws/{id}/verify', { params: { path: { id } } })),
  });
}

export function usePublicResults(query: PublicResultsQuery) {
  return useQuery({
    queryKey: ['public-check-results', query],
    queryFn: async () => unwrap(await api.GET('/api/public/check-results', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every change: draws, KPIs, the public list and the audit log are out of date. */
export function useRandomCheckMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: RANDOM_CHECKS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['public-check-results'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const createDraw = useMutation({
    mutationFn: async (body: DrawBody) => unwrap(await api.POST('/api/random-draws', { body })),
    onSuccess: invalidate,
  });
  const redraw = useMutation({
    mutationFn: async ({ id, reason }: { id: string; reason: string }) =>
      unwrap(await api.POST('/api/random-draws/{id}/redraw', { params: { path: { id } }, body: { reason } })),
    onSuccess: invalidate,
  });
  const recordResult = useMutation({
    mutationFn: async ({ drawId, itemId, body }: { drawId: string; itemId: string; body: ResultBody }) =>
      unwrap(
        await api.POST('/api/random-draws/{id}/items/{itemId}/result', {
          params: { path: { id: drawId, itemId } },
          body,
        }),
      ),
    onSuccess: invalidate,
  });
  const publish = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/random-draws/{id}/publish', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
  /** 由检查发现登记线索: the lead is registered and the item keeps its link. */
  const openLead = useMutation({
    mutationFn: async ({ drawId, itemId, body }: { drawId: string; itemId: string; body: DrawItemLeadBody }) =>
      unwrap(
        await api.POST('/api/random-draws/{id}/items/{itemId}/lead', {
          params: { path: { id: drawId, itemId } },
          body,
        }),
      ),
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['leads'] })]),
  });
  return { createDraw, redraw, recordResult, publish, openLead, invalidate };
}
