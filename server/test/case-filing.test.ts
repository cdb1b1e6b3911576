import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { auditLog } from '../src/modules/audit/audit.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import type { Role } from '../src/modules/users/users.schema';

/**
 * 立案审批: a handler asks for filing; the case exists only once the named 局领导 approves, in the
 * decision's transaction, dated the day of approval, with its roll-ups and audit entries. Nobody
 * approves his own request; a handler no longer files directly.
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
let leader: Session;
let office: Session;
let otherLeader: Session;
let siblingLeader: Session;
let handlerLeader: { id: string; session: Session };
let campaignId: string;

const person = (unitId: string, roles: Role[], name: string) => addPerson(t, tenant, unitId, roles, name);

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'leader', 'office'] });
  const { district, office: districtOffice, sibling } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: districtOffice.id,
      participantUnitIds: [district.id, districtOffice.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  otherLeader = (await person(district.id, ['leader'], 'other_leader')).session;
  siblingLeader = (await person(sibling.id, ['leader'], 'sibling_leader')).session;
  handlerLeader = await person(district.id, ['handler', 'leader'], 'handler_leader');
});
afterAll(() => t.close());

let n = 0;
const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  caseNumber: `立案审批〔2026〕${++n}号`,
  name: '某超市销售过期食品案',
  partyKind: 'company',
  partyName: '上海某某超市有限公司',
  filingDate: '2026-01-05',
  fine: '5000',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const ask = (who: Session, body: Record<string, unknown>) => who.request('POST', '/api/cases/filing-requests', body);
const decide = (who: Session, r: { id: string; version: number }, decision: 'approve' | 'reject', comment?: string) =>
  who.request('POST', `/api/approvals/${r.id}/decision`, { decision, comment, version: r.version });
const caseRow = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0];
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (e) => ({ action: e.action, actorName: e.actorName }),
  );
const filedCount = async () => {
  const stats = await t.services.rollupsService.stats(systemActor, campaignId, {
    unitId: tenant.units.district.id,
    from: '2026-01-01',
    to: '2099-12-31',
  });
  return stats.rows.at(-1)!.values.casesFiled;
};

describe('立案审批', () => {
  it('files nothing on request; the named leader’s approval files the case, dated that day, audited', async () => {
    const before = await filedCount();
    const asked = await ask(handler, newCase());
    expect(asked.statusCode).toBe(201);
    const request = asked.json();
    expect(request).toMatchObject({
      kind: 'case_filing',
      kindLabel: '立案审批',
      status: 'pending',
      approverRole: 'leader',
      namedApproverId: tenant.byRole.leader.id,
      link: '/approvals',
      can: { decide: false, withdraw: true },
    });
    expect(request.description).toMatch(/当事人：上海某某超市有限公司.*立案日期以批准之日为准/);
    expect(await caseRow(request.recordId)).toBeUndefined();
    expect(await filedCount()).toBe(before);
    expect((await handler.request('GET', `/api/cases/${request.recordId}`)).statusCode).toBe(404);

    // The named leader's 待我审批 holds it; another leader's does not.
    const mine = async (who: Session) =>
      (await who.request('GET', '/api/approvals?status=pending&mine=true'))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await mine(leader)).toContain(request.id);
    expect(await mine(otherLeader)).not.toContain(request.id);

    // Another leader when one is named: 403; the named one approves.
    expect((await decide(otherLeader, request, 'approve')).statusCode).toBe(403);
    const approved = await decide(leader, request, 'approve', '同意立案');
    expect(approved.statusCode).toBe(200);
    // Approved, the request opens the case (and the requester is told with that link).
    expect(approved.json().link).toBe(`/cases/${request.recordId}`);
    const told = (await handler.request('GET', '/api/notifications')).json().items as { kind: string; link: string }[];
    expect(told).toContainEqual(
      expect.objectContaining({ kind: 'approval_decided', link: `/cases/${request.recordId}` }),
    );
    const row = await caseRow(request.recordId);
    expect(row).toMatchObject({
      stage: 'filed',
      filingApproverId: tenant.byRole.leader.id,
      investigatorId: tenant.byRole.handler.id,
      createdBy: tenant.byRole.handler.id,
      filingDate: todayInChina(),
      fineFen: 500000,
    });
    expect(await filedCount()).toBe(before + 1);
    // The handler now sees his case.
    expect((await handler.request('GET', `/api/cases/${row.id}`)).json().caseNumber).toBe(row.caseNumber);
    expect(await auditOf(request.id)).toEqual([
      { action: 'approval.request', actorName: 'd_handler' },
      { action: 'approval.approve', actorName: 'd_leader' },
    ]);
    expect(await auditOf(row.id)).toEqual([{ action: 'case.create', actorName: 'd_leader' }]);

    // Twice: 409, still one case.
    expect((await decide(leader, approved.json(), 'approve')).statusCode).toBe(409);
    expect(await filedCount()).toBe(before + 1);
    // The number is taken now: a new request with it answers as creation does.
    const again = await ask(handler, newCase({ caseNumber: row.caseNumber }));
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toContainEqual(expect.objectContaining({ path: 'caseNumber' }));
  });

  it('refuses the requester approving his own request, and a second request for the same number', async () => {
    const body = newCase({ filingApproverId: tenant.byRole.leader.id });
    const own = (await ask(handlerLeader.session, body)).json();
    expect(own.can).toEqual({ decide: false, withdraw: true });
    // Named as approver of his own request: refused at once.
    const self = await ask(handlerLeader.session, newCase({ filingApproverId: handlerLeader.id }));
    expect(self.statusCode).toBe(400);
    expect(self.json().errors).toContainEqual(expect.objectContaining({ path: 'filingApproverId' }));
    // Unnamed he could not either: the kernel forbids the requester (四分离).
    expect((await decide(handlerLeader.session, own, 'approve')).statusCode).toBe(403);
    const dup = await ask(handler, { ...body });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().detail).toMatch(/立案申请待审批/);
    // A leader outside the unit's scope does not see it.
    expect((await decide(siblingLeader, own, 'approve')).statusCode).toBe(404);
    expect(await caseRow(own.recordId)).toBeUndefined();
    // Withdrawn by its requester, the number is free for a new request.
    const withdrawn = await handlerLeader.session.request('POST', `/api/approvals/${own.id}/withdraw`, {
      version: own.version,
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await ask(handler, { ...body })).statusCode).toBe(201);
    expect(await caseRow(own.recordId)).toBeUndefined();
  });

  it('files nothing when rejected, and refuses approval when the world changed meanwhile', async () => {
    const before = await filedCount();
    const r = (await ask(handler, newCase())).json();
    expect((await decide(leader, r, 'reject')).statusCode).toBe(400); // a comment is required
    const rejected = await decide(leader, r, 'reject', '证据不足，暂不立案');
    expect(rejected.json().status).toBe('rejected');
    expect(await caseRow(r.recordId)).toBeUndefined();
    expect(await filedCount()).toBe(before);

    // The office registers the number while the request waits: approval answers with the reason.
    const body = newCase();
    const waiting = (await ask(handler, body)).json();
    expect((await office.request('POST', '/api/cases', { ...body })).statusCode).toBe(201);
    const late = await decide(leader, waiting, 'approve');
    expect(late.statusCode).toBe(400);
    expect(late.json().detail).toMatch(/已有案件编号/);
    expect((await t.services.approvalsService.get(systemActor, waiting.id)).status).toBe('pending');
    expect(await caseRow(waiting.recordId)).toBeUndefined();
  });

  it('keeps direct registration for the office and the leader, not the handler', async () => {
    const direct = await handler.request('POST', '/api/cases', newCase());
    expect(direct.statusCode).toBe(403);
    expect(direct.json().detail).toMatch(/立案审批/);
    expect((await office.request('POST', '/api/cases', newCase())).statusCode).toBe(201);
    expect(
      (await leader.request('POST', '/api/cases', newCase({ filingApproverId: handlerLeader.id }))).statusCode,
    ).toBe(201);
    // The checks of creation run on a request too (400 naming the field).
    const bad = await ask(handler, newCase({ investigatorId: tenant.byRole.leader.id }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('investigatorId');
  });
});

describe('线索立案审批', () => {
  it('a handler’s filing of a lead waits for the leader; on approval the case is filed and the lead closed together', async () => {
    const before = await filedCount();
    const created = await handler.request('POST', '/api/leads', {
      unitId: tenant.units.district.id,
      campaignId,
      categoryCode: 'food',
      source: 'complaint',
      sourceNumber: `12315-F-${tenant.tag}`,
      receivedDate: '2026-01-02',
      partyName: '某超市',
      description: '消费者投诉购买到过期牛奶。',
      complainantName: '李小明',
      complainantPhone: '13812341234',
    });
    expect(created.statusCode, created.body).toBe(201);
    const lead = created.json();
    const { unitId: _u, campaignId: _c, ...fields } = newCase();
    const fileIt = (version: number) =>
      handler.request('POST', `/api/leads/${lead.id}/decision`, { outcome: 'file', version, case: fields });
    const asked = await fileIt(lead.version);
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({
      status: 'verifying',
      caseId: null,
      filingPending: true,
      can: { decide: false },
    });
    expect(await filedCount()).toBe(before);
    // Converted twice, or ended otherwise meanwhile: 409.
    expect((await fileIt(lead.version)).statusCode).toBe(409);
    const notFile = await handler.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'not_file',
      version: lead.version,
      decidedDate: '2026-01-03',
      note: '重复',
    });
    expect(notFile.statusCode).toBe(409);

    const [request] = (await leader.request('GET', '/api/approvals?status=pending&mine=true'))
      .json()
      .items.filter((r: { recordId: string }) => r.recordId === lead.id);
    expect(request).toMatchObject({ kind: 'lead_filing', link: `/leads/${lead.id}`, recordType: 'lead' });
    expect(request.description).toMatch(/^线索转为案件。立案：/);
    expect((await decide(leader, request, 'approve')).statusCode).toBe(200);

    const closed = (await handler.request('GET', `/api/leads/${lead.id}`)).json();
    expect(closed).toMatchObject({ status: 'filed', decidedDate: todayInChina(), filingPending: false });
    const row = await caseRow(closed.caseId);
    expect(row).toMatchObject({
      originLeadId: lead.id,
      createdBy: tenant.byRole.handler.id,
      filingApproverId: tenant.byRole.leader.id,
      filingDate: todayInChina(),
    });
    expect(await filedCount()).toBe(before + 1);
    expect((await auditOf(lead.id)).map((e) => e.action)).toEqual(['lead.create', 'lead.decide']);
  });
});
