import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { setCsrfToken, type Schemas } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Session = Schemas['Session'];
export type CurrentUser = Schemas['CurrentUser'];
export type Role = CurrentUser['roles'][number];

export const SESSION_KEY = ['session'] as const;

/** Restores the session on page load: the user and the CSRF token, or null when not logged in. */
async function fetchSession(): Promise<Session | null> {
  const result = await api.GET('/api/auth/me');
  if (result.response.status === 401) {
    setCsrfToken(null);
    return null;
  }
  const session = unwrap(result);
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: Infinity, retry: 1 });
}

/** The logged-in user (only call below the login gate). */
export function useCurrentUser(): CurrentUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser without a session');
  return data.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { username: string; password: string }) =>
      unwrap(await api.POST('/api/auth/login', { body })),
    meta: { authRequest: true },
    onSuccess: (session) => {
      // Nothing of a previous user may linger in the cache.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      setCsrfToken(session.csrfToken);
      queryClient.setQueryData(SESSION_KEY, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/auth/logout')),
    meta: { authRequest: true },
    onSettled: () => {
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
      queryClient.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }) =>
      unwrap(await api.POST('/api/auth/password', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
