import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { auditLog } from '../src/modules/audit/audit.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { typicalCaseNominations } from '../src/modules/recognition/recognition.schema';
import { createRecognitionRepository } from '../src/modules/recognition/recognition.repository';
import { createTypicalSelectedSource } from '../src/modules/recognition/recognition-sources';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
/** The district's office: the plan's office (it issued the plan). */
let office: Session;
/** A second person of the district's office, who nominates for a unit below. */
let office2: { id: string; session: Session };
let stationLiaison: Session;
let siblingOffice: Session;
let campaignId = '';
let siblingCampaignId = '';
let otherCampaignId = '';
const caseIds: Record<'food' | 'ip' | 'notInPlan' | 'marked' | 'sibling', string> = {
  food: '',
  ip: '',
  notInPlan: '',
  marked: '',
  sibling: '',
};

async function fileCase(unitId: string, inCampaign: string, caseNumber: string, over: Record<string, unknown> = {}) {
  const created = await t.services.casesService.create(systemActor, {
    unitId,
    campaignId: inCampaign,
    categoryCode: 'food',
    caseNumber,
    name: `销售过期食品案${caseNumber}`,
    partyKind: 'person',
    partyName: '李某',
    filingDate: '2026-04-01',
    amountInvolved: '0',
    fine: '1000',
    confiscated: '0',
    lossesRecovered: '0',
    compensation: '0',
    mediated: false,
    penalized: true,
    otherMeasures: [],
    transferredToJudiciary: false,
    transferredToPolice: false,
    published: false,
    online: false,
    rural: false,
    typical: false,
    filingApproverId: tenant.byRole.leader.id,
    investigatorId: tenant.byRole.handler.id,
    ...over,
  } as never);
  return created.id;
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'liaison', 'handler', 'leader'] });
  const { district, office: station, sibling } = tenant.units;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  office2 = await addPerson(t, tenant, district.id, ['office'], 'office_two');
  stationLiaison = (await addPerson(t, tenant, station.id, ['liaison'], 'station_liaison')).session;
  siblingOffice = (await addPerson(t, tenant, sibling.id, ['office'], 'sibling_office')).session;
  const plan = (issuer: string, participants: string[]) =>
    createSampleCampaign(t.services, { issuerUnitId: issuer, leadUnitId: issuer, participantUnitIds: participants });
  campaignId = (await plan(district.id, [district.id, station.id])).id;
  otherCampaignId = (await plan(district.id, [district.id, station.id])).id;
  siblingCampaignId = (await plan(sibling.id, [sibling.id])).id;
  caseIds.food = await fileCase(station.id, campaignId, `RC-1-${tenant.tag}`);
  caseIds.ip = await fileCase(station.id, campaignId, `RC-2-${tenant.tag}`, { categoryCode: 'ip', typical: true });
  caseIds.marked = await fileCase(station.id, campaignId, `RC-3-${tenant.tag}`, { typical: true });
  caseIds.notInPlan = await fileCase(station.id, otherCampaignId, `RC-4-${tenant.tag}`, { typical: true });
  caseIds.sibling = await fileCase(sibling.id, siblingCampaignId, `RC-5-${tenant.tag}`, {
    typical: true,
    filingApproverId: (await addPerson(t, tenant, sibling.id, ['leader'], 'sibling_leader')).id,
    investigatorId: tenant.unitUsers.sibling.id,
  });
});
afterAll(() => t.close());

const nominate = (s: Session, caseId: string, over: Record<string, unknown> = {}, plan = campaignId) =>
  s.request('POST', `/api/campaigns/${plan}/typical-nominations`, { caseId, reason: '案情典型，社会影响大', ...over });
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (a) => a.action,
  );

describe('典型案例评选', () => {
  const ids: Record<string, string> = {};

  it('refuses a case that does not count toward the plan, naming the field (422)', async () => {
    const res = await nominate(stationLiaison, caseIds.notInPlan);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'caseId', message: expect.stringContaining('计入本行动方案') }]);
    const out = await nominate(stationLiaison, caseIds.sibling);
    expect(out.statusCode).toBe(422);
  });

  it('asks that an unmarked case be marked typical on nomination, and marks it', async () => {
    const res = await nominate(stationLiaison, caseIds.food);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors[0].path).toBe('markTypical');
    const ok = await nominate(stationLiaison, caseIds.food, { markTypical: true });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      status: 'nominated',
      categoryCode: 'food',
      categoryLabel: '食品安全违法',
      unitId: tenant.units.office.id,
      caseTypical: true,
      can: { decide: false, withdraw: true },
    });
    ids.food = ok.json().id;
    const [c] = await t.database.db.select().from(cases).where(eq(cases.id, caseIds.food));
    expect(c.typical).toBe(true);
    expect(await auditOf(ids.food)).toEqual(['typical_nomination.create']);
    expect((await nominate(stationLiaison, caseIds.food)).statusCode).toBe(409);
  });

  it('lets the unit nominate under the category the case counts in; the office sees them by category', async () => {
    const ip = await nominate(stationLiaison, caseIds.ip);
    expect(ip.statusCode, ip.body).toBe(201);
    ids.ip = ip.json().id;
    const byOffice2 = await nominate(office2.session, caseIds.marked);
    expect(byOffice2.statusCode, byOffice2.body).toBe(201);
    ids.marked = byOffice2.json().id;
    const list = await office.request('GET', `/api/campaigns/${campaignId}/typical-nominations?categoryCode=ip`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([ids.ip]);
    expect(list.json().canDecide).toBe(true);
    expect(list.json().categories.map((c: { code: string }) => c.code)).toEqual(['food', 'ip', 'other']);
    const bySibling = await siblingOffice.request('GET', `/api/campaigns/${campaignId}/typical-nominations`);
    expect(bySibling.statusCode).toBe(404);
  });

  it('lets only the plan’s office decide: 403 for a unit, 403 for the nominator, 404 out of scope', async () => {
    const n = (await office.request('GET', `/api/typical-nominations/${ids.food}`)).json();
    const asUnit = await stationLiaison.request('POST', `/api/typical-nominations/${ids.food}/decision`, {
      decision: 'selected',
      reason: '入选',
      version: n.version,
    });
    expect(asUnit.statusCode).toBe(403);
    const own = (await office.request('GET', `/api/typical-nominations/${ids.marked}`)).json();
    expect(own.can.decide).toBe(true);
    const asNominator = await office2.session.request('POST', `/api/typical-nominations/${ids.marked}/decision`, {
      decision: 'selected',
      reason: '入选',
      version: own.version,
    });
    expect(asNominator.statusCode, asNominator.body).toBe(403);
    expect(asNominator.json().detail).toContain('推荐人不能评选');
    const [siblingNomination] = await t.database.db
      .insert(typicalCaseNominations)
      .values({
        campaignId: siblingCampaignId,
        caseId: caseIds.sibling,
        categoryCode: 'food',
        unitId: tenant.units.sibling.id,
        reason: '兄弟区局推荐',
        nominatedBy: tenant.byRole.office.id,
        nominatedAt: new Date(),
      })
      .returning();
    const outside = await office.request('POST', `/api/typical-nominations/${siblingNomination.id}/decision`, {
      decision: 'selected',
      reason: '入选',
      version: 1,
    });
    expect(outside.statusCode).toBe(404);
  });

  it('selects and declines with reasons; a stale version is 409; a decided one is not withdrawn', async () => {
    const decide = async (id: string, decision: string, reason: string) => {
      const n = (await office.request('GET', `/api/typical-nominations/${id}`)).json();
      return office.request('POST', `/api/typical-nominations/${id}/decision`, {
        decision,
        reason,
        version: n.version,
      });
    };
    const food = await decide(ids.food, 'selected', '查处及时，罚没到位');
    expect(food.statusCode, food.body).toBe(200);
    expect(food.json()).toMatchObject({
      status: 'selected',
      decisionReason: '查处及时，罚没到位',
      decidedOn: todayInChina(),
    });
    expect((await decide(ids.ip, 'not_selected', '案情一般')).json().status).toBe('not_selected');
    const stale = await office.request('POST', `/api/typical-nominations/${ids.food}/decision`, {
      decision: 'not_selected',
      reason: 'x',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const withdraw = await stationLiaison.request('DELETE', `/api/typical-nominations/${ids.food}?version=2`);
    expect(withdraw.statusCode).toBe(409);
    const selected = await office.request('GET', `/api/campaigns/${campaignId}/typical-nominations?status=selected`);
    expect(selected.json().items.map((i: { id: string }) => i.id)).toEqual([ids.food]);
  });

  it('withdraws an undecided nomination, audited', async () => {
    const n = (await office.request('GET', `/api/typical-nominations/${ids.marked}`)).json();
    const res = await stationLiaison.request('DELETE', `/api/typical-nominations/${ids.marked}?version=${n.version}`);
    expect(res.statusCode, res.body).toBe(204);
    expect(await auditOf(ids.marked)).toEqual(['typical_nomination.create', 'typical_nomination.withdraw']);
    expect((await office.request('GET', `/api/typical-nominations/${ids.marked}`)).statusCode).toBe(404);
  });

  it('feeds the briefing: the selected cases replace the marked ones', async () => {
    const draft = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&from=2026-04-01&to=2026-04-30`,
    );
    expect(draft.statusCode, draft.body).toBe(200);
    const d = draft.json();
    expect(d.typicalSelected).toBe(true);
    expect(d.typicalCases.map((c: { id: string }) => c.id)).toEqual([caseIds.food]);
    expect(d.paragraphs).toContain('1. 食品安全违法（1件）');
    expect(d.paragraphs.join('')).not.toContain(`RC-3-${tenant.tag}`);
    // A period in which no selected case was filed or closed keeps the cases marked typical (none in June).
    const june = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&from=2026-06-01&to=2026-06-30`,
    );
    expect(june.json()).toMatchObject({ typicalSelected: false, typicalCases: [] });
  });

  it('counts the selected cases per unit subtree for the scorecards', async () => {
    const source = createTypicalSelectedSource({
      db: t.database.db,
      recognitionRepository: createRecognitionRepository(),
    });
    const [campaign] = await t.database.db.query.campaigns.findMany({ where: (c, { eq }) => eq(c.id, campaignId) });
    const q = {
      campaignId,
      campaignPath: campaign.path,
      units: [tenant.units.district, tenant.units.office, tenant.units.sibling].map((u) => ({
        id: u.id,
        path: u.path,
      })),
      from: '2026-01-01',
      to: '2099-12-31',
    };
    const values = await source.measure(q);
    expect(values.get(tenant.units.district.id)).toBe(1);
    expect(values.get(tenant.units.office.id)).toBe(1);
    expect(values.get(tenant.units.sibling.id) ?? 0).toBe(0);
    const records = await source.records({ ...q, unitId: tenant.units.district.id });
    expect(records).toEqual([
      expect.objectContaining({ recordId: caseIds.food, link: `/cases/${caseIds.food}`, value: 1 }),
    ]);
    expect(source.format).toBe('count');
    expect(source.kind).toBe('typical_selected');
  });
});

describe('表彰 and 问责', () => {
  let expertId = '';
  let measureId = '';

  it('refuses evidence that does not exist or is out of scope, naming the item', async () => {
    const res = await office.request('POST', `/api/campaigns/${campaignId}/commendations`, {
      kind: 'advanced_collective',
      unitId: tenant.units.office.id,
      reason: '查办案件成效显著',
      decidedOn: '2026-11-20',
      evidence: [
        { type: 'case', id: caseIds.food },
        { type: 'case', id: caseIds.sibling },
        { type: 'rectification', id: '00000000-0000-4000-8000-000000000000' },
      ],
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['evidence.1', 'evidence.2']);
  });

  it('records a 先进集体 and a 办案能手 (in the talent pool by default), with evidence links', async () => {
    const collective = await office.request('POST', `/api/campaigns/${campaignId}/commendations`, {
      kind: 'advanced_collective',
      unitId: tenant.units.office.id,
      reason: '查办案件成效显著',
      decidedOn: '2026-11-20',
      documentNumber: '测市监〔2026〕9号',
      evidence: [{ type: 'case', id: caseIds.food }],
    });
    expect(collective.statusCode, collective.body).toBe(201);
    expect(collective.json()).toMatchObject({
      kindLabel: '先进集体',
      talentPool: false,
      evidence: [
        { type: 'case', id: caseIds.food, link: `/cases/${caseIds.food}`, title: expect.stringContaining('RC-1') },
      ],
    });
    const noPerson = await office.request('POST', `/api/campaigns/${campaignId}/commendations`, {
      kind: 'case_expert',
      unitId: tenant.units.office.id,
      reason: '办案能手',
      decidedOn: '2026-11-20',
    });
    expect(noPerson.statusCode).toBe(400);
    expect(noPerson.json().errors[0].path).toBe('personName');
    const expert = await office.request('POST', `/api/campaigns/${campaignId}/commendations`, {
      kind: 'case_expert',
      unitId: tenant.units.office.id,
      personName: '王执法',
      reason: '全年查办典型案件3起',
      decidedOn: '2026-11-20',
      evidence: [{ type: 'case', id: caseIds.food }],
    });
    expect(expert.statusCode, expert.body).toBe(201);
    expect(expert.json()).toMatchObject({ talentPool: true, personLabel: '王执法' });
    expertId = expert.json().id;
    expect(await auditOf(expertId)).toEqual(['commendation.create']);
  });

  it('refuses the record to a unit (403) and hides it from a sibling (404)', async () => {
    const asUnit = await stationLiaison.request('POST', `/api/campaigns/${campaignId}/commendations`, {
      kind: 'advanced_collective',
      unitId: tenant.units.office.id,
      reason: 'x',
      decidedOn: '2026-11-20',
    });
    expect(asUnit.statusCode).toBe(403);
    expect((await siblingOffice.request('GET', `/api/commendations/${expertId}`)).statusCode).toBe(404);
    const seen = await stationLiaison.request('GET', `/api/campaigns/${campaignId}/commendations`);
    expect(seen.json().items).toHaveLength(2);
    expect(seen.json().canRecord).toBe(false);
  });

  it('lists the talent pool across plans in scope', async () => {
    const pool = await office.request('GET', '/api/talent-pool');
    expect(pool.statusCode, pool.body).toBe(200);
    expect(pool.json().items.map((i: { id: string }) => i.id)).toEqual([expertId]);
    expect((await siblingOffice.request('GET', '/api/talent-pool')).json().items).toEqual([]);
  });

  it('records, edits and deletes a 问责 with its audit trail', async () => {
    const created = await office.request('POST', `/api/campaigns/${campaignId}/accountability`, {
      measure: 'circulated_criticism',
      unitId: tenant.units.office.id,
      reason: '整改逾期未报',
      decidedOn: '2026-11-25',
      evidence: [{ type: 'case', id: caseIds.ip }],
    });
    expect(created.statusCode, created.body).toBe(201);
    measureId = created.json().id;
    expect(created.json().measureLabel).toBe('通报批评');
    const edited = await office.request('PUT', `/api/accountability/${measureId}`, {
      measure: 'interview',
      unitId: tenant.units.office.id,
      reason: '整改逾期未报，约谈主要负责人',
      decidedOn: '2026-11-25',
      evidence: [],
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ measureLabel: '约谈', version: 2 });
    const stale = await office.request('DELETE', `/api/accountability/${measureId}?version=1`);
    expect(stale.statusCode).toBe(409);
  });

  it('lists the selection, 表彰 and 问责 in the final summary', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=final_summary&from=2026-03-01&to=2026-12-15`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const p: string[] = res.json().paragraphs;
    expect(p).toContain('六、表彰情况');
    expect(p).toContain('七、问责情况');
    expect(p.some((x) => x.includes('先进集体：测试所') && x.includes('测市监〔2026〕9号'))).toBe(true);
    expect(p.some((x) => x.includes('办案能手：测试所') && x.includes('王执法'))).toBe(true);
    expect(p.some((x) => x.startsWith('（一）约谈：测试所'))).toBe(true);
    const stage = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/briefing-draft?kind=stage_summary&from=2026-03-01&to=2026-12-15`,
    );
    expect(stage.json().paragraphs).not.toContain('六、表彰情况');
    const del = await office.request('DELETE', `/api/accountability/${measureId}?version=2`);
    expect(del.statusCode).toBe(204);
    expect(await auditOf(measureId)).toEqual([
      'accountability.create',
      'accountability.update',
      'accountability.delete',
    ]);
  });
});
