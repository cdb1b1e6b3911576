import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installErrorHandling } from '../src/platform/http';
import { createTestApp, login, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';

let t: TestApp;
let tenant: Tenant;
beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['admin'] });
});
afterAll(() => t.close());

describe('errors are problem+json in Chinese', () => {
  it('answers an unknown route with 404 problem+json', async () => {
    const s = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const res = await s.request('GET', '/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, title: '未找到' });
  });

  it('lists every invalid field with a Chinese message', async () => {
    const s = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const res = await s.request('POST', '/api/users', {
      username: '!',
      displayName: '',
      unitId: 'abc',
      roles: [],
      password: 'x',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.title).toBe('请求参数有误');
    const paths = [...new Set(body.errors.map((e: { path: string }) => e.path))].sort();
    expect(paths).toEqual(['displayName', 'roles', 'unitId', 'username']);
    for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('answers malformed JSON in Chinese', async () => {
    const s = await login(t.app, tenant.byRole.admin.username, TEST_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().title).toBe('请求内容不是有效的 JSON');
  });

  it('never shows a stack trace or SQL to the client; logs 5xx with the request id', async () => {
    const logged: unknown[] = [];
    const app = Fastify({
      logger: { level: 'error', stream: { write: (line: string) => logged.push(JSON.parse(line)) } },
    });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app as never);
    app.get('/boom', async () => {
      throw new Error('relation "secret_table" does not exist');
    });
    const res = await app.inject({ method: 'GET', url: '/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const body = res.json();
    expect(body.title).toBe('服务器内部错误');
    expect(res.body).not.toMatch(/secret_table|at .*\.ts/);
    expect(body.detail).toContain(body.requestId);
    expect(JSON.stringify(logged)).toContain('secret_table');
    expect(JSON.stringify(logged)).toContain(body.requestId);
    await app.close();
  });
});

describe('health', () => {
  it('answers 200 without login, naming the database', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      version: expect.any(String),
    });
  });
});
