import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { notificationEmails } from '../src/modules/notifications/notification-emails.schema';
import { notifications, type NewNotification } from '../src/modules/notifications/notifications.schema';
import { createSmtpMailer, type MailSettings } from '../src/platform/mail/mailer';
import { createJobQueue } from '../src/platform/jobs/job-queue';
import { createServices } from '../src/services';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { createLiaison, servicesOnClock } from './helpers/reports';

/** What the local SMTP receiver got: envelope recipients and the decoded subject and text. */
interface Received {
  to: string[];
  subject: string;
  text: string;
}

/** Decodes RFC 2047 words (=?UTF-8?B?…?= / =?UTF-8?Q?…?=) of a header. */
const decodeWords = (value: string) =>
  value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, data: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQp(data.replace(/_/g, ' ')),
  );
const decodeQp = (s: string) =>
  Buffer.from(
    s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

function parse(raw: string, to: string[]): Received {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1] ?? '';
  const body = rest.join('\n\n');
  const cte = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    cte === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : cte === 'quoted-printable'
        ? decodeQp(body)
        : body;
  return { to, subject: decodeWords(header('Subject')), text };
}

const received: Received[] = [];
let refusing = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onRcptTo(_address, _session, callback) {
    if (refusing) callback(Object.assign(new Error('邮箱暂时不可用'), { responseCode: 450 }));
    else callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      received.push(
        parse(
          Buffer.concat(chunks).toString('utf8'),
          session.envelope.rcptTo.map((r) => r.address),
        ),
      );
      callback();
    });
  },
});

const APP_URL = 'https://redshield.example.gov.cn';
let t: TestApp;
let tenant: Tenant;
let admin: Session;
let handlerEmail = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  const settings: MailSettings = {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: '红盾 <redshield@example.gov.cn>',
    appUrl: APP_URL,
    maxAttempts: 3,
    retryDelaySeconds: 0,
  };
  // The reports' clock (a chase needs an overdue report): 31 May 2026 in Beijing.
  const clock = new Date('2026-05-31T02:00:00Z');
  t = await createTestApp({
    services: servicesOnClock(() => clock, { mail: { settings, mailer: createSmtpMailer(settings) } }),
  });
  tenant = await createTenant(t.services, { roles: ['admin', 'handler', 'office'] });
  admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
  handlerEmail = `handler_${tenant.tag}@chongming.example.gov.cn`;
  const user = tenant.byRole.handler;
  const bad = await admin.request('PATCH', `/api/users/${user.id}`, { version: user.version, email: 'not-an-address' });
  expect(bad.statusCode).toBe(400);
  expect(bad.json().errors[0].path).toBe('email');
  expect(bad.json().errors[0].message).toContain('电子邮箱');
  const set = await admin.request('PATCH', `/api/users/${user.id}`, {
    version: user.version,
    email: ` ${handlerEmail} `,
  });
  expect(set.statusCode, set.body).toBe(200);
  expect(set.json().email).toBe(handlerEmail);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

let seq = 0;
const notice = (userId: string): NewNotification => {
  seq++;
  return {
    userId,
    kind: 'report_chased',
    title: `测试所的月报被催报（第 ${seq} 次）`,
    body: '请尽快报送',
    link: `/campaigns/c${seq}/report?unitId=u${seq}`,
    unitId: tenant.units.district.id,
    dedupeKey: `mail-test:${tenant.tag}:${seq}`,
  };
};
const notify = (rows: NewNotification[], services = t.services) =>
  t.database.db.transaction((tx) => services.notificationsService.notify(tx, rows));
const emailOf = async (title: string) => {
  const [n] = await t.database.db.select().from(notifications).where(eq(notifications.title, title));
  const [e] = await t.database.db.select().from(notificationEmails).where(eq(notificationEmails.notificationId, n.id));
  return { notification: n, email: e };
};

describe('notification e-mail', () => {
  it('sends a notification of a person with an address once, with its title, text and link', async () => {
    const before = received.length;
    const mine = notice(tenant.byRole.handler.id);
    const none = notice(tenant.byRole.office.id); // no e-mail address
    expect(await notify([mine, none])).toBe(2);
    expect((await emailOf(mine.title)).email.status).toBe('pending');
    expect((await emailOf(none.title)).email).toBeUndefined();

    expect((await t.services.notificationEmailsService.sendDue()).sent).toBe(1);
    expect((await t.services.notificationEmailsService.sendDue()).sent).toBe(0); // the job run twice: sent once
    const got = received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0].to).toEqual([handlerEmail]);
    expect(got[0].subject).toBe(mine.title);
    expect(got[0].text).toContain('请尽快报送');
    expect(got[0].text).toContain(`查看详情：${APP_URL}${mine.link}`);
    const { email } = await emailOf(mine.title);
    expect(email.status).toBe('sent');
    expect(email.sentAt).not.toBeNull();
    expect(email.attempts).toBe(1);
    // A row back to pending (as after a crash) with sentAt set is never sent again.
    await t.database.db
      .update(notificationEmails)
      .set({ status: 'pending' })
      .where(eq(notificationEmails.id, email.id));
    expect((await t.services.notificationEmailsService.sendDue()).sent).toBe(0);
    expect(received.length).toBe(before + 1);
  });

  it("a 催报 e-mails the liaison: queued in the writer's own transaction", async () => {
    const before = received.length;
    const liaison = await createLiaison(t.services, tenant.units.office.id, `m_liaison_${tenant.tag}`);
    const address = `m_liaison_${tenant.tag}@chongming.example.gov.cn`;
    expect(
      (await admin.request('PATCH', `/api/users/${liaison.id}`, { version: liaison.version, email: address }))
        .statusCode,
    ).toBe(200);
    const office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
    const plan = samplePlan({
      leadUnitId: tenant.units.office.id,
      participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
    });
    const created = await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan });
    expect(created.statusCode, created.body).toBe(201);
    const { id: campaignId, version, reportSchedules } = created.json();
    const published = await office.request('POST', `/api/campaigns/${campaignId}/status`, {
      version,
      status: 'active',
      owesPastPeriods: true,
    });
    expect(published.statusCode, published.body).toBe(200);
    const chased = await office.request('POST', `/api/campaigns/${campaignId}/reports/chase`, {
      scheduleId: reportSchedules[0].id,
      periodEnd: '2026-03-31',
      unitId: tenant.units.office.id,
      note: '请今天下班前报送',
    });
    expect(chased.statusCode, chased.body).toBe(201);
    expect((await t.services.notificationEmailsService.sendDue()).sent).toBe(1);
    const [mail] = received.slice(before);
    expect(mail.to).toEqual([address]);
    expect(mail.subject).toContain('催报');
    expect(mail.text).toContain('请今天下班前报送');
    expect(mail.text).toContain(`${APP_URL}/campaigns/${campaignId}/report?`);
  });

  it('queues nothing when the installation has no SMTP server', async () => {
    const row = notice(tenant.byRole.handler.id);
    expect(await notify([row], createServices(t.database.db))).toBe(1);
    const { notification, email } = await emailOf(row.title);
    expect(notification).toBeDefined();
    expect(email).toBeUndefined();
  });

  it('a refused e-mail keeps the notification, is retried, ends failed for the administrator, and 重试 sends it', async () => {
    const before = received.length;
    const row = notice(tenant.byRole.handler.id);
    refusing = true;
    await notify([row]);
    expect(await t.services.notificationEmailsService.sendDue()).toEqual({ sent: 0, retry: 1, failed: 0 });
    expect((await emailOf(row.title)).email).toMatchObject({ status: 'pending', attempts: 1 });
    await t.services.notificationEmailsService.sendDue();
    expect(await t.services.notificationEmailsService.sendDue()).toEqual({ sent: 0, retry: 0, failed: 1 });
    const { notification, email } = await emailOf(row.title);
    expect(notification.readAt).toBeNull(); // the bell still has it
    expect(email).toMatchObject({ status: 'failed', attempts: 3, sentAt: null });
    expect(email.lastError).toContain('邮箱暂时不可用');
    expect(received.length).toBe(before);
    // Failed stays failed: the job does not send it again by itself.
    refusing = false;
    expect((await t.services.notificationEmailsService.sendDue()).sent).toBe(0);

    const list = await admin.request('GET', '/api/notifications/email-failures');
    expect(list.statusCode, list.body).toBe(200);
    const failed = list.json().items.find((i: { id: string }) => i.id === email.id);
    expect(failed).toMatchObject({ toAddress: handlerEmail, subject: row.title, attempts: 3, status: 'failed' });
    expect(failed.lastError).toContain('邮箱暂时不可用');
    expect(failed.lastAttemptAt).not.toBeNull();
    expect(list.json().enabled).toBe(true);
    const office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
    expect((await office.request('GET', '/api/notifications/email-failures')).statusCode).toBe(403);
    expect((await office.request('POST', `/api/notifications/email-failures/${email.id}/retry`)).statusCode).toBe(403);

    const inbox = (await admin.request('GET', '/api/inbox')).json();
    const item = inbox.items.find((i: { recordId: string }) => i.recordId === email.id);
    expect(item).toMatchObject({ kind: 'email_failed', recordType: 'notification_email', link: '/email-failures' });
    expect(item.title).toContain('邮件发送失败');
    expect(inbox.counts.email_failed).toBe(1);
    expect((await office.request('GET', '/api/inbox')).json().counts.email_failed).toBeUndefined();

    const retried = await admin.request('POST', `/api/notifications/email-failures/${email.id}/retry`);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'sent', attempts: 1 });
    expect(received.slice(before).map((r) => r.subject)).toEqual([row.title]);
    expect((await admin.request('POST', `/api/notifications/email-failures/${email.id}/retry`)).statusCode).toBe(409);
    expect((await admin.request('GET', '/api/inbox')).json().counts.email_failed).toBeUndefined();
  });

  it('the durable job sends what is due', async () => {
    const before = received.length;
    const row = notice(tenant.byRole.handler.id);
    await notify([row]);
    const jobs = createJobQueue({
      executeSql: t.database.executeSql,
      jobs: t.services.jobs,
      pollingIntervalSeconds: 0.5,
    });
    expect(t.services.jobs.map((j) => j.name)).toContain('notification-emails');
    await jobs.start();
    try {
      const id = (await jobs.send('notification-emails'))!;
      for (let i = 0; i < 60 && (await jobs.state('notification-emails', id)) !== 'completed'; i++)
        await new Promise((r) => setTimeout(r, 250));
      expect(await jobs.state('notification-emails', id)).toBe('completed');
    } finally {
      await jobs.stop();
    }
    expect(received.slice(before).map((r) => r.subject)).toEqual([row.title]);
  });
});
