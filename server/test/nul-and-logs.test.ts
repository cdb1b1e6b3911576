import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { installErrorHandling, type App } from '../src/platform/http';
import { createServices } from '../src/services';
import { createTestDatabase } from './helpers/database';
import { login, type Session } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import type { Database } from '../src/db/database';

/**
 * A NUL character (U+0000) reached PostgreSQL, which cannot store it: 500, and the 500's log line
 * held every parameter of the query (the complainant's name, phone and ID number). NUL is refused
 * with 400 naming the field, before any route runs; a database error is logged as its SQL text and
 * SQLSTATE, without the values.
 */
let database: Database;
let app: App;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let campaignId: string;
const logged: string[] = [];
const raw: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const services = createServices(database.db);
  ({ app } = await buildApp({
    database,
    config: { secureCookies: false, webDist: undefined },
    services,
    logger: { level: 'info', stream: { write: (line: string) => void logged.push(line) } },
  }));
  // What the error handler was given, to show the values were there to leak.
  app.addHook('onError', async (_req, _reply, error) => void raw.push(String(error.message)));
  await app.ready();
  tenant = await createTenant(services, { roles: ['handler', 'leader'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  handler = await login(app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(app, tenant.byRole.leader.username, TEST_PASSWORD);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

let n = 0;
const newLead = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  source: 'complaint',
  sourceNumber: `12315-NUL-${++n}`,
  receivedDate: '2026-02-10',
  partyName: '某超市',
  description: '消费者投诉购买到过期牛奶。',
  complainantName: '王秘密',
  complainantPhone: '13987654321',
  complainantIdNumber: '31023019900101777X',
  ...over,
});
const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `空字符案〔2026〕${++n}号`,
  name: '某公司销售过期食品案',
  partyKind: 'company',
  partyName: '某公司',
  filingDate: '2026-03-10',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});

const expectNulRefused = (
  res: { statusCode: number; json(): { title: string; detail: string; errors: { path: string; message: string }[] } },
  path: string,
  label: string,
) => {
  expect(res.statusCode).toBe(400);
  const p = res.json();
  expect(p.title).toBe('请求有误');
  expect(p.errors).toContainEqual({ path, message: expect.stringContaining('空字符') });
  expect(p.detail).toContain(label);
};

describe('NUL characters', () => {
  it('refuses NUL in a case name with 400 naming 名称, and stores nothing', async () => {
    const res = await registrar.request('POST', '/api/cases', newCase({ name: '某公司\u0000销售过期食品案' }));
    expectNulRefused(res, 'name', '名称');
    expect((await registrar.request('POST', '/api/cases', newCase())).statusCode).toBe(201);
  });

  it('refuses NUL in a lead complainant field, naming 投诉举报人电话', async () => {
    expectNulRefused(
      await handler.request('POST', '/api/leads', newLead({ complainantPhone: '139\u000087654321' })),
      'complainantPhone',
      '投诉举报人电话',
    );
    expectNulRefused(
      await handler.request('POST', '/api/leads', newLead({ complainantName: '\u0000' })),
      'complainantName',
      '投诉举报人姓名',
    );
  });

  it('refuses NUL in a nested field and in an object key', async () => {
    const nested = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ alsoCountsToward: [{ campaignId, categoryCode: 'fo\u0000od' }] }),
    );
    expectNulRefused(nested, 'alsoCountsToward.0.categoryCode', '同时计入的专项行动（第1项）违法类型');
    const key = await registrar.request('POST', '/api/cases', { ...newCase(), ['x\u0000']: 1 });
    expect(key.statusCode).toBe(400);
  });

  it('refuses NUL in list searches (q) with 400 naming 关键词', async () => {
    expectNulRefused(await handler.request('GET', '/api/cases?q=%E6%9F%90%00'), 'q', '关键词');
    expectNulRefused(await handler.request('GET', '/api/leads?q=%00'), 'q', '关键词');
  });

  it('refuses NUL on the public results page without login, and in a path parameter', async () => {
    expectNulRefused(await app.inject({ method: 'GET', url: '/api/public/check-results?q=a%00b' }), 'q', '关键词');
    const param = await handler.request('GET', '/api/cases/%00');
    expect(param.statusCode).toBe(400);
    expect(param.json().errors[0].message).toContain('空字符');
  });

  it('refuses NUL in the login form instead of failing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000', password: 'x' },
    });
    expectNulRefused(res, 'username', '用户名');
  });

  it('still accepts the characters around NUL (tabs, newlines, 中文)', async () => {
    expect((await handler.request('POST', '/api/leads', newLead({ description: '第一行\n\t第二行' }))).statusCode).toBe(
      201,
    );
  });
});

describe('the log of a database error', () => {
  it('holds the SQL text and the SQLSTATE, never the personal values of the query', async () => {
    // Any database failure of a lead's insert: a trigger refuses it.
    await database.db.execute(
      sql.raw(
        `create function rs_fail_lead() returns trigger language plpgsql as $$ begin raise exception 'forced failure' using errcode = 'XX001'; end $$`,
      ),
    );
    await database.db.execute(
      sql.raw(`create trigger rs_fail_lead before insert on leads for each row execute function rs_fail_lead()`),
    );
    logged.length = 0;
    raw.length = 0;
    const res = await handler.request('POST', '/api/leads', newLead());
    await database.db.execute(sql.raw(`drop trigger rs_fail_lead on leads`));
    await database.db.execute(sql.raw(`drop function rs_fail_lead()`));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toContain('王秘密');
    // The values were in the error (drizzle's "params: …") …
    expect(raw.join('\n')).toContain('13987654321');
    // … and none of them reached the log, which still says what failed.
    const log = logged.join('\n');
    const line = logged.map((l) => JSON.parse(l)).find((l) => l.msg === 'unhandled error');
    expect(line).toBeDefined();
    expect(line.reqId).toBe(res.json().requestId);
    expect(line.err).toMatchObject({ sqlstate: 'XX001', query: expect.stringContaining('insert into "leads"') });
    for (const value of ['王秘密', '13987654321', '31023019900101777X', '某超市', '消费者投诉'])
      expect(log).not.toContain(value);
    expect(log).not.toMatch(/params/);
  });

  it('leaves quoted values out of PostgreSQL messages too (invalid input syntax …: "王秘密")', async () => {
    const lines: string[] = [];
    const bare = Fastify({ logger: { level: 'error', stream: { write: (l: string) => void lines.push(l) } } });
    bare.setValidatorCompiler(validatorCompiler);
    bare.setSerializerCompiler(serializerCompiler);
    installErrorHandling(bare as never);
    bare.get('/cast', async () => database.db.execute(sql`select ${'王秘密'}::int, ${'13987654321'}::text`));
    const res = await bare.inject({ method: 'GET', url: '/cast' });
    expect(res.statusCode).toBe(500);
    const line = JSON.parse(lines.find((l) => l.includes('unhandled error'))!);
    expect(line.err.sqlstate).toBe('22P02');
    expect(line.err.message).toContain('invalid input syntax for type integer');
    expect(lines.join('\n')).not.toMatch(/王秘密|13987654321/);
    await bare.close();
  });
});
