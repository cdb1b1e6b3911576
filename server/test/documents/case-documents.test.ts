import fs from 'node:fs';
import path from 'node:path';
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

describe('LibreOffice opens what the case ledger exports', () => {
  it('the ledger .xlsx, printed landscape with its 合计 row', async () => {
    const res = await office.request('GET', '/api/cases.xlsx');
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('ledger.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'case-ledger.pdf'));
    for (const s of ['重点案件查办工作台账', '案件编号', '罚没款（元）', '合计']) expect(r.text).toContain(s);
  });

  it('the statistics table (annex 2) .xlsx with its roll-up sheets', async () => {
    const campaigns = (await office.request('GET', '/api/campaigns')).json().items;
    const cm = (await office.request('GET', '/api/units')).json().items.find((u: { code: string }) => u.code === 'CM');
    const campaign = campaigns.find(
      (c: { unitId: string; status: string }) => c.unitId === cm.id && c.status === 'active',
    );
    const res = await office.request('GET', `/api/campaigns/${campaign.id}/stats.xlsx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('stats.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'stats.pdf'));
    for (const s of ['案件统计表', '报送单位', '违法行为类型', '（万元）', '合计', '食品安全违法'])
      expect(r.text).toContain(s);
  });

  it('the typical-case form (annex 3) .docx, filled from a closed case', async () => {
    const closed = (await office.request('GET', '/api/cases?stage=closed')).json().items[0];
    const res = await office.request('GET', `/api/cases/${closed.id}/typical-case.docx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('typical.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'typical-case.pdf'));
    expect(r.pages).toBe(1);
    const text = r.text.replace(/\s+/g, '');
    for (const s of [
      '典型案件报送信息表',
      '☑已办结',
      '案件类型',
      closed.name,
      closed.partyName,
      '处罚决定内容',
      '联系人（电话）',
    ])
      expect(text).toContain(s.replace(/\s+/g, ''));
  });
});
