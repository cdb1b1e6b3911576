import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

type Got<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer R } } } };
}
  ? R
  : never;

export type GroupsAnswer = Got<'/api/campaigns/{id}/supervision-groups'>;
export type SupervisionGroup = GroupsAnswer['items'][number];
export type GroupBody =
  paths['/api/campaigns/{id}/supervision-groups']['post']['requestBody']['content']['application/json'];
export type SupervisionRound = Got<'/api/supervision-rounds/{id}'>;
export type RoundBody =
  paths['/api/campaigns/{id}/supervision-rounds']['post']['requestBody']['content']['application/json'];
export type SupervisionDraw = SupervisionRound['draws'][number];
export type SupervisionVisit = Got<'/api/supervision-visits/{id}'>;
export type VisitBody = paths['/api/supervision-visits']['post']['requestBody']['content']['application/json'];
export type VisitQuery = NonNullable<paths['/api/supervision-visits']['get']['parameters']['query']>;
export type VisitMethod = SupervisionVisit['method'];
export type MyGroup = Got<'/api/supervision/my-groups'>['items'][number];

export const VISIT_METHODS: VisitMethod[] = ['comprehensive', 'key_spot_check', 'random', 'cross', 'self', 'mutual'];

const KEY = ['supervision'] as const;

export function useSupervisionGroups(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'groups', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/supervision-groups', { params: { path: { id: campaignId! } } })),
    enabled: !!campaignId,
  });
}

export function useSupervisionRounds(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'rounds', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/supervision-rounds', { params: { path: { id: campaignId! } } })),
    enabled: !!campaignId,
  });
}

export function useSupervisionRound(id: string) {
  return useQuery({
    queryKey: [...KEY, 'round', id],
    queryFn: async () => unwrap(await api.GET('/api/supervision-rounds/{id}', { params: { path: { id } } })),
    enabled: !!id,
  });
}

export function useSupervisionVisits(query: VisitQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'visits', query],
    queryFn: async () => unwrap(await api.GET('/api/supervision-visits', { params: { query } })),
    enabled,
  });
}

export function useSupervisionVisit(id: string) {
  return useQuery({
    queryKey: [...KEY, 'visit', id],
    queryFn: async () => unwrap(await api.GET('/api/supervision-visits/{id}', { params: { path: { id } } })),
  });
}

export function useMyGroups() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: async () => unwrap(await api.GET('/api/supervision/my-groups')),
  });
}

export async function downloadAreaSheet(campaign: { id: string; name: string }) {
  return saveDownload(
    await api.GET('/api/campaigns/{id}/supervision-areas.xlsx', {
      params: { path: { id: campaign.id } },
      parseAs: 'blob',
    }),
    `${campaign.name}分片督查表.xlsx`,
  );
}

export async function verifyDraw(id: string) {
  return unwrap(await api.GET('/api/supervision-draws/{id}/verify', { params: { path: { id } } }));
}

/** Every change of the module refreshes all its queries (they are few and small). */
export function useSupervisionMutations() {
  const queryClient = useQueryClient();
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: KEY });
  const useChange = <A, R>(fn: (a: A) => Promise<R>) => useMutation({ mutationFn: fn, onSuccess });
  return {
    createGroup: useChange(async ({ campaignId, body }: { campaignId: string; body: GroupBody }) =>
      unwrap(await api.POST('/api/campaigns/{id}/supervision-groups', { params: { path: { id: campaignId } }, body })),
    ),
    updateGroup: useChange(async ({ id, body }: { id: string; body: GroupBody & { version: number } }) =>
      unwrap(await api.PUT('/api/supervision-groups/{id}', { params: { path: { id } }, body })),
    ),
    setArea: useChange(async ({ id, unitIds, version }: { id: string; unitIds: string[]; version: number }) =>
      unwrap(
        await api.PUT('/api/supervision-groups/{id}/area', { params: { path: { id } }, body: { unitIds, version } }),
      ),
    ),
    createRound: useChange(async ({ campaignId, body }: { campaignId: string; body: RoundBody }) =>
      unwrap(await api.POST('/api/campaigns/{id}/supervision-rounds', { params: { path: { id: campaignId } }, body })),
    ),
    updateRound: useChange(async ({ id, body }: { id: string; body: RoundBody & { version: number } }) =>
      unwrap(await api.PUT('/api/supervision-rounds/{id}', { params: { path: { id } }, body })),
    ),
    draw: useChange(async ({ roundId, groupId, count }: { roundId: string; groupId: string; count: number }) =>
      unwrap(
        await api.POST('/api/supervision-rounds/{id}/draws', {
          params: { path: { id: roundId } },
          body: { groupId, count },
        }),
      ),
    ),
    createVisit: useChange(async (body: VisitBody) => unwrap(await api.POST('/api/supervision-visits', { body }))),
    updateVisit: useChange(
      async ({ id, body }: { id: string; body: Omit<VisitBody, 'roundId' | 'groupId'> & { version: number } }) =>
        unwrap(await api.PUT('/api/supervision-visits/{id}', { params: { path: { id } }, body })),
    ),
  };
}
