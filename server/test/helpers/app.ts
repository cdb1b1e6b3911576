import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import type { Database } from '../../src/db/database';
import type { App } from '../../src/platform/http';
import { createServices, type Services } from '../../src/services';
import { createTestDatabase } from './database';

export interface TestApp {
  app: App;
  services: Services;
  database: Database;
  close(): Promise<void>;
}

/** The whole API over a database of its own, driven with app.inject (no network). */
export async function createTestApp(opts: { services?: (db: Database['db']) => Services } = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const services = opts.services ? opts.services(database.db) : createServices(database.db);
  const { app } = await buildApp({ database, config: { secureCookies: false, webDist: undefined }, services });
  await app.ready();
  return {
    app,
    services,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  cookie: string;
  csrfToken: string;
  request(method: string, url: string, body?: unknown, opts?: { csrf?: boolean }): Promise<LightMyRequestResponse>;
  /** POSTs a file as multipart/form-data (field `file`), as the browser's upload does. */
  upload(url: string, fileName: string, content: Buffer | string, field?: string): Promise<LightMyRequestResponse>;
}

/** A multipart/form-data body with one file field. */
export function multipartBody(field: string, fileName: string, content: Buffer | string) {
  const boundary = `----redshield${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Logs in through the API and returns a session that sends its cookie and CSRF token. */
export async function login(app: App, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('rs_session='))!;
  const cookie = setCookie.split(';')[0];
  const csrfToken = res.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request(method, url, body, o = {}) {
      const headers: Record<string, string> = { cookie };
      if (o.csrf !== false) headers['x-csrf-token'] = csrfToken;
      return app.inject({
        method: method as 'GET',
        url,
        headers,
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    },
    upload(url, fileName, content, field = 'file') {
      const body = multipartBody(field, fileName, content);
      return app.inject({
        method: 'POST',
        url,
        headers: { cookie, 'x-csrf-token': csrfToken, ...body.headers },
        payload: body.payload,
      });
    },
  };
}
