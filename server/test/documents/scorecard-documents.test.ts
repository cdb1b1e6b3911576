import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from '../helpers/app';
import { openWithLibreOffice } from './libreoffice';

/** LibreOffice opens the 考核评分表 (.xlsx) of the demo's scheme, live and as published, on A4 landscape pages. */
let t: TestApp;
let office: Session;
let schemeId = '';
let publicationId = '';
const out = path.resolve(import.meta.dirname, '../../test-results/documents');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  fs.mkdirSync(out, { recursive: true });
  const campaignId = (await office.request('GET', '/api/random-draws')).json().items[0].campaignId;
  schemeId = (await office.request('GET', `/api/campaigns/${campaignId}/assessment-schemes`)).json().items[0].id;
  publicationId = (await office.request('GET', `/api/assessment-schemes/${schemeId}/publications`)).json().items[0].id;
});
afterAll(() => t.close());

describe('LibreOffice opens the 考核评分表', () => {
  for (const which of ['live', 'published'] as const)
    it(`the ${which} scorecard of the demo's plan`, async () => {
      const url =
        which === 'live'
          ? `/api/assessment-schemes/${schemeId}/scorecard.xlsx`
          : `/api/assessment-publications/${publicationId}/scorecard.xlsx`;
      const res = await office.request('GET', url);
      expect(res.statusCode).toBe(200);
      const r = openWithLibreOffice('scorecard.xlsx', res.rawPayload);
      fs.copyFileSync(r.pdfPath, path.join(out, `scorecard-${which}.pdf`));
      const text = r.text.replace(/\s+/g, '');
      for (const s of ['考核评分表', '考核期间', '立案数（30分）', '执法大队', '总分', '名次'])
        expect(text).toContain(s);
      // Fitted to the page width: a column per indicator's value and points, and all units, on one page.
      expect(r.pages).toBe(1);
    });
});
