import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { marketEntities, randomDrawItems, randomDraws } from '../src/modules/random-checks/random-checks.schema';
import { createTestApp, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { createKpiAttainmentSource } from '../src/modules/kpis/kpi-attainment';
import { login } from './helpers/app';
import { eq } from 'drizzle-orm';
import { auditLog } from '../src/modules/audit/audit.schema';

/**
 * 考核指标 measured (issue 18): seed 003's three KPIs on a city plan carried out by two districts,
 * one of which checks under its own 实施方案. Per year, across the tree, within the caller's scope;
 * the records behind each figure add up to it; hand-entered figures with their reasons.
 *
 *   2025: the district checks d0, d1 under the city plan (d1 published)
 *   2026: the district's 所 checks d2, d3 and d0 again under the district's 实施方案 (all published);
 *         the sibling checks s0 under the city plan (published)
 *   register: the district 40 (20 of them its 所's), the sibling 20
 */
let t: TestApp;
let tenant: Tenant;
let cityOffice: Session;
let districtOffice: Session;
let districtHandler: Session;
let siblingOffice: Session;
let cityPlan: string;
let districtPlan: string;

type KpiRow = {
  unitId: string;
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  met: boolean | null;
  canEnter: boolean;
};
type Kpi = {
  name: string;
  measure: string;
  periods: { label: string }[];
  selectedPeriod: string;
  rows: KpiRow[];
  total: Omit<KpiRow, 'unitId' | 'canEnter'> | null;
};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'liaison'] });
  const { city, district, office, sibling } = tenant.units;
  const plan = planSchema.parse({
    ...samplePlan({ leadUnitId: city.id, participantUnitIds: [district.id, sibling.id] }),
    startDate: '2025-03-01',
    issueDate: '2025-03-01',
    liaisonDeadline: '2025-03-10',
    phases: [],
    concentratedWindows: [],
    kpis: [
      {
        name: '“双随机”抽查覆盖企业比例',
        comparator: '>=',
        target: 5,
        unit: '%',
        measure: 'random_check_coverage',
        period: 'year',
      },
      { name: '抽查结果公示率', comparator: '=', target: 100, unit: '%', measure: 'publication_rate', period: 'year' },
      { name: '“明厨亮灶”覆盖率', comparator: '>', target: 80, unit: '%', measure: 'manual', period: 'year' },
      { name: '宣传报道', comparator: '>=', target: 3, unit: '篇' },
      {
        name: '信息按时报送率',
        comparator: '=',
        target: 100,
        unit: '%',
        measure: 'report_on_time_rate',
        period: 'year',
      },
      {
        name: '整改销号率',
        comparator: '>=',
        target: 90,
        unit: '%',
        measure: 'rectification_closure_rate',
        period: 'campaign',
      },
    ],
  });
  cityPlan = (await t.services.campaignsService.create(systemActor, { ...plan, unitId: city.id })).id;
  districtPlan = (await t.services.campaignsService.deriveImplementation(systemActor, cityPlan, district.id)).id;

  const db = t.database.db;
  const entities = async (prefix: string, unitId: string, n: number) =>
    (
      await db
        .insert(marketEntities)
        .values(
          Array.from({ length: n }, (_, i) => ({
            unitId,
            name: `${prefix}${i}`,
            creditCode: `KPI${tenant.tag}${prefix}${i}`.slice(0, 40),
          })),
        )
        .returning()
    ).map((e) => e.id);
  const d = [...(await entities('区局店', district.id, 20)), ...(await entities('所店', office.id, 20))];
  const s = await entities('兄弟店', sibling.id, 20);
  const inspector = tenant.byRole.handler.id;
  const draw = async (
    unitId: string,
    campaignId: string,
    createdAt: string,
    checks: { entityId: string; checkDate: string; published: boolean }[],
  ) => {
    const [row] = await db
      .insert(randomDraws)
      .values({
        unitId,
        campaignId,
        name: `抽查${createdAt}`,
        algorithm: 'test',
        seed: 'seed',
        filters: {},
        size: { count: checks.length },
        candidateIds: [],
        inspectorIds: [],
        ties: [],
        createdBy: inspector,
        createdByName: 'd_handler',
        createdAt: new Date(`${createdAt}T02:00:00Z`),
      })
      .returning();
    await db.insert(randomDrawItems).values(
      checks.map((c, i) => ({
        drawId: row.id,
        seq: i + 1,
        entityId: c.entityId,
        inspectorIds: [inspector],
        checkDate: c.checkDate,
        result: 'no_problem' as const,
        published: c.published,
      })),
    );
  };
  await draw(district.id, cityPlan, '2025-05-01', [
    { entityId: d[0], checkDate: '2025-05-10', published: false },
    { entityId: d[1], checkDate: '2025-05-11', published: true },
  ]);
  await draw(office.id, districtPlan, '2026-04-01', [
    { entityId: d[22], checkDate: '2026-04-10', published: true },
    { entityId: d[23], checkDate: '2026-04-11', published: true },
    { entityId: d[0], checkDate: '2026-04-12', published: true },
  ]);
  await draw(sibling.id, cityPlan, '2026-06-01', [{ entityId: s[0], checkDate: '2026-06-02', published: true }]);

  cityOffice = (await addPerson(t, tenant, city.id, ['office'], 'kpi_city_office')).session;
  siblingOffice = (await addPerson(t, tenant, sibling.id, ['office'], 'kpi_sibling_office')).session;
  districtOffice = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  districtHandler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const kpis = async (session: Session, campaignId: string, period?: string) => {
  const res = await session.request('GET', `/api/campaigns/${campaignId}/kpis${period ? `?period=${period}` : ''}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().kpis as Kpi[];
};
const row = (k: Kpi, unitId: string) => k.rows.find((r) => r.unitId === unitId)!;

describe('KPIs measured per year across the plan and its 实施方案', () => {
  it('counts 双随机 coverage and 公示率 per year, with the draws under the district’s 实施方案', async () => {
    const { district, sibling } = tenant.units;
    const y2025 = await kpis(cityOffice, cityPlan, '2025');
    expect(y2025[0].periods.map((p) => p.label).slice(0, 2)).toEqual(['2025', '2026']);
    expect(y2025[0].selectedPeriod).toBe('2025');
    expect(row(y2025[0], district.id)).toMatchObject({ numerator: 2, denominator: 40, actual: 5, met: true });
    expect(row(y2025[0], sibling.id)).toMatchObject({ numerator: 0, denominator: 20, actual: 0, met: false });
    expect(y2025[0].total).toMatchObject({ numerator: 2, denominator: 60, actual: 3.3333, met: false });
    expect(row(y2025[1], district.id)).toMatchObject({ numerator: 1, denominator: 2, actual: 50, met: false });
    // The sibling checked nothing in 2025: no data, neither met nor missed.
    expect(row(y2025[1], sibling.id)).toMatchObject({ numerator: 0, denominator: 0, actual: null, met: null });

    const y2026 = await kpis(cityOffice, cityPlan, '2026');
    // d0 checked again in 2026 counts once more in 2026, d22 and d23 by the 所 under the 实施方案.
    expect(row(y2026[0], district.id)).toMatchObject({ numerator: 3, denominator: 40, actual: 7.5, met: true });
    expect(row(y2026[0], sibling.id)).toMatchObject({ numerator: 1, denominator: 20, actual: 5, met: true });
    expect(y2026[0].total).toMatchObject({ numerator: 4, denominator: 60, actual: 6.6667, met: true });
    expect(row(y2026[1], district.id)).toMatchObject({ numerator: 3, denominator: 3, actual: 100, met: true });
    // Nobody sent the monthly reports of 2026 that fell due: 0 on time of those owed, each one a record.
    const owed = row(y2026[4], district.id);
    expect(owed).toMatchObject({ numerator: 0, met: false });
    expect(owed.denominator).toBeGreaterThan(0);
    const owedRecords = (
      await cityOffice.request('GET', `/api/campaigns/${cityPlan}/kpis/4/records?unitId=${district.id}&period=2026`)
    ).json().records;
    expect(owedRecords).toHaveLength(owed.denominator!);
    expect(owedRecords[0].link).toContain(`/campaigns/${cityPlan}/report?`);
    // No 整改 demanded under the plan: no data, neither met nor missed.
    expect(y2026[5]).toMatchObject({ selectedPeriod: '全程', total: { denominator: 0, actual: null, met: null } });
    // A KPI without a measure is text only.
    expect(y2026[3]).toMatchObject({ measure: 'none', rows: [], total: null });

    // The 双随机 card of the plan reads its target from the KPI and counts this year across the tree.
    const card = (await cityOffice.request('GET', `/api/campaigns/${cityPlan}/random-checks`)).json();
    expect(card).toMatchObject({ coverageTarget: 0.05, publicationTarget: 1 });
    const thisYear = card.period.label;
    expect(card.inspectedEntities).toBe(thisYear === '2026' ? 4 : thisYear === '2025' ? 2 : 0);
  });

  it('a district sees its own figures only, never its sibling’s', async () => {
    const { district, sibling } = tenant.units;
    const own = await kpis(districtOffice, cityPlan, '2026');
    expect(own[0].rows.map((r) => r.unitId)).toEqual([district.id]);
    expect(own[0].total).toMatchObject({ numerator: 3, denominator: 40 });
    const res = await districtOffice.request(
      'GET',
      `/api/campaigns/${cityPlan}/kpis/0/records?unitId=${sibling.id}&period=2026`,
    );
    expect(res.statusCode).toBe(404);
    // The sibling's plan is not the district's at all.
    const sib = await siblingOffice.request('GET', `/api/campaigns/${districtPlan}/kpis`);
    expect(sib.statusCode).toBe(404);
  });

  it('the records behind a figure add up to it, each with its link', async () => {
    const { district } = tenant.units;
    for (const [index, numerator] of [
      [0, 3],
      [1, 3],
    ] as const) {
      const res = await cityOffice.request(
        'GET',
        `/api/campaigns/${cityPlan}/kpis/${index}/records?unitId=${district.id}&period=2026`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.numerator).toBe(numerator);
      expect(body.records.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(numerator);
      for (const r of body.records) expect(r.link).toMatch(/^\/random-checks\/draws\//);
    }
    // 2025's publication: two results, one published: the records hold both, their values add up to 1.
    const pub = (
      await cityOffice.request('GET', `/api/campaigns/${cityPlan}/kpis/1/records?unitId=${district.id}&period=2025`)
    ).json();
    expect(pub.records).toHaveLength(2);
    expect(pub.records.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(1);
    // The total over every unit the caller sees.
    const total = (await cityOffice.request('GET', `/api/campaigns/${cityPlan}/kpis/0/records?period=2026`)).json();
    expect(total).toMatchObject({ unitName: '合计', numerator: 4 });
    expect(total.records.reduce((s: number, r: { value: number }) => s + r.value, 0)).toBe(4);
  });
});

describe('hand-entered KPI figures (明厨亮灶)', () => {
  const put = (session: Session, body: Record<string, unknown>, index = 2) =>
    session.request('PUT', `/api/campaigns/${cityPlan}/kpis/${index}/figures`, body);

  it('the unit enters its figure with the reason, audited; a stale version is refused; the total sums the units', async () => {
    const { district, sibling } = tenant.units;
    const before = await kpis(districtOffice, cityPlan, '2026');
    expect(row(before[2], district.id)).toMatchObject({ actual: null, met: null, canEnter: true });
    const body = {
      unitId: district.id,
      period: '2026',
      numerator: 45,
      denominator: 50,
      reason: '辖区持证餐饮单位台账',
      version: 0,
    };
    const saved = await put(districtOffice, body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ numerator: 45, denominator: 50, version: 1 });
    expect((await put(districtOffice, body)).statusCode).toBe(409);
    const corrected = await put(districtOffice, { ...body, numerator: 40, version: 1 });
    expect(corrected.json().version).toBe(2);
    expect((await put(siblingOffice, { ...body, unitId: sibling.id, numerator: 10, denominator: 20 })).statusCode).toBe(
      200,
    );

    const after = await kpis(cityOffice, cityPlan, '2026');
    expect(row(after[2], district.id)).toMatchObject({ numerator: 40, denominator: 50, actual: 80, met: false });
    expect(row(after[2], sibling.id)).toMatchObject({ numerator: 10, denominator: 20, actual: 50, met: false });
    expect(after[2].total).toMatchObject({ numerator: 50, denominator: 70 });
    const records = (
      await cityOffice.request('GET', `/api/campaigns/${cityPlan}/kpis/2/records?unitId=${district.id}&period=2026`)
    ).json();
    expect(records.records).toHaveLength(1);
    expect(records.records[0].title).toContain('辖区持证餐饮单位台账');
    expect(records.records[0].value).toBe(40);

    const audited = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'kpi_figure.save'));
    expect(audited).toHaveLength(3);
    expect(audited.map((a) => a.unitId)).toEqual([district.id, district.id, sibling.id]);
  });

  it('sums the figures of the units below across the 实施方案 where the unit entered none itself', async () => {
    const { district, office } = tenant.units;
    // The district's 实施方案 carries the city's KPIs; its 所 enters 2025's figure there.
    const own = await kpis(districtOffice, districtPlan, '2025');
    expect(own[2].rows.map((r) => r.unitId)).toContain(office.id);
    const res = await districtOffice.request('PUT', `/api/campaigns/${districtPlan}/kpis/2/figures`, {
      unitId: office.id,
      period: '2025',
      numerator: 9,
      denominator: 10,
      reason: '所辖持证餐饮单位台账',
      version: 0,
    });
    expect(res.statusCode, res.body).toBe(200);
    const city = await kpis(cityOffice, cityPlan, '2025');
    expect(row(city[2], district.id)).toMatchObject({ numerator: 9, denominator: 10, actual: 90, met: true });
    // 2026: the district's own figure on the city's plan stands for it.
    expect(row((await kpis(cityOffice, cityPlan, '2026'))[2], district.id)).toMatchObject({ numerator: 40 });
  });

  it('gives the scorecards each unit’s share of the measured KPIs met (kpi_attainment)', async () => {
    const { district, sibling } = tenant.units;
    const source = createKpiAttainmentSource({ kpisService: t.services.kpisService });
    expect(source).toMatchObject({ kind: 'kpi_attainment', format: 'ratio' });
    const q = {
      campaignId: cityPlan,
      campaignPath: '',
      units: [district, sibling].map((u) => ({ id: u.id, path: u.path })),
      from: '2026-01-01',
      to: '2026-12-31',
    };
    // 2026: the district meets coverage (7.5 %) and 公示率 (100 %), not 明厨亮灶 (80 %, not > 80 %) nor
    // the reports (none sent); the sibling meets coverage (5 %) and 公示率 (1 of 1), not 明厨亮灶 (50 %)
    // nor the reports. 整改 has no data: not judged.
    const values = await source.measure(q);
    expect(values.get(district.id)).toBe(0.5);
    expect(values.get(sibling.id)).toBe(0.5);
    const records = await source.records({ ...q, unitId: district.id });
    expect(records.map((r) => r.value)).toEqual([1, 1, 0, 0]);
    expect(records[2].title).toContain('目标 >80%');
    expect(records[0].unitName).toBe(district.name);
  });

  it('names the field in Chinese, refuses other roles (403), units outside the scope (404) and measured KPIs', async () => {
    const { district, sibling } = tenant.units;
    const base = { unitId: district.id, period: '2026', numerator: 1, denominator: 2, reason: '台账', version: 2 };
    const noReason = await put(districtOffice, { ...base, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors).toContainEqual(
      expect.objectContaining({ path: 'reason', message: '请填写数据来源和说明' }),
    );
    const tooMany = await put(districtOffice, { ...base, numerator: 3 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0]).toMatchObject({ path: 'numerator' });
    expect(tooMany.json().errors[0].message).toContain('不能大于总数');
    const badPeriod = await put(districtOffice, { ...base, period: '2031' });
    expect(badPeriod.statusCode).toBe(400);
    expect(badPeriod.json().errors[0]).toMatchObject({ path: 'period' });
    const zero = await put(districtOffice, { ...base, denominator: 0 });
    expect(zero.json().errors).toContainEqual(
      expect.objectContaining({ path: 'denominator', message: '总数应至少为 1' }),
    );
    expect((await put(districtHandler, base)).statusCode).toBe(403);
    expect((await put(districtOffice, { ...base, unitId: sibling.id })).statusCode).toBe(404);
    expect((await put(districtOffice, base, 9)).statusCode).toBe(404);
    const measured = await put(districtOffice, base, 0);
    expect(measured.statusCode).toBe(400);
    expect(measured.json().errors[0]).toMatchObject({ path: 'kpiIndex' });
  });
});
