import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Inspection = Schemas['Inspection'];
export type InspectionSummary = Schemas['InspectionSummary'];
export type InspectionListQuery = NonNullable<paths['/api/inspections']['get']['parameters']['query']>;
export type InspectionTotalsQuery = NonNullable<paths['/api/inspections/totals']['get']['parameters']['query']>;
export type InspectionTotals = paths['/api/inspections/totals']['get']['responses'][200]['content']['application/json'];
export type InspectionTotalsRow = InspectionTotals['rows'][number];
export type InspectionBody = paths['/api/inspections']['post']['requestBody']['content']['application/json'];
export type UpdateInspectionBody = paths['/api/inspections/{id}']['put']['requestBody']['content']['application/json'];
export type OpenLeadBody = paths['/api/inspections/{id}/lead']['post']['requestBody']['content']['application/json'];
export type PlaceKind = InspectionBody extends { places?: (infer P)[] } ? P : never;
export type SeizureUnit = NonNullable<InspectionBody['seizures']>[number]['unit'];
export type InspectionType = Inspection['inspectionType'];

export const INSPECTIONS_KEY = ['inspections'] as const;

export function useInspections(query: InspectionListQuery) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/inspections', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useInspectionTotals(query: InspectionTotalsQuery, enabled = true) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, 'totals', query],
    queryFn: async () => unwrap(await api.GET('/api/inspections/totals', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useInspection(id: string | undefined) {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/inspections/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** The places (检查场所) and units of seized goods the server accepts; they never change while the app runs. */
export function useInspectionOptions() {
  return useQuery({
    queryKey: [...INSPECTIONS_KEY, 'options'],
    queryFn: async () => unwrap(await api.GET('/api/inspections/options')),
    staleTime: Infinity,
  });
}

/** The names of the inspectors who may go out for a unit (the same query PersonSelect makes). */
export function useInspectorNames(unitId: string | undefined) {
  const people = useQuery({
    queryKey: ['people', unitId, 'handler'],
    queryFn: async () =>
      unwrap(await api.GET('/api/people', { params: { query: { unitId: unitId!, role: 'handler' } } })).items,
    enabled: !!unitId,
  });
  return new Map((people.data ?? []).map((p) => [p.id, p.displayName]));
}

/** Every change: inspections, leads (a finding opens one) and the audit log are out of date. */
export function useInspectionMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: INSPECTIONS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['leads'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: InspectionBody) => unwrap(await api.POST('/api/inspections', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateInspectionBody }) =>
      unwrap(await api.PUT('/api/inspections/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const openLead = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: OpenLeadBody }) =>
      unwrap(await api.POST('/api/inspections/{id}/lead', { params: { path: { id } }, body })),
    // Also on failure: a 409 means the record changed (or a lead was opened meanwhile); show it as it is now.
    onSettled: invalidate,
  });
  return { create, update, openLead, invalidate };
}
