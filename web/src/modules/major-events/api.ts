import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type MajorEvent = Schemas['MajorEvent'];
export type MajorEventListItem = Schemas['MajorEventListItem'];
export type MajorEventKind = MajorEvent['kind'];
export type MajorEventStatus = MajorEvent['status'];
export type MajorEventList =
  paths['/api/campaigns/{id}/major-events']['get']['responses'][200]['content']['application/json'];
export type MajorEventBody =
  paths['/api/campaigns/{id}/major-events']['post']['requestBody']['content']['application/json'];

export const MAJOR_EVENT_KINDS: MajorEventKind[] = ['major_situation', 'major_case', 'difficult_issue'];
export const MAJOR_EVENTS_KEY = ['major-events'] as const;

/** A campaign's 重大情况报告 the user sees, the number awaiting acknowledgement, and whom the user may report for. */
export function useMajorEvents(campaignId: string, status?: MajorEventStatus) {
  return useQuery({
    queryKey: [...MAJOR_EVENTS_KEY, 'list', campaignId, status ?? null],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/campaigns/{id}/major-events', {
          params: { path: { id: campaignId }, query: status ? { status } : {} },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useMajorEvent(id: string | undefined) {
  return useQuery({
    queryKey: [...MAJOR_EVENTS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/major-events/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/** Reporting, correcting and acknowledging: the lists, the report and the audit log are out of date. */
export function useMajorEventMutations(campaignId: string) {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: MAJOR_EVENTS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: MajorEventBody) =>
      unwrap(await api.POST('/api/campaigns/{id}/major-events', { params: { path: { id: campaignId } }, body })),
    onSuccess: invalidate,
  });
  const edit = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: Omit<MajorEventBody, 'unitId'> & { version: number } }) =>
      unwrap(await api.PUT('/api/major-events/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const acknowledge = useMutation({
    mutationFn: async ({ id, ...body }: { id: string; acknowledgement: string; version: number }) =>
      unwrap(await api.POST('/api/major-events/{id}/acknowledge', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  return { create, edit, acknowledge, invalidate };
}
