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

describe('LibreOffice opens the statistics and the briefings', () => {
  it('the weekly table of seed 001 (a template) as .xlsx, with its manual columns', async () => {
    const res = await office.request('GET', `/api/campaigns/${campaignId}/stat-table.xlsx?template=festival-weekly`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('festival.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'stat-table-festival.pdf'));
    for (const s of ['打假专项行动统计报表', '报送单位', '出动车辆', '捣毁制假售假窝点', '（万元）', '合计'])
      expect(r.text).toContain(s);
  });

  it("annex 2 with 同比: the previous year's figures (上年同期) and the change (增减) beside each figure", async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stat-table.xlsx?compare=previous&from=${todayInChina().slice(0, 4)}-01-01`,
    );
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('compare.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'stat-table-compare.pdf'));
    for (const s of ['上年同期', '增减', '同比：上年同期为上一年度行动', '合计']) expect(r.text).toContain(s);
  });

  it('a 工作简报 drafted from the records and edited by the office, in GB/T 9704 layout', async () => {
    const draft = (await office.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=briefing`)).json();
    expect(draft.paragraphs.join('')).toContain('共出动执法人员');
    const paragraphs = [...draft.paragraphs, '（办公室补充）下一步将持续开展农村集市专项整治。'];
    const res = await office.request('POST', `/api/campaigns/${campaignId}/briefing.docx`, {
      kind: 'briefing',
      unitId: draft.unitId,
      title: draft.title,
      issue: '第3期',
      date: todayInChina(),
      paragraphs,
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = openWithLibreOffice('briefing.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'briefing.pdf'));
    const text = r.text.replace(/\s+/g, '');
    for (const s of ['工作简报', '第3期', '共出动执法人员', '办公室补充']) expect(text).toContain(s);
  });

  it('the 汇总报表 of the accepted reports of a period as .xlsx, units as rows with 合计', async () => {
    const board = (await office.request('GET', `/api/campaigns/${campaignId}/reports/board`)).json();
    const period = board.periods[0];
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/reports/consolidated.xlsx?scheduleId=${board.scheduleId}&periodEnd=${period.periodEnd}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const r = openWithLibreOffice('consolidated.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'reports-consolidated.pdf'));
    for (const s of ['报送单位', '审核状态', '城桥市场监管所', '执法大队', '合计']) expect(r.text).toContain(s);
  });
});
