import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';
import type { Unit } from './tree';

type Body<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : never;
export type CreateUnitBody = Body<'/api/units', 'post'>;
export type UpdateUnitBody = Body<'/api/units/{id}', 'patch'>;
export type MoveUnitBody = Body<'/api/units/{id}/move', 'post'>;
export type SetUnitActiveBody = Body<'/api/units/{id}/active', 'post'>;

export const UNITS_KEY = ['units'] as const;

/** The units the caller may see (its unit and the subtree), sorted by depth then code. */
export function useUnits(includeInactive = false) {
  return useQuery({
    queryKey: [...UNITS_KEY, { includeInactive }],
    queryFn: async (): Promise<Unit[]> =>
      unwrap(
        await api.GET('/api/units', { params: { query: { includeInactive: includeInactive ? 'true' : 'false' } } }),
      ).items,
    placeholderData: keepPreviousData,
  });
}

/** After a change: units, users (they show unit names) and the audit log are out of date. */
function useInvalidate() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: UNITS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['users'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useUnitMutations() {
  const invalidate = useInvalidate();
  const create = useMutation({
    mutationFn: async (body: CreateUnitBody) => unwrap(await api.POST('/api/units', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUnitBody }) =>
      unwrap(await api.PATCH('/api/units/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const move = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: MoveUnitBody }) =>
      unwrap(await api.POST('/api/units/{id}/move', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const setActive = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: SetUnitActiveBody }) =>
      unwrap(await api.POST('/api/units/{id}/active', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  return { create, update, move, setActive, invalidate };
}
