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

const newUser = (username: string, extra: object = {}) => ({
  username,
  password: 'Password123',
  displayName: '张三',
  unitId: tenant.units.office.id,
  roles: ['handler'],
  ...extra,
});

describe('users', () => {
  it('creates a user who must change the password at first login', async () => {
    const res = await admin.request('POST', '/api/users', newUser(`zhang_${tenant.tag}`));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitId: tenant.units.office.id, roles: ['handler'], mustChangePassword: true, active: true });
    expect(res.json().passwordHash).toBeUndefined();
    const s = await login(t.app, `zhang_${tenant.tag}`, 'Password123');
    expect((await s.request('GET', '/api/auth/me')).json().user.mustChangePassword).toBe(true);
  });

  it('refuses a taken user name (any case) and a weak password, naming the field', async () => {
    const dup = await admin.request('POST', '/api/users', newUser(tenant.byRole.office.username.toUpperCase()));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: 'username' });
    const weak = await admin.request('POST', '/api/users', newUser(`weak_${tenant.tag}`, { password: 'abcdefgh' }));
    expect(weak.json().errors[0]).toEqual({ path: 'password', message: '密码须同时包含字母和数字' });
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
    const out = await admin.request('PATCH', `/api/users/${u.id}`, { version: u.version, unitId: tenant.units.sibling.id });
    expect(out.statusCode).toBe(404);
    const ok = await admin.request('PATCH', `/api/users/${u.id}`, { version: u.version, unitId: tenant.units.district.id });
    expect(ok.json()).toMatchObject({ unitId: tenant.units.district.id, version: u.version + 1 });
  });

  it('lists the subtree’s users for the office, filtered by unit and name', async () => {
    const office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
    const res = (await office.request('GET', `/api/users?unitId=${tenant.units.office.id}&q=child`)).json();
    expect(res.items.map((u: { id: string }) => u.id)).toEqual([tenant.unitUsers.child.id]);
    expect(res.items[0].can.update).toBe(false);
  });
});
