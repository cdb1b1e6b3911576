import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { SESSION_KEY } from '../modules/auth/session';
import { INBOX_KEY } from '../modules/inbox/api';

/**
 * The app's query client. A 401 on anything but the login itself means the session ended (it
 * expired, or the user logged out in another tab): the session is cleared and the login page shows.
 */
export function createQueryClient(onSessionExpired: () => void): QueryClient {
  /** `authRequest`: login/logout, whose 401 means wrong credentials, not an ended session. */
  const handle = (error: unknown, isSessionQuery: boolean, meta: Record<string, unknown> | undefined) => {
    if (error instanceof ApiError && error.status === 401 && !isSessionQuery && !meta?.authRequest) {
      if (client.getQueryData(SESSION_KEY)) onSessionExpired();
      client.setQueryData(SESSION_KEY, null);
    }
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => handle(error, query.queryKey[0] === SESSION_KEY[0], query.meta),
    }),
    mutationCache: new MutationCache({
      onError: (error, _v, _r, mutation) => handle(error, false, mutation.options.meta),
      // Any change may settle or add something waiting (a case reviewed, a report returned): the
      // menu's count and the inbox are asked again rather than each mutation having to know it.
      onSuccess: () => void client.invalidateQueries({ queryKey: INBOX_KEY }),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers do not get better by asking again.
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
        // Ask even when the browser says it is offline: the service worker answers the entry
        // forms' reads from its cache (lib/offline); otherwise the query fails as before.
        networkMode: 'offlineFirst',
      },
      // A change sent without a network fails at once (the entry forms queue it) instead of waiting paused.
      mutations: { retry: false, networkMode: 'always' },
    },
  });
  return client;
}
