import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/modules/cases/cases.schema';
import { embeddedImportMaxRows, MAX_IMPORT_ROWS } from '../src/platform/tabular/import-rows';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let handler: Session;
let campaignId: string;
let url: string;
let districtCode: string;

const HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
const ledger = (count: number, prefix: string) =>
  [
    HEADER,
    ...Array.from(
      { length: count },
      (_, i) =>
        `${prefix}〔2026〕${i + 1}号,${districtCode},食品安全违法,某店销售过期食品案${i + 1},某食品店${i % 97},,2026-03-${String((i % 28) + 1).padStart(2, '0')},,${i % 5000}.5,100,0,0,否,否,否,,经营`,
    ),
  ].join('\r\n');

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await createTenant(t.services, { roles: ['handler'] });
  const { district, office } = tenant.units;
  districtCode = district.code;
  const campaign = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: office.id,
    participantUnitIds: [district.id, office.id],
  });
  campaignId = campaign.id;
  url = `/api/campaigns/${campaign.id}/cases/import`;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const countCases = async () =>
  (await t.database.db.select({ id: cases.id }).from(cases).where(eq(cases.campaignId, campaignId))).length;

describe('a large import does not hold other users’ requests', () => {
  it('answers another request while a large file (the most the database takes, at most 20,000 rows) is checked, and still stores all of it at once', async () => {
    const rows = Math.min(20_000, t.database.kind === 'pglite' ? embeddedImportMaxRows() : MAX_IMPORT_ROWS);
    const file = ledger(rows, '大');
    const token = randomUUID();
    const started = Date.now();
    let importFinishedAt = 0;
    const importing = handler.upload(`${url}?progress=${token}`, 'large.csv', file).then((res) => {
      importFinishedAt = Date.now();
      return res;
    });
    // Wait until the import is under way (its progress answers without the database).
    for (;;) {
      const progress = (await t.app.inject({ method: 'GET', url: `/api/imports/${token}` })).json() as {
        rowsRead?: number;
        finished?: boolean;
      };
      if (progress.finished || (progress.rowsRead ?? 0) >= 2000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const asked = Date.now();
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    const answered = Date.now();
    // Where the import was when the other request was answered (the progress route needs no database).
    const then = (await t.app.inject({ method: 'GET', url: `/api/imports/${token}` })).json() as {
      rowsRead: number;
      finished: boolean;
    };
    // For the record (not asserted): the longest another request waited at any time during the import.
    let longestWait = 0;
    while (!importFinishedAt) {
      const at = Date.now();
      await t.app.inject({ method: 'GET', url: '/api/health' });
      longestWait = Math.max(longestWait, Date.now() - at);
      await new Promise((r) => setTimeout(r, 100));
    }
    const res = await importing;

    expect(health.statusCode).toBe(200);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: rows });
    // The other request was answered while the import was still reading its rows, not once the
    // import's transaction had let go of the database (by then every row has been read).
    expect(then.finished).toBe(false);
    expect(then.rowsRead).toBeLessThan(rows);
    expect(answered).toBeLessThan(importFinishedAt);
    expect(await countCases()).toBe(rows);
    console.info(
      `[import-availability] ${t.database.kind}: ${rows} rows in ${importFinishedAt - started} ms (${Math.round(rows / ((importFinishedAt - started) / 1000))} rows/s); GET /api/health asked at ${asked - started} ms answered in ${answered - asked} ms; the longest wait of a request during the import ${longestWait} ms`,
    );
  });

  it('stays all or nothing: a bad last row stores none of the rows checked before it', async () => {
    const before = await countCases();
    const file = `${ledger(3000, '整')}\r\n整〔2026〕末号,${districtCode},食品安全违法,日期错误,某店,,2026-02-30,,0,0,0,0,否,否,否,,`;
    const res = await handler.upload(url, 'bad-last.csv', file);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      { row: 3002, column: '立案日期', message: expect.stringContaining('不是有效日期') },
    ]);
    expect(await countCases()).toBe(before);
  });

  it('limits the rows of one import: fewer on the embedded database, saying why', async () => {
    const embedded = t.database.kind === 'pglite';
    const limit = embedded ? embeddedImportMaxRows() : MAX_IMPORT_ROWS;
    expect(MAX_IMPORT_ROWS).toBeGreaterThanOrEqual(100_000); // a 12315 export of 100,000 rows imports on PostgreSQL
    // Rows of one cell: refused on count before anything else is looked at.
    const file = [HEADER, ...Array.from({ length: limit + 1 }, (_, i) => `行${i}`)].join('\n');
    const res = await handler.upload(url, 'many.csv', file);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().detail).toBe(
      embedded
        ? `内置数据库一次最多导入 ${limit.toLocaleString('en-US')} 行，请拆分后导入（内置数据库供小型单位使用，大批量导入请使用 PostgreSQL 数据库）`
        : `一次最多导入 ${limit.toLocaleString('en-US')} 行，请拆分后导入`,
    );
    // A file of a million rows on PostgreSQL: 50 s on a machine busy with other suites.
  }, 180_000);
});
