import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components, paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type TaskProgressGrid = components['schemas']['TaskProgressGrid'];
export type TaskProgressRow = TaskProgressGrid['rows'][number];
export type TaskProgressCellSummary = TaskProgressRow['cells'][number];
export type TaskProgressCell = components['schemas']['TaskProgressCell'];
export type NoteBody =
  paths['/api/campaigns/{id}/task-progress/notes']['post']['requestBody']['content']['application/json'];

const KEY = ['task-progress'] as const;

export function useTaskProgress(campaignId: string, inactiveWeeks: number) {
  return useQuery({
    queryKey: [...KEY, campaignId, inactiveWeeks],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/task-progress', {
          params: { path: { id: campaignId }, query: { inactiveWeeks } },
        }),
      ),
  });
}

export function useTaskProgressCell(campaignId: string, cell: { taskId: string; unitId: string } | null) {
  return useQuery({
    queryKey: [...KEY, campaignId, 'cell', cell?.taskId, cell?.unitId],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/task-progress/cell', {
          params: { path: { id: campaignId }, query: cell! },
        }),
      ),
    enabled: !!cell,
  });
}

export function useAddNote(campaignId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: NoteBody) =>
      unwrap(await api.POST('/api/campaigns/{id}/task-progress/notes', { params: { path: { id: campaignId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, campaignId] }),
  });
}
