import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { buildApp } from '../src/app';
import type { Db } from '../src/db/database';
import { createServices } from '../src/services';
import { createLoginThrottle } from '../src/modules/auth/throttle.service';
import { createThrottleRepository } from '../src/modules/auth/throttle.repository';
import { createSessionsRepository } from '../src/modules/auth/sessions.repository';
import { loginThrottle } from '../src/modules/auth/throttle.schema';
import { auditLog } from '../src/modules/audit/audit.schema';
import { users } from '../src/modules/users/users.schema';
import type { App } from '../src/platform/http';
import { createTestApp, login, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

let t: TestApp;
let tenant: Tenant;
/** The throttle's clock: a test moves it instead of waiting for a delay to pass. */
let clock = Date.now();
const servicesWithClock = (db: Db) =>
  createServices(db, {
    throttle: createLoginThrottle({
      db,
      throttleRepository: createThrottleRepository(),
      sessionsRepository: createSessionsRepository(),
      now: () => new Date(clock),
    }),
  });

beforeAll(async () => {
  t = await createTestApp({ services: servicesWithClock });
  tenant = await createTenant(t.services, { roles: ['admin', 'handler', 'office'] });
});
afterAll(() => t.close());

/** A second RedShield process on the same database (optionally behind a trusted proxy). */
async function secondInstance(trustProxy?: string[]): Promise<App> {
  const { app } = await buildApp({
    database: t.database,
    config: { secureCookies: false, webDist: undefined, trustProxy },
    services: servicesWithClock(t.database.db),
  });
  await app.ready();
  return app;
}

const attempt = (
  app: App,
  username: string,
  password: string,
  remoteAddress: string,
  headers: Record<string, string> = {},
) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress, headers });

describe('login and sessions', () => {
  it('logs in with a session cookie that is httpOnly and SameSite=Strict, and answers {csrfToken, user}', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: tenant.byRole.handler.username, password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/rs_session=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = res.json();
    expect(body.csrfToken).toMatch(/.{20,}/);
    expect(body.user).toMatchObject({
      username: tenant.byRole.handler.username,
      roles: ['handler'],
      unitName: tenant.units.district.name,
    });
    expect(body.user.passwordHash).toBeUndefined();
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.id, tenant.byRole.handler.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password in Chinese without saying which part was wrong', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: tenant.byRole.office.username, password: 'wrong-1234' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toBe('用户名或密码不正确');
  });

  it('answers 401 without a session and 403 without the CSRF token on a change', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    const s = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const noToken = await s.request(
      'POST',
      '/api/units',
      { parentId: tenant.units.district.id, name: 'x', code: 'x', kind: 'office' },
      { csrf: false },
    );
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().detail).toMatch(/CSRF/);
    const me = await s.request('GET', '/api/auth/me', undefined, { csrf: false });
    expect(me.statusCode).toBe(200);
    expect(me.json().csrfToken).toBe(s.csrfToken);
  });

  it('ends the session on logout', async () => {
    const s = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('changes the password: checks the current one and the strength of the new one, ends other sessions', async () => {
    const username = tenant.unitUsers.own.username;
    const first = await login(t.app, username, TEST_PASSWORD);
    const second = await login(t.app, username, TEST_PASSWORD);
    const wrong = await first.request('POST', '/api/auth/password', {
      currentPassword: 'bad-pass-1',
      newPassword: 'Newpass2026',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'currentPassword' });
    const weak = await first.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.json().errors[0]).toMatchObject({ path: 'newPassword', message: '密码至少 10 位' });
    const ok = await first.request('POST', '/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Newpass2026',
    });
    expect(ok.statusCode).toBe(204);
    expect((await first.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect((await second.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, username, TEST_PASSWORD)).rejects.toThrow(/401/);
    await login(t.app, username, 'Newpass2026');
  });

  it('refuses a deactivated user at once, session included', async () => {
    const admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const target = tenant.unitUsers.child;
    const s = await login(t.app, target.username, TEST_PASSWORD);
    const current = (await admin.request('GET', `/api/users/${target.id}`)).json();
    const res = await admin.request('PATCH', `/api/users/${target.id}`, { version: current.version, active: false });
    expect(res.statusCode).toBe(200);
    expect((await s.request('GET', '/api/auth/me')).statusCode).toBe(401);
    await expect(login(t.app, target.username, TEST_PASSWORD)).rejects.toThrow(/401/);
  });
});

// Each test here builds a database of its own (migrations included): slow on a loaded machine.
describe('system administrator bootstrap', () => {
  it('creates admin once, with ADMIN_PASSWORD', async () => {
    const fresh = await createTestApp();
    try {
      const created = await fresh.services.authService.ensureSystemAdmin('Guard-Root-2026');
      expect(created).toEqual({ created: true, password: undefined });
      expect(await fresh.services.authService.ensureSystemAdmin('Other-Root-2026')).toEqual({ created: false });
      const s = await login(fresh.app, 'admin', 'Guard-Root-2026');
      expect((await s.request('GET', '/api/auth/me')).json().user.isSystemAdmin).toBe(true);
    } finally {
      await fresh.close();
    }
  }, 90_000);

  it('refuses a weak ADMIN_PASSWORD, and prints a random one when none is given', async () => {
    const other = await createTestApp();
    try {
      await expect(other.services.authService.ensureSystemAdmin('Kestrel26')).rejects.toThrow(
        'ADMIN_PASSWORD 不符合密码要求：密码至少 10 位',
      );
      await expect(other.services.authService.ensureSystemAdmin('Admin12345')).rejects.toThrow(
        'ADMIN_PASSWORD 不符合密码要求：密码不能是用户名或用户名加数字',
      );
      await expect(other.services.authService.ensureSystemAdmin('password1')).rejects.toThrow(/过于常见/);
      const created = await other.services.authService.ensureSystemAdmin();
      expect(created.password).toMatch(/^.{12,}$/);
      await login(other.app, 'admin', created.password!);
    } finally {
      await other.close();
    }
  }, 90_000);
});

describe('login throttle', () => {
  it('slows a guesser of one account from one client with growing delays, and never locks the owner out', async () => {
    const victim = tenant.unitUsers.sibling.username;
    const attacker = '10.9.0.66';
    const waits: number[] = [];
    let failures = 0;
    while (failures < 30) {
      const res = await attempt(t.app, victim, `guess-${failures}-x1`, attacker);
      if (res.statusCode === 429) {
        const wait = Number(res.headers['retry-after']);
        if (waits.length === 0) expect(res.json().detail).toBe('登录失败次数过多，请 1 秒后再试');
        waits.push(wait);
        clock += wait * 1000;
        continue;
      }
      expect(res.statusCode).toBe(401);
      failures++;
    }
    // Free for 5 failures, then 1 s, 2 s, 4 s … capped at 5 minutes.
    expect(waits.slice(0, 9)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256]);
    expect(Math.max(...waits)).toBe(300);
    // The attacker's client waits, even with the right password …
    const held = await attempt(t.app, victim, TEST_PASSWORD, attacker);
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('300');
    expect(held.json().detail).toBe('登录失败次数过多，请 5 分钟后再试');
    // … while the owner, at his own desk, gets in at once.
    expect((await attempt(t.app, victim, TEST_PASSWORD, '10.9.0.7')).statusCode).toBe(200);
    // Nothing is locked for good: once the wait is over the right password works from there too.
    clock += 300_000;
    expect((await attempt(t.app, victim, TEST_PASSWORD, attacker)).statusCode).toBe(200);
  });

  it('counts guesses sent all at once: only 5 are heard', async () => {
    const name = tenant.byRole.office.username;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(t.app, name, `parallel-${i}-x`, '10.9.0.90')),
    );
    const codes = answers.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(5);
    expect(codes.filter((c) => c === 429)).toHaveLength(15);
  });

  it('shares the count between two processes on one database', async () => {
    const other = await secondInstance();
    try {
      const name = tenant.unitUsers.parent.username;
      for (const app of [t.app, other, t.app, other, t.app])
        expect((await attempt(app, name, 'wrong-pass-1', '10.9.0.80')).statusCode).toBe(401);
      const res = await attempt(other, name, TEST_PASSWORD, '10.9.0.80');
      expect(res.statusCode).toBe(429);
      const [row] = await t.database.db
        .select()
        .from(loginThrottle)
        .where(eq(loginThrottle.key, `p:${name.toLowerCase()}|10.9.0.80`));
      expect(row.failures).toBe(5);
      clock += 1000;
      expect((await attempt(t.app, name, TEST_PASSWORD, '10.9.0.80')).statusCode).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('slows an address that sprays many accounts, and only that address', async () => {
    const sprayer = '10.9.1.1';
    for (let i = 0; i < 100; i++)
      expect((await attempt(t.app, `nobody_${i}_${tenant.tag}`, 'Spring2026x', sprayer)).statusCode).toBe(401);
    const res = await attempt(t.app, tenant.byRole.office.username, TEST_PASSWORD, sprayer);
    expect(res.statusCode).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect((await attempt(t.app, tenant.byRole.office.username, TEST_PASSWORD, '10.9.1.2')).statusCode).toBe(200);
  });

  it('believes X-Forwarded-For only from the configured proxy', async () => {
    const behindProxy = await secondInstance(['10.0.0.5']);
    const lastLoginAddress = async () => {
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, 'auth.login'))
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return (entry.after as { address: string }).address;
    };
    try {
      const name = tenant.byRole.handler.username;
      expect(
        (await attempt(behindProxy, name, TEST_PASSWORD, '10.0.0.5', { 'x-forwarded-for': '203.0.113.9' })).statusCode,
      ).toBe(200);
      expect(await lastLoginAddress()).toBe('203.0.113.9');
      // Anyone else who sends the header is counted by his own address.
      expect(
        (await attempt(behindProxy, name, TEST_PASSWORD, '10.0.0.77', { 'x-forwarded-for': '203.0.113.9' })).statusCode,
      ).toBe(200);
      expect(await lastLoginAddress()).toBe('10.0.0.77');
      // Without TRUST_PROXY the header is ignored.
      expect(
        (await attempt(t.app, name, TEST_PASSWORD, '10.0.0.5', { 'x-forwarded-for': '203.0.113.9' })).statusCode,
      ).toBe(200);
      expect(await lastLoginAddress()).toBe('10.0.0.5');

      // Behind the proxy, one client's failures slow that client only, not the whole bureau.
      const via = (client: string) => ({ 'x-forwarded-for': client });
      for (let i = 0; i < 5; i++)
        expect((await attempt(behindProxy, name, 'wrong-pass-1', '10.0.0.5', via('203.0.113.20'))).statusCode).toBe(
          401,
        );
      expect((await attempt(behindProxy, name, TEST_PASSWORD, '10.0.0.5', via('203.0.113.20'))).statusCode).toBe(429);
      expect((await attempt(behindProxy, name, TEST_PASSWORD, '10.0.0.5', via('203.0.113.21'))).statusCode).toBe(200);
    } finally {
      await behindProxy.close();
    }
  });

  it('deletes counters whose window is over', async () => {
    await attempt(t.app, 'stale_someone', 'wrong-pass-1', '10.9.2.1');
    clock += 3 * 60 * 60_000;
    await attempt(t.app, 'fresh_someone', 'wrong-pass-1', '10.9.2.2');
    const keys = (await t.database.db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(keys).not.toContain('p:stale_someone|10.9.2.1');
    expect(keys).toContain('p:fresh_someone|10.9.2.2');
  });
});
