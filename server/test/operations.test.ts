import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { createHealthService } from '../src/modules/health/health.service';
import type { App } from '../src/platform/http';
import { createJobQueue, type JobQueue } from '../src/platform/jobs/job-queue';
import type { Metrics } from '../src/platform/metrics';
import { createShutdown } from '../src/platform/shutdown';
import { createTestDatabase } from './helpers/database';

const TOKEN = 'metrics-token-for-tests';
const config = { secureCookies: false, webDist: undefined };

describe('health: live and ready', () => {
  let app: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    ({ app } = await buildApp({ database, config }));
    close = async () => {
      await app.close();
      await database.close();
    };
  });
  afterAll(() => close());

  it('live answers without the database; ready checks it and the migrations; /api/health stays', async () => {
    const live = await app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'live', pid: process.pid });
    const ready = await app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready' });
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
  });

  it('is not ready while a migration of this build is missing, nor when the database is gone', async () => {
    const database = await createTestDatabase();
    const ahead = createHealthService(database, Number.MAX_SAFE_INTEGER);
    expect(await ahead.ready()).toMatchObject({ ready: false, reason: 'migrations-pending' });
    const current = createHealthService(database);
    expect(await current.ready()).toEqual({ ready: true, database: database.kind });
    await database.close();
    expect(await current.ready()).toMatchObject({ ready: false, reason: 'database-unreachable' });
  });
});

describe('metrics', () => {
  let app: App;
  let metrics: Metrics;
  let jobs: JobQueue;
  let release: () => void = () => {};
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    ({ app, metrics } = (await buildApp({ database, config, metrics: { token: TOKEN } })) as {
      app: App;
      metrics: Metrics;
    });
    const held = new Promise<void>((r) => (release = r));
    jobs = createJobQueue({
      executeSql: database.executeSql,
      jobs: [{ name: 'ops-probe', run: () => held }],
      pollingIntervalSeconds: 0.5,
    });
    await jobs.start();
    metrics.watchQueue(() => jobs.depth());
    close = async () => {
      release();
      await jobs.stop();
      await app.close();
      await database.close();
    };
  });
  afterAll(() => close());

  it('answers only with the bearer token', async () => {
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(403);
  });

  it('counts requests per route template and status class, with latency, pool and queue depth', async () => {
    await app.inject({ method: 'GET', url: '/api/health/live' });
    await app.inject({ method: 'GET', url: '/api/health/live' });
    await app.inject({ method: 'GET', url: '/api/imports/6c0f7a54-8f0e-4d6b-9a8e-1f2d3c4b5a69' });
    await jobs.send('ops-probe', {});
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    const text = res.body;
    expect(text).toContain('redshield_http_requests_total{route="/api/health/live",method="GET",status_class="2xx"} 2');
    // The template, not the token: one series for every import.
    expect(text).toContain(
      'redshield_http_requests_total{route="/api/imports/:token",method="GET",status_class="4xx"} 1',
    );
    expect(text).toMatch(
      /redshield_http_request_duration_seconds_count\{route="\/api\/health\/live",method="GET",status_class="2xx"\} 2/,
    );
    expect(text).toMatch(/redshield_db_pool_connections\{state="total"\} [1-9]/);
    const waiting = [...text.matchAll(/redshield_job_queue_depth\{queue="ops-probe",state="(\w+)"\} (\d+)/g)];
    expect(waiting.reduce((n, m) => n + Number(m[2]), 0)).toBe(1);
  });

  // Before, a depth that never came held the scrape until it timed out.
  it('answers without the queue depth when the database does not give it in time', async () => {
    metrics.watchQueue(() => new Promise(() => {}));
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/redshield_db_pool_connections\{state="total"\} [1-9]/);
    expect(res.body).not.toMatch(/redshield_job_queue_depth\{/);
    metrics.watchQueue(() => jobs.depth());
  });

  it('has no /metrics route at all without a token', async () => {
    const database = await createTestDatabase();
    const { app: plain } = await buildApp({ database, config });
    expect((await plain.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(404);
    await plain.close();
    await database.close();
  });
});

describe('graceful shutdown', () => {
  it('lets a slow request under way finish, then refuses connections, stops the jobs and closes the database', async () => {
    const database = await createTestDatabase();
    const { app } = await buildApp({ database, config });
    app.get('/slow', { config: { access: 'public' } }, async () => {
      await new Promise((r) => setTimeout(r, 700));
      return { done: true };
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const steps: string[] = [];
    const exits: number[] = [];
    const shutdown = createShutdown({
      app,
      jobs: { stop: async () => void steps.push('jobs stopped') },
      database: {
        close: async () => {
          steps.push('database closed');
          await database.close();
        },
      },
      exit: (code) => exits.push(code),
    });

    const slow = fetch(`${base}/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
    await new Promise((r) => setTimeout(r, 200)); // the request is under way
    const stopping = Promise.all([shutdown(), shutdown()]); // a second signal changes nothing
    expect(await slow).toEqual({ status: 200, body: { done: true } });
    await stopping;
    expect(steps).toEqual(['jobs stopped', 'database closed']);
    expect(exits).toEqual([0]);
    await expect(fetch(`${base}/api/health/live`)).rejects.toThrow();
  });
});
