import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { auditActionsOf, decide, leaderOf } from './helpers/approvals';

/**
 * 方案签发: the office's publication of a plan is a request a 局领导 of the issuing unit signs; the
 * plan is published (dated, with the office's answer on past periods) only on his approval, audited.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let leader: Session;
let siblingLeader: Session;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'leader'] });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  siblingLeader = await leaderOf(t, tenant, tenant.units.sibling.id);
});
afterAll(() => t.close());

const draft = async () => {
  const res = await office.request('POST', '/api/campaigns', {
    unitId: tenant.units.district.id,
    ...samplePlan({
      leadUnitId: tenant.units.office.id,
      participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
    }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const publish = (who: Session, c: { id: string; version: number }, owesPastPeriods?: boolean) =>
  who.request('POST', `/api/campaigns/${c.id}/status`, { version: c.version, status: 'active', owesPastPeriods });
const getPlan = async (id: string, who: Session = office) => (await who.request('GET', `/api/campaigns/${id}`)).json();

describe('方案签发', () => {
  it('publishes the office’s plan only when the leader signs, with the office’s choice on past periods', async () => {
    const c = await draft();
    expect(c.can).toMatchObject({ publish: true, askIssue: true, changeStatus: true });
    const asked = await publish(office, c, true);
    expect(asked.statusCode, asked.body).toBe(200);
    const waiting = asked.json();
    expect(waiting).toMatchObject({ status: 'draft', publishedAt: null, version: c.version });
    expect(waiting.can).toMatchObject({ publish: false, changeStatus: false });
    const [request] = waiting.approvals;
    expect(request).toMatchObject({
      kind: 'campaign_issue',
      kindLabel: '方案签发',
      recordType: 'campaign',
      status: 'pending',
      approverRole: 'leader',
      unitName: tenant.units.district.name,
      payload: { owesPastPeriods: true },
      link: `/campaigns/${c.id}`,
    });
    expect(request.description).toBe('发布行动方案；已过期的报送期次须补报');
    // One at a time; nothing else changes the status meanwhile.
    expect((await publish(office, waiting)).statusCode).toBe(409);
    expect((await publish(leader, waiting)).statusCode).toBe(409);
    expect(
      (await office.request('POST', `/api/campaigns/${c.id}/status`, { version: c.version, status: 'archived' }))
        .statusCode,
    ).toBe(409);
    // The requester cannot sign; a leader of another bureau does not see it; the leader's 待我审批 has it.
    expect((await decide(office, request, 'approve')).statusCode).toBe(403);
    expect((await decide(siblingLeader, request, 'approve')).statusCode).toBe(404);
    const mine = (await leader.request('GET', '/api/approvals?status=pending&mine=true')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(request.id);

    expect((await decide(leader, request, 'approve', '同意印发')).statusCode).toBe(200);
    const published = await getPlan(c.id);
    expect(published).toMatchObject({ status: 'active', owesPastPeriods: true, version: c.version + 1 });
    expect(published.publishedAt).not.toBeNull();
    expect(await auditActionsOf(t, c.id)).toEqual(['campaign.create', 'campaign.status']);
    expect(await auditActionsOf(t, request.id)).toEqual(['approval.request', 'approval.approve']);
    expect((await decide(leader, request, 'approve')).statusCode).toBe(409);
  });

  it('leaves the draft as it was on rejection; the office may ask again', async () => {
    const c = await draft();
    const [request] = (await publish(office, c)).json().approvals;
    expect((await decide(leader, request, 'reject', '任务分工需再斟酌')).statusCode).toBe(200);
    const after = await getPlan(c.id);
    expect(after).toMatchObject({ status: 'draft', publishedAt: null, version: c.version });
    expect(after.can).toMatchObject({ publish: true });
    expect(await auditActionsOf(t, c.id)).toEqual(['campaign.create']);
    expect((await publish(office, after)).statusCode).toBe(200);
  });

  it('lets a leader of the issuing unit publish himself (he signs); he may not archive', async () => {
    const c = await draft();
    const seen = await getPlan(c.id, leader);
    expect(seen.can).toMatchObject({ publish: true, askIssue: false, changeStatus: false });
    const res = await publish(leader, seen, false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'active', owesPastPeriods: false, approvals: [] });
    const archive = await leader.request('POST', `/api/campaigns/${c.id}/status`, {
      version: res.json().version,
      status: 'archived',
    });
    expect(archive.statusCode).toBe(403);
  });

  it('checks the plan when asked and again when signed: a task without its lead unit is refused', async () => {
    const c = await draft();
    const plan = samplePlan({
      leadUnitId: tenant.units.office.id,
      participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
    });
    const noLead = {
      ...plan,
      unitId: tenant.units.district.id,
      tasks: plan.tasks.map((x: Record<string, unknown>) => ({ ...x, leadUnitIds: [], pendingLeadRoles: ['稽查'] })),
      version: c.version,
    };
    const edited = await office.request('PUT', `/api/campaigns/${c.id}`, noLead);
    expect(edited.statusCode, edited.body).toBe(200);
    const refused = await publish(office, edited.json());
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].path).toMatch(/^tasks\.0\.leadUnitIds/);
    expect((await getPlan(c.id)).approvals).toEqual([]);
  });
});
