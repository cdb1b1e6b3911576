import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type JointOperation = Schemas['JointOperation'];
export type JointOperationSummary = Schemas['JointOperationSummary'];
export type JointOperationTotals = Schemas['JointOperationTotals'];
export type JointOperationListQuery = NonNullable<paths['/api/joint-operations']['get']['parameters']['query']>;
export type JointOperationBody = paths['/api/joint-operations']['post']['requestBody']['content']['application/json'];
export type UpdateJointOperationBody =
  paths['/api/joint-operations/{id}']['put']['requestBody']['content']['application/json'];
export type JointOperationKind = JointOperationBody['kind'];
export type JointLead = NonNullable<JointOperationBody['leadDepartment']>;

export const JOINT_OPERATION_KINDS: readonly JointOperationKind[] = ['joint_action', 'joint_meeting'];
export const JOINT_OPERATIONS_KEY = ['joint-operations'] as const;

export function useJointOperations(query: JointOperationListQuery, enabled = true) {
  return useQuery({
    queryKey: [...JOINT_OPERATIONS_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/joint-operations', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useJointOperation(id: string | undefined) {
  return useQuery({
    queryKey: [...JOINT_OPERATIONS_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/joint-operations/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** Every change: the lists, the record, the briefing drafts that count them and the audit log are out of date. */
export function useJointOperationMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: JOINT_OPERATIONS_KEY }),
      queryClient.invalidateQueries({ queryKey: ['briefings'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const create = useMutation({
    mutationFn: async (body: JointOperationBody) => unwrap(await api.POST('/api/joint-operations', { body })),
    onSuccess: invalidate,
  });
  const update = useMutation({
    mutationFn: async ({ id, body }: { id: string; body: UpdateJointOperationBody }) =>
      unwrap(await api.PUT('/api/joint-operations/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  return { create, update, invalidate };
}
