import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';

export type Finding = Schemas['Finding'];
export type Rectification = Schemas['Rectification'];
export type RectificationLedgerRow = Schemas['RectificationLedgerRow'];
export type RectificationAttachment = Schemas['RectificationAttachment'];
export type RectificationStatus = Finding['status'];
export type FindingBody =
  paths['/api/supervision/visits/{id}/findings']['post']['requestBody']['content']['application/json'];
export type LedgerQuery = NonNullable<paths['/api/rectifications']['get']['parameters']['query']>;
export type LedgerStatus = NonNullable<LedgerQuery['status']>;
export type LedgerSource = NonNullable<LedgerQuery['source']>;
export type FieldOrderBody =
  paths['/api/inspections/{id}/rectifications']['post']['requestBody']['content']['application/json'];

export const RECTIFICATION_STATUSES: RectificationStatus[] = ['noted', 'open', 'replied', 'closed'];
/** Where a 责令整改 is ordered: an outing, or a drawn entity of a 双随机 check. */
export type OrderTarget = { inspectionId: string } | { drawId: string; itemId: string };

export const LEDGER_STATUSES: LedgerStatus[] = ['open', 'replied', 'closed'];
export const LEDGER_SOURCES: LedgerSource[] = ['supervision', 'field'];
export const RECTIFICATIONS_KEY = ['rectifications'] as const;

/** The findings of one visit and whether the user may add one. */
export function useVisitFindings(visitId: string) {
  return useQuery({
    queryKey: [...RECTIFICATIONS_KEY, 'visit', visitId],
    queryFn: async () =>
      unwrap(await api.GET('/api/supervision/visits/{id}/findings', { params: { path: { id: visitId } } })),
  });
}

/** The 责令整改 of one outing, whether the user may order one and the entities it may name. */
export function useOutingRectifications(inspectionId: string) {
  return useQuery({
    queryKey: [...RECTIFICATIONS_KEY, 'inspection', inspectionId],
    queryFn: async () =>
      unwrap(await api.GET('/api/inspections/{id}/rectifications', { params: { path: { id: inspectionId } } })),
  });
}

/** The 责令整改 of a drawn entity. */
export function useDrawItemRectifications(drawId: string, itemId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...RECTIFICATIONS_KEY, 'draw-item', itemId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/random-draws/{id}/items/{itemId}/rectifications', {
          params: { path: { id: drawId, itemId } },
        }),
      ),
    enabled,
  });
}

export function useRectification(id: string | undefined) {
  return useQuery({
    queryKey: [...RECTIFICATIONS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/rectifications/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** 整改台账: a page of the ledger with the totals by status. */
export function useRectifications(query: LedgerQuery) {
  return useQuery({
    queryKey: [...RECTIFICATIONS_KEY, 'ledger', query],
    queryFn: async () => unwrap(await api.GET('/api/rectifications', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useRectificationSummary(query: { campaignId?: string; unitId?: string; mine?: 'true' | 'false' }) {
  return useQuery({
    queryKey: [...RECTIFICATIONS_KEY, 'summary', query],
    queryFn: async () => unwrap(await api.GET('/api/rectifications/summary', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export async function downloadLedger(query: Omit<LedgerQuery, 'page' | 'pageSize'>) {
  return saveDownload(
    await api.GET('/api/rectifications.xlsx', { params: { query }, parseAs: 'blob' }),
    '整改台账.xlsx',
  );
}

export async function downloadRectificationFile(findingId: string, a: RectificationAttachment) {
  return saveDownload(
    await api.GET('/api/rectifications/{id}/attachments/{attachmentId}', {
      params: { path: { id: findingId, attachmentId: a.id } },
      parseAs: 'blob',
    }),
    a.fileName,
  );
}

/** Every change of a finding: the visit's list, the ledger, the record, the inbox and the audit log are out of date. */
export function useRectificationMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: RECTIFICATIONS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['inbox'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async ({ visitId, body }: { visitId: string; body: FindingBody }) =>
      unwrap(await api.POST('/api/supervision/visits/{id}/findings', { params: { path: { id: visitId } }, body })),
    onSuccess: invalidate,
  });
  const order = useMutation({
    mutationFn: async ({ target, body }: { target: OrderTarget; body: FieldOrderBody }) =>
      unwrap(
        'inspectionId' in target
          ? await api.POST('/api/inspections/{id}/rectifications', {
              params: { path: { id: target.inspectionId } },
              body,
            })
          : await api.POST('/api/random-draws/{id}/items/{itemId}/rectifications', {
              params: { path: { id: target.drawId, itemId: target.itemId } },
              body,
            }),
      ),
    // The outing's 责令整改份数 follows the orders.
    onSuccess: () => Promise.all([invalidate(), queryClient.invalidateQueries({ queryKey: ['inspections'] })]),
  });
  const edit = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: FindingBody & { version: number } }) =>
      unwrap(await api.PUT('/api/rectifications/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const reply = useMutation({
    mutationFn: async ({ id, ...body }: { id: string; text: string; attachmentIds: string[]; version: number }) =>
      unwrap(await api.POST('/api/rectifications/{id}/reply', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const close = useMutation({
    mutationFn: async ({ id, ...body }: { id: string; text?: string | null; version: number }) =>
      unwrap(await api.POST('/api/rectifications/{id}/close', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const sendBack = useMutation({
    mutationFn: async ({ id, ...body }: { id: string; reason: string; deadline?: string | null; version: number }) =>
      unwrap(await api.POST('/api/rectifications/{id}/return', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const upload = useMutation({
    mutationFn: ({ id, file }: { id: string; file: File }) =>
      uploadFile<RectificationAttachment>(`/api/rectifications/${id}/attachments`, file),
  });
  return { create, order, edit, reply, close, sendBack, upload, invalidate };
}
