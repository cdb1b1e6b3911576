import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
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

describe('LibreOffice opens the comparison of units (分单位对比)', () => {
  it('A4 landscape, the category groups, a row per unit and 合计, money in 万元', async () => {
    const c = (await office.request('GET', `/api/campaigns/${campaignId}/stat-table/by-unit`)).json();
    const res = await office.request('GET', `/api/campaigns/${campaignId}/stat-table/by-unit.xlsx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('comparison.xlsx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'stat-table-by-unit.pdf'));
    for (const s of ['分单位', '报送单位', '合计', '（万元）', '执法大队', '城桥市场监管所', c.categories[0].label])
      expect(r.text).toContain(s);
    // Wide: it runs over pages across, each repeating the units.
    expect(r.pages).toBeGreaterThan(1);
    expect(r.text.split('城桥市场监管所').length - 1).toBe(r.pages);
  });
});
