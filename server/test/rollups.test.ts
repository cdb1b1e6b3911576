import { todayInChina } from '../src/platform/today';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { yuanTextToFen } from '../src/platform/money';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let office: Session;
let handler: Session;
let outsider: Session;
let campaignId: string;
let cityCampaignId: string;
const unitIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  handler = await login(t.app, 'cm_handler', 'Redshield2026');
  outsider = await login(t.app, 'pd_liaison', 'Redshield2026');
  for (const u of await t.services.unitsService.list(systemActor, { includeInactive: false }))
    unitIds.set(u.code, u.id);
  const campaigns = (await office.request('GET', '/api/campaigns')).json().items;
  campaignId = campaigns.find(
    // The district's plan in force (the demo also has a draft awaiting 签发).
    (c: { unitId: string; status: string }) => c.unitId === unitIds.get('CM') && c.status === 'active',
  ).id;
  cityCampaignId = campaigns.find(
    (c: { unitId: string; status: string }) => c.unitId === unitIds.get('SH') && c.status === 'active',
  ).id;
});
afterAll(() => t.close());

const stats = async (s: Session, campaign: string, unit: string, from = '2000-01-01', to = '2100-12-31') => {
  const res = await s.request(
    'GET',
    `/api/campaigns/${campaign}/stats?unitId=${unitIds.get(unit) ?? unit}&from=${from}&to=${to}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { rows: { category: string; values: Record<string, number | string> }[] };
};
const total = (s: { rows: { category: string; values: Record<string, number | string> }[] }) =>
  s.rows.find((r) => r.category === 'total')!.values;
const fen = (yuan: string | number) => Math.round(Number(yuan) * 100);

/** The stored figures equal the straightforward query over the records, category by category. */
async function expectEqualsNaive(campaign: string, unit: string, from: string, to: string) {
  const fast = await stats(office, campaign, unit, from, to);
  const naive = await t.services.rollupsService.naiveStats(campaign, unitIds.get(unit) ?? unit, from, to);
  for (const row of fast.rows.filter((r) => r.category !== 'total')) {
    const n = naive.get(row.category);
    expect({
      category: row.category,
      filed: row.values.casesFiled,
      closed: row.values.casesClosed,
      staff: row.values.staffDeployed,
      fines: String(yuanTextToFen(String(row.values.finesAndConfiscations))),
    }).toEqual({
      category: row.category,
      filed: Number(n?.casesFiled ?? 0n),
      closed: Number(n?.casesClosed ?? 0n),
      staff: Number(n?.staffDeployed ?? 0n),
      fines: String((n?.fineFen ?? 0n) + (n?.confiscatedFen ?? 0n)),
    });
  }
}

describe('live roll-ups (统计汇总)', () => {
  it('sums the demo ledger and field work up the tree, equal to the query over the raw records', async () => {
    const district = total(await stats(office, campaignId, 'CM'));
    // Ten of this year's cases (the tenth decided lately, due for publication: demo-credit.ts) and one of
    // last year's carried forward (结转, demo-lastyear.ts).
    // The field work of demo-inspections.ts, demo-entities.ts (three outings of 城桥所: 12 人次, 7 家次) and
    // demo-field-rectifications.ts (three more: 12 人次, 28 家次).
    expect(district).toMatchObject({ casesFiled: 11, staffDeployed: 94, entitiesInspected: 245 });
    // The city's plan counts the district's implementation plan; the city bureau's subtree holds 崇明.
    expect(total(await stats(office, cityCampaignId, 'CM'))).toEqual(district);
    for (const unit of ['CM', 'CM-ZFDD', 'CM-CQS']) {
      await expectEqualsNaive(campaignId, unit, '2000-01-01', '2100-12-31');
      await expectEqualsNaive(cityCampaignId, unit, '2000-01-01', '2100-12-31');
    }
    const today = todayInChina(); // the server dates in China time: past 16:00 UTC its today is the next UTC day
    const monthAgo = new Date(Date.now() - 60 * 86_400_000).toISOString().slice(0, 10);
    await expectEqualsNaive(campaignId, 'CM', monthAgo, today);
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });

  it('reads whole months from the monthly table and the edge days from the daily one, equal to the records', async () => {
    // Periods that start and end inside months, on a month's first or last day, within one month,
    // and across a year's end: each equals the query over the records.
    const year = Number(todayInChina().slice(0, 4));
    const periods: [string, string][] = [
      [`${year - 1}-12-15`, `${year}-12-31`],
      [`${year}-01-01`, `${year}-12-31`],
      [`${year}-02-10`, `${year}-11-20`],
      [`${year}-03-01`, `${year}-03-31`],
      [`${year}-04-05`, `${year}-04-25`],
      [`${year}-05-31`, `${year}-09-01`],
    ];
    for (const [from, to] of periods)
      for (const unit of ['CM', 'CM-ZFDD']) await expectEqualsNaive(campaignId, unit, from, to);
  });

  it('finds a monthly figure that disagrees with the days, and a repair makes it right', async () => {
    await t.database.db.execute(
      sql`update rollup_monthly set cases_filed = cases_filed + 1 where ctid = (select ctid from rollup_monthly where cases_filed > 0 limit 1)`,
    );
    const differences = await t.services.rollupsService.verify();
    expect(differences).toHaveLength(1);
    expect(differences[0]).toMatchObject({ table_name: 'rollup_monthly' });
    expect(Number(differences[0].actual_cases_filed)).toBe(Number(differences[0].expected_cases_filed) + 1);
    await t.database.db.transaction((tx) => t.services.rollupsService.rebuild(tx));
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });

  it('counts a case the moment it is saved and moves its figures with every edit', async () => {
    const before = total(await stats(office, campaignId, 'CM-ZFDD', '2026-01-01', '2026-01-31'));
    const users = (await t.services.usersService.list(systemActor, { page: 1, pageSize: 200 })).items;
    const all = users;
    const leaderId = all.find((u) => u.username === 'cm_leader')!.id;
    const handlerId = all.find((u) => u.username === 'cm_handler')!.id;
    const created = await office.request('POST', '/api/cases', {
      unitId: unitIds.get('CM-ZFDD'),
      campaignId,
      categoryCode: 'food',
      caseNumber: '统计测试〔2026〕1号',
      name: '统计测试案',
      partyKind: 'person',
      partyName: '张某',
      filingDate: '2026-01-15',
      amountInvolved: '100.01',
      fine: '200.02',
      confiscated: '0.03',
      lossesRecovered: '0',
      online: true,
      rural: true,
      filingApproverId: leaderId,
      investigatorId: handlerId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const after = total(await stats(office, campaignId, 'CM-ZFDD', '2026-01-01', '2026-01-31'));
    expect(after.casesFiled).toBe(Number(before.casesFiled) + 1);
    expect(fen(after.finesAndConfiscations) - fen(before.finesAndConfiscations)).toBe(20005);
    expect(after.onlineCases).toBe(Number(before.onlineCases) + 1);

    const c = created.json();
    const edited = await handler.request('PUT', `/api/cases/${c.id}`, {
      ...c,
      ...{ fine: '300.00', filingDate: '2026-02-03' },
      version: c.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(total(await stats(office, campaignId, 'CM-ZFDD', '2026-01-01', '2026-01-31'))).toEqual(before);
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });

  it('prints the table (.xlsx) with 万元 as numbers, and the roll-up with one sheet per unit below', async () => {
    const json = await stats(office, campaignId, 'CM');
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stats.xlsx?unitId=${unitIds.get('CM')}&from=2000-01-01&to=2100-12-31`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].name).toBe('汇总');
    expect(wb.worksheets.map((w) => w.name)).toContain('执法大队');
    const ws = wb.worksheets[0];
    expect(String(ws.getCell('A1').value)).toContain('案件统计表');
    expect(String(ws.getCell('A2').value)).toBe('报送单位：上海市崇明区市场监督管理局');
    expect(ws.getCell('C4').value).toBe('（人次）');
    const totalRow = ws.getRow(4 + json.rows.length);
    expect(totalRow.getCell(1).value).toBe('合计');
    const t = total(json);
    expect(totalRow.getCell(5).value).toBe(t.casesFiled);
    expect(typeof totalRow.getCell(8).value).toBe('number');
    expect(Math.round((totalRow.getCell(8).value as number) * 1_000_000)).toBe(fen(t.finesAndConfiscations));
  });

  it('prints /stats.xlsx as the alias of /stat-table.xlsx with annex 2: from the campaign’s start, named after the campaign', async () => {
    const campaign = (await office.request('GET', `/api/campaigns/${campaignId}`)).json();
    const unit = unitIds.get('CM');
    const json = (await office.request('GET', `/api/campaigns/${campaignId}/stats?unitId=${unit}`)).json();
    expect(json.from).toBe(campaign.startDate);
    const fileName = (res: { headers: Record<string, unknown> }) =>
      decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]);
    const sheets = async (raw: unknown) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(raw as ArrayBuffer);
      return wb.worksheets.map((ws) => ({ name: ws.name, rows: ws.getSheetValues().map((r) => JSON.stringify(r)) }));
    };
    const alias = await office.request('GET', `/api/campaigns/${campaignId}/stats.xlsx?unitId=${unit}`);
    expect(alias.statusCode).toBe(200);
    expect(fileName(alias)).toBe(`${json.unitName}${campaign.name}案件统计表（${json.from}至${json.to}）.xlsx`);
    const table = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stat-table.xlsx?template=tiequan-annex2&unitId=${unit}&from=${json.from}`,
    );
    expect(fileName(table)).toBe(`${json.unitName}案件统计表（“铁拳”行动附件2）（${json.from}至${json.to}）.xlsx`);
    const printed = await sheets(alias.rawPayload);
    expect(printed.length).toBeGreaterThan(1);
    expect(printed[0].rows.join()).toContain(`统计时间：`);
    expect(printed).toEqual(await sheets(table.rawPayload));
  });

  it('answers 404 for a unit outside the caller’s scope and 400 for a reversed range', async () => {
    expect(
      (await outsider.request('GET', `/api/campaigns/${cityCampaignId}/stats?unitId=${unitIds.get('CM')}`)).statusCode,
    ).toBe(404);
    expect(
      (await office.request('GET', `/api/campaigns/${campaignId}/stats?from=2026-05-01&to=2026-04-01`)).statusCode,
    ).toBe(400);
  });

  it('opens every figure of the table onto exactly the records that make it', async () => {
    const METRICS = [
      'casesFiled',
      'casesClosed',
      'amountInvolved',
      'finesAndConfiscations',
      'lossesRecovered',
      'transferredToJudiciary',
      'onlineCases',
      'ruralCases',
      'staffDeployed',
      'entitiesInspected',
    ];
    for (const [campaign, unit] of [
      [campaignId, 'CM'],
      [cityCampaignId, 'CM'],
      [campaignId, 'CM-ZFDD'],
    ]) {
      const table = await stats(office, campaign, unit);
      for (const row of table.rows) {
        for (const metric of METRICS) {
          const res = await office.request(
            'GET',
            `/api/campaigns/${campaign}/stats/records?unitId=${unitIds.get(unit)}&from=2000-01-01&to=2100-12-31&category=${row.category}&metric=${metric}&pageSize=200`,
          );
          expect(res.statusCode, res.body).toBe(200);
          const drill = res.json();
          const figure = row.values[metric];
          // The listed records add up to the figure; counts are one record each.
          expect(typeof figure === 'string' ? drill.sum : Number(drill.sum), `${unit} ${row.category} ${metric}`).toBe(
            figure,
          );
          if (['casesFiled', 'casesClosed', 'transferredToJudiciary', 'onlineCases', 'ruralCases'].includes(metric))
            expect(drill.total).toBe(figure);
          expect(drill.items.length).toBe(drill.total);
          if (row.category !== 'total')
            expect(drill.items.every((r: { categoryCode: string }) => r.categoryCode === row.category)).toBe(true);
        }
      }
    }
    const filed = (
      await office.request(
        'GET',
        `/api/campaigns/${campaignId}/stats/records?metric=casesFiled&from=2000-01-01&to=2100-12-31`,
      )
    ).json();
    expect(filed.items[0]).toMatchObject({ kind: 'case', number: expect.any(String), title: expect.any(String) });
    expect((await office.request('GET', `/api/campaigns/${campaignId}/stats/records?metric=fines`)).statusCode).toBe(
      400,
    );
    expect(
      (await office.request('GET', `/api/campaigns/${campaignId}/stats/records?metric=casesFiled&category=nope`)).json()
        .errors[0].path,
    ).toBe('category');
    expect(
      (
        await outsider.request(
          'GET',
          `/api/campaigns/${cityCampaignId}/stats/records?metric=casesFiled&unitId=${unitIds.get('CM')}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('rebuilds when a unit moves to another parent, and stays equal to the records', async () => {
    const figures = async (unit: string) =>
      total(
        await t.services.rollupsService.stats(systemActor, cityCampaignId, {
          unitId: unitIds.get(unit),
          from: '2000-01-01',
          to: '2100-12-31',
        }),
      );
    const [cmBefore, cqs, pdBefore] = [await figures('CM'), await figures('CM-CQS'), await figures('PD')];
    expect(Number(cqs.staffDeployed)).toBeGreaterThan(0);
    const unit = await t.services.unitsService.get(systemActor, unitIds.get('CM-CQS')!);
    await t.services.unitsService.move(systemActor, unit.id, { parentId: unitIds.get('PD')!, version: unit.version });
    expect(await t.services.rollupsService.verify()).toEqual([]);
    expect(Number((await figures('CM')).staffDeployed)).toBe(
      Number(cmBefore.staffDeployed) - Number(cqs.staffDeployed),
    );
    expect(Number((await figures('PD')).staffDeployed)).toBe(
      Number(pdBefore.staffDeployed) + Number(cqs.staffDeployed),
    );
  });
});
