import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let office: Session;
let cityOffice: Session;
let outsider: Session;
let campaignId = '';
let cityCampaignId = '';
const unitIds = new Map<string, string>();
const RANGE = '&from=2000-01-01&to=2100-12-31';

type Comparison = {
  template: { columns: { key: string; money: boolean }[] };
  categories: { code: string }[];
  unitId: string;
  rows: {
    unitId: string;
    unitName: string;
    divisionCode: string | null;
    childCount: number;
    cells: Record<string, Record<string, string>>;
  }[];
  total: { unitId: string; cells: Record<string, Record<string, string>> };
};

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  cityOffice = await login(t.app, 'sh_office', 'Redshield2026');
  outsider = await login(t.app, 'pd_liaison', 'Redshield2026');
  for (const u of await t.services.unitsService.list(systemActor, { includeInactive: false }))
    unitIds.set(u.code, u.id);
  const campaigns = (await cityOffice.request('GET', '/api/campaigns')).json().items as {
    id: string;
    unitId: string;
    status: string;
  }[];
  campaignId = campaigns.find((c) => c.unitId === unitIds.get('CM') && c.status === 'active')!.id;
  cityCampaignId = campaigns.find((c) => c.unitId === unitIds.get('SH') && c.status === 'active')!.id;
});
afterAll(() => t.close());

const compare = async (s: Session, campaign: string, query: string) => {
  const res = await s.request('GET', `/api/campaigns/${campaign}/stat-table/by-unit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Comparison;
};
const tableCells = async (s: Session, campaign: string, query: string) => {
  const res = await s.request('GET', `/api/campaigns/${campaign}/stat-table?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  const rows = res.json().rows as { category: string; cells: Record<string, string> }[];
  return Object.fromEntries(rows.map((r) => [r.category, r.cells]));
};

describe('分单位对比 (GET /stat-table/by-unit)', () => {
  for (const template of ['tiequan-annex2', 'festival-weekly', 'monthly-work'])
    it(`${template}: each row equals /stat-table of that unit, 合计 equals the unit's own table`, async () => {
      if (template === 'festival-weekly') {
        // A manual figure (手工填报) of an office below: it shows in its row and in 合计.
        const res = await office.request('POST', `/api/campaigns/${campaignId}/manual-figures`, {
          unitId: unitIds.get('CM-CQS'),
          categoryCode: 'food',
          columnKey: 'dens',
          day: '2026-03-02',
          value: '3',
          reason: '对比测试',
        });
        expect(res.statusCode, res.body).toBe(201);
      }
      const q = `template=${template}&unitId=${unitIds.get('CM')}${RANGE}`;
      const c = await compare(office, campaignId, q);
      expect(c.rows.map((r) => r.unitId)).toEqual(
        (await t.services.rollupsService.childUnits(unitIds.get('CM')!)).map((u) => u.id),
      );
      expect(c.rows.length).toBeGreaterThan(5);
      for (const row of c.rows)
        expect(row.cells).toEqual(
          await tableCells(office, campaignId, `template=${template}&unitId=${row.unitId}${RANGE}`),
        );
      expect(c.total.cells).toEqual(await tableCells(office, campaignId, q));
      // The demo's figures are not all zero (the comparison would prove nothing).
      expect(Object.values(c.total.cells.total).some((v) => Number(v) > 0)).toBe(true);
      if (template === 'festival-weekly')
        expect(c.rows.find((r) => r.unitId === unitIds.get('CM-CQS'))!.cells.food.dens).not.toBe('0');
    });

  it("the default unit is the actor's; the default period is the table's", async () => {
    const c = await compare(office, campaignId, '');
    expect(c.unitId).toBe(unitIds.get('CM'));
    const own = await office.request('GET', `/api/campaigns/${campaignId}/stat-table`);
    expect({ from: (c as unknown as { from: string }).from }).toEqual({ from: own.json().from });
  });

  it('sorts by a cell on the server (exact), ties in code order', async () => {
    const q = `unitId=${unitIds.get('CM')}${RANGE}&sort=casesFiled&sortCategory=total`;
    const desc = await compare(office, campaignId, `${q}&order=desc`);
    const filed = desc.rows.map((r) => Number(r.cells.total.casesFiled));
    expect(filed).toEqual([...filed].sort((a, b) => b - a));
    expect(filed[0]).toBeGreaterThan(0);
    const asc = await compare(office, campaignId, `${q}&order=asc`);
    expect(asc.rows.map((r) => Number(r.cells.total.casesFiled))).toEqual([...filed].sort((a, b) => a - b));
    const bad = await office.request('GET', `/api/campaigns/${campaignId}/stat-table/by-unit?sort=nope`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('sort');
  });

  it('the city: its districts with their division codes, each equal to its own table', async () => {
    const c = await compare(cityOffice, cityCampaignId, `unitId=${unitIds.get('SH')}${RANGE}`);
    const cm = c.rows.find((r) => r.unitId === unitIds.get('CM'))!;
    expect(cm.divisionCode).toBe('310151');
    expect(cm.childCount).toBeGreaterThan(0);
    expect(cm.cells).toEqual(await tableCells(cityOffice, cityCampaignId, `unitId=${cm.unitId}${RANGE}`));
    expect(c.total.cells).toEqual(await tableCells(cityOffice, cityCampaignId, `unitId=${unitIds.get('SH')}${RANGE}`));
  });

  it("scope: a unit outside the caller's is not found (404)", async () => {
    const res = await outsider.request(
      'GET',
      `/api/campaigns/${cityCampaignId}/stat-table/by-unit?unitId=${unitIds.get('CM')}`,
    );
    expect(res.statusCode).toBe(404);
    const xlsx = await outsider.request(
      'GET',
      `/api/campaigns/${cityCampaignId}/stat-table/by-unit.xlsx?unitId=${unitIds.get('CM')}`,
    );
    expect(xlsx.statusCode).toBe(404);
  });

  it('.xlsx: A4 landscape, the category groups merged, a row per unit and 合计, money in 万元', async () => {
    const q = `unitId=${unitIds.get('CM')}${RANGE}`;
    const c = await compare(office, campaignId, q);
    const res = await office.request('GET', `/api/campaigns/${campaignId}/stat-table/by-unit.xlsx?${q}`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('分单位对比');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    const cols = c.template.columns.length;
    // Row 3: the groups, each merged over its columns (the merged cells repeat the master's value).
    c.categories.forEach((g, n) => {
      expect(ws.getRow(3).getCell(2 + n * cols).isMerged).toBe(true);
      expect(ws.getRow(3).getCell(2 + n * cols + cols - 1).master.address).toBe(
        ws.getRow(3).getCell(2 + n * cols).address,
      );
    });
    const names = c.rows.map((r) => r.unitName);
    const printed = Array.from({ length: names.length + 1 }, (_, n) => String(ws.getRow(6 + n).getCell(1).value));
    expect(printed).toEqual([...names, '合计']);
    // 合计's 立案 in the total group, and its money (涉案金额) in 万元.
    const totalGroup = c.categories.findIndex((g) => g.code === 'total');
    const key = (k: string) => 2 + totalGroup * cols + c.template.columns.findIndex((x) => x.key === k);
    const totalRow = ws.getRow(6 + names.length);
    expect(String(totalRow.getCell(key('casesFiled')).value)).toBe(c.total.cells.total.casesFiled);
    expect(Number(totalRow.getCell(key('amountInvolved')).value)).toBeCloseTo(
      Number(c.total.cells.total.amountInvolved) / 10_000,
      4,
    );
    expect(String(ws.getRow(5).getCell(key('amountInvolved')).value)).toBe('（万元）');
  });
});

describe('行政区划边界 (GET /api/divisions/boundaries)', () => {
  it("gives the demo's districts as GeoJSON and lists the codes it has no boundary for", async () => {
    const res = await office.request('GET', '/api/divisions/boundaries?codes=310151,310115,310000');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.features.map((f: { id: string }) => f.id).sort()).toEqual(['310115', '310151']);
    const cm = body.features.find((f: { id: string }) => f.id === '310151');
    expect(cm.properties.name).toBe('崇明区');
    expect(cm.geometry.type).toBe('MultiPolygon');
    // Decoded to longitude/latitude: 崇明岛 lies around 121.5°E, 31.6°N.
    const [lng, lat] = cm.geometry.coordinates[0][0][0];
    expect(lng).toBeGreaterThan(121);
    expect(lng).toBeLessThan(122.2);
    expect(lat).toBeGreaterThan(31.3);
    expect(lat).toBeLessThan(32);
    expect(body.missing).toEqual(['310000']);
    expect((await office.request('GET', '/api/divisions/boundaries?codes=31015')).statusCode).toBe(400);
  });
});
