import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import { saveDownload } from '../../lib/download';

export type Exercise = paths['/api/case-review-exercises/{id}']['get']['responses'][200]['content']['application/json'];
export type ReviewFile = Exercise['files'][number];
export type NewExerciseBody =
  paths['/api/campaigns/{id}/case-review-exercises']['post']['requestBody']['content']['application/json'];
export type ScoresBody =
  paths['/api/case-review-files/{id}/scores']['put']['requestBody']['content']['application/json'];

export type ReviewSheet =
  paths['/api/units/{id}/case-review-sheet']['get']['responses'][200]['content']['application/json'];
export type SheetItem = ReviewSheet['items'][number];

const KEY = ['case-reviews'] as const;

export function useReviewSheet(unitId: string) {
  return useQuery({
    queryKey: [...KEY, 'sheet', unitId],
    queryFn: async () =>
      unwrap(await api.GET('/api/units/{id}/case-review-sheet', { params: { path: { id: unitId } } })),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useSaveReviewSheet(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { name: string; items: SheetItem[]; version: number }) =>
      unwrap(await api.PUT('/api/units/{id}/case-review-sheet', { params: { path: { id: unitId } }, body })),
    onSuccess: (sheet) => queryClient.setQueryData([...KEY, 'sheet', unitId], sheet),
  });
}

export function useExercises(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'list', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/case-review-exercises', { params: { path: { id: campaignId! } } })),
    enabled: !!campaignId,
  });
}

export function useExercise(id: string) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/case-review-exercises/{id}', { params: { path: { id } } })),
  });
}

/** 我的评查任务 */
export function useMyReviewFiles() {
  return useQuery({
    queryKey: [...KEY, 'mine'],
    queryFn: async () => unwrap(await api.GET('/api/case-review-files/mine')),
  });
}

export async function downloadScores(e: { id: string; title: string }) {
  return saveDownload(
    await api.GET('/api/case-review-exercises/{id}/scores.xlsx', { params: { path: { id: e.id } }, parseAs: 'blob' }),
    `${e.title}评查结果汇总表.xlsx`,
  );
}

export async function verifyDraw(id: string) {
  return unwrap(await api.GET('/api/case-review-exercises/{id}/draw/verify', { params: { path: { id } } }));
}

/** Organise, draw, assign, score: each refreshes the exercise, the lists and the inbox. */
export function useCaseReviewMutations() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: KEY }),
      queryClient.invalidateQueries({ queryKey: ['inbox'] }),
    ]);
  const create = useMutation({
    mutationFn: async ({ campaignId, body }: { campaignId: string; body: NewExerciseBody }) =>
      unwrap(
        await api.POST('/api/campaigns/{id}/case-review-exercises', { params: { path: { id: campaignId } }, body }),
      ),
    onSuccess: refresh,
  });
  const draw = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/case-review-exercises/{id}/draw', { params: { path: { id } }, body: { version } })),
    onSuccess: refresh,
  });
  const assign = useMutation({
    mutationFn: async ({ id, reviewerId, version }: { id: string; reviewerId: string; version: number }) =>
      unwrap(
        await api.PUT('/api/case-review-files/{id}/reviewer', {
          params: { path: { id } },
          body: { reviewerId, version },
        }),
      ),
    onSuccess: refresh,
  });
  const score = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: ScoresBody }) =>
      unwrap(await api.PUT('/api/case-review-files/{id}/scores', { params: { path: { id } }, body })),
    onSuccess: refresh,
  });
  return { create, draw, assign, score };
}
