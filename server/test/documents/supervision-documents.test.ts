import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from '../helpers/app';
import { openWithLibreOffice } from './libreoffice';

let t: TestApp;
let office: Session;
let campaignId: string;
const out = path.resolve(import.meta.dirname, '../../test-results/documents');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  // The district's live plan: the one its demo draw belongs to, with its four groups.
  campaignId = (await office.request('GET', '/api/random-draws')).json().items[0].campaignId;
  fs.mkdirSync(out, { recursive: true });
});
afterAll(() => t.close());

const fetchFile = async (url: string) => {
  const res = await office.request('GET', url);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

describe('LibreOffice opens the 分片督查表', () => {
  it('as a spreadsheet and as the plan’s annex', async () => {
    const sheet = openWithLibreOffice(
      'areas.xlsx',
      await fetchFile(`/api/campaigns/${campaignId}/supervision-areas.xlsx`),
    );
    fs.copyFileSync(sheet.pdfPath, path.join(out, 'supervision-areas.pdf'));
    const text = sheet.text.replace(/\s+/g, '');
    for (const s of ['分片督查表', '督查片区（单位）', '第四督查组', '城桥市场监管所']) expect(text).toContain(s);
    const plan = openWithLibreOffice('plan.docx', await fetchFile(`/api/campaigns/${campaignId}/plan.docx`));
    fs.copyFileSync(plan.pdfPath, path.join(out, 'plan-with-areas.pdf'));
    const planText = plan.text.replace(/\s+/g, '');
    for (const s of ['分片督查表', '第一督查组', '堡镇市场监管所']) expect(planText).toContain(s);
  });
});
