import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { NotificationsRepository } from './notifications.repository';
import type { NewNotification, NotificationRow } from './notifications.schema';

/**
 * 消息通知: what a person is told in the app. Writers call `notify` inside their own transaction,
 * so a notification exists exactly when what it tells happened; each is made once (dedupeKey).
 * Everyone reads and marks only their own (reading is personal state, not audited).
 */
export function createNotificationsService(deps: {
  db: Db;
  notificationsRepository: NotificationsRepository;
  /** 邮件通知 (notification-emails.service): queues the e-mail of each new notification, when e-mail is on. */
  emails?: { enqueue(tx: Db, created: NotificationRow[]): Promise<number> };
  now?: () => Date;
}) {
  const { db, notificationsRepository: repo } = deps;
  const now = deps.now ?? (() => new Date());
  const view = (r: Awaited<ReturnType<NotificationsRepository['insertNew']>>[number]) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    link: r.link,
    createdAt: r.createdAt,
    readAt: r.readAt,
  });

  return {
    /**
     * Makes the notifications not made before; returns how many are new. Pass the writer's
     * transaction: the e-mails of the new ones are queued in it too (sent after it commits).
     */
    async notify(tx: Db, rows: NewNotification[]) {
      const created = await repo.insertNew(tx, rows);
      if (deps.emails) await deps.emails.enqueue(tx, created);
      return created.length;
    },

    /** The signed-in person's notifications, newest first, with the unread count for the bell. */
    async list(actor: Actor, q: { unreadOnly?: boolean; page: number; pageSize: number }) {
      const [{ items, total }, unread] = await Promise.all([
        repo.listForUser(db, actor.userId, {
          unreadOnly: q.unreadOnly ?? false,
          limit: q.pageSize,
          offset: (q.page - 1) * q.pageSize,
        }),
        repo.unreadCount(db, actor.userId),
      ]);
      return { items: items.map(view), total, unread };
    },

    /** Marks read the given notifications of the person (others' are left alone), or all of them. */
    async markRead(actor: Actor, ids: string[] | 'all') {
      const marked = await repo.markRead(db, actor.userId, ids, now());
      return { marked, unread: await repo.unreadCount(db, actor.userId) };
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
