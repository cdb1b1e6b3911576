import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import { auditActionsOf, decide, leaderOf } from './helpers/approvals';

/**
 * 线索核查延期: the handler or office asks for the one 15-working-day extension; the due date moves
 * only when a 局领导 of the lead's line approves, in the decision's transaction, audited.
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let leader: Session;
let siblingLeader: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
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
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  siblingLeader = await leaderOf(t, tenant, sibling.id);
});
afterAll(() => t.close());

let n = 0;
const newLead = async () => {
  const res = await handler.request('POST', '/api/leads', {
    unitId: tenant.units.district.id,
    campaignId,
    categoryCode: 'food',
    source: 'complaint',
    sourceNumber: `延期-2026-${++n}`,
    receivedDate: '2026-02-10',
    partyName: '某超市',
    description: '消费者投诉购买到过期牛奶。',
  });
  expect(res.statusCode).toBe(201);
  return res.json();
};
const ask = (who: Session, lead: { id: string; version: number }, reason = '需补充检测') =>
  who.request('POST', `/api/leads/${lead.id}/clock`, { kind: 'extend', reason, version: lead.version });
const getLead = async (id: string, who: Session = handler) => (await who.request('GET', `/api/leads/${id}`)).json();
const auditOf = (id: string) => auditActionsOf(t, id);

describe('lead extension requests (线索核查延期)', () => {
  it('moves the due date only on the leader’s approval, audited, once', async () => {
    const lead = await newLead();
    const due = lead.clock.dueDate;
    expect(lead.can).toMatchObject({ requestExtension: true, approveExtension: false });
    const asked = await ask(handler, lead);
    expect(asked.statusCode).toBe(200);
    expect(asked.json().clock.dueDate).toBe(due);
    expect(asked.json().extensionApprovedBy).toBeNull();
    const [request] = asked.json().approvals;
    expect(request).toMatchObject({
      kind: 'lead_extension',
      recordType: 'lead',
      status: 'pending',
      approverRole: 'leader',
      link: `/leads/${lead.id}`,
      can: { decide: false, withdraw: true },
    });
    expect(request.description).toBe('核查期限延长15个工作日。理由：需补充检测');
    // One pending per lead: a second ask and the leader's own direct extension are refused meanwhile.
    expect((await ask(office, asked.json())).statusCode).toBe(409);
    expect((await ask(leader, asked.json())).statusCode).toBe(409);
    // The requester cannot approve his own; a leader of another line does not see it.
    expect((await decide(handler, request, 'approve')).statusCode).toBe(403);
    expect((await decide(siblingLeader, request, 'approve')).statusCode).toBe(404);
    const mine = (await leader.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(request.id);

    expect((await decide(leader, request, 'approve', '同意')).statusCode).toBe(200);
    const after = await getLead(lead.id);
    expect(after.clock.dueDate).toBe('2026-03-30');
    expect(after.extensionApprovedBy).toBe(tenant.byRole.leader.id);
    expect(after.extensionReason).toBe('需补充检测');
    expect(after.can).toMatchObject({ requestExtension: false, approveExtension: false });
    expect(await auditOf(lead.id)).toEqual(['lead.create', 'lead.clock']);
    expect(await auditOf(request.id)).toEqual(['approval.request', 'approval.approve']);
    // Twice: 409, nothing moves again.
    expect((await decide(leader, request, 'approve')).statusCode).toBe(409);
    expect((await ask(handler, after)).json().detail).toMatch(/只能延长一次/);
  });

  it('leaves the lead as it was when the leader rejects, and lets the handler ask again', async () => {
    const lead = await newLead();
    const [request] = (await ask(office, lead)).json().approvals;
    const rejected = await decide(leader, request, 'reject', '理由不充分');
    expect(rejected.statusCode).toBe(200);
    const after = await getLead(lead.id);
    expect(after.version).toBe(lead.version);
    expect(after.clock.dueDate).toBe(lead.clock.dueDate);
    expect(after.extensionApprovedBy).toBeNull();
    expect(await auditOf(lead.id)).toEqual(['lead.create']);
    expect(after.can.requestExtension).toBe(true);
    expect((await ask(handler, after)).statusCode).toBe(200);
  });

  it('lets the leader extend directly (he is the signer), and refuses an approval once the lead is decided', async () => {
    const direct = await newLead();
    expect((await getLead(direct.id, leader)).can).toMatchObject({ approveExtension: true, requestExtension: false });
    const extended = await ask(leader, direct);
    expect(extended.statusCode).toBe(200);
    expect(extended.json()).toMatchObject({ extensionApprovedBy: tenant.byRole.leader.id, approvals: [] });

    const lead = await newLead();
    const [request] = (await ask(handler, lead)).json().approvals;
    const current = await getLead(lead.id);
    await handler.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'not_file',
      decidedDate: '2026-02-20',
      note: '证据不足',
      version: current.version,
    });
    const late = await decide(leader, request, 'approve');
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toMatch(/已办结/);
    expect((await getLead(lead.id)).approvals[0].status).toBe('pending');
  });
});
