import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '@redshield/api-client';
import { api, unwrap } from '../../lib/api';

export type NotificationList = paths['/api/notifications']['get']['responses'][200]['content']['application/json'];
export type Notification = NotificationList['items'][number];

export const NOTIFICATIONS_KEY = ['notifications'] as const;
/** How often the bell asks for new notifications (a chase or a return arrives while the page is open). */
const REFRESH_MS = 60_000;

export function useNotifications(unreadOnly: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, { unreadOnly }],
    queryFn: async () =>
      unwrap(
        await api.GET('/api/notifications', {
          params: { query: { unread: unreadOnly ? 'true' : undefined, page: 1, pageSize: 50 } },
        }),
      ),
    refetchInterval: REFRESH_MS,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (body: { ids: string[] } | { all: true }) =>
      unwrap(await api.POST('/api/notifications/read', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}

export type EmailFailureList =
  paths['/api/notifications/email-failures']['get']['responses'][200]['content']['application/json'];
export type EmailFailure = EmailFailureList['items'][number];
const EMAIL_FAILURES_KEY = ['notification-email-failures'] as const;

/** 邮件发送失败 (administrators): the failed e-mails of their units' people, newest first. */
export function useEmailFailures(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...EMAIL_FAILURES_KEY, { page, pageSize }],
    queryFn: async () =>
      unwrap(await api.GET('/api/notifications/email-failures', { params: { query: { page, pageSize } } })),
  });
}

/** 重试: sends a failed e-mail again now; the list, the inbox and the audit log change. */
export function useRetryEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/notifications/email-failures/{id}/retry', { params: { path: { id } } })),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: EMAIL_FAILURES_KEY }),
        client.invalidateQueries({ queryKey: ['inbox'] }),
        client.invalidateQueries({ queryKey: ['audit'] }),
      ]),
  });
}
