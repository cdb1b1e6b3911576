import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';

export type Sample = Schemas['Sample'];
export type SampleSummary = Schemas['SampleSummary'];
export type SampleFollowUp = Schemas['SampleFollowUp'];
export type SampleAttachment = Schemas['SampleAttachment'];
export type SampleListQuery = NonNullable<paths['/api/samples']['get']['parameters']['query']>;
export type PassRateQuery = NonNullable<paths['/api/samples/pass-rates']['get']['parameters']['query']>;
export type PassRates = paths['/api/samples/pass-rates']['get']['responses'][200]['content']['application/json'];
export type SampleBody = paths['/api/samples']['post']['requestBody']['content']['application/json'];
export type UpdateSampleBody = paths['/api/samples/{id}']['put']['requestBody']['content']['application/json'];
export type ProgressBody =
  paths['/api/samples/{id}/follow-up/progress']['post']['requestBody']['content']['application/json'];
export type LeadBody = paths['/api/samples/{id}/follow-up/lead']['post']['requestBody']['content']['application/json'];
export type CloseBody =
  paths['/api/samples/{id}/follow-up/close']['post']['requestBody']['content']['application/json'];
export type SampleResult = Sample['result'];
export type SampleKind = Sample['sampleKind'];
export type FollowUpMeasure = SampleFollowUp['measures'][number];

export const SAMPLE_RESULTS: readonly SampleResult[] = ['pending', 'pass', 'fail'];
export const SAMPLE_KINDS: readonly SampleKind[] = ['supervision', 'risk_monitoring', 'rapid_test'];
export const FOLLOW_UP_MEASURES: readonly FollowUpMeasure[] = ['off_shelf', 'recall', 'case'];
export const SAMPLES_KEY = ['samples'] as const;

export function useSamples(query: SampleListQuery, enabled = true) {
  return useQuery({
    queryKey: [...SAMPLES_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/samples', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePassRates(query: PassRateQuery) {
  return useQuery({
    queryKey: [...SAMPLES_KEY, 'pass-rates', query],
    queryFn: async () => unwrap(await api.GET('/api/samples/pass-rates', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSample(id: string | undefined) {
  return useQuery({
    queryKey: [...SAMPLES_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/samples/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** The register's entities of a unit's subtree matching a search (被抽样单位). */
export function useEntityOptions(unitId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['market-entities', 'options', unitId, q],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/market-entities', {
          params: { query: { unitId, q: q || undefined, page: 1, pageSize: 50 } },
        }),
      ).items,
    enabled: !!unitId,
    placeholderData: keepPreviousData,
  });
}

/** Every change: the lists, the record, the rates, the inbox, the leads (立案) and the audit log are out of date. */
export function useSampleMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all(
      [SAMPLES_KEY, ['inbox'], ['leads'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    );
  const path = (id: string) => ({ params: { path: { id } } });
  return {
    invalidate,
    create: useMutation({
      mutationFn: async (body: SampleBody) => unwrap(await api.POST('/api/samples', { body })),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: UpdateSampleBody }) =>
        unwrap(await api.PUT('/api/samples/{id}', { ...path(id), body })),
      onSuccess: invalidate,
    }),
    progress: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: ProgressBody }) =>
        unwrap(await api.POST('/api/samples/{id}/follow-up/progress', { ...path(id), body })),
      onSuccess: invalidate,
    }),
    openLead: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: LeadBody }) =>
        unwrap(await api.POST('/api/samples/{id}/follow-up/lead', { ...path(id), body })),
      onSuccess: invalidate,
    }),
    close: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: CloseBody }) =>
        unwrap(await api.POST('/api/samples/{id}/follow-up/close', { ...path(id), body })),
      onSuccess: invalidate,
    }),
  };
}

const filesKey = (id: string) => [...SAMPLES_KEY, 'attachments', id] as const;

export function useSampleAttachments(id: string) {
  return useQuery({
    queryKey: filesKey(id),
    queryFn: async () => unwrap(await api.GET('/api/samples/{id}/attachments', { params: { path: { id } } })).items,
  });
}

export function useSampleAttachmentMutations(id: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: filesKey(id) });
  return {
    upload: useMutation({
      mutationFn: (file: File) => uploadFile<SampleAttachment>(`/api/samples/${id}/attachments`, file),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: async (attachmentId: string) =>
        unwrap(
          await api.DELETE('/api/samples/{id}/attachments/{attachmentId}', { params: { path: { id, attachmentId } } }),
        ),
      onSuccess: refresh,
    }),
  };
}

export async function downloadSampleAttachment(id: string, a: SampleAttachment) {
  return saveDownload(
    await api.GET('/api/samples/{id}/attachments/{attachmentId}', {
      params: { path: { id, attachmentId: a.id } },
      parseAs: 'blob',
    }),
    a.fileName,
  );
}
