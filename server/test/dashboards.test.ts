import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let leader: Session;
let handler: Session;
let childHandler: Session;
let lastYearId = '';
let thisYearId = '';
let stationId = '';

const HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
type Row = [unitCode: string, category: string, filed: string, closed: string, fine: string, confiscated: string];
const FOOD = '食品安全违法';
const IP = '知识产权违法';

/** Cases imported through the API (the ledger import sets 结案日期 directly), into the roll-up. */
async function importCases(campaignId: string, rows: Row[], prefix: string) {
  const lines = rows.map(
    ([unit, cat, filed, closed, fine, conf], i) =>
      `${prefix}〔看板〕${i + 1}号,${unit},${cat},看板案${i + 1},某公司,,${filed},${closed},0,${fine},${conf},0,否,否,否,,`,
  );
  const res = await handler.upload(
    `/api/campaigns/${campaignId}/cases/import`,
    '台账.csv',
    `\uFEFF${[HEADER, ...lines].join('\r\n')}\r\n`,
  );
  expect(res.statusCode, res.body).toBe(200);
}

const planOf = (year: number, over: Record<string, unknown> = {}) => {
  const { district, office: station } = tenant.units;
  const text = JSON.stringify(
    samplePlan({ leadUnitId: district.id, participantUnitIds: [district.id, station.id, stationId] }),
  );
  return planSchema.parse({ ...JSON.parse(text.replaceAll('2026', String(year))), ...over });
};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const { district } = tenant.units;
  stationId = (
    await t.services.unitsService.create(systemActor, {
      parentId: district.id,
      name: `第二所-${tenant.tag}`,
      code: `DS2-${tenant.tag}`,
      kind: 'office',
    })
  ).id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  childHandler = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
  lastYearId = (await t.services.campaignsService.create(systemActor, { ...planOf(2025), unitId: district.id })).id;
  thisYearId = (
    await t.services.campaignsService.create(systemActor, {
      ...planOf(2026, { predecessorCampaignId: lastYearId }),
      unitId: district.id,
    })
  ).id;
  const code = (u: { code: string }) => u.code;
  const st = `DS2-${tenant.tag}`;
  await importCases(
    thisYearId,
    [
      [code(tenant.units.office), FOOD, '2026-03-03', '2026-03-20', '100.50', '20'],
      [code(tenant.units.office), FOOD, '2026-03-04', '', '0', '0'],
      [code(tenant.units.office), IP, '2026-04-15', '2026-05-02', '300', '0'],
      [st, FOOD, '2026-03-10', '', '50.25', '0'],
      [code(district), IP, '2026-05-20', '', '0', '0'],
    ],
    'BN',
  );
  await importCases(
    lastYearId,
    [
      [code(tenant.units.office), FOOD, '2025-03-05', '2025-03-25', '80', '0'],
      [st, IP, '2025-04-10', '', '10', '0.99'],
    ],
    'SN',
  );
});
afterAll(() => t.close());

type Drill = { campaignId: string; unitId: string; category: string; from: string; to: string };
type Values = { casesFiled: number; casesClosed: number; finesAndConfiscations: string };

/** 穿透 of each figure at a point: the records' count (or sum, for money) equals the chart's value. */
async function expectDrillEquals(s: Session, drill: Drill, values: Values) {
  const q = (metric: string) =>
    `/api/campaigns/${drill.campaignId}/stats/records?unitId=${drill.unitId}&category=${drill.category}&from=${drill.from}&to=${drill.to}&metric=${metric}&pageSize=100`;
  for (const metric of ['casesFiled', 'casesClosed'] as const) {
    const res = await s.request('GET', q(metric));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().total, `${metric} ${JSON.stringify(drill)}`).toBe(values[metric]);
    expect(res.json().sum).toBe(String(values[metric]));
  }
  const money = await s.request('GET', q('finesAndConfiscations'));
  expect(money.json().sum, `money ${JSON.stringify(drill)}`).toBe(values.finesAndConfiscations);
}

const base = () => `campaignId=${thisYearId}&unitId=${tenant.units.district.id}&from=2026-03-01&to=2026-05-31`;

describe('数据看板 · trend', () => {
  it('sums by week this year and last year (the predecessor a year earlier), each point equal to its drill-down', async () => {
    const res = await office.request('GET', `/api/dashboards/trend?${base()}&bucket=week`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.previous).toMatchObject({ campaignId: lastYearId, from: '2025-03-01', to: '2025-05-31' });
    expect(body.note).toBeNull();
    expect(body.figures.map((f: { metric: string }) => f.metric)).toEqual([
      'casesFiled',
      'casesClosed',
      'finesAndConfiscations',
    ]);
    const points = body.points as {
      current: { bucket: string; values: Values; drill: Drill } | null;
      previous: { bucket: string; values: Values; drill: Drill } | null;
    }[];
    // 2026-03-01 is a Sunday: the first week is its Monday's, clipped to the period.
    expect(points[0].current).toMatchObject({ bucket: '2026-02-23', drill: { from: '2026-03-01', to: '2026-03-01' } });
    const week = points.find((p) => p.current?.bucket === '2026-03-02')!.current!;
    expect(week.values).toEqual({ casesFiled: 2, casesClosed: 0, finesAndConfiscations: '120.50' });
    expect(week.drill).toEqual({
      campaignId: thisYearId,
      unitId: tenant.units.district.id,
      category: 'total',
      from: '2026-03-02',
      to: '2026-03-08',
    });
    const total = (s: 'current' | 'previous') => points.reduce((n, p) => n + (p[s]?.values.casesFiled ?? 0), 0);
    expect(total('current')).toBe(5);
    expect(total('previous')).toBe(2);
    const lastYearWeek = points.find((p) => p.previous?.values.casesFiled)!.previous!;
    expect(lastYearWeek.drill).toMatchObject({ campaignId: lastYearId, from: '2025-03-03', to: '2025-03-09' });
    for (const p of points) {
      if (p.current) await expectDrillEquals(office, p.current.drill, p.current.values);
      if (p.previous) await expectDrillEquals(office, p.previous.drill, p.previous.values);
    }
  });

  it('sums by month; last year aligned month by month; equal to the drill-down', async () => {
    const res = await leader.request('GET', `/api/dashboards/trend?${base()}&bucket=month`);
    expect(res.statusCode, res.body).toBe(200);
    const points = res.json().points;
    expect(points).toHaveLength(3);
    expect(points[0].current.values).toEqual({ casesFiled: 3, casesClosed: 1, finesAndConfiscations: '170.75' });
    expect(points[0].previous.values).toEqual({ casesFiled: 1, casesClosed: 1, finesAndConfiscations: '80.00' });
    expect(points[1].previous.values).toEqual({ casesFiled: 1, casesClosed: 0, finesAndConfiscations: '10.99' });
    expect(points[2].current.values).toEqual({ casesFiled: 1, casesClosed: 1, finesAndConfiscations: '0.00' });
    for (const p of points) {
      await expectDrillEquals(leader, p.current.drill, p.current.values);
      await expectDrillEquals(leader, p.previous.drill, p.previous.values);
    }
  });

  it('without a predecessor answers this year only and says so; defaults to the actor unit and the plan start', async () => {
    const res = await office.request('GET', `/api/dashboards/trend?campaignId=${lastYearId}&bucket=month`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      previous: null,
      note: expect.stringContaining('上一年度'),
      unitId: tenant.units.district.id,
      from: '2025-03-01',
      to: '2025-12-15',
    });
    expect(res.json().points.every((p: { previous: unknown }) => p.previous === null)).toBe(true);
    const bad = await office.request('GET', `/api/dashboards/trend?campaignId=${lastYearId}&bucket=day`);
    expect(bad.statusCode).toBe(400);
  });
});

describe('数据看板 · categories and units', () => {
  it('gives each category of the plan and 合计, equal to the drill-down', async () => {
    const res = await office.request('GET', `/api/dashboards/categories?${base()}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as { category: string; values: Values; drill: Drill }[];
    expect(rows.map((r) => r.category)).toEqual(['food', 'ip', 'other', 'total']);
    expect(rows[0].values).toEqual({ casesFiled: 3, casesClosed: 1, finesAndConfiscations: '170.75' });
    expect(rows[1].values).toEqual({ casesFiled: 2, casesClosed: 1, finesAndConfiscations: '300.00' });
    for (const r of rows) await expectDrillEquals(office, r.drill, r.values);
  });

  it('ranks the units directly below, with 人均 per active handler of the subtree, equal to the drill-down', async () => {
    const res = await office.request('GET', `/api/dashboards/units?${base()}`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().rows as {
      unitId: string;
      handlers: number;
      values: Values;
      perCapita: Values | null;
      drill: Drill;
    }[];
    expect(rows.map((r) => r.unitId)).toEqual([tenant.units.office.id, stationId]);
    expect(rows[0]).toMatchObject({
      handlers: 1,
      values: { casesFiled: 3, casesClosed: 2, finesAndConfiscations: '420.50' },
      perCapita: { casesFiled: 3, casesClosed: 2, finesAndConfiscations: '420.50' },
    });
    // Two handlers at the station give it a divisor: 1 case and 50.25 元 over 2 (25.125 → 25.13).
    expect(rows[1]).toMatchObject({ handlers: 0, perCapita: null, values: { casesFiled: 1 } });
    await t.services.usersService.create(
      systemActor,
      {
        username: `st_h1_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: '甲',
        unitId: stationId,
        roles: ['handler'],
      },
      { mustChangePassword: false },
    );
    await t.services.usersService.create(
      systemActor,
      {
        username: `st_h2_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: '乙',
        unitId: stationId,
        roles: ['handler'],
      },
      { mustChangePassword: false },
    );
    const again = (await office.request('GET', `/api/dashboards/units?${base()}`)).json().rows;
    expect(again[1]).toMatchObject({
      handlers: 2,
      perCapita: { casesFiled: 0.5, casesClosed: 0, finesAndConfiscations: '25.13' },
    });
    for (const r of rows) await expectDrillEquals(office, r.drill, r.values);
  });
});

describe('数据看板 · scope', () => {
  it('answers 404 for a unit outside the scope and shows a child unit user his own subtree only', async () => {
    for (const path of ['trend', 'categories', 'units']) {
      const up = await office.request(
        'GET',
        `/api/dashboards/${path}?campaignId=${thisYearId}&unitId=${tenant.units.city.id}`,
      );
      expect(up.statusCode, up.body).toBe(404);
      const side = await childHandler.request(
        'GET',
        `/api/dashboards/${path}?campaignId=${thisYearId}&unitId=${tenant.units.district.id}`,
      );
      expect(side.statusCode, side.body).toBe(404);
    }
    const own = await childHandler.request(
      'GET',
      `/api/dashboards/trend?campaignId=${thisYearId}&from=2026-03-01&to=2026-05-31&bucket=month`,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().unitId).toBe(tenant.units.office.id);
    const filed = own
      .json()
      .points.reduce((n: number, p: { current: { values: Values } }) => n + p.current.values.casesFiled, 0);
    expect(filed).toBe(3);
    const units = await childHandler.request('GET', `/api/dashboards/units?campaignId=${thisYearId}`);
    expect(units.json().rows).toEqual([]);
  });
});
