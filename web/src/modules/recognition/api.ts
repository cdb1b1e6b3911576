import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Nomination = Schemas['TypicalNomination'];
export type NominationStatus = Nomination['status'];
export type Commendation = Schemas['Commendation'];
export type Accountability = Schemas['AccountabilityMeasure'];
export type CommendationBody =
  paths['/api/campaigns/{id}/commendations']['post']['requestBody']['content']['application/json'];
export type AccountabilityBody =
  paths['/api/campaigns/{id}/accountability']['post']['requestBody']['content']['application/json'];
export type EvidenceLink = CommendationBody['evidence'] extends (infer E)[] | undefined ? E : never;
export type TalentPoolItem =
  paths['/api/talent-pool']['get']['responses'][200]['content']['application/json']['items'][number];

export const COMMENDATION_KINDS: Commendation['kind'][] = ['advanced_collective', 'advanced_individual', 'case_expert'];
export const ACCOUNTABILITY_MEASURES: Accountability['measure'][] = [
  'circulated_criticism',
  'interview',
  'written_review',
  'admonition',
  'other',
];
export const RECOGNITION_KEY = ['recognition'] as const;

export function useNominations(campaignId: string, q: { status?: NominationStatus; unitId?: string }) {
  return useQuery({
    queryKey: [...RECOGNITION_KEY, 'nominations', campaignId, q],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/typical-nominations', { params: { path: { id: campaignId }, query: q } }),
      ),
  });
}

export function useCommendations(campaignId: string, unitId?: string) {
  return useQuery({
    queryKey: [...RECOGNITION_KEY, 'commendations', campaignId, unitId ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/commendations', {
          params: { path: { id: campaignId }, query: unitId ? { unitId } : {} },
        }),
      ),
  });
}

export function useAccountability(campaignId: string, unitId?: string) {
  return useQuery({
    queryKey: [...RECOGNITION_KEY, 'accountability', campaignId, unitId ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/accountability', {
          params: { path: { id: campaignId }, query: unitId ? { unitId } : {} },
        }),
      ),
  });
}

export function useTalentPool(q: { campaignId?: string; unitId?: string }) {
  return useQuery({
    queryKey: [...RECOGNITION_KEY, 'talent-pool', q],
    queryFn: async () => unwrap(await api.GET('/api/talent-pool', { params: { query: q } })),
  });
}

/** Every write: the lists, the cases (a nomination may mark a case typical) and the audit log are out of date. */
export function useRecognitionMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: RECOGNITION_KEY }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const nominate = useMutation({
    mutationFn: async (body: { caseId: string; reason: string; markTypical?: boolean }) =>
      unwrap(await api.POST('/api/campaigns/{id}/typical-nominations', { params: { path: { id: campaignId } }, body })),
    onSuccess: invalidate,
  });
  const decide = useMutation({
    mutationFn: async ({
      id,
      ...body
    }: {
      id: string;
      decision: 'selected' | 'not_selected';
      reason: string;
      version: number;
    }) => unwrap(await api.POST('/api/typical-nominations/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const withdraw = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.DELETE('/api/typical-nominations/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: invalidate,
  });
  const saveCommendation = useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: CommendationBody & { version?: number } }) =>
      id
        ? unwrap(
            await api.PUT('/api/commendations/{id}', {
              params: { path: { id } },
              body: { ...body, version: body.version ?? 0 },
            }),
          )
        : unwrap(await api.POST('/api/campaigns/{id}/commendations', { params: { path: { id: campaignId } }, body })),
    onSuccess: invalidate,
  });
  const deleteCommendation = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.DELETE('/api/commendations/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: invalidate,
  });
  const saveAccountability = useMutation({
    mutationFn: async ({ id, body }: { id?: string; body: AccountabilityBody & { version?: number } }) =>
      id
        ? unwrap(
            await api.PUT('/api/accountability/{id}', {
              params: { path: { id } },
              body: { ...body, version: body.version ?? 0 },
            }),
          )
        : unwrap(await api.POST('/api/campaigns/{id}/accountability', { params: { path: { id: campaignId } }, body })),
    onSuccess: invalidate,
  });
  const deleteAccountability = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.DELETE('/api/accountability/{id}', { params: { path: { id }, query: { version } } })),
    onSuccess: invalidate,
  });
  return {
    nominate,
    decide,
    withdraw,
    saveCommendation,
    deleteCommendation,
    saveAccountability,
    deleteAccountability,
    invalidate,
  };
}
