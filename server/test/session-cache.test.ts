import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app';
import { createServices, type Services } from '../src/services';
import type { App } from '../src/platform/http';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

/**
 * Sessions kept for seconds (platform/access-cache.ts, issue 22), and every way access ends still
 * honoured at once: in the process that made the change, and in another process on the same
 * database, which hears it through the database's change signal (LISTEN/NOTIFY, migration 0055).
 */
let t: TestApp;
let tenant: Tenant;
let other: { app: App; services: Services };

/** The same request through the other process (B): its own services, its own memory, its own LISTEN. */
const throughOther = (s: Session, url = '/api/auth/me') =>
  other.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });

/** The other process hears the change within this long (NOTIFY is sent when the change commits). */
async function answeredWithin(s: Session, status: number, ms = 2000, url?: string): Promise<number> {
  const started = Date.now();
  for (;;) {
    const res = await throughOther(s, url);
    if (res.statusCode === status) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`still ${res.statusCode} after ${ms} ms, expected ${status}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const services = createServices(t.database.db);
  const { app } = await buildApp({
    database: t.database,
    config: { secureCookies: false, webDist: undefined },
    services,
  });
  other = { app, services };
  await app.ready();
}, 120_000);
afterAll(async () => {
  await other?.app.close();
  await t?.close();
});

describe('sessions kept for seconds, ended at once', () => {
  it('keeps a session in memory while the change signal is heard', async () => {
    expect(t.services.accessCache.keeping).toBe(true);
    expect(other.services.accessCache.keeping).toBe(true);
    const s = await login(t.app, tenant.unitUsers.own.username, TEST_PASSWORD);
    expect((await throughOther(s)).statusCode).toBe(200);
    // Expired behind the application's back (an UPDATE of a session sends no signal, as the sliding
    // expiry must not): the other process answers from the session it holds, without asking.
    await t.database.db.execute(
      sql`update sessions set expires_at = now() - interval '1 second' where user_id = ${tenant.unitUsers.own.id}`,
    );
    expect((await throughOther(s)).statusCode).toBe(200);
  });

  it('logout: at once here, and in the other process as soon as the signal arrives', async () => {
    const s = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await throughOther(s)).statusCode).toBe(200);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect(await answeredWithin(s, 401)).toBeLessThan(2000);
  });

  it('a role taken away, deactivation and a password reset by an administrator', async () => {
    const admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const person = tenant.byRole.leader;
    const users = `/api/users?unitId=${tenant.units.district.id}`;
    let s = await login(t.app, person.username, TEST_PASSWORD);
    expect((await throughOther(s, users)).statusCode).toBe(200);
    const version = async () => (await admin.request('GET', `/api/users/${person.id}`)).json().version as number;

    // 局领导 may list the people; as a 办案人员 he may not, here at once and there on the signal.
    const demoted = await admin.request('PATCH', `/api/users/${person.id}`, {
      version: await version(),
      roles: ['handler'],
    });
    expect(demoted.statusCode).toBe(200);
    expect((await s.request('GET', users)).statusCode).toBe(403);
    expect(await answeredWithin(s, 403, 2000, users)).toBeLessThan(2000);

    const off = await admin.request('PATCH', `/api/users/${person.id}`, { version: await version(), active: false });
    expect(off.statusCode).toBe(200);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await answeredWithin(s, 401);

    const on = await admin.request('PATCH', `/api/users/${person.id}`, { version: await version(), active: true });
    expect(on.statusCode).toBe(200);
    s = await login(t.app, person.username, TEST_PASSWORD);
    expect((await throughOther(s)).statusCode).toBe(200);
    const reset = await admin.request('POST', `/api/users/${person.id}/reset-password`, { password: 'Newpass-2026x' });
    expect(reset.statusCode).toBeLessThan(300);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await answeredWithin(s, 401);
  });

  it('a session ended outside the application (an administrator in psql) ends in every process', async () => {
    const s = await login(t.app, tenant.unitUsers.parent.username, TEST_PASSWORD);
    expect((await throughOther(s)).statusCode).toBe(200);
    await t.database.db.execute(sql`delete from sessions where user_id = ${tenant.unitUsers.parent.id}`);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await answeredWithin(s, 401);
  });

  it('keeps nothing when the signal is not heard', async () => {
    const s = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
    other.services.accessCache.listening(false);
    try {
      expect((await throughOther(s)).statusCode).toBe(200);
      await t.database.db.execute(sql`delete from sessions where user_id = ${tenant.byRole.office.id}`);
      expect((await throughOther(s)).statusCode).toBe(401);
    } finally {
      other.services.accessCache.listening(true);
    }
  });
});
