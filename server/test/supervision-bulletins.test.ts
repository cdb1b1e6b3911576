import { and, eq, inArray } from 'drizzle-orm';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { systemActor } from '../src/platform/actor';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { insertFinding, insertGroup, insertRound, insertVisit } from './helpers/bulletin-fixtures';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * 督查通报: a draft written from a round's visits, findings and 整改 (and its 案卷评查), edited by the
 * organiser's office, issued with its 发文字号 (one sequence per organiser and year), read by the units
 * below once issued, and laid out as a .docx.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let childUser: Session;
let siblingUser: Session;
let campaignId: string;
let roundId: string;
let bulletinId: string;
const units = {} as Record<'office' | 'm2' | 'm3', { id: string; name: string }>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district } = tenant.units;
  const unit = async (name: string, code: string) =>
    t.services.unitsService.create(systemActor, {
      parentId: district.id,
      name: `${name}-${tenant.tag}`,
      code: `${code}-${tenant.tag}`,
      kind: 'office',
    });
  units.office = tenant.units.office;
  units.m2 = await unit('新河所', 'M2');
  units.m3 = await unit('堡镇所', 'M3');
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, units.office.id, units.m2.id, units.m3.id],
    })
  ).id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  childUser = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
  siblingUser = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  const db = t.database.db;
  const by = tenant.byRole.office.id;
  const leader2 = await addPerson(t, tenant, district.id, ['supervisor'], '陆敏');
  const round = await insertRound(db, { campaignId, organizerUnitId: district.id, number: 1, createdBy: by });
  roundId = round.id;
  const g1 = await insertGroup(db, {
    campaignId,
    organizerUnitId: district.id,
    name: '第一督查组',
    leaderId: tenant.byRole.supervisor.id,
    sortOrder: 1,
  });
  const g2 = await insertGroup(db, {
    campaignId,
    organizerUnitId: district.id,
    name: '第二督查组',
    leaderId: leader2.id,
    sortOrder: 2,
  });
  const visit = (
    groupId: string,
    unitId: string,
    visitDate: string,
    method: 'comprehensive' | 'random',
    summary: string | null,
  ) =>
    insertVisit(db, {
      roundId,
      groupId,
      campaignId,
      unitId,
      visitDate,
      method,
      summary,
      unannounced: method === 'random',
      createdBy: by,
    });
  await visit(g1.id, units.office.id, '2026-04-14', 'comprehensive', '案件台账规范，建立了线索分级研判机制');
  const v2 = await visit(g1.id, units.m2.id, '2026-04-15', 'random', '台账基本规范');
  const v3 = await visit(g2.id, units.m3.id, '2026-04-16', 'comprehensive', null);
  const finding = (
    visitId: string,
    unitId: string,
    description: string,
    status: 'noted' | 'open' | 'replied' | 'closed',
    deadline: string | null,
    returnCount = 0,
  ) => insertFinding(db, { visitId, campaignId, unitId, description, status, deadline, returnCount, createdBy: by });
  await finding(v2.id, units.m2.id, '案件台账未按月更新', 'open', '2026-04-30');
  await finding(v2.id, units.m2.id, '两起案件超过办案期限未申请延期', 'replied', '2026-04-30', 1);
  await finding(v3.id, units.m3.id, '快检记录缺少签名', 'closed', '2026-04-30');
  await finding(v3.id, units.m3.id, '宣传资料未及时更新', 'noted', null);
  // An exercise of the round: its results go into the 通报.
  const ex = await office.request('POST', `/api/campaigns/${campaignId}/case-review-exercises`, {
    organizerUnitId: district.id,
    title: '第一季度执法办案质量评估',
    startDate: '2026-04-01',
    endDate: '2026-04-30',
    filesPerUnit: 1,
    roundId,
  });
  expect(ex.statusCode, ex.body).toBe(201);
});
afterAll(() => t.close());

const create = (s: Session, id = roundId) => s.request('POST', `/api/supervision-rounds/${id}/bulletins`);
const text = (over: Record<string, unknown> = {}) => ({
  title: '关于第一次督查情况的通报',
  recipients: `${units.office.name}、${units.m2.name}、${units.m3.name}`,
  docPrefix: '崇市监督',
  date: '2026-05-08',
  paragraphs: ['一、督查基本情况', '正文。'],
  ...over,
});

describe('the draft', () => {
  it('refuses who may not write it and rounds outside the scope', async () => {
    expect((await create(handler)).statusCode).toBe(403);
    expect((await create(siblingUser)).statusCode).toBe(404);
    expect((await create(childUser)).statusCode).toBe(404);
    expect((await create(office, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await create(office, 'nope')).statusCode).toBe(400);
  });

  it('writes the round from its records: groups, units, problems, 整改, 表扬 and 批评, 案卷评查', async () => {
    const res = await create(office);
    expect(res.statusCode, res.body).toBe(201);
    const b = res.json();
    bulletinId = b.id;
    expect(b).toMatchObject({
      status: 'draft',
      docNumber: null,
      title: '关于第一次督查情况的通报',
      can: { edit: true, issue: true },
    });
    expect(b.recipients).toBe(`${units.office.name}、${units.m2.name}、${units.m3.name}`);
    const all = b.paragraphs.join('\n');
    expect(all).toContain(`（一）第一督查组（组长：${tenant.byRole.supervisor.displayName}）。`);
    expect(all).toContain(
      `对${units.office.name}、${units.m2.name}、${units.m3.name}等3个单位开展督查3次，其中暗访1次。`,
    );
    expect(all).toContain(`${units.m2.name}。发现问题2个：1.案件台账未按月更新。2.两起案件超过办案期限未申请延期。`);
    expect(all).toContain('下发整改通知的3个问题中，已整改销号1个，正在整改2个，其中已超过整改期限1个。');
    expect(all).toContain(`（一）表扬。${units.office.name}工作措施有力`);
    expect(all).toContain(`${units.m2.name}逾期未整改问题1个，整改报告被退回1次，予以通报批评`);
    expect(all).toContain('五、案卷评查情况');
    expect(all).toContain('第一季度执法办案质量评估共抽取案卷0卷');
  });

  it('keeps a draft from the units below and lists it for the office with the rounds it may draft for', async () => {
    expect((await childUser.request('GET', `/api/supervision-bulletins/${bulletinId}`)).statusCode).toBe(404);
    const list = (await office.request('GET', `/api/campaigns/${campaignId}/supervision-bulletins`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([bulletinId]);
    expect(list.rounds).toEqual([{ id: roundId, number: 1, title: '第一次督查' }]);
    const below = (await childUser.request('GET', `/api/campaigns/${campaignId}/supervision-bulletins`)).json();
    expect(below).toEqual({ items: [], rounds: [] });
  });
});

describe('editing and issuing', () => {
  const put = (s: Session, body: unknown) => s.request('PUT', `/api/supervision-bulletins/${bulletinId}`, body);

  it('refuses bad input, a stale version and a handler', async () => {
    const prefix = await put(office, { ...text({ docPrefix: '崇市监督〔2026〕' }), version: 1 });
    expect(prefix.statusCode).toBe(400);
    expect(prefix.json().errors[0]).toEqual({
      path: 'docPrefix',
      message: '机关代字（docPrefix）不含年份、序号和括号，如“崇市监督”',
    });
    const empty = await put(office, { ...text({ paragraphs: ['  '] }), version: 1 });
    expect(empty.json().errors[0]).toEqual({ path: 'paragraphs', message: '正文（paragraphs）不能全是空段' });
    const date = await put(office, { ...text({ date: '2026-13-01' }), version: 1 });
    expect(date.json().errors[0].path).toBe('date');
    expect((await put(office, { ...text(), version: 5 })).statusCode).toBe(409);
    expect((await put(handler, { ...text(), version: 1 })).statusCode).toBe(403);
  });

  it("saves the edited text, then issues it with the organiser's next number of the year", async () => {
    const saved = await put(office, { ...text(), version: 1 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      version: 2,
      docPrefix: '崇市监督',
      paragraphs: ['一、督查基本情况', '正文。'],
    });
    expect(
      (await office.request('POST', `/api/supervision-bulletins/${bulletinId}/issue`, { version: 1 })).statusCode,
    ).toBe(409);
    const issued = await office.request('POST', `/api/supervision-bulletins/${bulletinId}/issue`, { version: 2 });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      status: 'issued',
      year: 2026,
      number: 1,
      docNumber: '崇市监督〔2026〕1号',
      can: { edit: false },
    });
    expect((await put(office, { ...text(), version: 3 })).statusCode).toBe(409);
    const second = (await create(office)).json();
    await office.request('PUT', `/api/supervision-bulletins/${second.id}`, { ...text(), version: second.version });
    const next = await office.request('POST', `/api/supervision-bulletins/${second.id}/issue`, {
      version: second.version + 1,
    });
    expect(next.json().docNumber).toBe('崇市监督〔2026〕2号');
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.recordId, bulletinId),
          inArray(auditLog.action, ['supervision_bulletin.save', 'supervision_bulletin.issue']),
        ),
      )
      .orderBy(auditLog.seq);
    expect(actions.map((a) => a.action)).toEqual([
      'supervision_bulletin.save',
      'supervision_bulletin.save',
      'supervision_bulletin.issue',
    ]);
  });

  it('lets the units below read it once issued, never a sibling district', async () => {
    expect((await childUser.request('GET', `/api/supervision-bulletins/${bulletinId}`)).statusCode).toBe(200);
    const below = (await childUser.request('GET', `/api/campaigns/${campaignId}/supervision-bulletins`)).json();
    expect(below.items.map((i: { docNumber: string }) => i.docNumber).sort()).toEqual([
      '崇市监督〔2026〕1号',
      '崇市监督〔2026〕2号',
    ]);
    expect((await siblingUser.request('GET', `/api/supervision-bulletins/${bulletinId}`)).statusCode).toBe(404);
  });

  it('lays it out as a .docx with the red 版头, 发文字号, 主送 and 落款', async () => {
    const res = await childUser.request('GET', `/api/supervision-bulletins/${bulletinId}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
    for (const s of [
      `${tenant.units.district.name}文件`,
      '崇市监督〔2026〕1号',
      '关于第一次督查情况的通报',
      `${units.office.name}、`,
      '2026年5月8日',
    ])
      expect(xml).toContain(s);
    expect(xml).toContain('FF0000');
  });
});
