import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let office: Session;
let liaison: Session;
let reviewer: Session;
let outsider: Session;
let campaignId = '';
const unitIds = new Map<string, string>();
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  liaison = await login(t.app, 'cm_liaison', 'Redshield2026');
  reviewer = await login(t.app, 'cm_reviewer', 'Redshield2026');
  outsider = await login(t.app, 'pd_liaison', 'Redshield2026');
  for (const u of await t.services.unitsService.list(systemActor, { includeInactive: false }))
    unitIds.set(u.code, u.id);
  campaignId = (await office.request('GET', '/api/campaigns'))
    .json()
    .items.find((c: { unitId: string; status: string }) => c.unitId === unitIds.get('CM') && c.status === 'active').id;
});
afterAll(() => t.close());

const table = async (s: Session, template: string, unit: string, range = '&from=2000-01-01&to=2100-12-31') => {
  const res = await s.request(
    'GET',
    `/api/campaigns/${campaignId}/stat-table?template=${template}&unitId=${unitIds.get(unit)}${range}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    from: string;
    to: string;
    template: { columns: { key: string; kind: string }[] };
    rows: { category: string; cells: Record<string, string> }[];
  };
};
const totalOf = (tbl: { rows: { category: string; cells: Record<string, string> }[] }) =>
  tbl.rows.find((r) => r.category === 'total')!.cells;
const enter = (s: Session, body: Record<string, unknown>) =>
  s.request('POST', `/api/campaigns/${campaignId}/manual-figures`, {
    unitId: unitIds.get('CM-CQS'),
    categoryCode: 'food',
    columnKey: 'dens',
    day: today,
    value: '2',
    reason: '城桥镇农村集市联合公安捣毁制售假酒窝点2个',
    ...body,
  });

describe('statistics tables from templates (统计表模板)', () => {
  it('lists the built-in templates; annex 2 gives the same figures as the stats endpoint', async () => {
    const templates = (await office.request('GET', '/api/stat-templates')).json().items;
    expect(templates.map((x: { code: string }) => x.code)).toEqual([
      'tiequan-annex2',
      'festival-weekly',
      'monthly-work',
    ]);
    const annex = await table(office, 'tiequan-annex2', 'CM');
    const stats = (
      await office.request(
        'GET',
        `/api/campaigns/${campaignId}/stats?unitId=${unitIds.get('CM')}&from=2000-01-01&to=2100-12-31`,
      )
    ).json();
    for (const row of stats.rows) {
      const mine = annex.rows.find((r) => r.category === row.category)!.cells;
      expect(Object.fromEntries(Object.entries(row.values).map(([k, v]) => [k, String(v)]))).toEqual(mine);
    }
    // A cumulative table without a start date counts from 1 January of its end date's year.
    expect((await table(office, 'tiequan-annex2', 'CM', `&to=${today}`)).from).toBe(`${today.slice(0, 4)}-01-01`);
    expect(
      (await office.request('GET', `/api/campaigns/${campaignId}/stat-table?template=nope`)).json().errors[0].path,
    ).toBe('template');
  });

  it('sums manual figures up the tree with their reasons, and corrections as further entries', async () => {
    const festival = await table(office, 'festival-weekly', 'CM');
    const inspections = (await office.request('GET', `/api/inspections/totals?campaignId=${campaignId}`)).json().total;
    expect(totalOf(festival)).toMatchObject({
      vehicles: String(inspections.vehicles),
      staffDeployed: String(inspections.staffDeployed),
      dens: '0',
      goodsValue: '0.00',
    });

    expect((await enter(liaison, {})).statusCode).toBe(201);
    expect(
      (await enter(liaison, { columnKey: 'goodsValue', value: '12345.6', reason: '收缴假酒货值' })).statusCode,
    ).toBe(201);
    const correction = await enter(office, { value: '-1', reason: '更正：其中一个窝点已于上月填报' });
    expect(correction.statusCode, correction.body).toBe(201);

    const district = await table(office, 'festival-weekly', 'CM');
    expect(district.rows.find((r) => r.category === 'food')!.cells).toMatchObject({
      dens: '1',
      goodsValue: '12345.60',
    });
    expect(totalOf(district)).toMatchObject({ dens: '1', goodsValue: '12345.60' });
    expect(totalOf(await table(office, 'festival-weekly', 'CM-ZFDD'))).toMatchObject({ dens: '0' });
    expect(totalOf(await table(office, 'festival-weekly', 'CM', '&from=2000-01-01&to=2001-01-01'))).toMatchObject({
      dens: '0',
    });

    const entries = (
      await office.request(
        'GET',
        `/api/campaigns/${campaignId}/manual-figures?unitId=${unitIds.get('CM')}&columnKey=dens&category=food&from=2000-01-01&to=2100-12-31`,
      )
    ).json().items;
    expect(entries.map((e: { amount: string; reason: string }) => e.amount).sort()).toEqual(['-1', '2']);
    expect(
      entries.every((e: { reason: string; unitName: string }) => e.reason && e.unitName === '城桥市场监管所'),
    ).toBe(true);
  });

  it('refuses what is not a manual figure, a bad value, a role that may not, and a unit outside the scope', async () => {
    const derived = await enter(liaison, { columnKey: 'casesFiled' });
    expect(derived.statusCode).toBe(400);
    expect(derived.json().errors[0]).toMatchObject({ path: 'columnKey' });
    expect((await enter(liaison, { value: '1.5' })).json().errors[0]).toMatchObject({
      path: 'value',
      message: expect.stringContaining('整数'),
    });
    expect((await enter(liaison, { value: '0' })).statusCode).toBe(400);
    expect((await enter(liaison, { reason: ' ' })).statusCode).toBe(400);
    expect((await enter(liaison, { categoryCode: 'nope' })).json().errors[0].path).toBe('categoryCode');
    expect((await enter(reviewer, {})).statusCode).toBe(403);
    expect((await enter(outsider, {})).statusCode).toBe(404);
    // The liaison of 城桥所 cannot enter for the brigade beside it.
    expect((await enter(liaison, { unitId: unitIds.get('CM-ZFDD') })).statusCode).toBe(404);
  });

  it('prints the template table as .xlsx with its own columns and the same figures', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stat-table.xlsx?template=festival-weekly&unitId=${unitIds.get('CM')}&from=2000-01-01&to=2100-12-31`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = ws.getRow(3).values as unknown[];
    expect(header).toContain('捣毁制假售假窝点');
    expect(header).toContain('出动车辆');
    const festival = await table(office, 'festival-weekly', 'CM');
    const totalRow = ws.getRow(4 + festival.rows.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    const densCol = 3 + festival.template.columns.findIndex((c) => c.key === 'dens');
    expect(totalRow.getCell(densCol).value).toBe(Number(totalOf(festival).dens));
  });
});
