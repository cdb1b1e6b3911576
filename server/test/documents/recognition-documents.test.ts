import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
import { todayInChina } from '../../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from '../helpers/app';
import { openWithLibreOffice } from './libreoffice';

let t: TestApp;
let office: Session;
let campaignId = '';
const out = path.resolve(import.meta.dirname, '../../test-results/documents');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  fs.mkdirSync(out, { recursive: true });
  const cm = (await office.request('GET', '/api/units')).json().items.find((u: { code: string }) => u.code === 'CM');
  campaignId = (await office.request('GET', '/api/campaigns'))
    .json()
    .items.find((c: { unitId: string; status: string }) => c.unitId === cm.id && c.status === 'active').id;
});
afterAll(() => t.close());

describe('LibreOffice opens the final summary with the selection, 表彰 and 问责', () => {
  it('a 工作总结 lists the selected typical cases by category, the 表彰 and the 问责', async () => {
    const draft = await office.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=final_summary`);
    expect(draft.statusCode, draft.body).toBe(200);
    const d = draft.json();
    expect(d.typicalSelected).toBe(true);
    const res = await office.request('POST', `/api/campaigns/${campaignId}/briefing.docx`, {
      kind: 'final_summary',
      unitId: d.unitId,
      title: d.title,
      date: todayInChina(),
      paragraphs: d.paragraphs,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = openWithLibreOffice('final-summary.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'final-summary-recognition.pdf'));
    const text = r.text.replace(/\s+/g, '');
    for (const s of [
      '工作总结',
      '二、典型案例',
      '（1件）',
      '某商行销售侵犯注册商标专用权白酒案',
      '六、表彰情况',
      '先进集体：',
      '城桥市场监管所',
      '办案能手：',
      '七、问责情况',
      '通报批评：',
    ])
      expect(text).toContain(s);
    // The declined nomination is not quoted as a typical case.
    expect(text).not.toContain('某保健品公司发布虚假广告案。');
  });
});
