import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { units } from '../src/modules/units/units.schema';
import { auditLog } from '../src/modules/audit/audit.schema';
import { systemActor } from '../src/platform/actor';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

let t: TestApp;
let tenant: Tenant;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await t.services.authService.ensureSystemAdmin('Guard-Root-2026');
  tenant = await createTenant(t.services, { roles: ['admin'] });
  admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const newUnit = (parentId: string, code: string, extra: object = {}) => ({
  parentId,
  name: `单位${code}`,
  code,
  kind: 'office',
  ...extra,
});

describe('the organisation tree', () => {
  it('creates a unit under the admin’s own unit, with path and depth, and audits it', async () => {
    const res = await admin.request('POST', '/api/units', newUnit(tenant.units.district.id, `N1-${tenant.tag}`));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.path).toBe(`${tenant.units.district.path}${created.id}/`);
    expect(created.depth).toBe(tenant.units.district.depth + 1);
    // A 市场监管所 has no units below it; the UI greys out 新建下级单位.
    expect(created.can).toEqual({ createChild: false, update: true, move: true, deactivate: true });
    const entries = await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, created.id));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'unit.create',
      actorUserId: tenant.byRole.admin.id,
      unitId: created.id,
    });
  });

  it('lists the caller’s unit and its subtree only', async () => {
    const res = await admin.request('GET', '/api/units');
    const ids = res.json().items.map((u: { id: string }) => u.id);
    expect(ids).toContain(tenant.units.district.id);
    expect(ids).toContain(tenant.units.office.id);
    expect(ids).not.toContain(tenant.units.city.id);
    expect(ids).not.toContain(tenant.units.sibling.id);
    expect(ids).not.toContain(tenant.units.siblingOffice.id);
  });

  it('refuses bad input with a Chinese message naming the field, and saves nothing', async () => {
    const before = (await t.database.db.select().from(units)).length;
    const missing = await admin.request('POST', '/api/units', {
      parentId: tenant.units.district.id,
      code: 'x1',
      kind: 'office',
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'name' })]));
    expect(missing.json().detail).toMatch(/^名称：/);

    const badKind = await admin.request(
      'POST',
      '/api/units',
      newUnit(tenant.units.district.id, 'x2', { kind: 'department' }),
    );
    expect(badKind.json().errors[0]).toMatchObject({
      path: 'kind',
      message: '单位类型应为 bureau、section、office 或 brigade',
    });

    const dup = await admin.request('POST', '/api/units', newUnit(tenant.units.district.id, tenant.units.office.code));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors[0]).toMatchObject({ path: 'code' });
    expect(dup.json().detail).toMatch(/已被使用/);

    const underOffice = await admin.request('POST', '/api/units', newUnit(tenant.units.office.id, `x3-${tenant.tag}`));
    expect(underOffice.json().errors[0]).toMatchObject({ path: 'parentId' });

    expect((await t.database.db.select().from(units)).length).toBe(before);
  });

  it('checks division codes against GB/T 2260, for bureaus only', async () => {
    const bad = await admin.request(
      'POST',
      '/api/units',
      newUnit(tenant.units.district.id, `B1-${tenant.tag}`, { kind: 'bureau', divisionCode: '310199' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'divisionCode' });
    expect(bad.json().detail).toMatch(/不是有效的行政区划代码/);
    const notBureau = await admin.request(
      'POST',
      '/api/units',
      newUnit(tenant.units.district.id, `B2-${tenant.tag}`, { divisionCode: '310151' }),
    );
    expect(notBureau.json().errors[0]).toMatchObject({ path: 'divisionCode' });
    const ok = await admin.request(
      'POST',
      '/api/units',
      newUnit(tenant.units.district.id, `B3-${tenant.tag}`, { kind: 'bureau', divisionCode: '310151' }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().divisionCode).toBe('310151');
  });

  it('lets only a system administrator create a top-level unit', async () => {
    const res = await admin.request('POST', '/api/units', {
      parentId: null,
      name: '新顶级局',
      code: `T-${tenant.tag}`,
      kind: 'bureau',
    });
    expect(res.statusCode).toBe(403);
    const sys = await login(t.app, 'admin', 'Guard-Root-2026');
    const ok = await sys.request('POST', '/api/units', {
      parentId: null,
      name: '新顶级局',
      code: `T-${tenant.tag}`,
      kind: 'bureau',
      divisionCode: '320400',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ parentId: null, depth: 0 });
  });

  it('renames with optimistic locking: a stale version answers 409 and changes nothing', async () => {
    const u = (await admin.request('POST', '/api/units', newUnit(tenant.units.district.id, `R-${tenant.tag}`))).json();
    const first = await admin.request('PATCH', `/api/units/${u.id}`, { version: u.version, name: '改名后的所' });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ name: '改名后的所', version: u.version + 1 });
    const stale = await admin.request('PATCH', `/api/units/${u.id}`, { version: u.version, name: '又改一次' });
    expect(stale.statusCode).toBe(409);
    const [row] = await t.database.db.select().from(units).where(eq(units.id, u.id));
    expect(row.name).toBe('改名后的所');
  });

  it('moves a subtree and rewrites every path below it; never into its own subtree', async () => {
    const b = (
      await admin.request(
        'POST',
        '/api/units',
        newUnit(tenant.units.district.id, `MB-${tenant.tag}`, { kind: 'bureau' }),
      )
    ).json();
    const leaf = (await admin.request('POST', '/api/units', newUnit(b.id, `ML-${tenant.tag}`))).json();
    const target = (
      await admin.request(
        'POST',
        '/api/units',
        newUnit(tenant.units.district.id, `MT-${tenant.tag}`, { kind: 'bureau' }),
      )
    ).json();
    const moved = await admin.request('POST', `/api/units/${b.id}/move`, { version: b.version, parentId: target.id });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({
      parentId: target.id,
      path: `${target.path}${b.id}/`,
      depth: target.depth + 1,
    });
    const [leafRow] = await t.database.db.select().from(units).where(eq(units.id, leaf.id));
    expect(leafRow.path).toBe(`${target.path}${b.id}/${leaf.id}/`);
    expect(leafRow.depth).toBe(target.depth + 2);

    const current = (await admin.request('GET', `/api/units/${target.id}`)).json();
    const cycle = await admin.request('POST', `/api/units/${target.id}/move`, {
      version: current.version,
      parentId: b.id,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.json().detail).toMatch(/自己或它的下级/);
  });

  it('deactivates a unit only when it has no active children', async () => {
    const b = (
      await admin.request(
        'POST',
        '/api/units',
        newUnit(tenant.units.district.id, `DB-${tenant.tag}`, { kind: 'bureau' }),
      )
    ).json();
    const leaf = (await admin.request('POST', '/api/units', newUnit(b.id, `DL-${tenant.tag}`))).json();
    const refused = await admin.request('POST', `/api/units/${b.id}/active`, { version: b.version, active: false });
    expect(refused.statusCode).toBe(400);
    expect(
      (await admin.request('POST', `/api/units/${leaf.id}/active`, { version: leaf.version, active: false }))
        .statusCode,
    ).toBe(200);
    const done = await admin.request('POST', `/api/units/${b.id}/active`, { version: b.version, active: false });
    expect(done.statusCode).toBe(200);
    const visible = (await admin.request('GET', '/api/units')).json().items.map((u: { id: string }) => u.id);
    expect(visible).not.toContain(b.id);
    const all = (await admin.request('GET', '/api/units?includeInactive=true'))
      .json()
      .items.map((u: { id: string }) => u.id);
    expect(all).toContain(b.id);
  });

  it('signs out the people of a deactivated unit, so reactivating it brings back no old session', async () => {
    const unit = (
      await admin.request('POST', '/api/units', newUnit(tenant.units.district.id, `DS-${tenant.tag}`))
    ).json();
    const username = `unit_person_${tenant.tag}`;
    const created = await admin.request('POST', '/api/users', {
      username,
      password: 'Kestrel2026x',
      displayName: '李四',
      unitId: unit.id,
      roles: ['handler'],
    });
    expect(created.statusCode).toBe(201);
    const person = await login(t.app, username, 'Kestrel2026x');
    expect((await person.request('GET', '/api/auth/me')).statusCode).toBe(200);
    const off = await admin.request('POST', `/api/units/${unit.id}/active`, { version: unit.version, active: false });
    expect(off.statusCode).toBe(200);
    const on = await admin.request('POST', `/api/units/${unit.id}/active`, {
      version: off.json().version,
      active: true,
    });
    expect(on.statusCode).toBe(200);
    expect((await person.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await (await login(t.app, username, 'Kestrel2026x')).request('GET', '/api/auth/me')).statusCode).toBe(200);
  });

  it('rolls back the audit entry with a failed write (same transaction)', async () => {
    const count = async () => (await t.database.db.select().from(auditLog)).length;
    const before = await count();
    const actor = { ...systemActor, userId: tenant.byRole.admin.id, displayName: 'x', isSystemAdmin: false };
    await expect(
      t.database.db.transaction(async (tx) => {
        await t.services.auditService.record(tx, actor, {
          action: 'unit.update',
          recordId: 'x',
          unitId: null,
        });
        throw new Error('write failed after the audit entry');
      }),
    ).rejects.toThrow(/write failed/);
    expect(await count()).toBe(before);
  });
});
