import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

export type PublicationRow = Schemas['PenaltyPublicationRow'];
export type CreditListing = Schemas['CreditListing'];
export type PublicationQuery = NonNullable<paths['/api/credit/publications']['get']['parameters']['query']>;
export type PublicationStatus = PublicationRow['status'];
export type ListingQuery = NonNullable<paths['/api/credit/listings']['get']['parameters']['query']>;
export type ListingKind = CreditListing['listKind'];
export type PublicationBody = paths['/api/credit/publications']['post']['requestBody']['content']['application/json'];
export type ListingBody = paths['/api/credit/listings']['post']['requestBody']['content']['application/json'];
export type RemovalBody =
  paths['/api/credit/listings/{id}/removal']['post']['requestBody']['content']['application/json'];

export const PUBLICATION_STATUSES: PublicationStatus[] = ['pending', 'overdue', 'done'];
export const PUBLICATION_CHANNELS: PublicationBody['channel'][] = [
  '国家企业信用信息公示系统',
  '信用中国',
  '本局门户网站',
  '其他',
];
export const ABNORMAL_REASONS: NonNullable<ListingBody['abnormalReason']>[] = [
  'annual_report',
  'ordered_disclosure',
  'false_disclosure',
  'unreachable',
];
export const REMOVAL_KINDS: RemovalBody['removalKind'][] = ['信用修复', '期满移出', '其他'];
export const CREDIT_KEY = ['credit'] as const;

/** 行政处罚信息公示台账: a page with the totals by status. */
export function usePublications(query: PublicationQuery) {
  return useQuery({
    queryKey: [...CREDIT_KEY, 'publications', query],
    queryFn: async () => unwrap(await api.GET('/api/credit/publications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useListings(query: ListingQuery) {
  return useQuery({
    queryKey: [...CREDIT_KEY, 'listings', query],
    queryFn: async () => unwrap(await api.GET('/api/credit/listings', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export async function downloadPublications(query: Omit<PublicationQuery, 'page' | 'pageSize'>) {
  return saveDownload(
    await api.GET('/api/credit/publications.xlsx', { params: { query }, parseAs: 'blob' }),
    '行政处罚信息公示.xlsx',
  );
}

/** Every change: the ledger, the lists, the case (是否已公开), the inbox and the audit log are out of date. */
export function useCreditMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CREDIT_KEY }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
      queryClient.invalidateQueries({ queryKey: ['inbox'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const publish = useMutation({
    mutationFn: async (body: PublicationBody) => unwrap(await api.POST('/api/credit/publications', { body })),
    onSuccess: invalidate,
  });
  const list = useMutation({
    mutationFn: async (body: ListingBody) => unwrap(await api.POST('/api/credit/listings', { body })),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: async ({ id, ...body }: RemovalBody & { id: string }) =>
      unwrap(await api.POST('/api/credit/listings/{id}/removal', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  return { publish, list, remove, invalidate };
}
