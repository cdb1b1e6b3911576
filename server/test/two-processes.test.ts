import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createScratchDatabase, type ScratchDatabase } from './helpers/scratch-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Two real server processes (src/main.ts, as `npm start` runs it) on one PostgreSQL database:
 * A is a single process, B a WORKERS=2 cluster (a primary and two workers on one port), started at
 * the same moment. What one of them records, the other sees. PostgreSQL: the server of DATABASE_URL, or else the local one
 * on 127.0.0.1:5432 (trust authentication, as on the development machines and in CI); a fresh
 * database either way, dropped afterwards.
 */
const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const ADMIN_PASSWORD = 'Cluster-Test-2026!x';
const METRICS_TOKEN = randomBytes(16).toString('hex');
let scratch: ScratchDatabase;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-two-'));
const serverDir = path.resolve(import.meta.dirname, '..');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

interface Proc {
  child: ChildProcess;
  base: string;
  output: () => string;
}

async function startServer(name: string, extraEnv: Record<string, string>): Promise<Proc> {
  const port = await freePort();
  let out = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: scratch.url,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(work, name),
      AUDIT_KEY: 'ab'.repeat(32),
      AUDIT_CHECKPOINT_FILE: path.join(work, `${name}-checkpoints.log`),
      ADMIN_PASSWORD,
      SEED_DEMO: 'false',
      WEB_DIST: '',
      LOG_LEVEL: 'warn',
      METRICS_TOKEN,
      ...extraEnv,
    },
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${out}`);
    const ready = await fetch(`${base}/api/health/ready`).catch(() => undefined);
    if (ready?.status === 200) break;
    if (Date.now() > until) throw new Error(`${name} not ready: ${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { child, base, output: () => out };
}

const stop = (p: Proc) =>
  new Promise<number | null>((resolve) => {
    if (p.child.exitCode !== null) return resolve(p.child.exitCode);
    p.child.once('exit', (code) => resolve(code));
    p.child.kill('SIGTERM');
  });

let a: Proc;
let b: Proc;

beforeAll(async () => {
  scratch = await createScratchDatabase(SERVER_URL, 'rs_t');
  // Started together on the empty database: migrations, the administrator and the job queue's
  // tables are created once, whichever process comes first (they take turns under a lock).
  [a, b] = await Promise.all([startServer('a', {}), startServer('b', { WORKERS: '2' })]);
}, 200_000);

afterAll(async () => {
  await Promise.all([a, b].filter(Boolean).map(stop));
  await scratch?.drop();
  fs.rmSync(work, { recursive: true, force: true });
}, 60_000);

async function login(p: Proc, username: string, password: string) {
  return fetch(`${p.base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
}

async function session(p: Proc) {
  const res = await login(p, 'admin', ADMIN_PASSWORD);
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('rs_session='))!
    .split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, headers: { cookie, 'x-csrf-token': csrfToken } };
}

describe('two server processes on one database', () => {
  it('a session opened through A works through B, and a logout through A ends it in B', async () => {
    const s = await session(a);
    // Several requests: B's two workers take turns, each must know the session.
    for (let i = 0; i < 4; i++) {
      const me = await fetch(`${b.base}/api/auth/me`, { headers: s.headers });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { username: string } }).user.username).toBe('admin');
    }
    const out = await fetch(`${a.base}/api/auth/logout`, { method: 'POST', headers: s.headers });
    expect(out.status).toBeLessThan(300);
    for (let i = 0; i < 4; i++) expect((await fetch(`${b.base}/api/auth/me`, { headers: s.headers })).status).toBe(401);
  });

  it('an import’s progress started through A is seen through B', async () => {
    const s = await session(a);
    const unit = await fetch(`${a.base}/api/units`, {
      method: 'POST',
      headers: { ...s.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ parentId: null, name: '两进程测试市场监督管理局', code: 'TWO01', kind: 'bureau' }),
    });
    expect(unit.status, await unit.clone().text()).toBe(201);
    const token = randomUUID();
    expect((await fetch(`${b.base}/api/imports/${token}`)).status).toBe(404);
    const csv = '\uFEFF名称,统一社会信用代码,管辖单位\n上海某某食品有限公司,91350100M000100Y43,TWO01\n';
    const form = new FormData();
    form.append('file', new Blob([csv]), '名录.csv');
    const imported = await fetch(`${a.base}/api/market-entities/import?progress=${token}`, {
      method: 'POST',
      headers: s.headers,
      body: form,
    });
    expect(imported.status, await imported.clone().text()).toBe(200);
    for (let i = 0; i < 4; i++) {
      const seen = await fetch(`${b.base}/api/imports/${token}`);
      expect(seen.status).toBe(200);
      // The lines read: the header and the one record.
      expect(await seen.json()).toEqual({ rowsRead: 2, finished: true });
    }
  });

  it('a login throttle tripped through A holds through B', async () => {
    // Another user name than admin's: the pair (name, address) is what trips.
    let status = 0;
    for (let i = 0; i < 10 && status !== 429; i++) status = (await login(a, 'ghost', 'wrong-password')).status;
    expect(status).toBe(429);
    const throughB = await login(b, 'ghost', 'wrong-password');
    expect(throughB.status).toBe(429);
    expect(throughB.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('B’s metrics cover both of its workers, behind the token', async () => {
    expect((await fetch(`${b.base}/metrics`)).status).toBe(401);
    const res = await fetch(`${b.base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    const text = await res.text();
    // Eight /api/auth/me and /api/imports polls went to B above, spread over two workers: summed here.
    const me = text.match(
      /redshield_http_requests_total\{route="\/api\/auth\/me",method="GET",status_class="2xx"\} (\d+)/,
    );
    expect(Number(me?.[1])).toBe(4);
    expect(text).toMatch(/redshield_db_pool_connections\{state="total"\} \d+/);
    expect(text).toMatch(/redshield_job_queue_depth/);
  });

  it('SIGTERM stops both cleanly (the primary passes it to its workers and waits)', async () => {
    const [codeA, codeB] = await Promise.all([stop(a), stop(b)]);
    // No process failed on the way (a worker that died would have been restarted and said so).
    expect(a.output() + b.output()).not.toMatch(/启动失败|意外退出|deadlock/);
    expect({ codeA, codeB, out: codeA === 0 && codeB === 0 ? '' : a.output() + b.output() }).toEqual({
      codeA: 0,
      codeB: 0,
      out: '',
    });
  }, 60_000);
});
