import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUBLICATION, REPLICATED_TABLES } from '../src/modules/federation/federation.sql';
import { systemActor } from '../src/platform/actor';
import type { App } from '../src/platform/http';
import { installMetrics } from '../src/platform/metrics';
import { login, type Session } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import {
  flat,
  install,
  query,
  startFederationClusters,
  sumOf,
  type FederationClusters,
  type Installation,
  type StatsBody,
} from './helpers/federation-clusters';
import { createSampleCampaign } from './helpers/plans';

/**
 * 省级数据汇聚 (issue 22): two provinces and a nation, each its own PostgreSQL cluster (loopback
 * ports 25431, 25432 and 25433, helpers/federation-clusters.ts) with its own RedShield — in the
 * PGlite run too; DATABASE_URL is not used. The provinces join through `publish` (the national
 * root and campaign held as stubs, the province's root put below it), the nation subscribes
 * (`subscribe`), cases are filed in both provinces through the API, and the national statistics
 * — the same /stats the national users read — must equal the provinces' sum within 15 s.
 */
// Below Linux's ephemeral ports (32768–60999), which the suite's own connections take (read-replica.test.ts).
const PORTS = [25431, 25432, 25433];
const BOUND_MS = 15_000;

let clusters: FederationClusters;
let nation: Installation;
let provinces: Installation[];
let tenants: Tenant[];
let nationalRoot: string;
let nationalCampaign: string;
let nationalAdmin: Session;
/** Each province: a 局领导 who files cases and an officer of the province's root who reads its figures. */
let filers: Session[];
let readers: Session[];
let handlers: Session[];
const filed: { province: number; id: string }[] = [];
const delays: Record<string, number> = {};

async function waitFor(what: string, cond: () => Promise<boolean>) {
  const until = Date.now() + BOUND_MS;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`等待超时：${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `npm run federation -- …` on the national database, as the operator runs it. */
const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/scripts/federation.ts', ...args], {
    env: { ...process.env, DATABASE_URL: clusters.urls[2] },
    timeout: 60_000,
  });

let n = 0;
async function fileCase(p: number, fine: string, campaignId = planOf[p]) {
  const t = tenants[p];
  const res = await filers[p].request('POST', '/api/cases', {
    unitId: t.units.district.id,
    campaignId,
    categoryCode: n % 2 ? 'food' : 'ip',
    caseNumber: `汇聚测试〔2026〕${++n}号`,
    name: `汇聚测试案件 ${n}`,
    partyKind: 'company',
    partyName: '某某食品有限公司',
    filingDate: '2026-11-02',
    amountInvolved: '100.5',
    fine,
    confiscated: '0',
    lossesRecovered: '0',
    filingApproverId: t.byRole.leader.id,
    investigatorId: t.byRole.handler.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  filed.push({ province: p, id: res.json().id });
  return res.json();
}
const planOf: string[] = [];

const stats = async (s: Session, unitId: string, campaignId = nationalCampaign) => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/stats?unitId=${unitId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatsBody;
};
/** The same, or undefined while the unit has not arrived (404). */
const statsSoFar = async (s: Session, unitId: string, campaignId = nationalCampaign) => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/stats?unitId=${unitId}`);
  if (res.statusCode === 404) return undefined;
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as StatsBody;
};
/** The national figures of the root and of each province root, against the provinces' own; the time it took. */
async function nationAgrees(what: string, since: number, campaignId = nationalCampaign) {
  const expected = await Promise.all(
    readers.map(async (r, p) => flat(await stats(r, tenants[p].units.city.id, campaignId))),
  );
  for (;;) {
    const national = flat(await stats(nationalAdmin, nationalRoot, campaignId));
    const perProvince = await Promise.all(
      tenants.map(async (t) => {
        const b = await statsSoFar(nationalAdmin, t.units.city.id, campaignId);
        return b && flat(b);
      }),
    );
    const same =
      JSON.stringify(national) === JSON.stringify(sumOf(expected)) &&
      perProvince.every((f, p) => JSON.stringify(f) === JSON.stringify(expected[p]));
    if (same) {
      if (!what.startsWith('case ')) delays[what] = Date.now() - since;
      return { national, expected };
    }
    if (Date.now() - since > BOUND_MS) {
      expect(national, `${what}: 国家级合计 ${BOUND_MS} ms 内未等于两省之和`).toEqual(sumOf(expected));
      expect(perProvince).toEqual(expected);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  clusters = await startFederationClusters(PORTS);
  provinces = [await install(clusters.urls[0]), await install(clusters.urls[1])];
  nation = await install(clusters.urls[2]);

  // The nation: its root (总局) and the national campaign, an administrator of the root.
  const root = await nation.services.unitsService.create(systemActor, {
    parentId: null,
    name: '国家市场监督管理总局',
    code: 'SAMR',
    kind: 'bureau',
  });
  nationalRoot = root.id;
  nationalCampaign = (
    await createSampleCampaign(nation.services, {
      issuerUnitId: root.id,
      leadUnitId: root.id,
      participantUnitIds: [root.id],
    })
  ).id;
  await nation.services.usersService.create(
    systemActor,
    { username: 'samr_admin', password: TEST_PASSWORD, displayName: '总局管理员', unitId: root.id, roles: ['admin'] },
    { mustChangePassword: false },
  );
  nationalAdmin = await login(nation.app, 'samr_admin', TEST_PASSWORD);

  // Each province: its own tree (the tenant's "city" is the province's root), one case filed under a
  // plan of its own before joining, so joining must recompute its figures.
  tenants = [];
  for (const p of provinces) {
    const t = await createTenant(p.services, { roles: ['handler', 'leader'] });
    tenants.push(t);
    await createSampleCampaign(p.services, {
      issuerUnitId: t.units.district.id,
      leadUnitId: t.units.office.id,
      participantUnitIds: [t.units.district.id, t.units.office.id],
    });
  }
}, 240_000);

afterAll(async () => {
  for (const i of [nation, ...(provinces ?? [])].filter(Boolean)) {
    await i.app.close();
    await i.database.close();
  }
  await clusters?.stop();
}, 60_000);

describe('provinces → nation by logical replication', () => {
  it('a province joins: the national root and campaign as stubs, its root below, figures recomputed, published', async () => {
    const header = await nation.services.federationService.header([nationalCampaign]);
    expect(header.unit.id).toBe(nationalRoot);
    for (const [p, province] of provinces.entries()) {
      const t = tenants[p];
      // Through a file, as the operator hands it over.
      await province.services.federationService.publish(JSON.parse(JSON.stringify(header)));
      // Twice: the second run changes nothing.
      await province.services.federationService.publish(JSON.parse(JSON.stringify(header)));
      const city = await province.services.unitsService.get(systemActor, t.units.city.id);
      expect(city.parentId).toBe(nationalRoot);
      expect(city.path).toBe(`/${nationalRoot}/${t.units.city.id}/`);
      const office = await province.services.unitsService.get(systemActor, t.units.office.id);
      expect(office.path).toBe(`/${nationalRoot}${t.units.office.path}`);
      expect(await province.services.rollupsService.verify()).toEqual([]);

      // The province's office derives its 实施方案 of the national campaign, as from any superior's.
      const plan = await province.services.campaignsService.deriveImplementation(
        systemActor,
        nationalCampaign,
        t.units.city.id,
      );
      planOf[p] = plan.id;

      const published = await query<{ tablename: string; rowfilter: string }>(
        clusters.urls[p],
        'select tablename, rowfilter from pg_publication_tables where pubname = $1 order by tablename',
        [PUBLICATION],
      );
      expect(published.map((r) => r.tablename)).toEqual([...REPLICATED_TABLES].sort());
      for (const r of published) expect(r.rowfilter).toMatch(new RegExp(`${nationalRoot}|${nationalCampaign}`));
    }
    filers = await Promise.all(tenants.map((t, p) => login(provinces[p].app, t.byRole.leader.username, TEST_PASSWORD)));
    handlers = await Promise.all(
      tenants.map((t, p) => login(provinces[p].app, t.byRole.handler.username, TEST_PASSWORD)),
    );
    readers = await Promise.all(
      tenants.map((t, p) => login(provinces[p].app, t.unitUsers.parent.username, TEST_PASSWORD)),
    );
  });

  it('cases filed before the nation subscribes arrive by the initial copy, the national root summed', async () => {
    await fileCase(0, '1000');
    await fileCase(0, '250.5');
    await fileCase(1, '3000');
    const started = Date.now();
    for (const [p, name] of ['pa', 'pb'].entries()) {
      const s = await nation.services.federationService.subscribe({
        name,
        conninfo: clusters.conninfos[p],
        baseUrl: `https://${name}.redshield.example/`,
      });
      expect(s.provinceUnitId).toBe(tenants[p].units.city.id);
    }
    const { national } = await nationAgrees('initial copy', started);
    expect(national['total.casesFiled']).toBe(3);
    expect(national['total.finesAndConfiscations']).toBe(425050);
  });

  it('a case filed in either province reaches the national figures within the bound', async () => {
    await fileCase(1, '80');
    await fileCase(0, '20');
    const { national } = await nationAgrees('new cases', Date.now());
    expect(national['total.casesFiled']).toBe(5);
    // Ten more, one at a time, alternating provinces: the delay from the API's answer to equal figures.
    const each: number[] = [];
    for (let i = 0; i < 10; i++) {
      await fileCase(i % 2, '1');
      const since = Date.now();
      await nationAgrees(`case ${i}`, since);
      each.push(Date.now() - since);
    }
    each.sort((a, b) => a - b);
    delays['one case: median'] = each[5];
    delays['one case: max'] = each[9];
    expect(each[9]).toBeLessThan(BOUND_MS);
  });

  it('a later change to a case (its fine, its category) is carried too', async () => {
    const first = filed.find((f) => f.province === 0)!;
    const c = (await filers[0].request('GET', `/api/cases/${first.id}`)).json();
    const edited = await handlers[0].request('PUT', `/api/cases/${c.id}`, {
      ...c,
      fine: '5000',
      categoryCode: c.categoryCode === 'food' ? 'ip' : 'food',
      version: c.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const { national } = await nationAgrees('case edited', Date.now());
    expect(national['total.finesAndConfiscations']).toBe(425050 + 400000 + 10000 + 1000);
  });

  it('a later national campaign: its header from the command line, the province publishes again', async () => {
    const second = await createSampleCampaign(nation.services, {
      issuerUnitId: nationalRoot,
      leadUnitId: nationalRoot,
      participantUnitIds: [nationalRoot],
    });
    const { stdout } = await cli(['header', '--campaign', second.id]);
    const header = JSON.parse(stdout);
    expect(header.campaigns.map((c: { campaign: { id: string } }) => c.campaign.id)).toEqual([second.id]);
    // Both provinces hold its stub (the nation's figures of it are the sum of both), one files in it.
    for (const province of provinces) await province.services.federationService.publish(header);
    const plan = await provinces[1].services.campaignsService.deriveImplementation(
      systemActor,
      second.id,
      tenants[1].units.city.id,
    );
    await fileCase(1, '700', plan.id);
    const started = Date.now();
    await nationAgrees('second campaign', started, second.id);
    expect(flat(await stats(nationalAdmin, nationalRoot, second.id))['total.casesFiled']).toBe(1);
    // The first campaign's figures are untouched, and the stubs of the second did not travel.
    await nationAgrees('first campaign still', Date.now());
    const plans = await query<{ id: string }>(
      clusters.urls[2],
      'select id from campaigns where parent_campaign_id = $1',
      [second.id],
    );
    expect(plans.map((r) => r.id)).toEqual([plan.id]);
  });

  it('a unit moved in a province (its roll-ups rebuilt: every row deleted and written again) is carried too', async () => {
    const t = tenants[0];
    const district = await provinces[0].services.unitsService.get(systemActor, t.units.district.id);
    await provinces[0].services.unitsService.move(systemActor, district.id, {
      parentId: t.units.sibling.id,
      version: district.version,
    });
    await nationAgrees('unit moved', Date.now());
    const moved = await query<{ path: string }>(clusters.urls[2], 'select path from units where id = $1', [
      district.id,
    ]);
    expect(moved[0].path).toBe(`/${nationalRoot}/${t.units.city.id}/${t.units.sibling.id}/${district.id}/`);
    const sibling = flat(await stats(nationalAdmin, t.units.sibling.id));
    expect(sibling['total.casesFiled']).toBe(filed.filter((f) => f.province === 0).length);
  });

  it('a plan’s categories changed in the province (update, insert, delete) follow', async () => {
    const plan = planOf[0];
    const labels = () =>
      query<{ code: string; label: string }>(
        clusters.urls[2],
        'select code, label from campaign_categories where campaign_id = $1 order by code',
        [plan],
      );
    await query(
      clusters.urls[0],
      "update campaign_categories set label = '食品安全（改）' where campaign_id = $1 and code = 'food'",
      [plan],
    );
    await query(
      clusters.urls[0],
      "insert into campaign_categories (campaign_id, code, label, seq) values ($1, 'extra', '其他', 99)",
      [plan],
    );
    await waitFor('a changed and an added category', async () => {
      const l = await labels();
      return l.some((c) => c.label === '食品安全（改）') && l.some((c) => c.code === 'extra');
    });
    await query(clusters.urls[0], "delete from campaign_categories where campaign_id = $1 and code = 'extra'", [plan]);
    await waitFor('the deleted category', async () => !(await labels()).some((c) => c.code === 'extra'));
  });

  it('the national database holds no cases, leads, people or sessions of a province', async () => {
    const nationUrl = clusters.urls[2];
    for (const table of ['cases', 'leads', 'inspections', 'case_attachments'])
      expect((await query<{ n: number }>(nationUrl, `select count(*)::int as n from ${table}`))[0].n, table).toBe(0);
    expect((await query<{ username: string }>(nationUrl, 'select username from users')).map((u) => u.username)).toEqual(
      ['samr_admin'],
    );
    // The provinces' units and plans are there: what the figures and the tree need.
    const units = await query<{ n: number }>(nationUrl, 'select count(*)::int as n from units');
    expect(units[0].n).toBe(1 + 5 + 5);
    const plans = await query<{ id: string }>(nationUrl, 'select id from campaigns where parent_campaign_id = $1', [
      nationalCampaign,
    ]);
    expect(plans.map((p) => p.id).sort()).toEqual([...planOf].sort());
  });

  it('the provinces’ rows are read-only in the nation', async () => {
    const city = await nation.services.unitsService.get(systemActor, tenants[0].units.city.id);
    // The API offers no change of a province's unit; the national root stays the nation's own.
    expect(city.can).toEqual({ createChild: false, update: false, move: false, deactivate: false });
    expect((await nation.services.unitsService.get(systemActor, nationalRoot)).can.update).toBe(true);
    const res = await nationalAdmin.request('PATCH', `/api/units/${city.id}`, { name: '改名', version: city.version });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().detail).toContain('省级系统同步来的数据');
    await expect(
      query(clusters.urls[2], 'delete from rollup_daily where unit_id = $1', [tenants[1].units.district.id]),
    ).rejects.toThrow(/只读/);
  });

  it('a drill-down below a province names the province’s installation, whose own drill-down lists the records', async () => {
    const drill = (s: Session, unitId: string) =>
      s.request('GET', `/api/campaigns/${nationalCampaign}/stats/records?unitId=${unitId}&metric=casesFiled`);
    const atRoot = (await drill(nationalAdmin, nationalRoot)).json();
    expect(atRoot.total).toBe(0);
    expect(atRoot.provinces.map((p: { unitId: string }) => p.unitId).sort()).toEqual(
      tenants.map((t) => t.units.city.id).sort(),
    );
    const district = tenants[0].units.district.id;
    const inProvince = (await drill(nationalAdmin, district)).json();
    expect(inProvince.provinces).toEqual([
      {
        unitId: tenants[0].units.city.id,
        name: tenants[0].units.city.name,
        baseUrl: 'https://pa.redshield.example',
        url: `https://pa.redshield.example/campaigns/${nationalCampaign}?tab=stats`,
      },
    ]);
    // The same drill-down on the province's own installation: the records of the national figure.
    const there = (await drill(readers[0], district)).json();
    const figure = flat(await stats(nationalAdmin, district))['total.casesFiled'];
    expect(there.total).toBe(figure);
    expect(there.provinces).toEqual([]);
  });

  it('a province unsubscribed leaves nothing behind; subscribing again copies it afresh', async () => {
    const b = tenants[1].units.city.id;
    const { stdout } = await cli(['unsubscribe', '--name', 'pb']);
    expect(stdout).toContain('已取消订阅');
    // The national root's figures are province A's alone; nothing of B is left.
    expect(flat(await stats(nationalAdmin, nationalRoot))).toEqual(
      flat(await stats(readers[0], tenants[0].units.city.id)),
    );
    expect(await statsSoFar(nationalAdmin, b)).toBeUndefined();
    const left = await query<{ n: number }>(
      clusters.urls[2],
      `select (select count(*) from units where strpos(path, $1) > 0)
            + (select count(*) from campaigns c join units u on u.id = c.unit_id where strpos(u.path, $1) > 0)
            + (select count(*) from rollup_daily where unit_id = $2) + (select count(*) from federation_provinces where unit_id = $2) as n`,
      [`/${b}/`, b],
    );
    expect(Number(left[0].n)).toBe(0);
    await nation.services.federationService.subscribe({
      name: 'pb',
      conninfo: clusters.conninfos[1],
      baseUrl: 'https://pb.redshield.example',
    });
    await nationAgrees('subscribed again', Date.now());
  });

  it('the metrics report each subscription up and how long since the province was heard', async () => {
    const registry = installMetrics(Fastify() as unknown as App, {
      token: 't',
      federation: () => nation.services.federationService.subscriptionStates(),
    }).registry;
    const text = await registry.metrics();
    expect(text).toMatch(/^redshield_federation_up\{subscription="rs_fed_pa"\} 1$/m);
    expect(text).toMatch(/^redshield_federation_up\{subscription="rs_fed_pb"\} 1$/m);
    expect(text).toMatch(/^redshield_federation_errors\{subscription="rs_fed_pa"\} 0$/m);
    const lag = /^redshield_federation_lag_seconds\{subscription="rs_fed_pa"\} ([0-9.e-]+)$/m.exec(text);
    expect(Number(lag?.[1])).toBeLessThan(60);
    const { stdout } = await cli(['status']);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const [p, name] of ['pa', 'pb'].entries())
      expect(lines[p]).toContain(`${tenants[p].units.city.name}\trs_fed_${name}\t已连接`);
    // verify-rollups cannot check the provinces' figures here (no records): it says so and stops.
    const verify = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/scripts/verify-rollups.ts'], {
      env: { ...process.env, DATABASE_URL: clusters.urls[2] },
      timeout: 60_000,
    }).catch((e: { code: number; stdout: string }) => e);
    expect(verify).toMatchObject({ code: 2 });
    expect(verify.stdout).toContain('请在各省的系统中运行 verify-rollups');
    console.log(`省级→国家级复制延迟（提交到国家级统计相等）：${JSON.stringify(delays)} ms`);
  });
});
