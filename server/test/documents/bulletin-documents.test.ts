import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from '../helpers/app';
import { openWithLibreOffice } from './libreoffice';

/** LibreOffice opens the 督查通报 (.docx, GB/T 9704) of a round of the demo's plan and the 评查结果汇总表 (.xlsx). */
let t: TestApp;
let office: Session;
let campaignId = '';
const out = path.resolve(import.meta.dirname, '../../test-results/documents');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  fs.mkdirSync(out, { recursive: true });
  // The district's live plan: the one its demo draw belongs to, with its rounds and the first one's 通报.
  campaignId = (await office.request('GET', '/api/random-draws')).json().items[0].campaignId;
});
afterAll(() => t.close());

describe('LibreOffice opens the supervision documents', () => {
  it('the demo’s issued 督查通报 of the first round, in GB/T 9704 layout', async () => {
    const list = (await office.request('GET', `/api/campaigns/${campaignId}/supervision-bulletins`)).json();
    const issued = list.items.find((b: { status: string }) => b.status === 'issued');
    expect(issued.docNumber).toMatch(/^崇市监督〔\d{4}〕1号$/);
    const res = await office.request('GET', `/api/supervision-bulletins/${issued.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('bulletin.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'supervision-bulletin.pdf'));
    const text = r.text.replace(/\s+/g, '');
    for (const s of [
      '上海市崇明区市场监督管理局文件',
      issued.docNumber,
      '关于第一次督查情况的通报',
      '城桥市场监管所',
      '堡镇市场监管所',
      '一、督查基本情况',
      '四、表扬和批评',
      '五、案卷评查情况',
      '六、下一步工作要求',
    ])
      expect(text).toContain(s.replace(/\s+/g, ''));
  });

  it("the 评查结果汇总表 of the demo's exercise as .xlsx", async () => {
    const list = (await office.request('GET', `/api/campaigns/${campaignId}/case-review-exercises`)).json();
    const res = await office.request('GET', `/api/case-review-exercises/${list.items[0].id}/scores.xlsx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('scores.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'case-review-scores.pdf'));
    const text = r.text.replace(/\s+/g, '');
    for (const s of ['评查结果汇总表', '调查取证（20分）', '城桥市场监管所', '平均分']) expect(text).toContain(s);
  });
});
