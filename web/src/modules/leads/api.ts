import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Lead = Schemas['Lead'];
export type LeadSummary = Schemas['LeadSummary'];
export type LeadStatus = Lead['status'];
export type LeadSource = Lead['source'];
export type LeadListQuery = NonNullable<paths['/api/leads']['get']['parameters']['query']>;
export type LeadBody = paths['/api/leads']['post']['requestBody']['content']['application/json'];
export type UpdateLeadBody = paths['/api/leads/{id}']['put']['requestBody']['content']['application/json'];
export type LeadDecisionBody = paths['/api/leads/{id}/decision']['post']['requestBody']['content']['application/json'];
export type LeadClockBody = paths['/api/leads/{id}/clock']['post']['requestBody']['content']['application/json'];
export type LeadHandlersBody = paths['/api/leads/{id}/handlers']['put']['requestBody']['content']['application/json'];

/** The sources of leads, in the server's order (DOMAIN.md "Leads"). */
export const LEAD_SOURCES: LeadSource[] = [
  'complaint',
  'report',
  'inspection',
  'sampling',
  'monitoring',
  'transfer',
  'cross_region',
  'enterprise',
  'petition',
];
/** 核查中 → 已立案 / 不予立案 / 已移送 */
export const LEAD_STATUSES: LeadStatus[] = ['verifying', 'filed', 'not_filed', 'handed_over'];
export const LEADS_KEY = ['leads'] as const;

export function useLeads(query: LeadListQuery) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/leads', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useLead(id: string | undefined) {
  return useQuery({
    queryKey: [...LEADS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/leads/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** Every change: leads, cases (a decision may file one) and the audit log are out of date. */
export function useLeadMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: LEADS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['cases'] }),
      queryClient.invalidateQueries({ queryKey: ['approvals'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: LeadBody) => unwrap(await api.POST('/api/leads', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateLeadBody }) =>
      unwrap(await api.PUT('/api/leads/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const decide = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: LeadDecisionBody }) =>
      unwrap(await api.POST('/api/leads/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const changeClock = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: LeadClockBody }) =>
      unwrap(await api.POST('/api/leads/{id}/clock', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  /** 指定经办人 (the handling unit's office or leader): who sees the complainant's data. */
  const assignHandlers = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: LeadHandlersBody }) =>
      unwrap(await api.PUT('/api/leads/{id}/handlers', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  return { create, update, decide, changeClock, assignHandlers, invalidate };
}
