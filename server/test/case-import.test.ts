import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { caseStageEvents, cases } from '../src/modules/cases/cases.schema';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { caseImportSpec } from '../src/modules/cases/case-import';
import { createCasesRepository } from '../src/modules/cases/cases.repository';
import { systemActor } from '../src/platform/actor';
import { importRows } from '../src/platform/tabular/import-rows';
import { tableReader } from '../src/platform/tabular/read-table';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createDistrictCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let handler: Session;
let reviewer: Session;
let campaignId: string;
let url: string;

const HEADER =
  '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节';
const csv = (...rows: string[]) => `\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'reviewer'] });
  const campaign = await createDistrictCampaign(t.services, tenant.units);
  campaignId = campaign.id;
  url = `/api/campaigns/${campaignId}/cases/import`;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const casesOfCampaign = () => t.database.db.select().from(cases).where(eq(cases.campaignId, campaignId));

describe('case ledger import', () => {
  it('imports a UTF-8 csv with BOM: units by code or unique name, amounts exact in fen, closed cases closed, one audit entry', async () => {
    const { district, office } = tenant.units;
    const res = await handler.upload(
      `${url}?progress=0b6f3f0e-8d0c-4c43-9a36-4d2bb3a1c001`,
      '崇明台账.csv',
      csv(
        `导入〔2026〕1号,${district.code},食品安全违法,某公司销售过期食品案,上海某某食品有限公司,91350100M000100Y43,2026-03-10,2026-05-20,"1,234.56",5000,300.1,0,是,否,否,,经营`,
        `导入〔2026〕2号,${office.name},知识产权违法,张三销售假冒商标商品案,张三,,2026-04-01,,99.99,0,0,12,否,是,是,2026-04-20,`,
      ),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 2 });

    const rows = await casesOfCampaign();
    const first = rows.find((r) => r.caseNumber === '导入〔2026〕1号')!;
    expect(first).toMatchObject({
      unitId: district.id,
      categoryCode: 'food',
      partyKind: 'company',
      partyCreditCode: '91350100M000100Y43',
      amountInvolvedFen: 123456,
      fineFen: 500000,
      confiscatedFen: 30010,
      stage: 'closed',
      closingDate: '2026-05-20',
      online: true,
      rural: false,
      chainStage: 'distribution',
      decisionDueDate: null,
    });
    const second = rows.find((r) => r.caseNumber === '导入〔2026〕2号')!;
    expect(second).toMatchObject({
      unitId: office.id,
      categoryCode: 'ip',
      partyKind: 'person',
      stage: 'filed',
      lossesRecoveredFen: 1200,
      transferredToJudiciary: true,
      judiciaryTransferDate: '2026-04-20',
    });
    expect(second.decisionDueDate).not.toBeNull();

    const events = await t.database.db.select().from(caseStageEvents).where(eq(caseStageEvents.caseId, first.id));
    expect(events).toMatchObject([{ toStage: 'closed', actorName: 'd_handler', note: '由台账导入（崇明台账.csv）' }]);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.import'), eq(auditLog.recordId, campaignId)));
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ fileName: '崇明台账.csv', imported: 2 });

    const progress = await t.app.inject({ method: 'GET', url: '/api/imports/0b6f3f0e-8d0c-4c43-9a36-4d2bb3a1c001' });
    expect(progress.json()).toEqual({ rowsRead: 3, finished: true });
  });

  it('refuses the same file again, naming each row, and stores nothing', async () => {
    const before = (await casesOfCampaign()).length;
    const { district } = tenant.units;
    const res = await handler.upload(
      url,
      'again.csv',
      csv(`导入〔2026〕1号,${district.code},食品安全违法,某案,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`),
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors).toEqual([
      { row: 2, column: '案件编号', message: '该单位已有案件编号为“导入〔2026〕1号”的案件（同一文件不能重复导入）' },
    ]);
    expect((await casesOfCampaign()).length).toBe(before);
  });

  it('in the transaction the insert itself refuses a number taken since the check, naming the row', async () => {
    // The store pass looks no number up: a case stored between the check and the insert (another
    // import's) is found by the unique key, and the import fails naming the row, storing nothing.
    const before = (await casesOfCampaign()).length;
    const { district } = tenant.units;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'case-import-')), 'race.csv');
    writeFileSync(
      file,
      csv(
        `竞争〔2026〕1号,${district.code},食品安全违法,某案,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`,
        `导入〔2026〕1号,${district.code},食品安全违法,某案,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`,
      ),
    );
    const targets = await t.services.campaignsService.importTargets(systemActor, campaignId);
    const repo = createCasesRepository();
    const user = tenant.byRole.handler;
    const event = { actorUserId: user.id, actorName: user.displayName, note: 'test' };
    const spec = caseImportSpec({
      targets,
      today: todayInChina(),
      canFileFor: () => true,
      numbersTaken: () => Promise.reject(new Error('the store pass looks no number up')),
      storing: true,
      insert: async (tx, rows) =>
        (
          await repo.insertMany(
            tx,
            rows.map((r) => ({ ...r, campaignId, createdBy: user.id })),
            event,
          )
        ).refused,
    });
    const attempt = t.database.db.transaction((tx) => importRows(tx, tableReader(file, 'csv')(), spec));
    await expect(attempt).rejects.toMatchObject({
      status: 422,
      errors: [
        { row: 3, column: '案件编号', message: '该单位已有案件编号为“导入〔2026〕1号”的案件（同一文件不能重复导入）' },
      ],
    });
    expect((await casesOfCampaign()).length).toBe(before);
    rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('checks every row and answers 422 with each bad cell; good rows are not stored either', async () => {
    const before = (await casesOfCampaign()).length;
    const { district, sibling } = tenant.units;
    const d = district.code;
    const res = await handler.upload(
      url,
      'bad.csv',
      csv(
        `坏〔2026〕1号,${d},食品安全违法,好的一行,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`,
        `坏〔2026〕2号,${d},食品安全违法,日期不存在,某公司,,2021-02-30,,0,0,0,0,否,否,否,,`,
        `坏〔2026〕3号,${d},食品安全违法,结案早于立案,某公司,,2026-03-10,2026-03-01,0,0,0,0,否,否,否,,`,
        `坏〔2026〕4号,${d},食品安全违法,金额不是数字,某公司,,2026-03-10,,abc,1.234,0,0,否,否,否,,`,
        `坏〔2026〕5号,${d},食品安全违法,信用代码错,某公司,91350100M000100Y42,2026-03-10,,0,0,0,0,否,否,否,,`,
        `坏〔2026〕6号,${sibling.code},食品安全违法,单位不在范围,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`,
        `坏〔2026〕7号,${d},野生动物,类型未知,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`,
        `坏〔2026〕1号,${d},食品安全违法,文件内重复,某公司,,2026-03-10,,0,0,0,0,否,否,否,,`,
        `,${d},食品安全违法,,某公司,,,,0,0,0,0,也许,否,否,,`,
      ),
    );
    expect(res.statusCode).toBe(422);
    const errors: { row: number; column: string; message: string }[] = res.json().errors;
    const at = (row: number, column: string) => errors.find((e) => e.row === row && e.column === column)?.message;
    expect(errors.some((e) => e.row === 2)).toBe(false);
    expect(at(3, '立案日期')).toContain('不是有效日期');
    expect(at(4, '结案日期')).toBe('结案日期 2026-03-01 早于立案日期 2026-03-10');
    expect(at(5, '涉案金额')).toContain('不是金额');
    expect(at(5, '罚款')).toContain('不是金额');
    expect(at(6, '统一社会信用代码')).toBe('统一社会信用代码校验位错误：第18位应为“3”，现为“2”');
    expect(at(7, '承办单位')).toContain('不存在或不在您的权限范围内');
    expect(at(8, '违法类型')).toContain('不是本行动的违法类型');
    expect(at(9, '案件编号')).toContain('与第 2 行重复');
    expect(at(10, '案件编号')).toBe('请填写案件编号');
    expect(at(10, '案件名称')).toBe('请填写案件名称');
    expect(at(10, '立案日期')).toBe('请填写立案日期');
    expect(at(10, '互联网案件')).toBe('“也许”应为“是”或“否”');
    expect(res.json().detail).toContain('有 8 行数据有误');
    expect((await casesOfCampaign()).length).toBe(before);
  });

  it('reads the first sheet of an .xlsx with a title row, real dates and numbers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['2026年重点案件查办工作台账']);
    ws.addRow(HEADER.split(','));
    ws.addRow([
      '表格〔2026〕1号',
      tenant.units.district.name,
      'food',
      '某超市销售过期食品案',
      '某超市',
      null,
      new Date(Date.UTC(2026, 1, 28)),
      null,
      1200.5,
      3000,
      0,
      0,
      '否',
      '是',
      '否',
      null,
      '生产',
    ]);
    const res = await handler.upload(url, 'ledger.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = (await casesOfCampaign()).filter((r) => r.caseNumber === '表格〔2026〕1号');
    expect(row).toMatchObject({
      filingDate: '2026-02-28',
      amountInvolvedFen: 120050,
      fineFen: 300000,
      rural: true,
      chainStage: 'production',
      partyKind: 'company',
    });
  });

  it('names a missing column, refuses other file types and roles that may not register cases', async () => {
    const missing = await handler.upload(
      url,
      'x.csv',
      '案件编号,承办单位,违法类型,案件名称,当事人,立案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件\r\nA,B,C,D,E,2026-01-01,0,0,0,0,否,否\r\n',
    );
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toEqual([{ row: 1, column: '移送司法', message: '缺少必填列“移送司法”' }]);
    const wrongType = await handler.upload(url, 'ledger.xls', 'old excel');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0]).toMatchObject({ path: 'file' });
    const notAllowed = await reviewer.upload(url, 'a.csv', csv());
    expect(notAllowed.statusCode).toBe(403);
    const otherCampaign = await handler.upload(
      '/api/campaigns/00000000-0000-4000-8000-000000000000/cases/import',
      'a.csv',
      csv(),
    );
    expect(otherCampaign.statusCode).toBe(404);
  });
});

/** GB18030 bytes of a text (Node decodes GB18030 but has no encoder): a reverse map of the two-byte range. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...map.get(ch)!);
  }
  return Buffer.from(bytes);
}

describe('case ledger import encodings', () => {
  it('reads a csv that Excel saved as GB18030 (plain "CSV" on Chinese Windows)', async () => {
    const text = csv(
      `编码〔2026〕1号,${tenant.units.district.code},食品安全违法,某商店销售过期食品案,某商店,,2026-03-10,,0,0,0,0,否,否,否,,`,
    ).replace('\uFEFF', '');
    const res = await handler.upload(url, 'gbk.csv', encodeGb18030(text));
    expect(res.statusCode, res.body).toBe(200);
    const [row] = (await casesOfCampaign()).filter((r) => r.caseNumber === '编码〔2026〕1号');
    expect(row.name).toBe('某商店销售过期食品案');
  });
});
