import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../src/modules/audit/audit.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { caseClockRemindersJob } from '../src/modules/cases/case-clock-reminders.job';
import { createCasesRepository } from '../src/modules/cases/cases.repository';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import type { Role } from '../src/modules/users/users.schema';

/**
 * 审批: the handler asks for the clock's extensions; the due date moves only when a 局领导 of the
 * case's line approves, in the same transaction, audited. Nobody approves his own request.
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let leader: Session;
let cityLeader: Session;
let siblingLeader: Session;
let handlerLeader: Session;
let handlerLeaderId: string;
let campaignId: string;

const person = (unitId: string, roles: Role[], name: string) => addPerson(t, tenant, unitId, roles, name);

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'leader'] });
  const { district, office, city, sibling } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  cityLeader = (await person(city.id, ['leader'], 'city_leader')).session;
  siblingLeader = (await person(sibling.id, ['leader'], 'sibling_leader')).session;
  const both = await person(district.id, ['handler', 'leader'], 'handler_leader');
  handlerLeader = both.session;
  handlerLeaderId = both.id;
});
afterAll(() => t.close());

let n = 0;
/** A case filed on 2026-11-01: due 90 days later, 2027-01-30; with the head's 30 days, 2027-03-01. */
async function newCase(investigatorId = tenant.byRole.handler.id) {
  const res = await registrar.request('POST', '/api/cases', {
    unitId: tenant.units.district.id,
    campaignId,
    categoryCode: 'food',
    caseNumber: `审批测试〔2026〕${++n}号`,
    name: '某超市销售过期食品案',
    partyKind: 'company',
    partyName: '上海某某超市有限公司',
    filingDate: '2026-11-01',
    amountInvolved: '0',
    fine: '0',
    confiscated: '0',
    lossesRecovered: '0',
    filingApproverId: tenant.byRole.leader.id,
    investigatorId,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
const askThirtyDays = (who: Session, c: { id: string; version: number }) =>
  who.request('POST', `/api/cases/${c.id}/clock`, {
    kind: 'approved_extension',
    days: 30,
    reason: '案情复杂，需补充鉴定',
    version: c.version,
  });
const getCase = async (id: string, who: Session = handler) => (await who.request('GET', `/api/cases/${id}`)).json();
const decide = (who: Session, r: { id: string; version: number }, decision: 'approve' | 'reject', comment?: string) =>
  who.request('POST', `/api/approvals/${r.id}/decision`, { decision, comment, version: r.version });
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (e) => e.action,
  );

describe('approvals of the case clock', () => {
  it('keeps the due date until a leader approves the handler’s 30-day request, then moves it, audited', async () => {
    const c = await newCase();
    expect(c.decisionDueDate).toBe('2027-01-30');
    const asked = await askThirtyDays(handler, c);
    expect(asked.statusCode).toBe(200);
    const after = asked.json();
    expect(after.decisionDueDate).toBe('2027-01-30');
    expect(after.clock).toMatchObject({ dueDate: '2027-01-30', allowedDays: 90 });
    expect(after.clockEvents).toEqual([]);
    const [request] = after.approvals;
    expect(request).toMatchObject({
      kind: 'case_extension',
      status: 'pending',
      requestedByName: 'd_handler',
      approverRole: 'leader',
      payload: { days: 30, reason: '案情复杂，需补充鉴定' },
      can: { decide: false, withdraw: true },
    });
    // A second request while one is open is refused.
    expect((await askThirtyDays(handler, after)).statusCode).toBe(409);

    // The leader's 待我审批 holds it; the handler's does not.
    const mine = (await leader.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(request.id);
    const handlersList = (await handler.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(handlersList.items.map((i: { id: string }) => i.id)).not.toContain(request.id);
    expect((await getCase(c.id, leader)).approvals[0].can).toEqual({ decide: true, withdraw: false });
    // Whoever may decide is told (the district's and the city's leaders), not the sibling district's.
    const told = async (who: Session, kind: string) =>
      (
        (await who.request('GET', '/api/notifications')).json().items as { kind: string; title: string; link: string }[]
      ).filter((i) => i.kind === kind && i.link === `/cases/${c.id}`);
    expect(await told(leader, 'approval_requested')).toHaveLength(1);
    expect(await told(cityLeader, 'approval_requested')).toHaveLength(1);
    expect(await told(siblingLeader, 'approval_requested')).toHaveLength(0);
    expect(await told(handler, 'approval_requested')).toHaveLength(0);
    // …and finds it in 我的待办, opening the case.
    const inbox = (await leader.request('GET', '/api/inbox')).json();
    expect(inbox.items).toContainEqual(
      expect.objectContaining({ kind: 'approval', recordType: 'case', recordId: c.id, link: `/cases/${c.id}` }),
    );
    expect(
      (await handler.request('GET', '/api/inbox')).json().items.map((i: { kind: string }) => i.kind),
    ).not.toContain('approval');

    const approved = await decide(leader, request, 'approve', '同意延长');
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedByName: 'd_leader',
      decisionComment: '同意延长',
    });
    const moved = await getCase(c.id);
    expect(moved.decisionDueDate).toBe('2027-03-01');
    expect(moved.clock).toMatchObject({ dueDate: '2027-03-01', allowedDays: 120 });
    expect(moved.clockEvents).toMatchObject([{ kind: 'approved_extension', days: 30 }]);
    expect(moved.version).toBe(c.version + 1);
    const [decided] = await told(handler, 'approval_decided');
    expect(decided.title).toContain('已批准');
    expect(await auditOf(request.id)).toEqual(['approval.request', 'approval.approve']);
    expect(await auditOf(c.id)).toEqual(['case.create', 'case.clock']);
    const [clockEntry] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'case.clock'));
    expect(clockEntry.actorName).toBe('d_leader');

    // Approving twice: 409, nothing moves again.
    expect((await decide(cityLeader, approved.json(), 'approve')).statusCode).toBe(409);
    expect((await decide(leader, request, 'approve')).statusCode).toBe(409);
    expect((await getCase(c.id)).clock.allowedDays).toBe(120);
  });

  it('takes the collective extension with its meeting, once the 30 days were approved', async () => {
    const c = await newCase();
    const collective = (version: number) =>
      handler.request('POST', `/api/cases/${c.id}/clock`, {
        kind: 'collective_extension',
        days: 60,
        reason: '涉案金额巨大',
        meetingDate: '2026-11-20',
        participants: ['王局长', '李副局长', '赵科长'],
        version,
      });
    expect((await collective(c.version)).json().detail).toMatch(/须先经负责人批准/);
    const missing = await handler.request('POST', `/api/cases/${c.id}/clock`, {
      kind: 'collective_extension',
      days: 60,
      reason: '涉案金额巨大',
      version: c.version,
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['meetingDate', 'participants']),
    );
    const first = (await askThirtyDays(handler, c)).json().approvals[0];
    await decide(cityLeader, first, 'approve'); // a leader above the district's bureau decides too
    const asked = await collective((await getCase(c.id)).version);
    expect(asked.statusCode).toBe(200);
    const request = asked.json().approvals.find((a: { status: string }) => a.status === 'pending');
    expect(request.description).toMatch(/集体讨论日期：2026-11-20；参加人员：王局长、李副局长、赵科长/);
    expect(asked.json().clock.allowedDays).toBe(120);
    expect((await decide(leader, request, 'approve')).statusCode).toBe(200);
    const done = await getCase(c.id);
    expect(done.clock.allowedDays).toBe(180);
    expect(done.clockEvents[1].reason).toMatch(/集体讨论 2026-11-20，参加人员：王局长、李副局长、赵科长/);
  });

  it('refuses the requester who is also a leader (四分离), and a leader of a sibling bureau (404)', async () => {
    const c = await newCase(handlerLeaderId);
    const request = (await askThirtyDays(handlerLeader, c)).json().approvals[0];
    const own = await decide(handlerLeader, request, 'approve');
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toMatch(/不能审批本人提出的申请/);
    const mine = (await handlerLeader.request('GET', '/api/approvals?mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(request.id);
    expect((await decide(siblingLeader, request, 'approve')).statusCode).toBe(404);
    expect((await siblingLeader.request('GET', `/api/approvals/${request.id}`)).statusCode).toBe(404);
    expect((await decide(handler, request, 'approve')).json().detail).toMatch(/只有局领导可以审批/);
    expect((await getCase(c.id)).decisionDueDate).toBe('2027-01-30');
    // A stale version: 409.
    expect((await decide(leader, { ...request, version: request.version + 1 }, 'approve')).statusCode).toBe(409);
  });

  it('leaves the case unchanged on a rejection, which needs a comment', async () => {
    const c = await newCase();
    const request = (await askThirtyDays(handler, c)).json().approvals[0];
    const bare = await decide(leader, request, 'reject');
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors[0].path).toBe('comment');
    const rejected = await decide(leader, request, 'reject', '理由不充分');
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionComment: '理由不充分' });
    const after = await getCase(c.id);
    expect(after).toMatchObject({ version: c.version, decisionDueDate: '2027-01-30', clockEvents: [] });
    expect(await auditOf(request.id)).toEqual(['approval.request', 'approval.reject']);
    expect(await auditOf(c.id)).toEqual(['case.create']);
    // Rejected, the handler may ask again.
    expect((await askThirtyDays(handler, after)).statusCode).toBe(200);
  });

  it('refuses an approval the case no longer allows, leaving the request pending and the case as it was', async () => {
    const c = await newCase();
    const request = (await askThirtyDays(handler, c)).json().approvals[0];
    // Decided meanwhile: the clock no longer runs.
    await t.database.db.update(cases).set({ stage: 'decided', decisionDate: '2026-11-20' }).where(eq(cases.id, c.id));
    const refused = await decide(leader, request, 'approve');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/不能再批准延期/);
    expect((await leader.request('GET', `/api/approvals/${request.id}`)).json().status).toBe('pending');
    expect((await getCase(c.id)).clockEvents).toEqual([]);
    expect(await auditOf(request.id)).toEqual(['approval.request']);
  });

  it('takes one of two requests sent at once and answers 409 to the other, never 500', async () => {
    const c = await newCase();
    const both = await Promise.all([askThirtyDays(handler, c), askThirtyDays(handler, c)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect((await getCase(c.id)).approvals).toHaveLength(1);
  });

  it('lets only the requester withdraw a pending request', async () => {
    const c = await newCase();
    const request = (await askThirtyDays(handler, c)).json().approvals[0];
    const byLeader = await leader.request('POST', `/api/approvals/${request.id}/withdraw`, {
      version: request.version,
    });
    expect(byLeader.statusCode).toBe(403);
    const withdrawn = await handler.request('POST', `/api/approvals/${request.id}/withdraw`, {
      version: request.version,
    });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn' });
    expect((await decide(leader, withdrawn.json(), 'approve')).statusCode).toBe(409);
    expect((await getCase(c.id)).decisionDueDate).toBe('2027-01-30');
    expect(await auditOf(request.id)).toEqual(['approval.request', 'approval.withdraw']);
  });
});

describe('the daily clock reminders', () => {
  it('tell the investigator once when the decision is due within 10 days, once more when overdue, and again for a moved date', async () => {
    const c = await newCase();
    const scanOn = (today: string) =>
      caseClockRemindersJob({
        db: t.database.db,
        casesRepository: createCasesRepository(),
        notificationsService: t.services.notificationsService,
        today: () => today,
      }).scan();
    const toldOf = async () =>
      (
        (await handler.request('GET', '/api/notifications?pageSize=100')).json().items as {
          kind: string;
          title: string;
          link: string;
        }[]
      ).filter((n) => n.link === `/cases/${c.id}` && n.kind.startsWith('case_clock'));

    await scanOn('2027-01-19'); // eleven days before 2027-01-30: nothing yet
    expect(await toldOf()).toEqual([]);
    await scanOn('2027-01-25');
    await scanOn('2027-01-26');
    const soon = await toldOf();
    expect(soon.map((n) => n.kind)).toEqual(['case_clock_due_soon']);
    expect(soon[0].title).toContain('2027-01-30');
    await scanOn('2027-02-02');
    expect((await toldOf()).map((n) => n.kind).sort()).toEqual(['case_clock_due_soon', 'case_clock_overdue']);
    expect((await scanOn('2027-02-02')).notified).toBe(0);

    // The approved 30 days move the date: the new one is told when it nears.
    const request = (await askThirtyDays(handler, await getCase(c.id))).json().approvals[0];
    expect((await decide(leader, request, 'approve')).statusCode).toBe(200);
    await scanOn('2027-02-25');
    const all = await toldOf();
    expect(all).toHaveLength(3);
    expect(all.filter((n) => n.title.includes('2027-03-01'))).toHaveLength(1);
  });
});
