import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../src/modules/users/users.schema';
import { units } from '../src/modules/units/units.schema';
import { appErrorOfDatabase } from '../src/platform/db-errors';
import { installErrorHandling } from '../src/platform/http';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * Two requests creating the same case number (username, unit code, 12315 number) at once both
 * pass the service's check; the unique index refuses the second insert. That answered 500; it
 * answers 409 naming the field (or 400 from the service's own check when the first had already
 * committed), never 500.
 */
let t: TestApp;
let tenant: Tenant;
let admin: Session;
let handler: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['admin', 'handler', 'leader'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  admin = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const TAKEN = /已存在|已被使用|已有|已登记/;

/** Fires `n` identical creates at once: exactly one 201, the rest refuse naming `field`, none 500. */
async function race(session: Session, url: string, body: object, field: string, n = 20) {
  const answers = await Promise.all(Array.from({ length: n }, () => session.request('POST', url, body)));
  const statuses = answers.map((r) => r.statusCode);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  for (const r of answers.filter((a) => a.statusCode !== 201)) {
    expect([409, 400], r.body).toContain(r.statusCode);
    expect(r.headers['content-type']).toMatch(/problem\+json/);
    const problem = r.json();
    expect(problem.errors.map((e: { path: string }) => e.path)).toContain(field);
    expect(problem.errors.find((e: { path: string }) => e.path === field).message).toMatch(TAKEN);
  }
  return statuses;
}

describe('concurrent creates of the same unique value', () => {
  it('same case number: one 201, the others 409/400 naming 案件编号, no 500', async () => {
    const body = {
      unitId: tenant.units.district.id,
      campaignId,
      categoryCode: 'food',
      caseNumber: `并发案〔2026〕${tenant.tag}号`,
      name: '某公司销售过期食品案',
      partyKind: 'company',
      partyName: '某公司',
      filingDate: '2026-03-10',
      filingApproverId: tenant.byRole.leader.id,
      investigatorId: tenant.byRole.handler.id,
    };
    await race(admin, '/api/cases', body, 'caseNumber');
  });

  it('same 12315 number: one 201, the others refuse naming 来源编号', async () => {
    const body = {
      unitId: tenant.units.district.id,
      campaignId,
      categoryCode: 'food',
      source: 'complaint',
      sourceNumber: `12315-${tenant.tag}`,
      receivedDate: '2026-02-10',
      partyName: '某超市',
      description: '消费者投诉购买到过期牛奶。',
      complainantName: '李小明',
    };
    await race(handler, '/api/leads', body, 'sourceNumber');
  });

  it('same unit code: one 201, the others refuse naming 机构编码', async () => {
    await race(
      admin,
      '/api/units',
      { parentId: tenant.units.district.id, name: `并发所${tenant.tag}`, code: `RACE-${tenant.tag}`, kind: 'office' },
      'code',
    );
  });

  it('same username: one 201, the others refuse naming 用户名', async () => {
    await race(
      admin,
      '/api/users',
      {
        username: `race_${tenant.tag}`,
        password: 'Kestrel2026x',
        displayName: '并发',
        unitId: tenant.units.office.id,
        roles: ['handler'],
      },
      'username',
    );
  });
});

describe('a unique violation from the database', () => {
  it('maps to 409 naming the field, through the error handler, on this database', async () => {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app as never);
    // The unique index answers, as when a concurrent request inserted first (no service check).
    app.get('/dup-user', async () => {
      await t.database.db.insert(users).values({
        username: tenant.byRole.admin.username.toUpperCase(),
        passwordHash: 'x',
        displayName: 'x',
        roles: [],
      });
    });
    app.get('/dup-unit', async () => {
      await t.database.db
        .insert(units)
        .values({ name: '重复', code: tenant.units.office.code, kind: 'office', path: '/x/', depth: 0 });
    });
    const user = await app.inject({ method: 'GET', url: '/dup-user' });
    expect(user.statusCode).toBe(409);
    expect(user.json()).toMatchObject({
      title: '冲突',
      detail: '用户名已存在',
      errors: [{ path: 'username', message: '用户名已存在' }],
    });
    const unit = await app.inject({ method: 'GET', url: '/dup-unit' });
    expect(unit.statusCode).toBe(409);
    expect(unit.json().errors).toEqual([{ path: 'code', message: '机构编码已存在' }]);
    await app.close();
  });

  // Only PostgreSQL has a second connection to hold the key with; PGlite runs the race above.
  if (process.env.DATABASE_URL)
    it('answers 409 to the request whose insert lost the race (the winner holds the key uncommitted)', async () => {
      const username = `held_${tenant.tag}`;
      let answer: Awaited<ReturnType<Session['request']>> | undefined;
      await t.database.db.transaction(async (tx) => {
        await tx.insert(users).values({ username, passwordHash: 'x', displayName: '先到者', roles: [] });
        // The request's check cannot see the uncommitted row; its insert waits on the index.
        const pending = admin.request('POST', '/api/users', {
          username,
          password: 'Kestrel2026x',
          displayName: '后到者',
          unitId: tenant.units.office.id,
          roles: ['handler'],
        });
        void pending.then((r) => (answer = r));
        for (let i = 0; i < 200; i++) {
          const waiting = await t.database.db.execute(
            sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if (Number((waiting as unknown as { rows: { n: number }[] }).rows[0].n) > 0) break;
          await new Promise((r) => setTimeout(r, 25));
        }
        expect(answer).toBeUndefined();
      });
      for (let i = 0; i < 200 && !answer; i++) await new Promise((r) => setTimeout(r, 25));
      expect(answer!.statusCode).toBe(409);
      expect(answer!.json().errors).toEqual([{ path: 'username', message: '用户名已存在' }]);
    });

  it('leaves other database errors alone (no mapping, so they stay 500 and are logged)', () => {
    expect(appErrorOfDatabase(Object.assign(new Error('x'), { code: '42P01', severity: 'ERROR' }))).toBeNull();
    expect(appErrorOfDatabase(new Error('plain'))).toBeNull();
  });
});
