import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

export type StoredBriefing = paths['/api/briefings/{id}']['get']['responses'][200]['content']['application/json'];
export type BriefingListItem =
  paths['/api/campaigns/{id}/briefings']['get']['responses'][200]['content']['application/json']['items'][number];
export type NewBriefingBody =
  paths['/api/campaigns/{id}/briefings']['post']['requestBody']['content']['application/json'];
export type BriefingTextBody = paths['/api/briefings/{id}']['put']['requestBody']['content']['application/json'];

const KEY = ['briefings', 'stored'] as const;

/** The campaign's stored briefings the user may read (drafts only for the issuing office). */
export function useCampaignBriefings(campaignId: string) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/briefings', { params: { path: { id: campaignId } } })),
  });
}

export function useStoredBriefing(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/briefings/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    // The text is being edited: a refetch must not replace it behind the office's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The Word file of a stored briefing (an issued 简报 prints its 第N期). */
export async function downloadStoredBriefing(b: { id: string; title: string }) {
  return saveDownload(
    await api.GET('/api/briefings/{id}/document.docx', { params: { path: { id: b.id } }, parseAs: 'blob' }),
    `${b.title}.docx`,
  );
}

/** Save a new draft, edit one, issue one; each refreshes the campaign's list. */
export function useBriefingMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const refresh = (b: StoredBriefing) => {
    queryClient.setQueryData([...KEY, 'one', b.id], b);
    return queryClient.invalidateQueries({ queryKey: [...KEY, 'list', campaignId] });
  };
  const create = useMutation({
    mutationFn: async (body: NewBriefingBody) =>
      unwrap(await api.POST('/api/campaigns/{id}/briefings', { params: { path: { id: campaignId } }, body })),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: BriefingTextBody }) =>
      unwrap(await api.PUT('/api/briefings/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  const issue = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/briefings/{id}/issue', { params: { path: { id } }, body: { version } })),
    onSuccess: refresh,
  });
  return { create, update, issue };
}
