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
  const cm = (await office.request('GET', '/api/units')).json().items.find((u: { code: string }) => u.code === 'CM');
  campaignId = (
    await office.request('POST', '/api/campaigns/from-template', {
      template: 'tiequan-2021',
      unitId: cm.id,
      year: 2021,
    })
  ).json().id;
  fs.mkdirSync(out, { recursive: true });
});
afterAll(() => t.close());

const fetchFile = async (url: string) => {
  const res = await office.request('GET', url);
  expect(res.statusCode).toBe(200);
  return res.rawPayload;
};

describe('LibreOffice opens what a campaign exports', () => {
  it('the plan .docx, laid out as an official document', async () => {
    const r = openWithLibreOffice('plan.docx', await fetchFile(`/api/campaigns/${campaignId}/plan.docx`));
    fs.copyFileSync(r.pdfPath, path.join(out, 'plan.pdf'));
    expect(r.pages).toBeGreaterThan(1);
    const text = r.text.replace(/\s+/g, '');
    for (const s of [
      '上海市崇明区市场监督管理局文件',
      '沪崇市监执〔2021〕22号',
      '一、工作目标',
      '食品安全违法案件查处任务',
      '—1—',
      '2021年5月14日',
    ])
      expect(text).toContain(s);
  });

  it('the task matrix and the liaison table (annex 1) .xlsx', async () => {
    const matrix = openWithLibreOffice('matrix.xlsx', await fetchFile(`/api/campaigns/${campaignId}/task-matrix.xlsx`));
    fs.copyFileSync(matrix.pdfPath, path.join(out, 'task-matrix.pdf'));
    expect(matrix.text).toContain('任务分工表');
    expect(matrix.text).toContain('牵头');
    const liaisons = openWithLibreOffice(
      'liaisons.xlsx',
      await fetchFile(`/api/campaigns/${campaignId}/liaisons.xlsx`),
    );
    fs.copyFileSync(liaisons.pdfPath, path.join(out, 'liaisons.pdf'));
    for (const s of ['附件1', '联络员表', '分管领导', '联络员', '城桥市场监管所']) expect(liaisons.text).toContain(s);
  });

  // Each seed's plan, taken up by 崇明区局 in the template's own year, comes out reading like the document.
  const SEED_PLANS: [string, number, string[]][] = [
    [
      'meixian-2019',
      2019,
      [
        '上海市崇明区市场监督管理局开展假冒伪劣重点领域治理工作实施方案（2019-2021年）',
        '加大农村市场监管力度',
        '质量发展股',
        '2019年6月19日',
      ],
    ],
    [
      'daguan-2017-festival',
      2017,
      [
        '上海市崇明区市场监督管理局2017年元旦春节期间打假专项行动工作方案',
        '集中打击重点违法行为',
        '2016年12月20日至2016年12月23日',
      ],
    ],
    ['changzhou-hongdun', 2013, ['红盾执法专项行动方案', '制售假冒伪劣商品行为', '消保处', '动员部署']],
  ];
  for (const [template, year, expected] of SEED_PLANS) {
    it(`the ${template} plan .docx`, async () => {
      const cm = (await office.request('GET', '/api/units'))
        .json()
        .items.find((u: { code: string }) => u.code === 'CM');
      const id = (
        await office.request('POST', '/api/campaigns/from-template', { template, unitId: cm.id, year })
      ).json().id;
      const r = openWithLibreOffice(`${template}.docx`, await fetchFile(`/api/campaigns/${id}/plan.docx`));
      fs.copyFileSync(r.pdfPath, path.join(out, `plan-${template}.pdf`));
      const text = r.text.replace(/\s+/g, '');
      for (const s of expected) expect(text, s).toContain(s);
    });
  }
});
