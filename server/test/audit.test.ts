import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

const ADMIN_PASSWORD = 'Chain-Audit-Check-2026';
let t: TestApp;
let tenant: Tenant;
let sys: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.services.authService.ensureSystemAdmin(ADMIN_PASSWORD);
  tenant = await createTenant(t.services, { roles: ['admin', 'office'] });
  sys = await login(t.app, 'admin', ADMIN_PASSWORD);
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed which record, before and after, never a password hash', async () => {
    const admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const office = tenant.units.office;
    await admin.request('PATCH', `/api/units/${office.id}`, { version: office.version, name: '城桥所（新名）' });
    const res = await admin.request('GET', `/api/audit?recordType=unit&recordId=${office.id}`);
    expect(res.statusCode).toBe(200);
    const update = res.json().items.find((e: { action: string }) => e.action === 'unit.update');
    expect(update).toMatchObject({ actorUserId: tenant.byRole.admin.id, recordType: 'unit', recordId: office.id });
    expect(update.before.name).toBe(office.name);
    expect(update.after.name).toBe('城桥所（新名）');
    const userEntries = (await sys.request('GET', '/api/audit?recordType=user')).json().items;
    expect(userEntries.length).toBeGreaterThan(0);
    expect(JSON.stringify(userEntries)).not.toMatch(/argon2|passwordHash/);
  });

  it('filters by user and time, and shows an admin only the entries of its subtree', async () => {
    const admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const mine = (await admin.request('GET', `/api/audit?actorUserId=${tenant.byRole.admin.id}`)).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.items.every((e: { actorUserId: string }) => e.actorUserId === tenant.byRole.admin.id)).toBe(true);
    const future = (await admin.request('GET', `/api/audit?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`)).json();
    expect(future.total).toBe(0);
    const siblingEntries = (await admin.request('GET', `/api/audit?recordId=${tenant.units.sibling.id}`)).json();
    expect(siblingEntries.total).toBe(0);
    const asSystem = (await sys.request('GET', `/api/audit?recordId=${tenant.units.sibling.id}`)).json();
    expect(asSystem.total).toBe(1);
  });

  it('verifies the chain, and finds an entry edited or removed in the database', async () => {
    const ok = await sys.request('GET', '/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true });
    const entries = ok.json().entries as number;
    expect(entries).toBeGreaterThan(5);

    // Someone with database access rewrites history.
    await t.database.db.execute(sql`update audit_log set after = jsonb_set(after, '{name}', '"篡改"') where seq = 3`);
    expect((await sys.request('GET', '/api/audit/verify')).json()).toMatchObject({
      ok: false,
      brokenAt: 3,
      entries: 2,
      finding: 'altered',
    });
    await t.database.db.execute(sql`update audit_log set actor_name = 'x' where seq = 3`);
    expect((await sys.request('GET', '/api/audit/verify')).json().brokenAt).toBe(3);
  });

  it('finds a removed entry', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.services.authService.ensureSystemAdmin(ADMIN_PASSWORD);
      await createTenant(fresh.services, { roles: ['admin'] });
      const s = await login(fresh.app, 'admin', ADMIN_PASSWORD);
      expect((await s.request('GET', '/api/audit/verify')).json().ok).toBe(true);
      await fresh.database.db.execute(sql`delete from audit_log where seq = 4`);
      expect((await s.request('GET', '/api/audit/verify')).json()).toMatchObject({
        ok: false,
        brokenAt: 4,
        finding: 'gap',
      });
    } finally {
      await fresh.close();
    }
  });
});
