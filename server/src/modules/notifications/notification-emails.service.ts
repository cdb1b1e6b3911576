import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, notFound } from '../../platform/errors';
import type { Mailer, MailSettings } from '../../platform/mail/mailer';
import { isUuid, unitIdInScope } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import { users } from '../users/users.schema';
import { notificationEmailPolicy } from './notification-emails.policy';
import type { NotificationEmailsRepository } from './notification-emails.repository';
import type { NotificationEmailRow } from './notification-emails.schema';
import type { NotificationRow } from './notifications.schema';

/**
 * E-mails claimed at once, and how long their claim holds: well beyond a batch at the transport's
 * worst (about a minute each, mailer.ts's timeouts), so only a process that died loses its claim.
 */
const BATCH = 10;
const LOCK_SECONDS = 15 * 60;

/** The e-mail of a notification: its title as the subject, its text and the link to the record. */
export function emailOf(n: Pick<NotificationRow, 'title' | 'body' | 'link'>, appUrl: string) {
  const lines = [n.title];
  if (n.body) lines.push('', n.body);
  if (n.link) lines.push('', `查看详情：${appUrl}${n.link}`);
  lines.push('', '—— 红盾 RedShield 消息通知（系统自动发送，请勿直接回复）');
  return { subject: n.title, body: lines.join('\n') };
}

/**
 * 邮件通知: each notification of a person with an e-mail address is also sent by e-mail, when the
 * installation has SMTP configured (MailSettings); without it nothing is queued and nothing sent.
 * `enqueue` writes the outbox row in the notification's own transaction; `sendDue` (the job) sends
 * what is due, once each: a refusal is retried with doubling delays, then marked failed, which
 * the administrators see (`failures`, the inbox) and can send again (`retry`). The in-app
 * notification never depends on the e-mail.
 */
export function createNotificationEmailsService(deps: {
  db: Db;
  repository: NotificationEmailsRepository;
  auditService: AuditService;
  /** Absent: e-mail is off. */
  mail?: { settings: MailSettings; mailer: Mailer };
  now?: () => Date;
}) {
  const { db, repository: repo, mail } = deps;
  const now = deps.now ?? (() => new Date());
  const maxAttempts = mail?.settings.maxAttempts ?? 5;
  const retryDelaySeconds = mail?.settings.retryDelaySeconds ?? 60;

  /** Sends one claimed e-mail and records the outcome; a refusal never throws. */
  async function deliver(row: NotificationEmailRow): Promise<'sent' | 'retry' | 'failed'> {
    try {
      await mail!.mailer.send({ to: row.toAddress, subject: row.subject, text: row.body });
    } catch (err) {
      const attempt = row.attempts + 1;
      const at = now();
      const next =
        attempt >= maxAttempts ? null : new Date(at.getTime() + retryDelaySeconds * 1000 * 2 ** (attempt - 1));
      await repo.markRefused(db, row.id, at, errorText(err), next);
      return next ? 'retry' : 'failed';
    }
    await repo.markSent(db, row.id, now());
    return 'sent';
  }

  async function sendClaimed(onlyId?: string) {
    const counts = { sent: 0, retry: 0, failed: 0 };
    for (;;) {
      const at = now();
      const claimed = await db.transaction((tx) =>
        repo.claimDue(tx, at, new Date(at.getTime() + LOCK_SECONDS * 1000), BATCH, onlyId),
      );
      for (const row of claimed) counts[await deliver(row)]++;
      if (claimed.length < BATCH || onlyId) return counts;
    }
  }

  const view = (r: NonNullable<Awaited<ReturnType<NotificationEmailsRepository['findInScope']>>>) => ({
    id: r.email.id,
    notificationId: r.email.notificationId,
    recipientId: r.email.userId,
    recipientName: r.recipientName,
    recipientUnitId: r.recipientUnitId,
    toAddress: r.email.toAddress,
    subject: r.email.subject,
    status: r.email.status,
    attempts: r.email.attempts,
    lastError: r.email.lastError,
    lastAttemptAt: r.email.lastAttemptAt,
    sentAt: r.email.sentAt,
    createdAt: r.email.createdAt,
  });

  return {
    enabled: mail !== undefined,

    /** Queues the e-mails of new notifications (inside their transaction); nothing when e-mail is off. */
    async enqueue(tx: Db, created: NotificationRow[]) {
      if (!mail || created.length === 0) return 0;
      const addresses = new Map(
        (await repo.addressesOf(tx, [...new Set(created.map((n) => n.userId))])).map((u) => [u.id, u.email!]),
      );
      const rows = created
        .filter((n) => addresses.has(n.userId))
        .map((n) => ({
          notificationId: n.id,
          userId: n.userId,
          toAddress: addresses.get(n.userId)!,
          ...emailOf(n, mail.settings.appUrl),
        }));
      await repo.insert(tx, rows);
      return rows.length;
    },

    /** The job's work: sends every e-mail due (in batches), each once; returns what happened. */
    async sendDue() {
      if (!mail) return { sent: 0, retry: 0, failed: 0 };
      return sendClaimed();
    },

    /** 邮件发送失败: the failed e-mails to people in the administrator's units, newest first. */
    async failures(actor: Actor, q: { page: number; pageSize: number }) {
      if (!notificationEmailPolicy.canManageFailures(actor)) throw forbidden('只有管理员可以查看邮件发送失败');
      const { items, total } = await repo.listFailed(db, unitIdInScope(actor, users.unitId), {
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      return { items: items.map(view), total, enabled: mail !== undefined };
    },

    /** 重试: a failed e-mail sent again now (and, refused again, retried as a new one would be). */
    async retry(actor: Actor, id: string) {
      const found = isUuid(id) ? await repo.findInScope(db, id, unitIdInScope(actor, users.unitId)) : undefined;
      if (!found) throw notFound('邮件');
      if (!notificationEmailPolicy.canManageFailures(actor)) throw forbidden('只有管理员可以重发邮件');
      if (!mail) throw conflict('本系统未配置邮件服务器（SMTP），无法重发');
      if (found.email.status !== 'failed') throw conflict('该邮件不是发送失败状态，无需重发');
      await db.transaction(async (tx) => {
        if (!(await repo.requeue(tx, id, now()))) throw conflict('该邮件已被他人重发');
        await deps.auditService.record(tx, actor, {
          action: 'notification.email_retry',
          recordId: id,
          unitId: found.recipientUnitId,
        });
      });
      await sendClaimed(id);
      return view({ ...found, email: (await repo.findById(db, id))! });
    },
  };
}

/** The SMTP server's answer, short, for the administrator. */
function errorText(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

export type NotificationEmailsService = ReturnType<typeof createNotificationEmailsService>;
