import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardFormulaText, streamXlsx, writeXlsx } from '../src/platform/documents/xlsx';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * Text that looks like a formula (=HYPERLINK(…), +…, -…, @…) goes into the .xlsx exports as text,
 * with a leading apostrophe so that no spreadsheet program ever evaluates it (CSV/formula injection).
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'leader'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const HOSTILE = '=HYPERLINK("http://x","y")';

async function load(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** No cell of any sheet is a formula (<f> element) in the package itself. */
async function expectNoFormulas(bytes: Buffer) {
  const zip = await JSZip.loadAsync(bytes);
  const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  expect(sheets.length).toBeGreaterThan(0);
  for (const f of sheets) expect(await zip.file(f)!.async('string')).not.toMatch(/<f[ >]/);
}

describe('formula-looking text in .xlsx exports', () => {
  it("keeps a case named =HYPERLINK(…) as text starting with '= in the ledger", async () => {
    const created = await registrar.request('POST', '/api/cases', {
      unitId: tenant.units.district.id,
      campaignId,
      categoryCode: 'food',
      caseNumber: `公式案〔2026〕${tenant.tag}号`,
      name: HOSTILE,
      partyKind: 'company',
      partyName: '@SUM(1+1)*cmd|" /C calc"!A0',
      filingDate: '2026-03-10',
      filingApproverId: tenant.byRole.leader.id,
      investigatorId: tenant.byRole.handler.id,
    });
    expect(created.statusCode).toBe(201);
    // The record itself keeps what was typed; only the export guards it.
    expect(created.json().name).toBe(HOSTILE);

    const res = await handler.request('GET', '/api/cases.xlsx');
    expect(res.statusCode).toBe(200);
    const bytes = res.rawPayload;
    await expectNoFormulas(bytes);
    const ws = await load(bytes);
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const nameCell = ws.getCell(4, header.indexOf('案件名称') + 1);
    expect(nameCell.type).toBe(ExcelJS.ValueType.String);
    expect(nameCell.formula).toBeUndefined();
    expect(nameCell.value).toBe(`'${HOSTILE}`);
    expect(ws.getCell(4, header.indexOf('当事人') + 1).value).toBe(`'@SUM(1+1)*cmd|" /C calc"!A0`);
    // Amounts are still numbers, ordinary text unchanged.
    expect(typeof ws.getCell(4, header.indexOf('罚款（元）') + 1).value).toBe('number');
    expect(ws.getCell(4, header.indexOf('办理阶段') + 1).value).not.toMatch(/^'/);
  });

  // (A carriage return does not survive XML's line-end normalisation; guardFormulaText is tested below.)
  it('guards every sheet written by either writer (shared strings and inline)', async () => {
    const cells = ['=1+1', '+SUM(A1)', '-2+3', '@A1', '\t=1', '-12.50', '+86', '正常文本', '-', 'a=b'];
    const expected = ["'=1+1", "'+SUM(A1)", "'-2+3", "'@A1", "'\t=1", '-12.50', '+86', '正常文本', '-', 'a=b'];
    const built = await writeXlsx((wb) => {
      const ws = wb.addWorksheet('表');
      ws.addRow(cells).commit();
      ws.getCell(2, 1).value = '=2*3';
      ws.commit();
    });
    await expectNoFormulas(built);
    const ws = await load(built);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(expected);
    expect(ws.getCell(2, 1).value).toBe("'=2*3");

    const stream = streamXlsx(async (wb) => {
      const s = wb.addWorksheet('流');
      s.addRow(cells).commit();
      s.commit();
    });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const streamed = Buffer.concat(chunks);
    await expectNoFormulas(streamed);
    expect(((await load(streamed)).getRow(1).values as unknown[]).slice(1)).toEqual(expected);
  });

  it('leaves numbers written as text and ordinary text alone', () => {
    for (const s of ['-12.50', '+3', '-0', '12', '-', '案件', 'x=1', '']) expect(guardFormulaText(s)).toBe(s);
    for (const s of ['=A1', '+A1', '-A1', '@A1', '\tx', '\rx', '--1']) expect(guardFormulaText(s)).toBe(`'${s}`);
  });
});
