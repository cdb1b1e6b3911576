import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { cases } from '../src/modules/cases/cases.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createDistrictCampaign, samplePlan } from './helpers/plans';
import { decide } from './helpers/approvals';
import { todayInChina } from '../src/platform/today';
import { shiftDate } from '../src/modules/calendar/working-days';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';

let t: TestApp;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let reviewer: Session;
let leader: Session;
let siblingHandler: Session;
let campaignId: string;
let executorId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'reviewer', 'leader'] });
  const campaign = await createDistrictCampaign(t.services, tenant.units);
  campaignId = campaign.id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  executorId = tenant.unitUsers.own.id; // a second handler of the district
});
afterAll(() => t.close());

let n = 0;
const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `测市监案〔2026〕${++n}号`,
  name: '某食品公司销售过期食品案',
  partyKind: 'company',
  partyName: '上海某某食品有限公司',
  partyCreditCode: '91350100M000100Y43',
  filingDate: '2026-03-10',
  amountInvolved: '12345.67',
  fine: '50000.10',
  confiscated: '1200.05',
  lossesRecovered: 0.1,
  online: true,
  rural: true,
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const countCases = async () => (await t.database.db.select().from(cases)).length;

describe('cases', () => {
  it('registers a case with exact amounts in fen and 罚没款 = 罚款 + 没收违法所得', async () => {
    const res = await registrar.request('POST', '/api/cases', newCase());
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({
      stage: 'filed',
      amountInvolved: '12345.67',
      fine: '50000.10',
      confiscated: '1200.05',
      finesAndConfiscations: '51200.15',
      lossesRecovered: '0.10',
      categoryLabel: '食品安全违法',
      online: true,
      rural: true,
      clock: { state: 'overdue', allowedDays: 90, dueDate: '2026-06-08' },
      can: { edit: true, advance: true },
    });
    expect(c.stageHistory).toEqual([
      expect.objectContaining({ fromStage: null, toStage: 'filed', actorName: 'd_office' }),
    ]);
    const [stored] = await t.database.db.select().from(cases);
    expect(stored).toMatchObject({ fineFen: 5_000_010, confiscatedFen: 120_005, lossesRecoveredFen: 10 });
  });

  it('refuses bad input naming every field, and stores nothing', async () => {
    const before = await countCases();
    const res = await registrar.request(
      'POST',
      '/api/cases',
      newCase({
        partyCreditCode: '91350100M000100Y40',
        categoryCode: 'nope',
        fine: '12.345',
        filingDate: '2026-02-30',
        investigatorId: tenant.byRole.leader.id,
      }),
    );
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['fine', 'filingDate']));
    const again = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ partyCreditCode: '91350100M000100Y40', categoryCode: 'nope', investigatorId: tenant.byRole.leader.id }),
    );
    expect(again.statusCode).toBe(400);
    const body = again.json();
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(
      ['categoryCode', 'investigatorId', 'investigatorId', 'partyCreditCode'].sort(),
    );
    expect(body.detail).toMatch(/校验位错误：第18位应为“3”/);
    expect(body.detail).toMatch(/不能与批准立案的负责人为同一人/);
    expect(await countCases()).toBe(before);
  });

  it('keeps case numbers unique within the handling unit', async () => {
    const body = newCase();
    expect((await registrar.request('POST', '/api/cases', body)).statusCode).toBe(201);
    const dup = await registrar.request('POST', '/api/cases', body);
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors).toEqual([expect.objectContaining({ path: 'caseNumber' })]);
  });

  it('answers 409 on an edit based on a stale version, and keeps the first edit', async () => {
    const created = (await registrar.request('POST', '/api/cases', newCase())).json();
    const { id, version } = created;
    const edit = (name: string) =>
      handler.request('PUT', `/api/cases/${id}`, { ...newCase({ caseNumber: created.caseNumber, name }), version });
    expect((await edit('第一次修改')).statusCode).toBe(200);
    const stale = await edit('第二次修改');
    expect(stale.statusCode).toBe(409);
    expect((await handler.request('GET', `/api/cases/${id}`)).json()).toMatchObject({
      name: '第一次修改',
      version: version + 1,
    });
  });

  it('moves through every stage with the four-person rule and the clock', async () => {
    let c = (await registrar.request('POST', '/api/cases', newCase({ filingDate: '2026-11-01' }))).json();
    const move = async (who: Session, body: Record<string, unknown>) => {
      const res = await who.request('POST', `/api/cases/${c.id}/stage`, { version: c.version, ...body });
      if (res.statusCode === 200) c = res.json();
      return res;
    };
    expect((await move(handler, { to: 'review' })).json().errors[0].path).toBe('to');
    expect((await move(handler, { to: 'investigation' })).statusCode).toBe(200);
    expect((await move(handler, { to: 'review' })).statusCode).toBe(200);
    // Leaving 核审 is the legal reviewer's act.
    expect((await move(handler, { to: 'notice' })).statusCode).toBe(403);
    expect((await move(reviewer, { to: 'notice' })).statusCode).toBe(200);
    expect(c.people.reviewer).toMatchObject({ id: tenant.byRole.reviewer.id });
    // The clock stops for a hearing, then runs again.
    const pause = await handler.request('POST', `/api/cases/${c.id}/clock`, {
      kind: 'pause',
      fromDate: '2026-11-10',
      reason: '听证',
      version: c.version,
    });
    expect(pause.json().clock).toMatchObject({ state: 'paused', dueDate: null });
    c = (
      await handler.request('POST', `/api/cases/${c.id}/clock`, {
        kind: 'resume',
        toDate: '2026-11-20',
        reason: '听证结束',
        version: pause.json().version,
      })
    ).json();
    expect(c.clock).toMatchObject({ pausedDays: 10, dueDate: '2027-02-09' });
    expect(c.decisionDueDate).toBe('2027-02-09');
    const twice = await handler.request('POST', `/api/cases/${c.id}/clock`, {
      kind: 'collective_extension',
      days: 30,
      reason: '案情复杂',
      meetingDate: '2026-11-21',
      participants: ['王局长', '李副局长'],
      version: c.version,
    });
    expect(twice.json().detail).toMatch(/须先经负责人批准/);
    expect((await move(handler, { to: 'decided', decisionDate: '2026-11-25' })).statusCode).toBe(403);
    expect((await move(leader, { to: 'decided', decisionDate: '2026-10-01' })).json().errors[0].path).toBe(
      'decisionDate',
    );
    expect((await move(leader, { to: 'decided', decisionDate: '2026-11-25', penalized: true })).statusCode).toBe(200);
    expect(c.clock.state).toBe('stopped');
    expect(c.decisionDueDate).toBeNull();
    // The executor cannot be the investigator.
    const clash = await move(handler, { to: 'execution', executorId: tenant.byRole.handler.id });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0]).toMatchObject({ path: 'executorId', message: expect.stringMatching(/四分离/) });
    expect((await move(handler, { to: 'execution', executorId })).statusCode).toBe(200);
    expect((await move(handler, { to: 'closed', closingDate: '2026-11-20' })).statusCode).toBe(400);
    // 结案审批: the handler asks, the stage moves when the leader approves; the leader archives himself.
    expect((await move(handler, { to: 'closed', closingDate: '2026-11-28' })).statusCode).toBe(200);
    expect(c).toMatchObject({ stage: 'execution', can: { advance: false, askSignOff: true } });
    const [closing] = c.approvals;
    expect(closing).toMatchObject({ kind: 'case_closing', status: 'pending' });
    expect((await decide(leader, closing, 'approve')).statusCode).toBe(200);
    c = (await leader.request('GET', `/api/cases/${c.id}`)).json();
    expect(c).toMatchObject({ stage: 'closed', closingDate: '2026-11-28', can: { askSignOff: false } });
    expect((await move(leader, { to: 'archived' })).statusCode).toBe(200);
    expect(c.stageHistory.map((e: { toStage: string }) => e.toStage)).toEqual([
      'filed',
      'investigation',
      'review',
      'notice',
      'decided',
      'execution',
      'closed',
      'archived',
    ]);
    expect(c.can).toMatchObject({ edit: false, advance: false });
  });

  it('refuses a reviewer who investigated the case', async () => {
    const both = await t.services.usersService.create(
      systemActor,
      {
        username: `both_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: '兼任者',
        unitId: tenant.units.district.id,
        roles: ['handler', 'reviewer'],
      },
      { mustChangePassword: false },
    );
    const session = await login(t.app, `both_${tenant.tag}`, TEST_PASSWORD);
    let c = (await registrar.request('POST', '/api/cases', newCase({ investigatorId: both.id }))).json();
    for (const to of ['investigation', 'review'])
      c = (await session.request('POST', `/api/cases/${c.id}/stage`, { to, version: c.version })).json();
    const res = await session.request('POST', `/api/cases/${c.id}/stage`, { to: 'notice', version: c.version });
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toMatch(/法制审核人员不能与办案人员为同一人/);
  });

  it('lists the ledger within scope, with filters and search; another district sees nothing', async () => {
    await registrar.request(
      'POST',
      '/api/cases',
      newCase({
        name: '某农资店销售假劣种子案',
        partyName: '崇明某农资经营部',
        partyKind: 'person',
        partyCreditCode: null,
        online: false,
      }),
    );
    const all = (await handler.request('GET', `/api/cases?campaignId=${campaignId}&pageSize=100`)).json();
    expect(all.total).toBeGreaterThanOrEqual(5);
    const found = (await handler.request('GET', `/api/cases?q=${encodeURIComponent('农资')}`)).json();
    expect(found.items.map((i: { partyName: string }) => i.partyName)).toEqual(['崇明某农资经营部']);
    const online = (await handler.request('GET', '/api/cases?online=false')).json();
    expect(online.items.every((i: { online: boolean }) => !i.online)).toBe(true);
    const overdue = (await handler.request('GET', '/api/cases?overdue=true&pageSize=100')).json();
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    // Overdue with a stage: the overdue cases of that stage; with a stage after the decision (no clock runs): none.
    const stageOfFirst = overdue.items[0].stage;
    const overdueInStage = (
      await handler.request('GET', `/api/cases?overdue=true&stage=${stageOfFirst}&pageSize=100`)
    ).json();
    expect(overdueInStage.items.map((i: { id: string }) => i.id)).toEqual(
      overdue.items.filter((i: { stage: string }) => i.stage === stageOfFirst).map((i: { id: string }) => i.id),
    );
    expect((await handler.request('GET', '/api/cases?overdue=true&stage=archived&stage=closed')).json()).toEqual({
      items: [],
      total: 0,
      totalCapped: false,
    });
    const archived = (await handler.request('GET', '/api/cases?stage=archived')).json();
    expect(archived.items.map((i: { stage: string }) => i.stage)).toEqual(['archived']);
    expect((await siblingHandler.request('GET', '/api/cases')).json()).toEqual({
      items: [],
      total: 0,
      totalCapped: false,
    });
    expect((await siblingHandler.request('GET', `/api/cases/${all.items[0].id}`)).statusCode).toBe(404);
  });

  it('lists the cases due soon (临期, the decision clock ends within 10 days) apart from the overdue ones', async () => {
    const today = todayInChina();
    const filed = async (daysAgo: number) =>
      (await registrar.request('POST', '/api/cases', newCase({ filingDate: shiftDate(today, -daysAgo) }))).json();
    const soon = await filed(85); // due in 5 days
    const lastDay = await filed(80); // due on the tenth day
    const late = await filed(100); // 10 days overdue
    const later = await filed(70); // due in 20 days
    const res = (await handler.request('GET', '/api/cases?dueSoon=true&pageSize=100')).json();
    const ids = res.items.map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([soon.id, lastDay.id]));
    expect(ids).not.toContain(late.id);
    expect(ids).not.toContain(later.id);
    expect(res.total).toBe(res.items.length);
    for (const i of res.items as { decisionDueDate: string; overdue: boolean }[]) {
      expect(i.overdue).toBe(false);
      expect(i.decisionDueDate >= today && i.decisionDueDate <= shiftDate(today, 10)).toBe(true);
    }
    // The overdue filter and the due-soon one never share a case.
    const overdue = (await handler.request('GET', '/api/cases?overdue=true&pageSize=100')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(ids.filter((id: string) => overdue.items.some((o: { id: string }) => o.id === id))).toEqual([]);
    // Another district's handler sees none of them.
    expect((await siblingHandler.request('GET', '/api/cases?dueSoon=true')).json().total).toBe(0);
  });

  it('pages in filing order; the first page counts afresh, the pages after it reuse that count', async () => {
    const ledger = (page: number) =>
      handler.request('GET', `/api/cases?campaignId=${campaignId}&pageSize=2&page=${page}`).then((r) => r.json());
    const first = await ledger(1);
    const everything = (await handler.request('GET', `/api/cases?campaignId=${campaignId}&pageSize=100`)).json();
    const dates = everything.items.map((i: { filingDate: string }) => i.filingDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await ledger(2)).items.map((i: { id: string }) => i.id)).toEqual(
      everything.items.slice(2, 4).map((i: { id: string }) => i.id),
    );
    // Each row carries the names the case page shows (joined to the page's rows in the same query).
    const detail = (await handler.request('GET', `/api/cases/${everything.items[0].id}`)).json();
    expect(detail.unitName).not.toBe('');
    expect(everything.items[0]).toMatchObject({
      unitName: detail.unitName,
      campaignName: detail.campaignName,
      categoryLabel: detail.categoryLabel,
      overdue: detail.overdue,
    });
    expect((await registrar.request('POST', '/api/cases', newCase())).statusCode).toBe(201);
    expect((await ledger(2)).total).toBe(first.total); // paging on: the count of page 1
    expect((await ledger(1)).total).toBe(first.total + 1); // back to page 1: counted again
  });
});

describe('督办 and further campaigns', () => {
  it('督办 by the handling unit or one above: 本级 defaults to the unit, 上级 must name a unit above', async () => {
    const self = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ supervisionLevel: 'self', supervisionDeadline: '2026-06-30' }),
    );
    expect(self.statusCode, self.body).toBe(201);
    expect(self.json()).toMatchObject({ supervisionLevel: 'self', supervisingUnitId: tenant.units.district.id });
    const missing = await registrar.request('POST', '/api/cases', newCase({ supervisionLevel: 'superior' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toContainEqual({ path: 'supervisingUnitId', message: '上级督办须选择督办单位' });
    const sideways = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ supervisionLevel: 'superior', supervisingUnitId: tenant.units.sibling.id }),
    );
    expect(sideways.json().errors).toContainEqual({
      path: 'supervisingUnitId',
      message: '督办单位应为承办单位本身或其上级单位',
    });
    const byCity = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ supervisionLevel: 'superior', supervisingUnitId: tenant.units.city.id }),
    );
    expect(byCity.statusCode).toBe(201);
    expect(byCity.json().supervisingUnitId).toBe(tenant.units.city.id);
  });

  it('a case counts toward further campaigns, in one of their categories, and is listed under each', async () => {
    const { district, office } = tenant.units;
    const second = await t.services.campaignsService.create(systemActor, {
      ...planSchema.parse({
        ...samplePlan({ leadUnitId: office.id, participantUnitIds: [district.id] }),
        name: '护农专项行动',
      }),
      unitId: district.id,
    });
    const bad = await registrar.request(
      'POST',
      '/api/cases',
      newCase({
        alsoCountsToward: [
          { campaignId: second.id, categoryCode: 'nope' },
          { campaignId: campaignId, categoryCode: 'food' },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['alsoCountsToward.0.categoryCode', 'alsoCountsToward.1.campaignId']),
    );

    const res = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ alsoCountsToward: [{ campaignId: second.id, categoryCode: 'ip' }] }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().alsoCountsToward).toEqual([
      { campaignId: second.id, campaignName: '护农专项行动', categoryCode: 'ip', categoryLabel: '知识产权违法' },
    ]);
    const listed = (await handler.request('GET', `/api/cases?campaignId=${second.id}`))
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(listed).toEqual([res.json().id]);

    // An edit that does not mention them keeps them; an empty list removes them.
    const kept = await handler.request('PUT', `/api/cases/${res.json().id}`, {
      ...newCase(),
      caseNumber: res.json().caseNumber,
      alsoCountsToward: undefined,
      version: res.json().version,
    });
    expect(kept.json().alsoCountsToward).toHaveLength(1);
    const cleared = await handler.request('PUT', `/api/cases/${res.json().id}`, {
      ...newCase(),
      caseNumber: res.json().caseNumber,
      alsoCountsToward: [],
      version: kept.json().version,
    });
    expect(cleared.json().alsoCountsToward).toEqual([]);
    expect((await handler.request('GET', `/api/cases?campaignId=${second.id}`)).json().total).toBe(0);
  });
});
