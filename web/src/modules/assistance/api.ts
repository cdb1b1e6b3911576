import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';

export type AssistanceRequest = Schemas['AssistanceRequest'];
export type AssistanceSummary = Schemas['AssistanceSummary'];
export type AssistanceQuery = NonNullable<paths['/api/assistance']['get']['parameters']['query']>;
export type AssistanceSendBody = paths['/api/assistance']['post']['requestBody']['content']['application/json'];
export type AcceptBody = paths['/api/assistance/{id}/accept']['post']['requestBody']['content']['application/json'];
export type AssistanceStatus = AssistanceSummary['status'];
export type AssistanceKind = AssistanceSummary['kind'];
export type AssistanceFile = AssistanceRequest['attachments'][number];

export const ASSISTANCE_STATUSES: AssistanceStatus[] = ['sent', 'accepted', 'answered', 'declined', 'withdrawn'];
export const ASSISTANCE_KINDS: AssistanceKind[] = ['assistance', 'lead_notice'];
const KEY = ['assistance'] as const;

export function useAssistanceList(query: AssistanceQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/assistance', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAssistance(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/assistance/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** The bureaus a request may go to (name and parent's name only). */
export function useAssistanceRecipients(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'recipients'],
    queryFn: async () => unwrap(await api.GET('/api/assistance/recipients')),
    enabled,
  });
}

export const downloadAssistanceFile = async (id: string, file: AssistanceFile) =>
  saveDownload(
    await api.GET('/api/assistance/{id}/attachments/{fileId}', {
      params: { path: { id, fileId: file.id } },
      parseAs: 'blob',
    }),
    file.fileName,
  );

export const downloadAssistanceDocument = async (r: AssistanceRequest) =>
  saveDownload(
    await api.GET('/api/assistance/{id}/document.docx', { params: { path: { id: r.id } }, parseAs: 'blob' }),
    `${r.title}.docx`,
  );

/** Every change: the request, both lists, the inbox and the audit log are out of date. */
export function useAssistanceMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: KEY }),
      queryClient.invalidateQueries({ queryKey: ['inbox'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const onSuccess = () => void invalidate();
  return {
    invalidate,
    send: useMutation({
      mutationFn: async (body: AssistanceSendBody) => unwrap(await api.POST('/api/assistance', { body })),
      onSuccess,
    }),
    upload: useMutation({
      mutationFn: (a: { id: string; side: 'sender' | 'receiver'; file: File }) =>
        uploadFile<AssistanceRequest>(`/api/assistance/${a.id}/attachments?side=${a.side}`, a.file),
      onSuccess,
    }),
    withdraw: useMutation({
      mutationFn: async (r: { id: string; version: number }) =>
        unwrap(
          await api.POST('/api/assistance/{id}/withdraw', {
            params: { path: { id: r.id } },
            body: { version: r.version },
          }),
        ),
      onSuccess,
    }),
    accept: useMutation({
      mutationFn: async (r: { id: string; version: number; registerLead?: AcceptBody['registerLead'] }) =>
        unwrap(
          await api.POST('/api/assistance/{id}/accept', {
            params: { path: { id: r.id } },
            body: { version: r.version, ...(r.registerLead ? { registerLead: r.registerLead } : {}) },
          }),
        ),
      onSuccess,
    }),
    decline: useMutation({
      mutationFn: async (r: { id: string; version: number; reason: string }) =>
        unwrap(
          await api.POST('/api/assistance/{id}/decline', {
            params: { path: { id: r.id } },
            body: { version: r.version, reason: r.reason },
          }),
        ),
      onSuccess,
    }),
    answer: useMutation({
      mutationFn: async (r: { id: string; version: number; text: string }) =>
        unwrap(
          await api.POST('/api/assistance/{id}/replies', {
            params: { path: { id: r.id } },
            body: { version: r.version, text: r.text },
          }),
        ),
      onSuccess,
    }),
  };
}
