import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type User = Schemas['UserWithPermissions'];
export type UserListQuery = NonNullable<paths['/api/users']['get']['parameters']['query']>;
export type CreateUserBody = paths['/api/users']['post']['requestBody']['content']['application/json'];
export type UpdateUserBody = paths['/api/users/{id}']['patch']['requestBody']['content']['application/json'];

export const USERS_KEY = ['users'] as const;

export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: [...USERS_KEY, query],
    queryFn: async () => unwrap(await api.GET('/api/users', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUserMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: USERS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: CreateUserBody) => unwrap(await api.POST('/api/users', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateUserBody }) =>
      unwrap(await api.PATCH('/api/users/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const resetPassword = useMutation({
    mutationFn: async ({ id, password }: { id: string; password: string }) =>
      unwrap(await api.POST('/api/users/{id}/reset-password', { params: { path: { id } }, body: { password } })),
    onSuccess: invalidate,
  });
  return { create, update, resetPassword, invalidate };
}
