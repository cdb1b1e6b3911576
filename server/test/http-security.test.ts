import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { PUBLIC_RATE_LIMIT } from '../src/platform/http-security';
import { createTestApp, type TestApp } from './helpers/app';

/** Security headers on every answer, and the per-address limit of the public results route. */
let t: TestApp;
let webDist: string;
beforeAll(async () => {
  t = await createTestApp();
  webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'redshield-web-'));
  fs.writeFileSync(
    path.join(webDist, 'index.html'),
    '<!doctype html><html><body><div id="root"></div><script type="module" src="/assets/index.js"></script></body></html>',
  );
});
afterAll(async () => {
  await t.close();
  fs.rmSync(webDist, { recursive: true, force: true });
});

const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );

function expectSecurityHeaders(headers: Record<string, unknown>) {
  const csp = directives(String(headers['content-security-policy']));
  expect(csp.get('default-src')).toEqual(["'self'"]);
  // No inline or foreign script; inline styles only (antd's CSS-in-JS, Swagger UI's style attributes).
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('script-src-attr')).toEqual(["'none'"]);
  expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  // The offline web app: its service worker and manifest from the app's own origin only.
  expect(csp.get('worker-src')).toEqual(["'self'"]);
  expect(csp.get('manifest-src')).toEqual(["'self'"]);
  expect(csp.has('upgrade-insecure-requests')).toBe(false);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('same-origin');
  expect(headers['x-frame-options']).toBe('DENY');
}

describe('security headers', () => {
  it('are on API answers, problems included, and on /api/docs', async () => {
    for (const url of [
      '/api/health',
      '/api/nothing-here',
      '/api/cases',
      '/api/docs/static/index.html',
      '/api/docs/json',
    ]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expectSecurityHeaders(res.headers);
    }
    // Plain HTTP (no secure cookies): no HSTS, which would pin a name to HTTPS for months.
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'],
    ).toBeUndefined();
  });

  it('are on the web app’s pages, and HSTS is sent when the app runs behind HTTPS', async () => {
    const { app } = await buildApp({
      database: t.database,
      config: { secureCookies: true, webDist },
      services: t.services,
    });
    await app.ready();
    try {
      for (const url of ['/', '/cases', '/public/check-results?q=x']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(200);
        expect(res.body).toContain('<div id="root">');
        expectSecurityHeaders(res.headers);
        expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      }
    } finally {
      await app.close();
    }
  });
});

describe('rate limit of the public results route', () => {
  const get = (remoteAddress: string) =>
    t.app.inject({ method: 'GET', url: '/api/public/check-results?pageSize=1', remoteAddress });

  it(`answers ${PUBLIC_RATE_LIMIT.max} requests a minute from one address, then 429 in Chinese`, async () => {
    for (let i = 0; i < PUBLIC_RATE_LIMIT.max; i++) expect((await get('203.0.113.7')).statusCode).toBe(200);
    const refused = await get('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({
      status: 429,
      title: '请求过于频繁',
      detail: expect.stringMatching(/每分钟最多 \d+ 次.*秒后再试/),
    });
    expectSecurityHeaders(refused.headers);
    // Another address is not affected.
    expect((await get('198.51.100.9')).statusCode).toBe(200);
  });

  it('does not limit signed-in work or the health check', async () => {
    for (let i = 0; i < PUBLIC_RATE_LIMIT.max + 5; i++)
      expect((await t.app.inject({ method: 'GET', url: '/api/health', remoteAddress: '192.0.2.5' })).statusCode).toBe(
        200,
      );
  });
});
