import { useQuery } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type Inbox = paths['/api/inbox']['get']['responses'][200]['content']['application/json'];
export type InboxItem = Inbox['items'][number];

export const INBOX_KEY = ['inbox'] as const;
/** How often the menu's count and the inbox ask again (what waits changes while the page is open). */
const REFRESH_MS = 60_000;

/** 我的待办 of the signed-in user (the menu's count, the home card and the page share one query). */
export function useInbox() {
  return useQuery({
    queryKey: INBOX_KEY,
    queryFn: async () => unwrap(await api.GET('/api/inbox')),
    refetchInterval: REFRESH_MS,
  });
}
