import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type CaseSupervision = Schemas['CaseSupervision'];
export type CaseSupervisionListItem = Schemas['CaseSupervisionListItem'];
export type SupervisionStatus = CaseSupervision['status'];
export type SupervisionListQuery = NonNullable<paths['/api/case-supervisions']['get']['parameters']['query']>;
export type TakeUpBody = paths['/api/cases/{id}/supervisions']['post']['requestBody']['content']['application/json'];

export const SUPERVISION_STATUSES: SupervisionStatus[] = ['requested', 'active', 'closed', 'declined'];
export const SUPERVISIONS_KEY = ['case-supervisions'] as const;

/** A case's 督办件 and whether the user may ask for or take up supervision. */
export function useCaseSupervision(caseId: string) {
  return useQuery({
    queryKey: [...SUPERVISIONS_KEY, 'case', caseId],
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}/supervision', { params: { path: { id: caseId } } })),
  });
}

/** 督办件台账: a page in the user's scope. */
export function useCaseSupervisions(query: SupervisionListQuery) {
  return useQuery({
    queryKey: [...SUPERVISIONS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/case-supervisions', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

type Versioned<B> = { id: string; body: B & { version: number } };

/** Every act of 督办: the card, the ledger, the case (its 督办 fields) and the inbox are out of date. */
export function useSupervisionMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all(
      [SUPERVISIONS_KEY, ['cases'], ['inbox'], ['notifications']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const on = { onSuccess: invalidate };
  return {
    invalidate,
    request: useMutation({
      mutationFn: async ({ caseId, reason }: { caseId: string; reason: string }) =>
        unwrap(
          await api.POST('/api/cases/{id}/supervision-requests', {
            params: { path: { id: caseId } },
            body: { reason },
          }),
        ),
      ...on,
    }),
    initiate: useMutation({
      mutationFn: async ({ caseId, body }: { caseId: string; body: TakeUpBody }) =>
        unwrap(await api.POST('/api/cases/{id}/supervisions', { params: { path: { id: caseId } }, body })),
      ...on,
    }),
    takeUp: useMutation({
      mutationFn: async ({ id, body }: Versioned<TakeUpBody>) =>
        unwrap(await api.POST('/api/case-supervisions/{id}/take-up', { params: { path: { id } }, body })),
      ...on,
    }),
    decline: useMutation({
      mutationFn: async ({ id, body }: Versioned<{ reason: string }>) =>
        unwrap(await api.POST('/api/case-supervisions/{id}/decline', { params: { path: { id } }, body })),
      ...on,
    }),
    progress: useMutation({
      mutationFn: async ({ id, body }: Versioned<{ text: string }>) =>
        unwrap(await api.POST('/api/case-supervisions/{id}/progress', { params: { path: { id } }, body })),
      ...on,
    }),
    instruct: useMutation({
      mutationFn: async ({ id, body }: Versioned<{ text: string }>) =>
        unwrap(await api.POST('/api/case-supervisions/{id}/instructions', { params: { path: { id } }, body })),
      ...on,
    }),
    close: useMutation({
      mutationFn: async ({ id, body }: Versioned<{ conclusion: string }>) =>
        unwrap(await api.POST('/api/case-supervisions/{id}/close', { params: { path: { id } }, body })),
      ...on,
    }),
  };
}
