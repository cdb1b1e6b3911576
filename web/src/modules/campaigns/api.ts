import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Campaign = Schemas['Campaign'];
export type CampaignSummary = Schemas['CampaignSummary'];
export type CampaignStatus = Campaign['status'];
export type CampaignTask = Campaign['tasks'][number];
export type CampaignLiaison = Schemas['CampaignLiaison'];
export type CampaignTemplate =
  paths['/api/campaign-templates']['get']['responses'][200]['content']['application/json'][number];
export type CampaignListQuery = NonNullable<paths['/api/campaigns']['get']['parameters']['query']>;
export type CreateCampaignBody = paths['/api/campaigns']['post']['requestBody']['content']['application/json'];
export type UpdateCampaignBody = paths['/api/campaigns/{id}']['put']['requestBody']['content']['application/json'];
export type FromTemplateBody =
  paths['/api/campaigns/from-template']['post']['requestBody']['content']['application/json'];
export type LiaisonsBody =
  paths['/api/campaigns/{id}/liaisons/{unitId}']['put']['requestBody']['content']['application/json'];

export const CAMPAIGN_STATUSES: CampaignStatus[] = ['draft', 'active', 'archived'];
export const CAMPAIGNS_KEY = ['campaigns'] as const;

export function useCampaigns(query: CampaignListQuery, enabled = true) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/campaigns', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCampaign(id: string | undefined) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/campaigns/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

export function useCampaignLiaisons(id: string) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'liaisons', id],
    queryFn: async () => unwrap(await api.GET('/api/campaigns/{id}/liaisons', { params: { path: { id } } })),
  });
}

export function useCampaignTemplates(enabled = true) {
  return useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'templates'],
    queryFn: async () => unwrap(await api.GET('/api/campaign-templates')),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** Every change: campaigns (list, plan, liaisons) and the audit log are out of date. */
export function useCampaignMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CAMPAIGNS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: CreateCampaignBody) => unwrap(await api.POST('/api/campaigns', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateCampaignBody }) =>
      unwrap(await api.PUT('/api/campaigns/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const fromTemplate = useMutation({
    mutationFn: async (body: FromTemplateBody) => unwrap(await api.POST('/api/campaigns/from-template', { body })),
    onSuccess: invalidate,
  });
  const copy = useMutation({
    mutationFn: async (id: string) => unwrap(await api.POST('/api/campaigns/{id}/copy', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
  const setStatus = useMutation({
    mutationFn: async ({
      id,
      ...body
    }: {
      id: string;
      version: number;
      status: CampaignStatus;
      /** On publishing: units owe the reports already due (补报已过期次). */
      owesPastPeriods?: boolean;
    }) => unwrap(await api.POST('/api/campaigns/{id}/status', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const deriveImplementation = useMutation({
    mutationFn: async ({ id, unitId }: { id: string; unitId: string }) =>
      unwrap(await api.POST('/api/campaigns/{id}/implementations', { params: { path: { id } }, body: { unitId } })),
    onSuccess: invalidate,
  });
  const setLiaisons = useMutation({
    mutationFn: async ({ id, unitId, body }: { id: string; unitId: string; body: LiaisonsBody }) =>
      unwrap(await api.PUT('/api/campaigns/{id}/liaisons/{unitId}', { params: { path: { id, unitId } }, body })),
    onSuccess: invalidate,
  });
  return { create, update, fromTemplate, copy, setStatus, deriveImplementation, setLiaisons, invalidate };
}
