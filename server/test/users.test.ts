import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

let t: TestApp;
let tenant: Tenant;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['admin', 'office'] });
  admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const INITIAL = 'Kestrel2026x';
const newUser = (username: string, extra: object = {}) => ({
  username,
  password: INITIAL,
  displayName: '张三',
  unitId: tenant.units.office.id,
  roles: ['handler'],
  ...extra,
});

describe('users', () => {
  it('creates a user who must change the password at first login', async () => {
    const res = await admin.request('POST', '/api/users', newUser(`zhang_${tenant.tag}`));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      unitId: tenant.units.office.id,
      roles: ['handler'],
      mustChangePassword: true,
      active: true,
    });
    expect(res.json().passwordHash).toBeUndefined();
    const s = await login(t.app, `zhang_${tenant.tag}`, INITIAL);
    expect((await s.request('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('refuses a taken user name (any case) and a weak password, naming the field', async () => {
    const dup = await admin.request('POST', '/api/users', newUser(tenant.byRole.office.username.toUpperCase()));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: 'username' });
    const weak = await admin.request('POST', '/api/users', newUser(`weak_${tenant.tag}`, { password: 'abcdefghijk' }));
    expect(weak.json().errors[0]).toEqual({ path: 'password', message: '密码须同时包含字母和数字' });
  });

  it('refuses common passwords, short ones and the user name, wherever a password is set', async () => {
    const refused = async (
      res: { statusCode: number; json(): { detail: string; errors: unknown[] } },
      path: string,
      message: string,
    ) => {
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toEqual({ path, message });
      expect(res.json().detail).toMatch(path === 'password' ? /密码/ : /^新密码：/);
    };
    const name = `wang_${tenant.tag}`;
    for (const password of ['password1', 'woaini1314', 'a123456', 'Password123', 'qwerty123456']) {
      await refused(
        await admin.request('POST', '/api/users', newUser(name, { password })),
        'password',
        '该密码过于常见，容易被猜中，请换一个',
      );
    }
    await refused(
      await admin.request('POST', '/api/users', newUser(name, { password: `${name}2026` })),
      'password',
      '密码不能是用户名或用户名加数字',
    );
    await refused(
      await admin.request('POST', '/api/users', newUser(name, { password: 'Kestrel26' })),
      'password',
      '密码至少 10 位',
    );

    const created = (await admin.request('POST', '/api/users', newUser(name))).json();
    await refused(
      await admin.request('POST', `/api/users/${created.id}/reset-password`, { password: '123456' }),
      'password',
      '该密码过于常见，容易被猜中，请换一个',
    );
    await refused(
      await admin.request('POST', `/api/users/${created.id}/reset-password`, { password: name.toUpperCase() }),
      'password',
      '密码不能是用户名或用户名加数字',
    );
    const s = await login(t.app, name, INITIAL);
    await refused(
      await s.request('POST', '/api/auth/password', { currentPassword: INITIAL, newPassword: 'password1' }),
      'newPassword',
      '该密码过于常见，容易被猜中，请换一个',
    );
    await refused(
      await s.request('POST', '/api/auth/password', { currentPassword: INITIAL, newPassword: `1${name}1` }),
      'newPassword',
      '密码不能是用户名或用户名加数字',
    );
  });

  it('ends every session of the user with an administrator’s password reset', async () => {
    const target = tenant.unitUsers.child;
    const a = await login(t.app, target.username, TEST_PASSWORD);
    const b = await login(t.app, target.username, TEST_PASSWORD);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(200);
    expect(
      (await admin.request('POST', `/api/users/${target.id}/reset-password`, { password: 'Resetpass2026' })).statusCode,
    ).toBe(204);
    expect((await a.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await b.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('does not bring a deactivated user’s old session back when he is reactivated', async () => {
    const target = tenant.unitUsers.own;
    const old = await login(t.app, target.username, TEST_PASSWORD);
    const before = (await admin.request('GET', `/api/users/${target.id}`)).json();
    const off = await admin.request('PATCH', `/api/users/${target.id}`, { version: before.version, active: false });
    expect(off.statusCode).toBe(200);
    const on = await admin.request('PATCH', `/api/users/${target.id}`, { version: off.json().version, active: true });
    expect(on.json().active).toBe(true);
    expect((await old.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await (await login(t.app, target.username, TEST_PASSWORD)).request('GET', '/api/auth/me')).statusCode).toBe(
      200,
    );
  });

  it('lets a user whose password was set by an administrator do nothing but change it, log out or ask who he is', async () => {
    const name = `forced_${tenant.tag}`;
    expect((await admin.request('POST', '/api/users', newUser(name))).statusCode).toBe(201);
    const s = await login(t.app, name, INITIAL);
    for (const [method, url] of [
      ['GET', '/api/units'],
      ['GET', '/api/campaigns'],
      ['GET', '/api/users'],
      ['POST', '/api/units'],
    ] as const) {
      const res = await s.request(
        method,
        url,
        method === 'POST' ? { parentId: tenant.units.office.id, name: 'x', code: 'x', kind: 'office' } : undefined,
      );
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().detail).toBe('您的密码由管理员设置（首次登录或已被重置），请先修改密码再继续使用');
    }
    const me = await s.request('GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.mustChangePassword).toBe(true);
    const other = await login(t.app, name, INITIAL);
    expect((await other.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect(
      (await s.request('POST', '/api/auth/password', { currentPassword: INITIAL, newPassword: 'Heron2026yz' }))
        .statusCode,
    ).toBe(204);
    expect((await s.request('GET', '/api/units')).statusCode).toBe(200);
    // The CSRF token is still required before anything else.
    expect((await s.request('POST', '/api/auth/logout', undefined, { csrf: false })).statusCode).toBe(403);
    expect((await s.request('POST', '/api/auth/logout')).statusCode).toBe(204);
  });

  it('keeps an admin from locking itself out', async () => {
    const me = (await admin.request('GET', `/api/users/${tenant.byRole.admin.id}`)).json();
    const off = await admin.request('PATCH', `/api/users/${me.id}`, { version: me.version, active: false });
    expect(off.json().errors[0].path).toBe('active');
    const demote = await admin.request('PATCH', `/api/users/${me.id}`, { version: me.version, roles: ['office'] });
    expect(demote.json().errors[0].path).toBe('roles');
    expect(me.can).toEqual({ update: true, resetPassword: false, deactivate: false });
  });

  it('moves a user to another unit of the subtree, never outside it', async () => {
    const u = (await admin.request('POST', '/api/users', newUser(`mover_${tenant.tag}`))).json();
    const out = await admin.request('PATCH', `/api/users/${u.id}`, {
      version: u.version,
      unitId: tenant.units.sibling.id,
    });
    expect(out.statusCode).toBe(404);
    const ok = await admin.request('PATCH', `/api/users/${u.id}`, {
      version: u.version,
      unitId: tenant.units.district.id,
    });
    expect(ok.json()).toMatchObject({ unitId: tenant.units.district.id, version: u.version + 1 });
  });

  it('lists the subtree’s users for the office, filtered by unit and name', async () => {
    const office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
    const res = (await office.request('GET', `/api/users?unitId=${tenant.units.office.id}&q=child`)).json();
    expect(res.items.map((u: { id: string }) => u.id)).toEqual([tenant.unitUsers.child.id]);
    expect(res.items[0].can.update).toBe(false);
  });

  it('searches for % and _ as themselves, not as wildcards', async () => {
    const percent = (
      await admin.request('POST', '/api/users', newUser(`pct_${tenant.tag}`, { displayName: `达标100%${tenant.tag}` }))
    ).json();
    const under = (
      await admin.request('POST', '/api/users', newUser(`und_${tenant.tag}`, { displayName: `甲_乙${tenant.tag}` }))
    ).json();
    await admin.request('POST', '/api/users', newUser(`pcx_${tenant.tag}`, { displayName: `达标1000${tenant.tag}` }));
    await admin.request('POST', '/api/users', newUser(`unx_${tenant.tag}`, { displayName: `甲丙乙${tenant.tag}` }));
    const ids = async (q: string) =>
      (await admin.request('GET', `/api/users?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((u: { id: string }) => u.id);
    expect(await ids(`达标100%${tenant.tag}`)).toEqual([percent.id]);
    expect(await ids('达标100%')).toEqual([percent.id]);
    expect(await ids('甲_乙')).toEqual([under.id]);
  });
});
