import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import { auditActionsOf, decide, leaderOf } from './helpers/approvals';

/**
 * 结案审批 and 归档: a handler's or the office's move to 结案 or 归档 is a request a 局领导 of the
 * case's line signs; the stage moves only on approval, as moveStage moves it, audited.
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let reviewer: Session;
let leader: Session;
let siblingLeader: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'office', 'reviewer', 'leader'] });
  const { district, office: so, sibling } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: so.id,
      participantUnitIds: [district.id, so.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  siblingLeader = await leaderOf(t, tenant, sibling.id);
});
afterAll(() => t.close());

type Case = { id: string; version: number; stage: string; approvals: { id: string; version: number }[] } & Record<
  string,
  unknown
>;
let n = 0;
const getCase = async (id: string, who: Session = handler): Promise<Case> =>
  (await who.request('GET', `/api/cases/${id}`)).json();
const move = (who: Session, c: Case, body: Record<string, unknown>) =>
  who.request('POST', `/api/cases/${c.id}/stage`, { version: c.version, ...body });

/** A case at 执行, its decision taken on 2026-06-01. */
async function caseInExecution(): Promise<Case> {
  // Registered by the office (登记 of a filing the leader approved; a handler's filing is a request).
  const res = await office.request('POST', '/api/cases', {
    unitId: tenant.units.district.id,
    campaignId,
    categoryCode: 'food',
    caseNumber: `结案测试〔2026〕${++n}号`,
    name: '某食品公司销售过期食品案',
    partyKind: 'company',
    partyName: '上海某某食品有限公司',
    filingDate: '2026-05-01',
    filingApproverId: tenant.byRole.leader.id,
    investigatorId: tenant.byRole.handler.id,
  });
  expect(res.statusCode).toBe(201);
  let c: Case = res.json();
  const step = async (who: Session, body: Record<string, unknown>) => {
    const r = await move(who, c, body);
    expect(r.statusCode, r.body).toBe(200);
    c = r.json();
  };
  await step(handler, { to: 'investigation' });
  await step(handler, { to: 'review' });
  await step(reviewer, { to: 'notice' });
  await step(leader, { to: 'decided', decisionDate: '2026-06-01', penalized: true });
  await step(handler, { to: 'execution', executorId: tenant.unitUsers.own.id });
  return c;
}

describe('结案审批 and 归档 sign-off', () => {
  it('closes the case only on the leader’s approval, as moveStage does, audited', async () => {
    const c = await caseInExecution();
    expect(c.can).toMatchObject({ advance: true, askSignOff: true });
    // What the move carries is checked when asked.
    expect((await move(handler, c, { to: 'closed', closingDate: '2026-05-20' })).statusCode).toBe(400);
    const asked = await move(handler, c, { to: 'closed', closingDate: '2026-06-20', note: '罚款已缴清' });
    expect(asked.statusCode).toBe(200);
    const waiting = asked.json();
    expect(waiting).toMatchObject({ stage: 'execution', closingDate: null, version: c.version });
    expect(waiting.can).toMatchObject({ advance: false });
    const [request] = waiting.approvals;
    expect(request).toMatchObject({
      kind: 'case_closing',
      kindLabel: '结案审批',
      status: 'pending',
      approverRole: 'leader',
      payload: { to: 'closed', closingDate: '2026-06-20', note: '罚款已缴清' },
    });
    expect(request.description).toBe('案件结案，结案日期：2026-06-20；说明：罚款已缴清');
    // One pending per case: no second request, no direct move meanwhile.
    expect((await move(office, waiting, { to: 'closed', closingDate: '2026-06-21' })).statusCode).toBe(409);
    expect((await move(leader, waiting, { to: 'closed', closingDate: '2026-06-21' })).statusCode).toBe(409);
    // Not by the requester; not by a leader of another line (404); in the leader's 待我审批.
    expect((await decide(handler, request, 'approve')).statusCode).toBe(403);
    expect((await decide(siblingLeader, request, 'approve')).statusCode).toBe(404);
    const mine = (await leader.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(request.id);

    expect((await decide(leader, request, 'approve', '同意结案')).statusCode).toBe(200);
    const closed = await getCase(c.id);
    expect(closed).toMatchObject({ stage: 'closed', closingDate: '2026-06-20', version: c.version + 1 });
    expect(closed.stageHistory).toContainEqual(
      expect.objectContaining({ fromStage: 'execution', toStage: 'closed', actorName: 'd_leader', note: '罚款已缴清' }),
    );
    expect((await auditActionsOf(t, c.id)).slice(-1)).toEqual(['case.stage']);
    expect(await auditActionsOf(t, request.id)).toEqual(['approval.request', 'approval.approve']);
    expect((await decide(leader, request, 'approve')).statusCode).toBe(409);
    expect((await getCase(c.id)).version).toBe(c.version + 1);

    // 归档 by the office: a request too, signed by the leader.
    const archiving = (await move(office, closed, { to: 'archived' })).json();
    expect(archiving.stage).toBe('closed');
    const pending = archiving.approvals.find((a: { status: string }) => a.status === 'pending');
    expect(pending).toMatchObject({ kind: 'case_archiving', kindLabel: '归档审批' });
    expect((await decide(leader, pending, 'approve')).statusCode).toBe(200);
    expect((await getCase(c.id)).stage).toBe('archived');
  });

  it('leaves the case as it was on rejection; a leader closes and archives himself', async () => {
    const c = await caseInExecution();
    const [request] = (await move(handler, c, { to: 'closed', closingDate: '2026-06-20' })).json().approvals;
    expect((await decide(leader, request, 'reject', '执行尚未到位')).statusCode).toBe(200);
    const after = await getCase(c.id);
    expect(after).toMatchObject({ stage: 'execution', closingDate: null, version: c.version });
    expect(after.can).toMatchObject({ advance: true });
    const audited = await auditActionsOf(t, c.id);
    expect(audited[audited.length - 1]).toBe('case.stage'); // the move to 执行, nothing after it

    const leaders = await getCase(c.id, leader);
    expect(leaders.can).toMatchObject({ advance: true, askSignOff: false });
    const closed = await move(leader, leaders, { to: 'closed', closingDate: '2026-06-22' });
    expect(closed.json()).toMatchObject({ stage: 'closed', closingDate: '2026-06-22' });
    const archived = await move(leader, closed.json(), { to: 'archived' });
    expect(archived.json().stage).toBe('archived');
  });

  it('refuses to approve a withdrawn request (409); the leader then closes the case himself', async () => {
    const c = await caseInExecution();
    const [request] = (await move(handler, c, { to: 'closed', closingDate: '2026-06-20' })).json().approvals;
    // The requester withdraws, the leader closes it himself; the withdrawn request cannot be decided.
    expect(
      (await handler.request('POST', `/api/approvals/${request.id}/withdraw`, { version: request.version })).statusCode,
    ).toBe(200);
    const closed = (
      await move(leader, await getCase(c.id, leader), { to: 'closed', closingDate: '2026-06-25' })
    ).json();
    expect(closed.stage).toBe('closed');
    expect((await decide(leader, request, 'approve')).statusCode).toBe(409);
    expect((await getCase(c.id)).closingDate).toBe('2026-06-25');
  });
});
