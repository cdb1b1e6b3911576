import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supervisionDraws, supervisionVisits } from '../src/modules/supervision/supervision.schema';
import { campaigns } from '../src/modules/campaigns/campaigns.schema';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * 督查: the district's office forms groups with their 片区 (one group per unit), rounds within the
 * plan's period, visits a group records at the units of its area, 随机专项督查 draws that can be
 * checked again, and who sees what (a 所 person in a group sees his group's visits beyond his unit).
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let campaignId: string;
/** 所 person who is a member of the first group; a person of the 科室; a person of the sibling district. */
let member: { id: string; session: Session };
let sectionPerson: { id: string; session: Session };
let siblingPerson: { id: string; session: Session };
let sectionId: string;
let groupId: string;
let groupVersion: number;
let roundId: string;
const today = todayInChina();
const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district, office: suo, sibling } = tenant.units;
  sectionId = (
    await t.services.unitsService.create(systemActor, {
      parentId: district.id,
      name: `执法监督科-${tenant.tag}`,
      code: `SV-${tenant.tag}`,
      kind: 'section',
    })
  ).id;
  const c = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: district.id,
    participantUnitIds: [district.id, suo.id],
  });
  campaignId = c.id;
  // The sample plan runs in 2026; the tests record visits up to today, so the plan runs until today.
  await t.database.db
    .update(campaigns)
    .set({ startDate: '2026-01-01', endDate: today > '2026-12-15' ? today : '2026-12-15' })
    .where(eq(campaigns.id, campaignId));
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  member = await addPerson(t, tenant, suo.id, ['handler'], 'sv_member');
  sectionPerson = await addPerson(t, tenant, sectionId, ['handler'], 'sv_section');
  siblingPerson = await addPerson(t, tenant, sibling.id, ['office'], 'sv_sibling');
});
afterAll(() => t.close());

const post = (s: Session, url: string, body: unknown) => s.request('POST', url, body);

describe('督查组与片区', () => {
  it('forms a group of the organiser’s people and gives it its area', async () => {
    const res = await post(office, `/api/campaigns/${campaignId}/supervision-groups`, {
      name: '第一督查组',
      leaderId: tenant.byRole.supervisor.id,
      memberIds: [member.id, tenant.byRole.supervisor.id],
      phone: '021-59611234',
    });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json();
    expect(g.members.map((m: { id: string }) => m.id)).toEqual([member.id]); // the leader is not repeated
    groupId = g.id;
    const area = await office.request('PUT', `/api/supervision-groups/${groupId}/area`, {
      unitIds: [tenant.units.office.id, sectionId],
      version: g.version,
    });
    expect(area.statusCode, area.body).toBe(200);
    expect(area.json().area.map((u: { id: string }) => u.id)).toEqual([tenant.units.office.id, sectionId]);
    groupVersion = area.json().version;
  });

  it('refuses a leader outside the organiser and a duplicate name', async () => {
    const outsider = await post(office, `/api/campaigns/${campaignId}/supervision-groups`, {
      name: '第二督查组',
      leaderId: siblingPerson.id,
      memberIds: [],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().errors[0].path).toBe('leaderId');
    const twice = await post(office, `/api/campaigns/${campaignId}/supervision-groups`, {
      name: '第一督查组',
      leaderId: tenant.byRole.leader.id,
      memberIds: [],
    });
    expect(twice.statusCode).toBe(409);
    const byHandler = await post(handler, `/api/campaigns/${campaignId}/supervision-groups`, {
      name: '第三督查组',
      leaderId: tenant.byRole.leader.id,
      memberIds: [],
    });
    expect(byHandler.statusCode).toBe(403);
  });

  it('keeps a unit in one group’s area, naming the unit, and nothing is stored', async () => {
    const second = await post(office, `/api/campaigns/${campaignId}/supervision-groups`, {
      name: '第二督查组',
      leaderId: tenant.byRole.leader.id,
      memberIds: [],
    });
    expect(second.statusCode, second.body).toBe(201);
    const taken = await office.request('PUT', `/api/supervision-groups/${second.json().id}/area`, {
      unitIds: [tenant.units.district.id, sectionId],
      version: second.json().version,
    });
    expect(taken.statusCode).toBe(400);
    expect(taken.json().detail).toContain(`执法监督科-${tenant.tag}已在第一督查组的片区内`);
    const outside = await office.request('PUT', `/api/supervision-groups/${second.json().id}/area`, {
      unitIds: [tenant.units.sibling.id],
      version: second.json().version,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('unitIds.0');
    const list = await office.request('GET', `/api/campaigns/${campaignId}/supervision-groups`);
    const stored = list.json().items.find((g: { id: string }) => g.id === second.json().id);
    expect(stored.area).toEqual([]);
    expect(stored.version).toBe(second.json().version);
    const ok = await office.request('PUT', `/api/supervision-groups/${second.json().id}/area`, {
      unitIds: [tenant.units.district.id],
      version: second.json().version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('prints the 分片督查表 as a spreadsheet and as the plan’s annex', async () => {
    const res = await office.request('GET', `/api/campaigns/${campaignId}/supervision-areas.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(1, 1).value)).toMatch(/分片督查表$/);
    expect(ws.getCell(1, 1).isMerged).toBe(true);
    expect([1, 2, 3, 4, 5, 6].map((i) => ws.getCell(2, i).value)).toEqual([
      '序号',
      '督查组',
      '组长',
      '成员',
      '联系电话',
      '督查片区（单位）',
    ]);
    expect(ws.getCell(3, 2).value).toBe('第一督查组');
    expect(ws.getCell(3, 4).value).toBe('sv_member');
    expect(ws.getCell(3, 6).value).toBe(`测试所-${tenant.tag}、执法监督科-${tenant.tag}`);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.paperSize).toBe(9);
    const docx = await office.request('GET', `/api/campaigns/${campaignId}/plan.docx`);
    expect(docx.statusCode).toBe(200);
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('分片督查表');
    expect(xml).toContain('督查片区（单位）');
  });
});

describe('督查轮次', () => {
  const body = (over: object = {}) => ({
    number: 1,
    title: '第一次督查',
    startDate: daysAgo(20),
    endDate: today,
    focus: '案件办理',
    ...over,
  });
  it('refuses dates outside the plan or reversed, then stores a round', async () => {
    const url = `/api/campaigns/${campaignId}/supervision-rounds`;
    const before = await post(office, url, body({ startDate: '2025-12-01' }));
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].path).toBe('startDate');
    const reversed = await post(office, url, body({ endDate: daysAgo(30) }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].message).toBe('结束日期不能早于开始日期');
    const res = await post(office, url, body());
    expect(res.statusCode, res.body).toBe(201);
    roundId = res.json().id;
    expect((await post(office, url, body())).statusCode).toBe(409);
    const list = await office.request('GET', url);
    expect(list.json().items).toHaveLength(1);
  });
});

describe('督查记录', () => {
  const visit = (over: object = {}) => ({
    roundId,
    groupId,
    unitId: sectionId,
    visitDate: daysAgo(2),
    method: 'comprehensive',
    unannounced: true,
    checkedItems: '案件台账、执法记录仪使用',
    summary: '总体规范',
    ...over,
  });
  const count = async () => (await t.database.db.select().from(supervisionVisits)).length;

  it('refuses a unit outside the area, a future date and a date outside the round, storing nothing', async () => {
    const n = await count();
    const notArea = await post(member.session, '/api/supervision-visits', visit({ unitId: tenant.units.district.id }));
    expect(notArea.statusCode).toBe(400);
    expect(notArea.json().errors[0].message).toBe('被督查单位不在本组片区内');
    const future = await post(member.session, '/api/supervision-visits', visit({ visitDate: daysAgo(-3) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().errors[0].message).toBe('督查日期不能晚于今天');
    const early = await post(member.session, '/api/supervision-visits', visit({ visitDate: daysAgo(40) }));
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('visitDate');
    const sibling = await post(
      office,
      '/api/supervision-visits',
      visit({ method: 'cross', unitId: tenant.units.sibling.id }),
    );
    expect(sibling.statusCode).toBe(400);
    expect(await count()).toBe(n);
  });

  it('lets a 所 member record a visit to a unit beyond his own scope; 交叉检查 may leave the area', async () => {
    const res = await post(member.session, '/api/supervision-visits', visit());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      unitName: `执法监督科-${tenant.tag}`,
      methodLabel: '全面检查',
      can: { edit: true },
    });
    const cross = await post(
      office,
      '/api/supervision-visits',
      visit({ method: 'cross', unitId: tenant.units.district.id }),
    );
    expect(cross.statusCode, cross.body).toBe(201);
    const stale = await member.session.request('PUT', `/api/supervision-visits/${res.json().id}`, {
      ...visit(),
      version: res.json().version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const edited = await member.session.request('PUT', `/api/supervision-visits/${res.json().id}`, {
      ...visit({ summary: '发现问题两处' }),
      version: res.json().version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().summary).toBe('发现问题两处');
  });

  it('shows visits to the group, the organiser, and the visited unit’s line only', async () => {
    const ofMember = await member.session.request('GET', `/api/supervision-visits?groupId=${groupId}`);
    expect(ofMember.json().items.length).toBeGreaterThanOrEqual(2); // the cross visit is his group's too
    const ofSection = await sectionPerson.session.request('GET', '/api/supervision-visits');
    expect(ofSection.json().items.map((v: { unitId: string }) => v.unitId)).toEqual([sectionId]);
    const ofSibling = await siblingPerson.session.request('GET', '/api/supervision-visits');
    expect(ofSibling.json().items).toEqual([]);
    const id = ofSection.json().items[0].id;
    expect((await siblingPerson.session.request('GET', `/api/supervision-visits/${id}`)).statusCode).toBe(404);
    expect(
      (await sectionPerson.session.request('PUT', `/api/supervision-visits/${id}`, { ...visit(), version: 1 }))
        .statusCode,
    ).toBe(403);
    const filtered = await office.request('GET', `/api/supervision-visits?campaignId=${campaignId}&method=cross`);
    expect(filtered.json().items.map((v: { method: string }) => v.method)).toEqual(['cross']);
    const byUnit = await member.session.request('GET', `/api/supervision-visits?unitId=${sectionId}`);
    expect(byUnit.statusCode).toBe(200);
    expect(byUnit.json().total).toBe(1);
    const mine = await member.session.request('GET', '/api/supervision/my-groups');
    expect(mine.json().items.map((g: { name: string }) => g.name)).toEqual(['第一督查组']);
    expect(
      (await siblingPerson.session.request('GET', `/api/campaigns/${campaignId}/supervision-groups`)).statusCode,
    ).toBe(404);
    // The member sees his group's plan's groups though the plan is not his unit's to see.
    expect((await member.session.request('GET', `/api/campaigns/${campaignId}/supervision-groups`)).statusCode).toBe(
      200,
    );
  });
});

describe('随机专项督查', () => {
  it('draws units from the group’s area, verifies the draw, and ties visits to its picks', async () => {
    const tooMany = await post(office, `/api/supervision-rounds/${roundId}/draws`, { groupId, count: 3 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].path).toBe('count');
    const byMember = await post(member.session, `/api/supervision-rounds/${roundId}/draws`, { groupId, count: 1 });
    expect(byMember.statusCode).toBe(403);
    const res = await post(office, `/api/supervision-rounds/${roundId}/draws`, {
      groupId,
      count: 1,
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect(d.candidates.map((c: { id: string }) => c.id).sort()).toEqual([tenant.units.office.id, sectionId].sort());
    expect(d.picked).toHaveLength(1);
    const verify = await office.request('GET', `/api/supervision-draws/${d.id}/verify`);
    expect(verify.json()).toMatchObject({ reproducible: true, seed: d.seed });
    const round = await member.session.request('GET', `/api/supervision-rounds/${roundId}`);
    expect(round.json().draws.map((x: { id: string }) => x.id)).toEqual([d.id]);

    const notPicked = [tenant.units.office.id, sectionId].find((u) => u !== d.picked[0].id)!;
    const base = { roundId, groupId, visitDate: today, method: 'random', checkedItems: '随机抽查', drawId: d.id };
    const wrong = await post(member.session, '/api/supervision-visits', { ...base, unitId: notPicked });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('drawId');
    const right = await post(member.session, '/api/supervision-visits', { ...base, unitId: d.picked[0].id });
    expect(right.statusCode, right.body).toBe(201);
    expect(right.json().drawId).toBe(d.id);

    await t.database.db
      .update(supervisionDraws)
      .set({ picked: [notPicked] })
      .where(eq(supervisionDraws.id, d.id));
    const altered = await office.request('GET', `/api/supervision-draws/${d.id}/verify`);
    expect(altered.json().reproducible).toBe(false);
  });

  it('keeps a group with visits and a round in use', async () => {
    expect(
      (await office.request('DELETE', `/api/supervision-groups/${groupId}?version=${groupVersion}`)).statusCode,
    ).toBe(409);
    const round = (await office.request('GET', `/api/supervision-rounds/${roundId}`)).json();
    expect(
      (await office.request('DELETE', `/api/supervision-rounds/${roundId}?version=${round.version}`)).statusCode,
    ).toBe(409);
  });
});
