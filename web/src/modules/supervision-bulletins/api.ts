import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

export type Bulletin = paths['/api/supervision-bulletins/{id}']['get']['responses'][200]['content']['application/json'];
export type BulletinListItem =
  paths['/api/campaigns/{id}/supervision-bulletins']['get']['responses'][200]['content']['application/json']['items'][number];
export type BulletinTextBody =
  paths['/api/supervision-bulletins/{id}']['put']['requestBody']['content']['application/json'];

const KEY = ['supervision-bulletins'] as const;

/** The plan's 督查通报 the user may read, and the rounds he may draft one for. */
export function useCampaignBulletins(campaignId: string) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/supervision-bulletins', { params: { path: { id: campaignId } } })),
  });
}

export function useBulletin(id: string | null) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/supervision-bulletins/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
    // The text is being edited: a refetch must not replace it behind the office's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/** The Word file of a 通报 (an issued one prints its 发文字号). */
export async function downloadBulletin(b: { id: string; title: string }) {
  return saveDownload(
    await api.GET('/api/supervision-bulletins/{id}/document.docx', { params: { path: { id: b.id } }, parseAs: 'blob' }),
    `${b.title}.docx`,
  );
}

/** Draft from a round, edit, issue; each refreshes the plan's list. */
export function useBulletinMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const refresh = (b: Bulletin) => {
    queryClient.setQueryData([...KEY, 'one', b.id], b);
    return queryClient.invalidateQueries({ queryKey: [...KEY, 'list', campaignId] });
  };
  const create = useMutation({
    mutationFn: async (roundId: string) =>
      unwrap(await api.POST('/api/supervision-rounds/{id}/bulletins', { params: { path: { id: roundId } } })),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: BulletinTextBody }) =>
      unwrap(await api.PUT('/api/supervision-bulletins/{id}', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  const issue = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/supervision-bulletins/{id}/issue', { params: { path: { id } }, body: { version } })),
    onSuccess: refresh,
  });
  return { create, update, issue };
}
