import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type ApprovalRequest = Schemas['ApprovalRequest'];
export type ApprovalStatus = ApprovalRequest['status'];

export const APPROVALS_KEY = ['approvals'] as const;

/** 待我审批: the pending requests the signed-in user may decide. */
export function useMyApprovals() {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'mine'],
    queryFn: async () =>
      unwrap(await api.GET('/api/approvals', { params: { query: { status: 'pending', mine: 'true' } } })),
    refetchInterval: 60_000,
  });
}

/** 我提交的申请: the signed-in user's own requests still awaiting a decision (a handler's 立案审批). */
export function useMyRequests(userId: string) {
  return useQuery({
    queryKey: [...APPROVALS_KEY, 'requested', userId],
    queryFn: async () => {
      const all = unwrap(await api.GET('/api/approvals', { params: { query: { status: 'pending' } } }));
      return { items: all.items.filter((r) => r.requestedBy === userId) };
    },
  });
}

/** A decision or a withdrawal changes the request and, approved, its record (a case's clock, a case filed, a lead closed): all are read again. */
export function useApprovalMutations() {
  const client = useQueryClient();
  const invalidate = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: APPROVALS_KEY }),
      // The records whose requests these are: an approval changes them (due date, stage, publication).
      client.invalidateQueries({ queryKey: ['cases'] }),
      client.invalidateQueries({ queryKey: ['leads'] }),
      client.invalidateQueries({ queryKey: ['campaigns'] }),
      client.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  const decide = useMutation({
    mutationFn: async ({
      id,
      body,
    }: {
      id: string;
      body: { decision: 'approve' | 'reject'; comment?: string | null; version: number };
    }) => unwrap(await api.POST('/api/approvals/{id}/decision', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
  const withdraw = useMutation({
    mutationFn: async ({ id, version }: { id: string; version: number }) =>
      unwrap(await api.POST('/api/approvals/{id}/withdraw', { params: { path: { id } }, body: { version } })),
    onSuccess: invalidate,
  });
  return { decide, withdraw, invalidate };
}
