import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type WorkPlan = Schemas['UnitWorkPlan'];
export type WorkPlanBoard =
  paths['/api/campaigns/{id}/work-plans']['get']['responses'][200]['content']['application/json'];
export type WorkPlanBoardItem = WorkPlanBoard['items'][number];

export const WORK_PLANS_KEY = ['work-plans'] as const;

/** The 备案 board of a plan: every owing unit the user sees, with its status and its plan. */
export function useWorkPlanBoard(campaignId: string) {
  return useQuery({
    queryKey: [...WORK_PLANS_KEY, 'board', campaignId],
    queryFn: async () =>
      unwrap(await api.GET('/api/campaigns/{id}/work-plans', { params: { path: { id: campaignId } } })),
  });
}

/** Filing, refiling, 备案 and 退回: the board, the inbox and the audit log are out of date. */
export function useWorkPlanMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: WORK_PLANS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['inbox'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  return {
    file: useMutation({
      mutationFn: async (body: { unitId: string; title: string; summary: string }) =>
        unwrap(await api.POST('/api/campaigns/{id}/work-plans', { params: { path: { id: campaignId } }, body })),
      onSuccess: invalidate,
    }),
    refile: useMutation({
      mutationFn: async ({ id, ...body }: { id: string; title: string; summary: string; version: number }) =>
        unwrap(await api.PUT('/api/work-plans/{id}', { params: { path: { id } }, body })),
      onSuccess: invalidate,
    }),
    acknowledge: useMutation({
      mutationFn: async ({ id, version }: { id: string; version: number }) =>
        unwrap(await api.POST('/api/work-plans/{id}/acknowledge', { params: { path: { id } }, body: { version } })),
      onSuccess: invalidate,
    }),
    giveBack: useMutation({
      mutationFn: async ({ id, ...body }: { id: string; reason: string; version: number }) =>
        unwrap(await api.POST('/api/work-plans/{id}/return', { params: { path: { id } }, body })),
      onSuccess: invalidate,
    }),
    invalidate,
  };
}
