import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database';
import { loadAuditAnchor } from '../src/modules/audit/audit.anchor';
import { createServices } from '../src/services';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * 高可用故障演练 (issue 22): a primary killed under a steady write load loses no acknowledged write.
 *
 * deploy/ha/pg-auto-failover.sh builds a monitor, a primary and a synchronous standby on loopback
 * (ports 25421–25423, or HA_PORT_BASE …); RedShield (src/main.ts, as `npm start` runs it) connects
 * through the multi-host DATABASE_URL. Cases are saved through the API while the primary's node is
 * SIGKILLed (its pg_autoctl and postgres: a crash); the monitor promotes the standby, RedShield finds
 * it by itself, and every case the API answered 201 for must be on the new primary. The outage (first
 * failed write to the first write that succeeded after it) is printed.
 *
 * Required, never skipped: without pg_auto_failover (Debian: postgresql-15-auto-failover, which
 * .ci/run installs) it fails and says so.
 */
const run = promisify(execFile);
const serverDir = path.resolve(import.meta.dirname, '..');
const script = path.resolve(serverDir, '..', 'deploy', 'ha', 'pg-auto-failover.sh');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-failover-'));
const haDir = path.join(work, 'ha');
// mkdtemp makes the folder private; the clusters' own user (postgres, when run as root) must get through.
fs.chmodSync(work, 0o755);
const AUDIT_KEY = 'cd'.repeat(32);
const checkpoints = path.join(work, 'checkpoints.log');
const ADMIN_PASSWORD = 'Failover-Test-2026!x';
const OUTAGE_BOUND_S = 60;

const ha = async (...args: string[]) =>
  (await run(script, [...args, haDir], { timeout: 300_000, env: process.env })).stdout.trim();

const pgAutoctlInstalled = () =>
  process.env.PATH!.split(':').some((dir) => fs.existsSync(path.join(dir, 'pg_autoctl')));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

let haStarted = false;
let databaseUrl = '';
let server: ChildProcess | undefined;
let serverOutput = '';
let base = '';
let tenant: Tenant;
let campaignId = '';

async function startServer() {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(work, 'data'),
      AUDIT_KEY,
      AUDIT_CHECKPOINT_FILE: checkpoints,
      ADMIN_PASSWORD,
      SEED_DEMO: 'false',
      WEB_DIST: '',
      LOG_LEVEL: 'warn',
    },
  });
  server.stdout!.on('data', (d) => (serverOutput += d));
  server.stderr!.on('data', (d) => (serverOutput += d));
  const until = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`RedShield exited: ${serverOutput}`);
    const ready = await fetch(`${base}/api/health/ready`).catch(() => undefined);
    if (ready?.status === 200) return;
    if (Date.now() > until) throw new Error(`RedShield not ready: ${serverOutput}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

beforeAll(async () => {
  if (!pgAutoctlInstalled()) {
    throw new Error(
      'pg_autoctl 未安装：高可用故障测试需要 pg_auto_failover。请运行 .ci/run（它安装 postgresql-15-auto-failover），' +
        '或 apt-get install -y postgresql-15-auto-failover。 / pg_auto_failover is missing: run .ci/run’s install.',
    );
  }
  haStarted = true;
  databaseUrl = await ha('up');
  // The test's own records, written through the multi-host URL (which migrates the database), with
  // the server's audit key and checkpoints, so the audit chain can be verified afterwards.
  const database = await openDatabase({ databaseUrl, dataDir: '' });
  const audit = loadAuditAnchor({
    auditKey: AUDIT_KEY,
    auditKeyFile: path.join(work, 'unused.key'),
    auditCheckpointFile: checkpoints,
  });
  const services = createServices(database.db, { audit: audit.anchor });
  tenant = await createTenant(services, { roles: ['handler', 'leader', 'admin'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  await database.close();
  await startServer();
}, 300_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    const exited = new Promise((r) => server!.once('exit', r));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (haStarted) await ha('down').catch((err: Error) => console.error(`pg-auto-failover.sh down: ${err.message}`));
  fs.rmSync(work, { recursive: true, force: true });
}, 120_000);

async function login(username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith('rs_session='))!
    .split(';')[0];
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

interface Attempt {
  /** When the request was sent and when its answer came. */
  sent: number;
  at: number;
  status: number;
  id?: string;
}

describe('failover under a steady write load (pg_auto_failover)', () => {
  it('keeps every acknowledged case when the primary is killed, and reconnects by itself', async () => {
    const headers = {
      ...(await login(tenant.byRole.leader.username, TEST_PASSWORD)),
      'content-type': 'application/json',
    };
    const attempts: Attempt[] = [];
    let n = 0;
    let stopping = false;
    const saveCase = async (): Promise<Attempt> => {
      const body = {
        unitId: tenant.units.district.id,
        campaignId,
        categoryCode: 'food',
        caseNumber: `故障演练〔2026〕${++n}号`,
        name: '某超市销售过期食品案',
        partyKind: 'company',
        partyName: '上海某某超市有限公司',
        filingDate: '2026-11-01',
        filingApproverId: tenant.byRole.leader.id,
        investigatorId: tenant.byRole.handler.id,
      };
      const sent = Date.now();
      try {
        const res = await fetch(`${base}/api/cases`, {
          method: 'POST',
          headers,
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const json = (await res.json().catch(() => ({}))) as { id?: string };
        return { sent, at: Date.now(), status: res.status, id: res.status < 300 ? json.id : undefined };
      } catch {
        return { sent, at: Date.now(), status: 0 };
      }
    };
    // Two writers, each saving one case after another; a failed write waits a little before the next.
    const writer = async () => {
      while (!stopping) {
        const a = await saveCase();
        attempts.push(a);
        if (a.status >= 300 || a.status === 0) await new Promise((r) => setTimeout(r, 100));
      }
    };
    const writers = [writer(), writer()];
    const acked = () => attempts.filter((a) => a.id).length;
    const waitFor = async (what: string, ok: () => boolean, seconds: number) => {
      const until = Date.now() + seconds * 1000;
      while (!ok()) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${what}; server said:\n${serverOutput}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };

    try {
      await waitFor('writes before the fault', () => acked() >= 30, 120);
      const oldPrimaryPort = Number(await ha('primary'));
      const killedAt = Date.now();
      const [killed] = (await ha('kill-primary')).split(' ');
      expect(killed).toMatch(/^node[12]$/);
      // Writing goes on until the new primary has taken 30 writes after the first failed one.
      const failedAfterKill = () => attempts.find((a) => a.at >= killedAt && !a.id);
      await waitFor(
        'writes to succeed again after the failover',
        () => {
          const failed = failedAfterKill();
          return !!failed && attempts.filter((a) => a.id && a.sent > failed.at).length >= 30;
        },
        180,
      );
      stopping = true;
      await Promise.all(writers);

      const firstFailed = failedAfterKill()!;
      // A commit in flight at the kill may still be acknowledged (the backends outlive their
      // postmaster for a moment); writing is back with the first success sent after a failure.
      const firstBack = attempts.find((a) => a.id && a.sent > firstFailed.at)!;
      const outageSeconds = (firstBack.at - firstFailed.at) / 1000;
      const failed = attempts.filter((a) => !a.id);
      const ids = attempts.flatMap((a) => (a.id ? [a.id] : []));
      console.log(
        `高可用故障演练：停机 ${outageSeconds.toFixed(1)} 秒（第一次写入失败到恢复写入）；` +
          `已确认写入 ${ids.length} 条，失败 ${failed.length} 次（状态 ${[...new Set(failed.map((a) => a.status))].join('、')}）`,
      );
      expect(outageSeconds).toBeLessThan(OUTAGE_BOUND_S);
      // A write that failed for the failover says so: 503 (try again), not 500 (a fault).
      const unhandled = serverOutput.split('\n').filter((l) => l.includes('unhandled error'));
      expect(
        failed.filter((a) => a.status !== 503),
        unhandled.join('\n'),
      ).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);

      // Every acknowledged case is on the new primary (asked directly, not through RedShield).
      const newPrimaryPort = Number(await ha('primary'));
      expect(newPrimaryPort).not.toBe(oldPrimaryPort);
      const direct = new pg.Client({
        host: '127.0.0.1',
        port: newPrimaryPort,
        user: 'postgres',
        database: 'redshield',
      });
      await direct.connect();
      try {
        const { rows } = await direct.query<{ id: string }>('select id from cases where id = any($1::uuid[])', [ids]);
        const present = new Set(rows.map((r) => r.id));
        expect(ids.filter((id) => !present.has(id))).toEqual([]);
        expect((await direct.query('select pg_is_in_recovery() as r')).rows[0].r).toBe(false);
      } finally {
        await direct.end();
      }

      // The audit chain agrees with the checkpoints written outside the database after each write:
      // an acknowledged write lost with its audit entry would show as "truncated".
      const admin = await login(tenant.byRole.admin.username, TEST_PASSWORD);
      const verify = await fetch(`${base}/api/audit/verify`, { headers: admin });
      expect(verify.status).toBe(200);
      expect(await verify.json()).toMatchObject({ ok: true, finding: 'intact' });
    } finally {
      stopping = true;
      await Promise.all(writers);
    }
  }, 420_000);
});
