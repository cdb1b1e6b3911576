import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

/**
 * Held-out data (issue 6): an organisation tree with hundreds of cases and inspections imported
 * through the API; every figure of the table, for random units and date ranges, must equal a
 * recomputation written here in plain code from the generated rows — not from the database.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let campaignId = '';
const units: { id: string; code: string; parent: string | null }[] = [];
const CATEGORIES = ['food', 'ip', 'other'];
const LABELS: Record<string, string> = { food: '食品安全违法', ip: '知识产权违法', other: '其他违法' };

interface CaseRow {
  unit: string;
  category: string;
  filing: string;
  closing: string | null;
  amount: number;
  fine: number;
  confiscated: number;
  losses: number;
  online: boolean;
  rural: boolean;
  judiciary: boolean;
}
interface InspectionRow {
  unit: string;
  category: string;
  date: string;
  staff: number;
  entities: number;
}
const cases: CaseRow[] = [];
const inspections: InspectionRow[] = [];

/** A small deterministic generator (the test must not depend on Math.random). */
let seed = 20260525;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const int = (n: number) => Math.floor(rand() * n);
/** Last year: every generated date is in the past, whatever day the test runs. */
const YEAR = new Date().getUTCFullYear() - 1;
const day = (n: number) => new Date(Date.UTC(YEAR, 0, 1 + n)).toISOString().slice(0, 10);
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office'] });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  const { district } = tenant.units;
  units.push({ id: district.id, code: district.code, parent: null });
  for (let i = 0; i < 6; i++) {
    const u = await t.services.unitsService.create(systemActor, {
      parentId: district.id,
      name: `测试分所${i}-${tenant.tag}`,
      code: `HO${i}-${tenant.tag}`,
      kind: i < 4 ? 'office' : 'section',
    });
    units.push({ id: u.id, code: u.code, parent: district.id });
  }
  const created = await office.request('POST', '/api/campaigns', {
    unitId: district.id,
    ...samplePlan({ leadUnitId: units[1].id, participantUnitIds: units.map((u) => u.id) }),
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;

  for (let i = 0; i < 300; i++) {
    const filing = int(330);
    const closed = rand() < 0.4 ? filing + int(30) : null;
    cases.push({
      unit: units[int(units.length)].code,
      category: CATEGORIES[int(3)],
      filing: day(filing),
      closing: closed === null ? null : day(closed),
      amount: int(5_000_000),
      fine: int(2_000_000),
      confiscated: rand() < 0.3 ? int(500_000) : 0,
      losses: rand() < 0.2 ? int(100_000) : 0,
      online: rand() < 0.3,
      rural: rand() < 0.3,
      judiciary: rand() < 0.1,
    });
  }
  const caseCsv = [
    '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节',
    ...cases.map((c, i) =>
      [
        `HO〔2026〕${i}号`,
        c.unit,
        LABELS[c.category],
        `留出数据案${i}`,
        `当事人${i}`,
        '',
        c.filing,
        c.closing ?? '',
        yuan(c.amount),
        yuan(c.fine),
        yuan(c.confiscated),
        yuan(c.losses),
        c.online ? '是' : '否',
        c.rural ? '是' : '否',
        c.judiciary ? '是' : '否',
        c.judiciary ? c.filing : '',
        '',
      ].join(','),
    ),
  ].join('\n');
  const imported = await office.upload(`/api/campaigns/${campaignId}/cases/import`, 'cases.csv', caseCsv);
  expect(imported.json(), imported.body).toEqual({ imported: 300 });

  for (let i = 0; i < 300; i++)
    inspections.push({
      unit: units[int(units.length)].code,
      category: CATEGORIES[int(3)],
      date: day(int(360)),
      staff: 1 + int(20),
      entities: int(60),
    });
  const inspectionCsv = [
    '检查日期,检查单位,违法类型,出动人次,车辆台次,检查家次',
    ...inspections.map((x) => [x.date, x.unit, LABELS[x.category], x.staff, 1, x.entities].join(',')),
  ].join('\n');
  const done = await office.upload(`/api/campaigns/${campaignId}/inspections/import`, 'inspections.csv', inspectionCsv);
  expect(done.json(), done.body).toEqual({ imported: 300 });
});
afterAll(() => t.close());

/** The figures, recomputed from the generated rows. */
function expected(unitId: string, from: string, to: string) {
  const codes = new Set(units.filter((u) => u.id === unitId || u.parent === unitId).map((u) => u.code));
  const inRange = (d: string | null) => d !== null && d >= from && d <= to;
  const rows = [...CATEGORIES, 'total'].map((category) => {
    const mine = (c: { category: string; unit: string }) =>
      codes.has(c.unit) && (category === 'total' || c.category === category);
    const filed = cases.filter((c) => mine(c) && inRange(c.filing));
    const ins = inspections.filter((x) => mine(x) && inRange(x.date));
    const sum = (xs: CaseRow[], f: (c: CaseRow) => number) => xs.reduce((a, c) => a + f(c), 0);
    return {
      category,
      values: {
        staffDeployed: ins.reduce((a, x) => a + x.staff, 0),
        entitiesInspected: ins.reduce((a, x) => a + x.entities, 0),
        casesFiled: filed.length,
        casesClosed: cases.filter((c) => mine(c) && inRange(c.closing)).length,
        amountInvolved: yuan(sum(filed, (c) => c.amount)),
        finesAndConfiscations: yuan(sum(filed, (c) => c.fine + c.confiscated)),
        lossesRecovered: yuan(sum(filed, (c) => c.losses)),
        transferredToJudiciary: filed.filter((c) => c.judiciary).length,
        onlineCases: filed.filter((c) => c.online).length,
        ruralCases: filed.filter((c) => c.rural).length,
      },
    };
  });
  return rows;
}

describe('the statistics table on held-out data', () => {
  it('equals the recomputation for every figure, random units and date ranges', async () => {
    for (let i = 0; i < 30; i++) {
      const unit = units[i % units.length];
      const a = int(365);
      const b = Math.min(364, a + int(365 - a));
      const [from, to] = i === 0 ? [`${YEAR}-01-01`, `${YEAR}-12-31`] : [day(a), day(b)];
      const res = await office.request(
        'GET',
        `/api/campaigns/${campaignId}/stats?unitId=${unit.id}&from=${from}&to=${to}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const got = res
        .json()
        .rows.map((r: { category: string; values: unknown }) => ({ category: r.category, values: r.values }));
      expect(got, `${unit.code} ${from}–${to}`).toEqual(expected(unit.id, from, to));
    }
  });

  it('prints the same numbers in the .xlsx (万元 to the 元), and counts a new case in the next request', async () => {
    const district = units[0];
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stats.xlsx?unitId=${district.id}&from=${YEAR}-01-01&to=${YEAR}-12-31`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const want = expected(district.id, `${YEAR}-01-01`, `${YEAR}-12-31`);
    want.forEach((row, i) => {
      const r = ws.getRow(5 + i);
      const v = row.values;
      const printed = [
        v.staffDeployed,
        v.entitiesInspected,
        v.casesFiled,
        v.casesClosed,
        v.amountInvolved,
        v.finesAndConfiscations,
        v.lossesRecovered,
        v.transferredToJudiciary,
        v.onlineCases,
        v.ruralCases,
      ];
      printed.forEach((value, c) => {
        const cell = r.getCell(3 + c).value as number;
        if (typeof value === 'string')
          expect(Math.round(cell * 1_000_000), `${row.category} col ${c}`).toBe(Math.round(Number(value) * 100));
        else expect(cell, `${row.category} col ${c}`).toBe(value);
      });
    });

    const before = (
      await office.request(
        'GET',
        `/api/campaigns/${campaignId}/stats?unitId=${district.id}&from=${YEAR}-06-01&to=${YEAR}-06-01`,
      )
    )
      .json()
      .rows.at(-1).values;
    const csv = [
      '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节',
      `HO〔2026〕新1号,${units[2].code},食品安全违法,新案,某店,,${YEAR}-06-01,,10.01,20.02,0,0,是,否,否,,`,
    ].join('\n');
    expect((await office.upload(`/api/campaigns/${campaignId}/cases/import`, 'one.csv', csv)).statusCode).toBe(200);
    const after = (
      await office.request(
        'GET',
        `/api/campaigns/${campaignId}/stats?unitId=${district.id}&from=${YEAR}-06-01&to=${YEAR}-06-01`,
      )
    )
      .json()
      .rows.at(-1).values;
    expect(after.casesFiled).toBe(before.casesFiled + 1);
    expect(after.onlineCases).toBe(before.onlineCases + 1);
    expect(Math.round(Number(after.finesAndConfiscations) * 100)).toBe(
      Math.round(Number(before.finesAndConfiscations) * 100) + 2002,
    );
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });
});
