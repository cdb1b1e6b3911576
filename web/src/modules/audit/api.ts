import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type AuditEntry = Schemas['AuditEntry'];
export type AuditQuery = NonNullable<paths['/api/audit']['get']['parameters']['query']>;

export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: async () => unwrap(await api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** 校验哈希链: recomputes every entry's hash on the server. */
export function useVerifyChain() {
  return useMutation({ mutationFn: async () => unwrap(await api.GET('/api/audit/verify')) });
}
