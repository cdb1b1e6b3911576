import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app';
import { openDatabase, type Database } from '../src/db/database';
import type { App } from '../src/platform/http';
import { installMetrics } from '../src/platform/metrics';
import type { Services } from '../src/services';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import { startReplicaCluster, type ReplicaCluster } from './helpers/replica-cluster';
import { startServer } from './helpers/server-process';

/**
 * DATABASE_READ_URL (issue 22): the heavy reads go to a streaming replica when it is fresh enough
 * for the request, and a writer reads his own writes. The test makes its own primary and replica
 * (PostgreSQL clusters on loopback ports 25411 and 25412, helpers/replica-cluster.ts) — in the
 * PGlite run too, since the server's binaries are on the machine; DATABASE_URL is not used.
 * Replay on the replica is paused (pg_wal_replay_pause) to hold it behind the primary.
 *
 * Three apps share the one primary and replica (sessions are in the database, so a person's
 * cookies work in each): `relaxed` allows 10 minutes of lag, `strict` 1.5 s, `plain` has no replica.
 */
// Below Linux's ephemeral ports (32768–60999): a port there can be taken at any moment by the
// local end of one of the suite's own connections (54412 once was, 2026-12-07), and pg_ctl then fails.
const PRIMARY_PORT = 25411;
const REPLICA_PORT = 25412;

interface Served {
  app: App;
  services: Services;
  database: Database;
}

let cluster: ReplicaCluster;
let relaxed: Served;
/** Another process with the same settings: its own poller, no memory of who wrote what. */
let twin: Served;
let strict: Served;
let plain: Served;
let tenant: Tenant;
let campaignId: string;
let a: Person;
let b: Person;

async function serve(replica?: { maxLagMs: number }): Promise<Served> {
  const database = await openDatabase({
    databaseUrl: cluster.primaryUrl,
    dataDir: '',
    ...(replica ? { readUrl: cluster.replicaUrl, readMaxLagMs: replica.maxLagMs } : {}),
  });
  const { app, services } = await buildApp({ database, config: { secureCookies: false, webDist: undefined } });
  await app.ready();
  return { app, services, database };
}

/** A person with a cookie jar: the session, the CSRF token and the `rs_lsn` of his last write. */
interface Person {
  jar: Map<string, string>;
  request(s: Served, method: string, url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

async function person(s: Served, username: string): Promise<Person> {
  const jar = new Map<string, string>();
  let csrf = '';
  const request = async (to: Served, method: string, url: string, body?: unknown) => {
    const res = await to.app.inject({
      method: method as 'GET',
      url,
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': csrf },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      if (c.maxAge === 0 || c.value === '') jar.delete(c.name);
      else jar.set(c.name, c.value);
    }
    return res;
  };
  const res = await request(s, 'POST', '/api/auth/login', { username, password: TEST_PASSWORD });
  expect(res.statusCode).toBe(200);
  csrf = res.json().csrfToken;
  return { jar, request };
}

const replicaOf = (s: Served) => s.database.replica!;

/** Where the request's heavy reads went (the replica's counters before and after). */
async function readsOf(s: Served, call: () => Promise<LightMyRequestResponse>) {
  const before = { ...replicaOf(s).reads };
  const res = await call();
  expect(res.statusCode, res.body).toBe(200);
  const after = replicaOf(s).reads;
  const went = after.replica > before.replica ? 'replica' : after.primary > before.primary ? 'primary' : 'none';
  return { res, went };
}

async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The replica has replayed everything and every app's poller has seen it. */
async function settled() {
  await cluster.caughtUp();
  await waitFor('pollers see the replica caught up', () =>
    [relaxed, twin, strict].every((s) => replicaOf(s).lagMs() === 0),
  );
  // Two more polls (500 ms apart), so every poller — the spawned workers' too — holds a replayed
  // position that includes the newest write.
  await new Promise((r) => setTimeout(r, 1100));
}

let n = 0;
const newCase = (name: string) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `副本测试〔2026〕${++n}号`,
  name,
  partyKind: 'company',
  partyName: '上海某某超市有限公司',
  filingDate: '2026-11-01',
  amountInvolved: '12.5',
  fine: '3000',
  confiscated: '0',
  lossesRecovered: '0',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
});
const ledger = () => `/api/cases?campaignId=${campaignId}&page=1&pageSize=100`;
const names = (res: LightMyRequestResponse) => (res.json().items as { name: string }[]).map((c) => c.name);

beforeAll(async () => {
  cluster = await startReplicaCluster({ primaryPort: PRIMARY_PORT, replicaPort: REPLICA_PORT });
  relaxed = await serve({ maxLagMs: 600_000 });
  twin = await serve({ maxLagMs: 600_000 });
  strict = await serve({ maxLagMs: 1500 });
  plain = await serve();
  tenant = await createTenant(relaxed.services, { roles: ['handler', 'leader'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(relaxed.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  // A files the cases (a 局领导 registers them); B, a handler of the same district, reads the ledger.
  a = await person(relaxed, tenant.byRole.leader.username);
  b = await person(relaxed, tenant.byRole.handler.username);
  expect((await a.request(relaxed, 'POST', '/api/cases', newCase('副本测试：已同步的案件'))).statusCode).toBe(201);
  await settled();
}, 180_000);

afterAll(async () => {
  await cluster?.onReplica('select pg_wal_replay_resume()').catch(() => undefined);
  for (const s of [relaxed, twin, strict, plain].filter(Boolean)) {
    await s.app.close();
    await s.database.close();
  }
  await cluster?.stop();
}, 60_000);

describe('read replica (DATABASE_READ_URL)', () => {
  it('without a replica the reader is the primary handle itself', () => {
    expect(plain.database.replica).toBeUndefined();
    expect(plain.database.reader).toBe(plain.database.db);
  });

  it('a write sets rs_lsn; the writer reads his write from the primary while others read the stale replica', async () => {
    await cluster.onReplica('select pg_wal_replay_pause()');
    try {
      const created = await a.request(relaxed, 'POST', '/api/cases', newCase('副本测试：暂停回放时登记'));
      expect(created.statusCode).toBe(201);
      const cookie = (
        created.cookies as { name: string; httpOnly?: boolean; sameSite?: string; maxAge?: number }[]
      ).find((c) => c.name === 'rs_lsn');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
      expect(cookie!.maxAge).toBeGreaterThan(600);
      expect(a.jar.get('rs_lsn')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      const mine = await readsOf(relaxed, () => a.request(relaxed, 'GET', ledger()));
      expect(mine.went).toBe('primary');
      expect(names(mine.res)).toContain('副本测试：暂停回放时登记');

      const theirs = await readsOf(relaxed, () => b.request(relaxed, 'GET', ledger()));
      expect(theirs.went).toBe('replica');
      expect(names(theirs.res)).toContain('副本测试：已同步的案件');
      expect(names(theirs.res)).not.toContain('副本测试：暂停回放时登记');
      expect(theirs.res.json().total).toBe(mine.res.json().total - 1);

      // In another process the cookie alone decides: A from the primary, B from the replica.
      const mineElsewhere = await readsOf(twin, () => a.request(twin, 'GET', ledger()));
      expect(mineElsewhere.went).toBe('primary');
      expect(names(mineElsewhere.res)).toContain('副本测试：暂停回放时登记');
      const theirsElsewhere = await readsOf(twin, () => b.request(twin, 'GET', ledger()));
      expect(theirsElsewhere.went).toBe('replica');
      expect(names(theirsElsewhere.res)).not.toContain('副本测试：暂停回放时登记');

      // The .xlsx export reads its chunks through the same handle: B's file lacks the case too.
      const exported = await readsOf(relaxed, () =>
        b.request(relaxed, 'GET', `/api/cases.xlsx?campaignId=${campaignId}`),
      );
      expect(exported.went).toBe('replica');
      const rows = await sheetText(exported.res);
      expect(rows).toContain('副本测试：已同步的案件');
      expect(rows).not.toContain('副本测试：暂停回放时登记');
    } finally {
      await cluster.onReplica('select pg_wal_replay_resume()');
    }
    // Replay resumed: B sees the case, still from the replica.
    await waitFor('B sees the case on the replica', async () => {
      const { res, went } = await readsOf(relaxed, () => b.request(relaxed, 'GET', ledger()));
      return went === 'replica' && names(res).includes('副本测试：暂停回放时登记');
    });
  });

  it('over the allowed lag, everyone reads from the primary', async () => {
    await settled();
    await cluster.onReplica('select pg_wal_replay_pause()');
    try {
      expect((await a.request(strict, 'POST', '/api/cases', newCase('副本测试：延迟超限时登记'))).statusCode).toBe(201);
      await waitFor('the replica lags more than 1.5 s', () => (replicaOf(strict).lagMs() ?? 0) > 1500);

      const viaStrict = await readsOf(strict, () => b.request(strict, 'GET', ledger()));
      expect(viaStrict.went).toBe('primary');
      expect(names(viaStrict.res)).toContain('副本测试：延迟超限时登记');

      // The same request where 10 minutes of lag are allowed: the replica, without the case.
      const viaRelaxed = await readsOf(relaxed, () => b.request(relaxed, 'GET', ledger()));
      expect(viaRelaxed.went).toBe('replica');
      expect(names(viaRelaxed.res)).not.toContain('副本测试：延迟超限时登记');
    } finally {
      await cluster.onReplica('select pg_wal_replay_resume()');
    }
  });

  it('the figures, dashboards and 大屏 are the same from the replica and from the primary', async () => {
    await settled();
    const { district } = tenant.units;
    const urls = [
      `/api/campaigns/${campaignId}/stats?unitId=${district.id}`,
      `/api/campaigns/${campaignId}/stat-table?template=tiequan-annex2&unitId=${district.id}`,
      `/api/campaigns/${campaignId}/stat-table/by-unit?template=tiequan-annex2&unitId=${district.id}`,
      `/api/campaigns/${campaignId}/stats/records?unitId=${district.id}&metric=casesFiled&page=1&pageSize=50`,
      `/api/dashboards/trend?campaignId=${campaignId}&unitId=${district.id}&bucket=month`,
      `/api/dashboards/categories?campaignId=${campaignId}&unitId=${district.id}`,
      `/api/dashboards/units?campaignId=${campaignId}&unitId=${district.id}`,
      `/api/dashboards/clocks?campaignId=${campaignId}&unitId=${district.id}`,
      `/api/command-screen?campaignId=${campaignId}&unitId=${district.id}`,
    ];
    for (const url of urls) {
      const fromReplica = await readsOf(relaxed, () => b.request(relaxed, 'GET', url));
      expect(fromReplica.went, url).toBe('replica');
      const fromPrimary = await b.request(plain, 'GET', url);
      expect(fromPrimary.statusCode, url).toBe(200);
      expect(withoutClock(fromReplica.res.json()), url).toEqual(withoutClock(fromPrimary.json()));
    }
    const stats = (await b.request(plain, 'GET', urls[0])).json();
    const total = stats.rows.find((r: { category: string }) => r.category === 'total');
    expect(total.values.casesFiled).toBe(3);
  });

  it('a replica that does not answer: reads go to the primary, the log says why once, up is 0', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const database = await openDatabase({
      databaseUrl: cluster.primaryUrl,
      dataDir: '',
      readUrl: 'postgres://postgres@127.0.0.1:1/postgres',
      readMaxLagMs: 600_000,
    });
    const { app } = await buildApp({ database, config: { secureCookies: false, webDist: undefined } });
    const away: Served = { app, services: relaxed.services, database };
    try {
      await new Promise((r) => setTimeout(r, 1200));
      const read = await readsOf(away, () => b.request(away, 'GET', ledger()));
      expect(read.went).toBe('primary');
      expect(names(read.res)).toContain('副本测试：暂停回放时登记');
      const said = warn.mock.calls
        .map((c) => String(c[0]))
        .filter((m) => m.includes('只读副本（DATABASE_READ_URL）暂不可用'));
      expect(said).toHaveLength(1);
      const registry = installMetrics(Fastify() as unknown as App, { token: 't', replica: database.replica }).registry;
      const text = await registry.metrics();
      expect(text).toMatch(/^redshield_db_replica_up 0$/m);
      expect(text).toMatch(/^redshield_db_replica_lag_seconds nan$/im);
    } finally {
      warn.mockRestore();
      await app.close();
      await database.close();
    }
  });

  it('npm start reads DATABASE_READ_URL: workers route the reads, set rs_lsn and report the lag', async () => {
    const token = randomBytes(16).toString('hex');
    const server = await startServer({
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_READ_URL: cluster.replicaUrl,
      DATABASE_READ_MAX_LAG_MS: '3000',
      WORKERS: '2',
      METRICS_TOKEN: token,
    });
    try {
      expect(server.output()).toContain('大查询读只读副本（DATABASE_READ_URL，延迟上限 3000 ms）');
      const login = await fetch(`${server.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: tenant.byRole.handler.username, password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const lsn = login.headers.getSetCookie().find((c) => c.startsWith('rs_lsn='));
      // A write's cookie lives the allowed lag and two polls, rounded up, and a second more.
      expect(lsn).toMatch(/^rs_lsn=[0-9A-F]+\/[0-9A-F]+; Max-Age=5; Path=\/; HttpOnly; SameSite=Lax$/);
      const cookie = login.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      await settled();
      for (let i = 0; i < 4; i++)
        expect((await fetch(`${server.base}${ledger()}`, { headers: { cookie } })).status).toBe(200);
      const metrics = await (
        await fetch(`${server.base}/metrics`, { headers: { authorization: `Bearer ${token}` } })
      ).text();
      expect(metrics).toMatch(/^redshield_db_replica_lag_seconds [0-9.e-]+$/m);
      expect(metrics).toMatch(/^redshield_db_replica_up 1$/m);
      // Both workers' counts, summed by the cluster's primary process.
      const reads = /^redshield_db_replica_reads_total\{target="replica"\} (\d+)/m.exec(metrics);
      expect(Number(reads?.[1])).toBe(4);
    } finally {
      await server.stop();
    }
  });
});

/** The text of every cell of the export's first sheet. */
async function sheetText(res: LightMyRequestResponse) {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const cells: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
  return cells;
}

/** An answer without the moment it was made (the 大屏 says when it was drawn). */
function withoutClock(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withoutClock);
  if (body && typeof body === 'object')
    return Object.fromEntries(
      Object.entries(body)
        .filter(([k]) => !['generatedAt', 'now', 'asOf'].includes(k))
        .map(([k, v]) => [k, withoutClock(v)]),
    );
  return body;
}
