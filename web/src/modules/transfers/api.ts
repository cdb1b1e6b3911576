import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

export type Transfer = Schemas['Transfer'];
export type TransferStatus = Transfer['status'];
export type CriminalThreshold = Schemas['CriminalThreshold'];
export type TransferBody = paths['/api/cases/{id}/transfers']['post']['requestBody']['content']['application/json'];
export type ReplyBody = paths['/api/transfers/{id}/replies']['post']['requestBody']['content']['application/json'];
export type ThresholdBody = paths['/api/criminal-thresholds']['post']['requestBody']['content']['application/json'];
export type TransferListQuery = NonNullable<paths['/api/transfers']['get']['parameters']['query']>;

export const TRANSFER_STATUSES: TransferStatus[] = ['sent', 'accepted', 'filed', 'not_filed', 'returned'];
export const TRANSFERS_KEY = ['transfers'] as const;

/** A case's transfers, its 涉刑不移 guard and whether the user may transfer it. */
export function useCaseTransfers(caseId: string) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'case', caseId],
    queryFn: async () => unwrap(await api.GET('/api/cases/{id}/transfers', { params: { path: { id: caseId } } })),
  });
}

export function useTransfer(id: string | undefined) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/transfers/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** 移送台账: a page in the user's scope. */
export function useTransfers(query: TransferListQuery) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/transfers', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useThresholds() {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'thresholds'],
    queryFn: async () => unwrap(await api.GET('/api/criminal-thresholds')),
  });
}

/** Every act of 移送: the card, the ledger, the case (its 移送司法 mark), the leads and the inbox are out of date. */
export function useTransferMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all(
      [TRANSFERS_KEY, ['cases'], ['leads'], ['inbox']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  const on = { onSuccess: invalidate };
  return {
    invalidate,
    transfer: useMutation({
      mutationFn: async ({ caseId, body }: { caseId: string; body: TransferBody }) =>
        unwrap(await api.POST('/api/cases/{id}/transfers', { params: { path: { id: caseId } }, body })),
      ...on,
    }),
    reply: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: ReplyBody }) =>
        unwrap(await api.POST('/api/transfers/{id}/replies', { params: { path: { id } }, body })),
      ...on,
    }),
    createThreshold: useMutation({
      mutationFn: async (body: ThresholdBody) => unwrap(await api.POST('/api/criminal-thresholds', { body })),
      ...on,
    }),
    updateThreshold: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: ThresholdBody & { version: number } }) =>
        unwrap(await api.PUT('/api/criminal-thresholds/{id}', { params: { path: { id } }, body })),
      ...on,
    }),
    deleteThreshold: useMutation({
      mutationFn: async ({ id, version }: { id: string; version: number }) =>
        unwrap(await api.DELETE('/api/criminal-thresholds/{id}', { params: { path: { id }, query: { version } } })),
      ...on,
    }),
  };
}

export async function downloadTransferDocument(id: string) {
  return saveDownload(
    await api.GET('/api/transfers/{id}/document.docx', { params: { path: { id } }, parseAs: 'blob' }),
    '移送书.docx',
  );
}
