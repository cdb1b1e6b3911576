import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';
import { uploadFile } from '../../lib/upload';

export type SeizedGoods = Schemas['SeizedGoods'];
export type SeizedGoodsSummary = Schemas['SeizedGoodsSummary'];
export type SeizedGoodsTotal = Schemas['SeizedGoodsTotal'];
export type SeizedGoodsDisposal = Schemas['SeizedGoodsDisposal'];
export type SeizedGoodsAttachment = Schemas['SeizedGoodsAttachment'];
export type SeizedGoodsListQuery = NonNullable<paths['/api/seized-goods']['get']['parameters']['query']>;
export type SeizedGoodsBody = paths['/api/seized-goods']['post']['requestBody']['content']['application/json'];
export type DisposalBody =
  paths['/api/seized-goods/{id}/disposals']['post']['requestBody']['content']['application/json'];
export type SeizureMeasure = SeizedGoodsBody['measure'];
export type DisposalKind = DisposalBody['kind'];
export type CustodyStatus = SeizedGoods['status'];

export const SEIZURE_MEASURES: readonly SeizureMeasure[] = ['sealed', 'detained', 'preserved', 'confiscated'];
export const DISPOSAL_KINDS: readonly DisposalKind[] = ['confiscated', 'destroyed', 'handed_over', 'returned'];
export const CUSTODY_STATUSES: readonly CustodyStatus[] = ['in_custody', 'partly_disposed', 'disposed'];
export const SEIZED_GOODS_KEY = ['seized-goods'] as const;

/** 罚没物品台账: a page with the exact totals per goods and unit of measure. */
export function useSeizedGoodsList(query: SeizedGoodsListQuery) {
  return useQuery({
    queryKey: [...SEIZED_GOODS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/seized-goods', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSeizedGoods(id: string | undefined) {
  return useQuery({
    queryKey: [...SEIZED_GOODS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/seized-goods/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** An outing's 查扣物品 rows, to register their custody. */
export function useOutingSeizures(inspectionId: string | undefined) {
  return useQuery({
    queryKey: [...SEIZED_GOODS_KEY, 'outing', inspectionId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/seized-goods/outing/{inspectionId}', {
          params: { path: { inspectionId: inspectionId! } },
        }),
      ),
    enabled: Boolean(inspectionId),
  });
}

export async function downloadSeizedGoodsLedger(query: Omit<SeizedGoodsListQuery, 'page' | 'pageSize'>) {
  return saveDownload(
    await api.GET('/api/seized-goods.xlsx', { params: { query }, parseAs: 'blob' }),
    '罚没物品台账.xlsx',
  );
}

/** 罚没物品台账导入模板.xlsx: the import's header row and a sheet of notes on each column. */
export async function downloadSeizedGoodsTemplate() {
  return saveDownload(
    await api.GET('/api/seized-goods/import-template.xlsx', { parseAs: 'blob' }),
    '罚没物品台账导入模板.xlsx',
  );
}

export async function downloadSeizedGoodsFile(id: string, a: SeizedGoodsAttachment) {
  return saveDownload(
    await api.GET('/api/seized-goods/{id}/attachments/{attachmentId}', {
      params: { path: { id, attachmentId: a.id } },
      parseAs: 'blob',
    }),
    a.fileName,
  );
}

/** A photo's address for an <img> (the download route; the session cookie goes with it). */
export const seizedGoodsFileUrl = (id: string, attachmentId: string) =>
  `/api/seized-goods/${id}/attachments/${attachmentId}`;

/** Every change: the ledger, the record, the outing's seizures and the audit log are out of date. */
export function useSeizedGoodsMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: SEIZED_GOODS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: SeizedGoodsBody) => unwrap(await api.POST('/api/seized-goods', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: SeizedGoodsBody & { version: number } }) =>
      unwrap(await api.PUT('/api/seized-goods/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const dispose = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: DisposalBody }) =>
      unwrap(await api.POST('/api/seized-goods/{id}/disposals', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const upload = useMutation({
    mutationFn: ({ id, file, disposalId }: { id: string; file: File; disposalId?: string }) =>
      uploadFile<SeizedGoodsAttachment>(
        `/api/seized-goods/${id}/attachments${disposalId ? `?disposalId=${disposalId}` : ''}`,
        file,
      ),
    onSuccess: invalidate,
  });
  const remove = useMutation({
    mutationFn: async ({ id, attachmentId }: { id: string; attachmentId: string }) =>
      unwrap(
        await api.DELETE('/api/seized-goods/{id}/attachments/{attachmentId}', {
          params: { path: { id, attachmentId } },
        }),
      ),
    onSuccess: invalidate,
  });
  return { create, update, dispose, upload, remove, invalidate };
}
