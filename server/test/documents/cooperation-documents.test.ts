import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from '../helpers/app';
import { openWithLibreOffice } from './libreoffice';

let t: TestApp;
let office: Session;
const out = path.resolve(import.meta.dirname, '../../test-results/documents');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  fs.mkdirSync(out, { recursive: true });
});
afterAll(() => t.close());

describe('LibreOffice opens what goes to other authorities (issue 20)', () => {
  it('the 移送书: in the bureau’s name, to the police, with its reason and materials', async () => {
    const transfers = (await office.request('GET', '/api/transfers?pageSize=50')).json().items as {
      id: string;
      receiverName: string;
    }[];
    const toPolice = transfers.find((x) => x.receiverName.includes('公安'))!;
    const res = await office.request('GET', `/api/transfers/${toPolice.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('transfer.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'transfer.pdf'));
    for (const s of ['上海市崇明区市场监督管理局', '移送书', toPolice.receiverName, '移送理由', '移送材料'])
      expect(r.text.replace(/\s/g, '')).toContain(s.replace(/\s/g, ''));
    // The brigade that handles the case is not the issuing organ.
    expect(r.text.split('\n')[0]).not.toContain('执法大队');
  });

  it('the 协查函: from 崇明 to 浦东, with the items to check', async () => {
    const sent = (await office.request('GET', '/api/assistance?direction=sent')).json().items as { id: string }[];
    const res = await office.request('GET', `/api/assistance/${sent[0].id}/document.docx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('assistance.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'assistance.pdf'));
    for (const s of ['上海市崇明区市场监督管理局', '协查', '上海市浦东新区市场监督管理局', '协查事项'])
      expect(r.text.replace(/\s/g, '')).toContain(s);
  });

  it('the penalty publication batch in the national fields', async () => {
    const res = await office.request('GET', '/api/credit/publications.xlsx');
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('publications.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'penalty-publications.pdf'));
    for (const s of ['行政相对人名称', '统一社会信用代码', '行政处罚决定书文号', '处罚决定日期', '沪市监崇处'])
      expect(r.text.replace(/\s/g, '')).toContain(s);
    // 处罚机关 and 数据来源单位 are the bureau that decided, never the brigade or the 所 that handled the case.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const organs = new Set<string>();
    ws.eachRow((row, n) => {
      if (n > 1)
        for (const h of ['处罚机关', '数据来源单位']) organs.add(String(row.getCell(headers.indexOf(h)).value));
    });
    expect([...organs]).toEqual(['上海市崇明区市场监督管理局']);
  });
});
