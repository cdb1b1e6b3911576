import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices } from '../src/services';
import { createLoginThrottle } from '../src/modules/auth/throttle';
import { users } from '../src/modules/users/users.schema';
import { eq } from 'drizzle-orm';
import { createTestApp, login, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp({
    services: (db) => createServices(db, { throttle: createLoginThrottle({ perUser: 5, perAddress: 50, windowMs: 60_000 }) }),
  });
  tenant = await createTenant(t.services, { roles: ['admin', 'handler', 'office'] });
});
afterAll(() => t.close());

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
    expect(body.user).toMatchObject({ username: tenant.byRole.handler.username, roles: ['handler'], unitName: tenant.units.district.name });
    expect(body.user.passwordHash).toBeUndefined();
  });

  it('stores passwords as argon2id hashes', async () => {
    const [row] = await t.database.db.select().from(users).where(eq(users.id, tenant.byRole.handler.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password in Chinese without saying which part was wrong', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: tenant.byRole.office.username, password: 'wrong-1234' } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().detail).toBe('用户名或密码不正确');
  });

  it('throttles a user name after 5 failed attempts, even with the right password', async () => {
    const username = tenant.unitUsers.sibling.username;
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'nope-12345' } });
      expect(r.statusCode).toBe(401);
    }
    const blocked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.json().detail).toMatch(/登录失败次数过多/);
  });

  it('answers 401 without a session and 403 without the CSRF token on a change', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/units' })).statusCode).toBe(401);
    const s = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const noToken = await s.request('POST', '/api/units', { parentId: tenant.units.district.id, name: 'x', code: 'x', kind: 'office' }, { csrf: false });
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
    const wrong = await first.request('POST', '/api/auth/password', { currentPassword: 'bad-pass-1', newPassword: 'Newpass2026' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ path: 'currentPassword' });
    const weak = await first.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.json().errors[0]).toMatchObject({ path: 'newPassword', message: '密码至少 8 位' });
    const ok = await first.request('POST', '/api/auth/password', { currentPassword: TEST_PASSWORD, newPassword: 'Newpass2026' });
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

describe('system administrator bootstrap', () => {
  it('creates admin once, with ADMIN_PASSWORD or a printed random password', async () => {
    const fresh = await createTestApp();
    try {
      const created = await fresh.services.authService.ensureSystemAdmin('Admin12345');
      expect(created).toEqual({ created: true, password: undefined });
      expect(await fresh.services.authService.ensureSystemAdmin('Other12345')).toEqual({ created: false });
      const s = await login(fresh.app, 'admin', 'Admin12345');
      expect((await s.request('GET', '/api/auth/me')).json().user.isSystemAdmin).toBe(true);
    } finally {
      await fresh.close();
    }
    const other = await createTestApp();
    try {
      const created = await other.services.authService.ensureSystemAdmin();
      expect(created.password).toMatch(/^.{12,}$/);
      await login(other.app, 'admin', created.password!);
    } finally {
      await other.close();
    }
  });
});
