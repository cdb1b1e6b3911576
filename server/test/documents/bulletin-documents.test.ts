import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from '../helpers/app';
import { insertFinding, insertGroup, insertRound, insertVisit } from '../helpers/bulletin-fixtures';
import { openWithLibreOffice } from './libreoffice';

/** LibreOffice opens the 督查通报 (.docx, GB/T 9704) of a round of the demo's plan and the 评查结果汇总表 (.xlsx). */
let t: TestApp;
let office: Session;
let campaignId = '';
let roundId = '';
const out = path.resolve(import.meta.dirname, '../../test-results/documents');

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  fs.mkdirSync(out, { recursive: true });
  const units = (await office.request('GET', '/api/units')).json().items as { id: string; code: string }[];
  const unit = (code: string) => units.find((u) => u.code === code)!.id;
  campaignId = (await office.request('GET', '/api/campaigns'))
    .json()
    .items.find((c: { unitId: string; status: string }) => c.unitId === unit('CM') && c.status === 'active').id;
  const me = (await office.request('GET', '/api/auth/me')).json().user.id as string;
  const db = t.database.db;
  const round = await insertRound(db, { campaignId, organizerUnitId: unit('CM'), number: 1, createdBy: me });
  roundId = round.id;
  const group = await insertGroup(db, { campaignId, organizerUnitId: unit('CM'), name: '第一督查组', leaderId: me });
  const visit = (unitId: string, visitDate: string, summary: string | null) =>
    insertVisit(db, {
      roundId,
      groupId: group.id,
      campaignId,
      unitId,
      visitDate,
      method: 'comprehensive',
      summary,
      createdBy: me,
    });
  await visit(unit('CM-CQS'), round.startDate, '案件台账规范，建立了线索分级研判机制');
  const v = await visit(unit('CM-BZS'), round.startDate, null);
  await insertFinding(db, {
    visitId: v.id,
    campaignId,
    unitId: unit('CM-BZS'),
    description: '案件台账未按月更新，两起案件超过办案期限未申请延期',
    status: 'open',
    deadline: round.endDate,
    createdBy: me,
  });
});
afterAll(() => t.close());

describe('LibreOffice opens the supervision documents', () => {
  it('a 督查通报 drafted from a round and issued, in GB/T 9704 layout', async () => {
    const draft = (await office.request('POST', `/api/supervision-rounds/${roundId}/bulletins`)).json();
    const issued = await office.request('POST', `/api/supervision-bulletins/${draft.id}/issue`, {
      version: draft.version,
    });
    expect(issued.statusCode, issued.body).toBe(200);
    const res = await office.request('GET', `/api/supervision-bulletins/${draft.id}/document.docx`);
    expect(res.statusCode).toBe(200);
    const r = openWithLibreOffice('bulletin.docx', res.rawPayload);
    fs.copyFileSync(r.pdfPath, path.join(out, 'supervision-bulletin.pdf'));
    const text = r.text.replace(/\s+/g, '');
    for (const s of [
      '上海市崇明区市场监督管理局文件',
      issued.json().docNumber,
      '关于第一次督查情况的通报',
      '城桥市场监管所、堡镇市场监管所：',
      '一、督查基本情况',
      '四、表扬和批评',
      '五、下一步工作要求',
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
