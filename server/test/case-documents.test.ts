import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let office: Session;
let sibling: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  sibling = await login(t.app, 'pd_liaison', 'Redshield2026');
});
afterAll(() => t.close());

const yuanToFen = (s: string) => Math.round(Number(s) * 100);

describe('ledger export', () => {
  it('holds every case of the filtered ledger, amounts as numbers in 元, 合计 exact', async () => {
    const list = (await office.request('GET', '/api/cases?pageSize=200')).json();
    const res = await office.request('GET', '/api/cases.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('重点案件查办工作台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('重点案件查办工作台账');
    const header = (ws.getRow(3).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const dataRows = list.total;
    expect(ws.getCell(3 + dataRows + 1, 1).value).toBe('合计');
    const numbers = new Set<string>();
    let fenSum = 0;
    for (let r = 4; r < 4 + dataRows; r++) {
      numbers.add(String(ws.getCell(r, col('案件编号')).value));
      const v = ws.getCell(r, col('罚没款（元）')).value;
      expect(typeof v).toBe('number');
      fenSum += Math.round((v as number) * 100);
    }
    expect(numbers).toEqual(new Set(list.items.map((c: { caseNumber: string }) => c.caseNumber)));
    const expected = list.items.reduce(
      (s: number, c: { finesAndConfiscations: string }) => s + yuanToFen(c.finesAndConfiscations),
      0,
    );
    expect(fenSum).toBe(expected);
    expect(Math.round((ws.getCell(3 + dataRows + 1, col('罚没款（元）')).value as number) * 100)).toBe(expected);
  });

  it('applies the ledger filters and the caller’s scope', async () => {
    const filtered = await office.request('GET', '/api/cases.xlsx?stage=closed');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(filtered.rawPayload as unknown as ArrayBuffer);
    const closed = (await office.request('GET', '/api/cases?stage=closed')).json().total;
    expect(wb.worksheets[0].getCell(4 + closed, 1).value).toBe('合计');
    // 浦东's liaison sees none of 崇明's cases, and cannot name 崇明 as the unit.
    const cm = (await office.request('GET', '/api/units')).json().items.find((u: { code: string }) => u.code === 'CM');
    expect((await sibling.request('GET', `/api/cases.xlsx?unitId=${cm.id}`)).statusCode).toBe(404);
  });
});

describe('typical-case form (annex 3)', () => {
  it('fills every field of the form from the case, amounts in 万元 exact to the fen', async () => {
    const closed = (await office.request('GET', '/api/cases?stage=closed')).json().items[0];
    const res = await office.request('GET', `/api/cases/${closed.id}/typical-case.docx`);
    expect(res.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const s of [
      '典型案件报送信息表',
      '填写时间',
      '☑已办结',
      closed.categoryLabel,
      closed.name,
      closed.partyName,
      '罚款数额（万元）',
      '没收违法所得（万元）',
      '案情摘要',
    ])
      expect(text).toContain(s);
    const wan = (yuan: string) => (Math.round(Number(yuan) * 100) / 1e6).toFixed(6).replace(/\.?0+$/, '');
    expect(text).toContain(wan(closed.fine));
    expect((await sibling.request('GET', `/api/cases/${closed.id}/typical-case.docx`)).statusCode).toBe(404);
  });
});
