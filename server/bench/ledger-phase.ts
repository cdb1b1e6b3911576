/**
 * The ledger (台账) under load, as issue 22 measures it: the admin and a district user, each with
 * 100 connections in a closed loop; an open loop of 50 requests/s (its p95 is what a person waits);
 * and pgbench running the very statements the API ran for those requests, in the same run, so the
 * API's rate is read against what the database alone gives. The load client is this process, the
 * measured server a process of its own (http-phase.ts startServer), warmed before measuring.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../src/app';
import type { Database } from '../src/db/database';
import { rowsOf } from '../src/platform/db/rows-of';
import type { Services } from '../src/services';
import { rng } from './dataset';
import { ADMIN_PASSWORD } from './http-phase';
import { cpuMs, now, percentile, round } from './measure';

export const DISTRICT_USER = { username: 'bench-district', password: 'Tai-Zhang-Load-7' };

/** 500 ledger addresses with the filters people use: a page of 50 among the first 20, a category, a stage … */
export function ledgerPaths(opts: { campaignId: string; categories: string[]; seed: number }): string[] {
  const r = rng(opts.seed);
  const stages = ['filed', 'investigation', 'closed'];
  return Array.from({ length: 500 }, () => {
    const q = new URLSearchParams({ campaignId: opts.campaignId, pageSize: '50', page: String(1 + r.int(20)) });
    if (r.chance(0.5)) q.set('categoryCode', opts.categories[r.skewed(opts.categories.length)]);
    if (r.chance(0.3)) q.set('stage', stages[r.int(stages.length)]);
    if (r.chance(0.2)) q.set('overdue', 'true');
    if (r.chance(0.2)) q.set('q', `当事人${r.int(9973)}`);
    return `/api/cases?${q}`;
  });
}

/** The district the benchmark's district user works in: the one nearest 4.4 % of the cases (issue 22's example). */
export async function benchDistrict(db: Database['db'], campaignId: string): Promise<{ id: string; share: number }> {
  const [row] = rowsOf<{ id: string; share: number }>(
    await db.execute(sql`
      select u.id, count(c.id)::float / (select count(*) from cases) as share
        from units u join units d on d.path like u.path || '%' join cases c on c.unit_id = d.id
       where u.depth = 1 and c.campaign_id = ${campaignId}
       group by u.id order by abs(count(c.id)::float / (select count(*) from cases) - 0.044) limit 1`),
  );
  return { id: row.id, share: round(Number(row.share) * 100, 1) };
}

/** Creates the district user (办案机构 office role) once; a kept database already has him. */
export async function ensureDistrictUser(services: Services, database: Database, unitId: string) {
  const { systemActor } = await import('../src/platform/actor');
  const found = rowsOf(await database.db.execute(sql`select 1 from users where username = ${DISTRICT_USER.username}`));
  if (found.length) return;
  await services.usersService.create(
    systemActor,
    { ...DISTRICT_USER, displayName: '区局专项办（压测）', unitId, roles: ['office'], email: null } as never,
    { mustChangePassword: false },
  );
}

export async function loginOver(url: string, user: { username: string; password: string }) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(user),
  });
  if (!res.ok) throw new Error(`login ${user.username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  return { cookie };
}

interface LoadResult {
  rps: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
  errors: number;
}

function summary(latencies: number[], seconds: number, errors: number): LoadResult {
  return {
    rps: round(latencies.length / seconds, 0),
    p50Ms: round(percentile(latencies, 50), 1),
    p95Ms: round(percentile(latencies, 95), 1),
    requests: latencies.length,
    errors,
  };
}

/** `connections` clients, each asking for the next address as soon as its answer is read. */
export async function closedLoop(
  url: string,
  headers: Record<string, string>,
  paths: string[],
  seconds: number,
  connections = 100,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const end = now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (now() < end) {
        const t0 = now();
        const res = await fetch(`${url}${paths[next++ % paths.length]}`, { headers });
        await res.arrayBuffer();
        if (!res.ok) errors += 1;
        latencies.push(now() - t0);
      }
    }),
  );
  return summary(latencies, seconds, errors);
}

/**
 * An open loop: a request every 1/rate s whether the earlier ones have been answered or not (people
 * do not wait for each other), each timed from when it was due, so a queue in the server shows.
 */
export async function openLoop(
  url: string,
  headers: Record<string, string>,
  paths: string[],
  seconds: number,
  rate = 50,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const start = now();
  const total = Math.round(seconds * rate);
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(
      fetch(`${url}${paths[i % paths.length]}`, { headers }).then(async (res) => {
        await res.arrayBuffer();
        if (!res.ok) errors += 1;
        latencies.push(now() - due);
      }),
    );
  }
  await Promise.all(inFlight);
  return summary(latencies, seconds, errors);
}

/** A value as an SQL literal (for a pgbench script: the statement as the API sent it, its values in place). */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return `'${v.toISOString()}'`;
  if (Array.isArray(v)) return `'{${v.map((x) => `"${String(x).replace(/(["\\])/g, '\\$1')}"`).join(',')}}'`;
  return `'${String(v).replace(/'/g, "''")}'`;
}

function inline(text: string, values: unknown[]): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1])).replace(/\s+/g, ' ');
}

/**
 * The statements the API runs for each address, read off the wire of an in-process copy of the app
 * (app.inject over the same routes, session hook and services): one pgbench script per address.
 */
export async function captureStatements(
  database: Database,
  services: Services,
  sessions: { cookie: string; paths: string[] }[],
): Promise<{ scripts: string[][]; statementsPerRequest: number }> {
  const { app } = await buildApp({ database, config: { secureCookies: false, webDist: undefined }, services });
  await app.ready();
  const seen: string[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, config: unknown, values?: unknown) {
    const c = config as { text?: string; values?: unknown[] } | string;
    const text = typeof c === 'string' ? c : c.text;
    const vals = (typeof c === 'object' && c.values) || (Array.isArray(values) ? values : []);
    if (text) seen.push(inline(text, vals));
    // eslint-disable-next-line prefer-rest-params
    return (original as (...a: unknown[]) => unknown).apply(this, arguments as unknown as unknown[]);
  } as typeof original;
  const scripts: string[][] = [];
  try {
    for (const s of sessions)
      for (const p of s.paths) {
        seen.length = 0;
        const res = await app.inject({ method: 'GET', url: p, headers: { cookie: s.cookie } });
        if (res.statusCode !== 200) throw new Error(`${p}: ${res.statusCode} ${res.body}`);
        scripts.push(seen.filter((t) => !/^\s*(begin|commit|rollback)\b/i.test(t)));
      }
  } finally {
    pg.Client.prototype.query = original;
    await app.close();
  }
  const statements = scripts.reduce((n, s) => n + s.length, 0);
  return { scripts, statementsPerRequest: round(statements / scripts.length, 2) };
}

/** pgbench (closed loop, `clients` connections, `seconds`) over the scripts: transactions/s and p95 latency. */
export function pgbench(databaseUrl: string, scripts: string[][], dir: string, clients = 100, seconds = 10) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // pgbench takes at most 128 scripts; each is one request's statements.
  const chosen = scripts.filter((_, i) => i % Math.ceil(scripts.length / 120) === 0).slice(0, 120);
  const files = chosen.map((statements, i) => {
    const f = path.join(dir, `request-${i}.sql`);
    writeFileSync(f, `${statements.map((s) => `${s};`).join('\n')}\n`);
    return f;
  });
  const bin = pgbenchBinary();
  const out = execFileSync(
    bin,
    [
      ...files.flatMap((f) => ['-f', f]),
      '-n',
      '-M',
      'extended',
      '-c',
      String(clients),
      '-j',
      '2',
      '-T',
      String(seconds),
      '-r',
      '--log',
      `--log-prefix=${path.join(dir, 'log')}`,
      databaseUrl,
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: dir },
  );
  const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
  return { tps: round(tps, 0), p95Ms: round(latencyP95(dir), 1) };
}

function pgbenchBinary(): string {
  for (const v of ['18', '17', '16', '15']) {
    const p = `/usr/lib/postgresql/${v}/bin/pgbench`;
    try {
      execFileSync(p, ['--version']);
      return p;
    } catch {
      // not this version
    }
  }
  return 'pgbench';
}

/** p95 of the per-transaction log (`--log`: the third field is the latency in µs). */
function latencyP95(dir: string): number {
  const out = execFileSync('sh', ['-c', `cat ${path.join(dir, 'log')}.* | awk '{print $3}'`], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const latencies = out
    .split('\n')
    .filter(Boolean)
    .map((l) => Number(l) / 1000);
  return percentile(latencies, 95);
}

/**
 * The whole ledger phase: warm the server, then the admin's and the district user's closed loops
 * (100 connections each in turn), the open loop (50 requests/s, half each), and pgbench on the
 * statements of the same addresses. Every figure is named as issue 22's BENCH keys name it.
 */
/** The district user's unit, chosen and given its user while the benchmark holds the database. */
export async function prepareDistrict(services: Services, database: Database, campaignId: string) {
  // The administrator first: the server creates him only on a database without users.
  await services.authService.ensureSystemAdmin(ADMIN_PASSWORD);
  const district = await benchDistrict(database.db, campaignId);
  await ensureDistrictUser(services, database, district.id);
  return district;
}

export async function measureLedger(opts: {
  server: { url: string; headers: Record<string, string>; process: { pid?: number } };
  district: { share: number };
  /** On PostgreSQL: the statements are captured through an in-process app and run by pgbench. */
  pg?: { database: Database; services: Services; databaseUrl: string };
  campaignId: string;
  categories: string[];
  seconds: number;
  work: string;
}) {
  const { server, seconds } = opts;
  const { district } = opts;
  const admin = { headers: { cookie: server.headers.cookie }, paths: ledgerPaths({ ...opts, seed: 5 }) };
  const districtUser = {
    headers: await loginOver(server.url, DISTRICT_USER),
    paths: ledgerPaths({ ...opts, seed: 6 }),
  };
  // Warm: the server's code paths compiled, its pool filled, the pages read once.
  for (const u of [admin, districtUser]) await closedLoop(server.url, u.headers, u.paths, 3, 20);
  // The server's CPU per request: its cost, whatever else the machine runs meanwhile.
  const pid = server.process.pid!;
  const cpuPerRequest = async (load: () => Promise<LoadResult>) => {
    const before = cpuMs(pid);
    const result = await load();
    return { ...result, cpuMsPerRequest: round((cpuMs(pid) - before) / result.requests, 2) };
  };
  const adminLoad = await cpuPerRequest(() => closedLoop(server.url, admin.headers, admin.paths, seconds));
  const districtLoad = await cpuPerRequest(() =>
    closedLoop(server.url, districtUser.headers, districtUser.paths, seconds),
  );
  const [openAdmin, openDistrict] = await Promise.all(
    [admin, districtUser].map((u) => openLoop(server.url, u.headers, u.paths, seconds, 25)),
  );
  const open = [openAdmin, openDistrict];
  let sqlRates: {
    tps: number;
    p95Ms: number;
    clients: number;
    poolTps: number;
    districtTps: number;
    statementsPerRequest: number;
  } | null = null;
  if (opts.pg) {
    const { database, services, databaseUrl } = opts.pg;
    const captured = await captureStatements(database, services, [
      { cookie: admin.headers.cookie, paths: admin.paths },
      { cookie: districtUser.headers.cookie, paths: districtUser.paths },
    ]);
    const n = admin.paths.length;
    // As many connections as the API's clients, where the server allows them (max_connections less
    // those open), and the API's own pool size (10): pgbench's best rate on this machine.
    const [{ free }] = rowsOf<{ free: number }>(
      await database.db.execute(
        sql`select current_setting('max_connections')::int - (select count(*) from pg_stat_activity)::int - 5 as free`,
      ),
    );
    const clients = Math.min(100, Number(free));
    const dir = (name: string) => path.join(opts.work, `pgbench-${name}`);
    const bench = pgbench(databaseUrl, captured.scripts.slice(0, n), dir('admin'), clients, seconds);
    const pool = pgbench(databaseUrl, captured.scripts.slice(0, n), dir('admin-10'), 10, seconds);
    const districtBench = pgbench(databaseUrl, captured.scripts.slice(n), dir('district'), clients, seconds);
    sqlRates = {
      ...bench,
      clients,
      poolTps: pool.tps,
      districtTps: districtBench.tps,
      statementsPerRequest: captured.statementsPerRequest,
    };
  }
  return {
    ledgerRps: adminLoad.rps,
    ledgerP95Ms: adminLoad.p95Ms,
    ledgerServerCpuMsPerRequest: adminLoad.cpuMsPerRequest,
    ledgerDistrictRps: districtLoad.rps,
    ledgerDistrictServerCpuMsPerRequest: districtLoad.cpuMsPerRequest,
    ledgerDistrictP95Ms: districtLoad.p95Ms,
    ledgerDistrictSharePercent: district.share,
    ledgerOpenP95Ms: round(Math.max(...open.map((o) => o.p95Ms)), 1),
    ledgerOpenP50Ms: round(Math.max(...open.map((o) => o.p50Ms)), 1),
    ledgerSqlTps: sqlRates?.tps ?? null,
    ledgerSqlP95Ms: sqlRates?.p95Ms ?? null,
    ledgerDistrictSqlTps: sqlRates?.districtTps ?? null,
    ledgerSqlClients: sqlRates?.clients ?? null,
    /** pgbench at 10 connections, the API's pool: the database's best rate here. */
    ledgerSqlPoolTps: sqlRates?.poolTps ?? null,
    ledgerStatementsPerRequest: sqlRates?.statementsPerRequest ?? null,
    ledgerErrors: adminLoad.errors + districtLoad.errors + openAdmin.errors + openDistrict.errors,
  };
}
