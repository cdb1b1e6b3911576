import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * Money sums beyond 2^53 fen (≈ 90 trillion 元) stay exact to the fen everywhere a sum is shown:
 * the stats API, the template tables (derived and manual columns), the drill-down, the briefing
 * draft and the two spreadsheets. One case may hold at most 13 digits of 元 (9,999,999,999,999.99),
 * so the sums come from many cases near that limit, chosen so the exact total is odd in fen and
 * beyond 2^53: no double holds it, and any pass through a JS number changes the last fen.
 */

let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let campaignId: string;

const MAX = '9999999999999.99';
const TWO_53 = 2n ** 53n;
/** Independent of the code under test: "1234.50" → 123450n (the API's 元 always has two decimals). */
const fenOf = (yuan: string) => {
  const [whole, part = ''] = yuan.split('.');
  return BigInt(whole) * 100n + BigInt(part.padEnd(2, '0'));
};
const yuanOf = (fen: bigint) => `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
/** 万元 with six decimals, trailing zeros dropped down to four (what a text cell of the .xlsx holds). */
const wanOf = (fen: bigint) =>
  `${fen / 1_000_000n}.${String(fen % 1_000_000n).padStart(6, '0')}`.replace(/(\.\d{4}\d*?)0+$/, '$1');
const sum = (xs: string[]) => xs.reduce((s, x) => s + fenOf(x), 0n);

/** Five food and five ip cases at the limit and one food case of a fen each: no total is a double. */
const CASES = [
  ...Array.from({ length: 5 }, () => ({
    categoryCode: 'food',
    amountInvolved: MAX,
    fine: MAX,
    confiscated: MAX,
    lossesRecovered: MAX,
  })),
  ...Array.from({ length: 5 }, () => ({
    categoryCode: 'ip',
    amountInvolved: MAX,
    fine: MAX,
    confiscated: MAX,
    lossesRecovered: MAX,
  })),
  { categoryCode: 'food', amountInvolved: '0.01', fine: '0.01', confiscated: '0.01', lossesRecovered: '0.01' },
];
const expected = (category?: string) => {
  const xs = CASES.filter((c) => !category || c.categoryCode === category);
  return {
    amountInvolved: sum(xs.map((c) => c.amountInvolved)),
    fines: sum(xs.map((c) => c.fine)),
    confiscated: sum(xs.map((c) => c.confiscated)),
    finesAndConfiscations: sum(xs.flatMap((c) => [c.fine, c.confiscated])),
    lossesRecovered: sum(xs.map((c) => c.lossesRecovered)),
  };
};
const range = '&from=2026-03-01&to=2026-12-15';

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const { district, office: station } = tenant.units;
  const campaign = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: station.id,
    participantUnitIds: [district.id, station.id],
  });
  campaignId = campaign.id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  let n = 0;
  for (const c of CASES) {
    const res = await office.request('POST', '/api/cases', {
      unitId: district.id,
      campaignId,
      caseNumber: `巨额〔2026〕${++n}号`,
      name: `巨额测试案${n}`,
      partyKind: 'company',
      partyName: '上海某某有限公司',
      filingDate: '2026-03-10',
      online: false,
      rural: false,
      filingApproverId: tenant.byRole.leader.id,
      investigatorId: tenant.byRole.handler.id,
      ...c,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('money sums beyond 2^53 fen', () => {
  it('the chosen sums really are beyond 2^53 fen and held by no double', () => {
    for (const v of Object.values(expected())) {
      expect(v > TWO_53).toBe(true);
      expect(BigInt(Number(v))).not.toBe(v);
    }
  });

  it('the stats API answers every category and 合计 exact to the fen', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stats?unitId=${tenant.units.district.id}${range}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    for (const row of res.json().rows as { category: string; values: Record<string, string | number> }[]) {
      const e = expected(row.category === 'total' ? undefined : row.category);
      expect({
        category: row.category,
        amountInvolved: row.values.amountInvolved,
        finesAndConfiscations: row.values.finesAndConfiscations,
        lossesRecovered: row.values.lossesRecovered,
      }).toEqual({
        category: row.category,
        amountInvolved: yuanOf(e.amountInvolved),
        finesAndConfiscations: yuanOf(e.finesAndConfiscations),
        lossesRecovered: yuanOf(e.lossesRecovered),
      });
    }
  });

  it('the template tables (derived money columns) are exact to the fen', async () => {
    for (const [template, columns] of [
      ['tiequan-annex2', ['amountInvolved', 'finesAndConfiscations', 'lossesRecovered']],
      ['monthly-work', ['amountInvolved', 'fines', 'confiscated']],
    ] as const) {
      const res = await office.request(
        'GET',
        `/api/campaigns/${campaignId}/stat-table?template=${template}&unitId=${tenant.units.district.id}${range}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      for (const row of res.json().rows as { category: string; cells: Record<string, string> }[]) {
        const e: Record<string, bigint> = expected(row.category === 'total' ? undefined : row.category);
        for (const c of columns) expect(row.cells[c], `${template} ${row.category} ${c}`).toBe(yuanOf(e[c]));
      }
    }
  });

  it('manual money figures (手工填报) sum exactly past 2^53 fen', async () => {
    const entered = [...Array.from({ length: 10 }, () => MAX), '0.01'];
    for (const value of entered) {
      const res = await office.request('POST', `/api/campaigns/${campaignId}/manual-figures`, {
        unitId: tenant.units.district.id,
        categoryCode: 'ip',
        columnKey: 'goodsValue',
        day: '2026-03-10',
        value,
        reason: '收缴商品货值（测试）',
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stat-table?template=festival-weekly&unitId=${tenant.units.district.id}${range}`,
    );
    const rows = res.json().rows as { category: string; cells: Record<string, string> }[];
    expect(sum(entered) > TWO_53).toBe(true);
    expect(rows.find((r) => r.category === 'ip')!.cells.goodsValue).toBe(yuanOf(sum(entered)));
    expect(rows.find((r) => r.category === 'total')!.cells.goodsValue).toBe(yuanOf(sum(entered)));
  });

  it('the drill-down’s sum of the records equals the figure, exact to the fen', async () => {
    for (const metric of ['amountInvolved', 'finesAndConfiscations', 'lossesRecovered'] as const) {
      for (const category of ['total', 'food', 'ip']) {
        const res = await office.request(
          'GET',
          `/api/campaigns/${campaignId}/stats/records?unitId=${tenant.units.district.id}${range}&category=${category}&metric=${metric}&pageSize=50`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const e = expected(category === 'total' ? undefined : category);
        expect(res.json().sum, `${metric} ${category}`).toBe(yuanOf(e[metric]));
        expect(sum(res.json().items.map((i: { value: string }) => i.value))).toBe(e[metric]);
      }
    }
  });

  it('the briefing draft writes 万元 from the exact sum', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&unitId=${tenant.units.district.id}${range}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const e = expected();
    // 万元 with two decimals, rounded half up on the exact fen.
    const wan2 = (fen: bigint) => {
      const r = (fen + 5_000n) / 10_000n;
      return `${r / 100n}.${String(r % 100n).padStart(2, '0')}`;
    };
    expect(res.json().paragraphs.join('')).toContain(
      `案值${wan2(e.amountInvolved)}万元，罚没款${wan2(e.finesAndConfiscations)}万元`,
    );
  });

  it('the stats .xlsx writes 万元 beyond 15 significant digits as exact text, and says so', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stats.xlsx?unitId=${tenant.units.district.id}${range}`,
    );
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = ws.getRow(3).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((r) => rows.set(String(r.getCell(1).value), r));
    const total = rows.get('合计')!;
    const e = expected();
    for (const [name, fen] of [
      ['涉案金额', e.amountInvolved],
      ['罚没款金额', e.finesAndConfiscations],
      ['挽回损失', e.lossesRecovered],
    ] as const) {
      expect(total.getCell(col(name)).value, name).toBe(wanOf(fen));
    }
    expect(total.getCell(col('立案')).value).toBe(CASES.length);
    const note = [...rows.keys()].find((k) => k.startsWith('说明：'))!;
    expect(note).toContain('超过15位有效数字的数字以文本写出');
  });

  it('the ledger .xlsx 合计 is exact to the fen (text where Excel’s 15 digits cannot hold it)', async () => {
    const res = await office.request('GET', `/api/cases.xlsx?campaignId=${campaignId}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = ws.getRow(3).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    let total: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === '合计') total = r;
    });
    const e = expected();
    for (const [name, fen] of [
      ['涉案金额（元）', e.amountInvolved],
      ['罚款（元）', e.fines],
      ['没收违法所得（元）', e.confiscated],
      ['罚没款（元）', e.finesAndConfiscations],
      ['挽回损失（元）', e.lossesRecovered],
    ] as const) {
      expect(total!.getCell(col(name)).value, name).toBe(yuanOf(fen));
    }
    // One case's amount at the limit still fits Excel's 15 digits: a number, shown exactly; its
    // 罚没款 (two such amounts) has 16 and is written as text.
    const caseRows = Array.from({ length: CASES.length }, (_, i) => ws.getRow(4 + i));
    expect(new Set(caseRows.map((r) => r.getCell(col('涉案金额（元）')).value))).toEqual(
      new Set([9999999999999.99, 0.01]),
    );
    expect(new Set(caseRows.map((r) => r.getCell(col('罚没款（元）')).value))).toEqual(
      new Set(['19999999999999.98', 0.02]),
    );
  });

  it('an import merges many big cases into one roll-up row exactly (and verify finds no difference)', async () => {
    const header =
      '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
    const amounts = [...Array.from({ length: 10 }, () => MAX), '0.01'];
    const rows = amounts.map(
      (a, i) =>
        `导入巨额〔2026〕${i + 1}号,${tenant.units.district.code},食品安全违法,导入巨额案${i + 1},某公司,,2026-04-10,,${a},${a},0,0,否,否,否,,`,
    );
    const res = await handler.upload(
      `/api/campaigns/${campaignId}/cases/import`,
      '巨额台账.csv',
      `\uFEFF${[header, ...rows].join('\r\n')}\r\n`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const stats = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stats?unitId=${tenant.units.district.id}&from=2026-04-01&to=2026-04-30`,
    );
    const total = stats.json().rows.find((r: { category: string }) => r.category === 'total').values;
    expect(total.amountInvolved).toBe(yuanOf(sum(amounts)));
    expect(total.finesAndConfiscations).toBe(yuanOf(sum(amounts)));
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });
});
