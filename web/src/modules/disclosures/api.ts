import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Disclosure = Schemas['CaseDisclosure'];
export type DisclosureStatus = Disclosure['status'];
export type ConsumerWarning = Schemas['ConsumerWarning'];
export type WarningKind = ConsumerWarning['kind'];
export type PublicDisclosure = Schemas['PublicDisclosure'];
export type PublicWarning = Schemas['PublicWarning'];
export type DisclosureText = Omit<
  paths['/api/disclosures/{id}']['put']['requestBody']['content']['application/json'],
  'version'
>;
export type WarningBody = paths['/api/consumer-warnings']['post']['requestBody']['content']['application/json'];

export const WARNING_KINDS: WarningKind[] = ['consumer_warning', 'warning_notice'];
export const DISCLOSURES_KEY = ['disclosures'] as const;
const PUBLIC_KEY = ['public-disclosures'] as const;

/** The disclosures the user sees (a case's with `caseId`, and whether one may be written for it). */
export function useDisclosures(query: { caseId?: string } = {}) {
  return useQuery({
    queryKey: [...DISCLOSURES_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/disclosures', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useDisclosure(id: string | undefined) {
  return useQuery({
    queryKey: [...DISCLOSURES_KEY, 'one', id],
    queryFn: async () => unwrap(await api.GET('/api/disclosures/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useWarnings() {
  return useQuery({
    queryKey: [...DISCLOSURES_KEY, 'warnings'],
    queryFn: async () => unwrap(await api.GET('/api/consumer-warnings', { params: { query: {} } })),
  });
}

/** Every change: the lists, the approvals, the public page and the audit log are out of date. */
export function useDisclosureMutations() {
  const queryClient = useQueryClient();
  const invalidate = () =>
    Promise.all(
      [DISCLOSURES_KEY, PUBLIC_KEY, ['approvals'], ['inbox'], ['audit']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  const version = (v: number) => ({ version: v });
  return {
    invalidate,
    create: useMutation({
      mutationFn: async (caseId: string) => unwrap(await api.POST('/api/disclosures', { body: { caseId } })),
      onSuccess: invalidate,
    }),
    update: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: DisclosureText & { version: number } }) =>
        unwrap(await api.PUT('/api/disclosures/{id}', { params: { path: { id } }, body })),
      onSuccess: invalidate,
    }),
    submit: useMutation({
      mutationFn: async (d: Pick<Disclosure, 'id' | 'version'>) =>
        unwrap(
          await api.POST('/api/disclosures/{id}/submit', { params: { path: { id: d.id } }, body: version(d.version) }),
        ),
      onSuccess: invalidate,
    }),
    withdraw: useMutation({
      mutationFn: async ({ id, ...body }: { id: string; reason: string; version: number }) =>
        unwrap(await api.POST('/api/disclosures/{id}/withdraw', { params: { path: { id } }, body })),
      onSuccess: invalidate,
    }),
    createWarning: useMutation({
      mutationFn: async (body: WarningBody) => unwrap(await api.POST('/api/consumer-warnings', { body })),
      onSuccess: invalidate,
    }),
    updateWarning: useMutation({
      mutationFn: async ({ id, body }: { id: string; body: Omit<WarningBody, 'unitId'> & { version: number } }) =>
        unwrap(await api.PUT('/api/consumer-warnings/{id}', { params: { path: { id } }, body })),
      onSuccess: invalidate,
    }),
    publishWarning: useMutation({
      mutationFn: async (w: Pick<ConsumerWarning, 'id' | 'version'>) =>
        unwrap(
          await api.POST('/api/consumer-warnings/{id}/publish', {
            params: { path: { id: w.id } },
            body: version(w.version),
          }),
        ),
      onSuccess: invalidate,
    }),
    withdrawWarning: useMutation({
      mutationFn: async (w: Pick<ConsumerWarning, 'id' | 'version'>) =>
        unwrap(
          await api.POST('/api/consumer-warnings/{id}/withdraw', {
            params: { path: { id: w.id } },
            body: version(w.version),
          }),
        ),
      onSuccess: invalidate,
    }),
  };
}

/** The public page: published disclosures and warnings, without a session. */
export function usePublicDisclosures(query: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'list', query],
    queryFn: async () => unwrap(await api.GET('/api/public/disclosures', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicWarnings() {
  return useQuery({
    queryKey: [...PUBLIC_KEY, 'warnings'],
    queryFn: async () =>
      unwrap(await api.GET('/api/public/warnings', { params: { query: { page: 1, pageSize: 50 } } })),
  });
}
