import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { auditLog } from '../src/modules/audit/audit.schema';
import { jointOperations } from '../src/modules/joint-operations/joint-operations.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let liaison: Session;
let reviewer: Session;
let siblingHandler: Session;
let campaignId = '';

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'leader', 'handler', 'liaison', 'reviewer'] });
  const { district, office: station, sibling } = tenant.units;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  liaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: tenant.units.city.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id, sibling.id],
    })
  ).id;
  void systemActor;
});
afterAll(() => t.close());

const action = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  kind: 'joint_action',
  title: '春耕农资市场联合执法检查',
  startDate: '2026-04-10',
  endDate: '2026-04-11',
  departments: ['police', 'agriculture'],
  departmentNames: '测试公安分局、区农业农村委',
  leadDepartment: 'self',
  location: '城桥镇农资经营集中区',
  content: '联合检查农资经营门店，重点检查种子、化肥、农药的进货查验和标签标识。',
  results: '责令整改3户，立案查处2起。',
  staffDeployed: 36,
  entitiesInspected: 42,
  problemsFound: 5,
  casesFiled: 2,
  ...over,
});
const meeting = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.office.id,
  campaignId,
  kind: 'joint_meeting',
  title: '行刑衔接联席会议',
  startDate: '2026-04-20',
  departments: ['police', 'procuratorate'],
  leadDepartment: 'procuratorate',
  content: '通报涉嫌犯罪案件移送情况，研究证据标准。',
  attendees: '区检察院、公安分局、区市场监管局',
  decisions: '建立案情通报机制，每季度召开一次。',
  staffDeployed: 99,
  ...over,
});
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (a) => a.action,
  );

describe('联合执法 and 联席会议', () => {
  let actionId = '';
  let meetingId = '';

  it('records a joint action with its departments and figures, audited', async () => {
    const res = await handler.request('POST', '/api/joint-operations', action());
    expect(res.statusCode, res.body).toBe(201);
    const op = res.json();
    actionId = op.id;
    expect(op).toMatchObject({
      kind: 'joint_action',
      kindLabel: '联合执法行动',
      departments: ['police', 'agriculture'],
      staffDeployed: 36,
      entitiesInspected: 42,
      unitName: tenant.units.district.name,
      version: 1,
      can: { edit: true },
    });
    expect(await auditOf(actionId)).toEqual(['joint_operation.create']);
  });

  it('records a meeting of the 所 (liaison of the district); a meeting keeps no action figures', async () => {
    const res = await liaison.request('POST', '/api/joint-operations', meeting());
    expect(res.statusCode, res.body).toBe(201);
    meetingId = res.json().id;
    expect(res.json()).toMatchObject({
      kind: 'joint_meeting',
      staffDeployed: 0,
      decisions: '建立案情通报机制，每季度召开一次。',
    });
  });

  it('answers 422 naming 会同部门 when no department is chosen, and stores nothing', async () => {
    const before = (await t.database.db.select().from(jointOperations)).length;
    const res = await office.request('POST', '/api/joint-operations', action({ departments: [] }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'departments' })]);
    expect(res.json().errors[0].message).toContain('会同部门');
    expect((await t.database.db.select().from(jointOperations)).length).toBe(before);
  });

  it('refuses an end before the start and a lead department not among the departments (422 on each field)', async () => {
    const res = await office.request(
      'POST',
      '/api/joint-operations',
      action({ endDate: '2026-04-01', leadDepartment: 'health' }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['endDate', 'leadDepartment']);
  });

  it('answers 403 to a role that may not record (法制审核)', async () => {
    const res = await reviewer.request('POST', '/api/joint-operations', action());
    expect(res.statusCode, res.body).toBe(403);
  });

  it('hides the records from a sibling district (404) and lists them in scope with totals', async () => {
    expect((await siblingHandler.request('GET', `/api/joint-operations/${actionId}`)).statusCode).toBe(404);
    const sibling = await siblingHandler.request('GET', `/api/joint-operations?campaignId=${campaignId}`);
    expect(sibling.statusCode, sibling.body).toBe(200);
    expect(sibling.json().total).toBe(0);

    const res = await office.request('GET', `/api/joint-operations?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((i: { id: string }) => i.id)).toEqual([meetingId, actionId]);
    expect(res.json().totals).toEqual({
      actions: 1,
      meetings: 1,
      staffDeployed: 36,
      entitiesInspected: 42,
      problemsFound: 5,
      casesFiled: 2,
    });
    const meetings = await office.request(
      'GET',
      `/api/joint-operations?kind=joint_meeting&unitId=${tenant.units.office.id}`,
    );
    expect(meetings.json().items.map((i: { id: string }) => i.id)).toEqual([meetingId]);
  });

  it('lets the office correct another person’s record, with a 409 on a stale version', async () => {
    const res = await office.request(
      'PUT',
      `/api/joint-operations/${actionId}`,
      action({ staffDeployed: 40, version: 1 }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ staffDeployed: 40, version: 2 });
    const stale = await office.request('PUT', `/api/joint-operations/${actionId}`, action({ version: 1 }));
    expect(stale.statusCode, stale.body).toBe(409);
    expect(await auditOf(actionId)).toEqual(['joint_operation.create', 'joint_operation.update']);
  });

  it('lets a handler edit only what he recorded', async () => {
    const res = await handler.request('PUT', `/api/joint-operations/${meetingId}`, meeting({ version: 1 }));
    expect(res.statusCode, res.body).toBe(403);
    expect((await handler.request('GET', `/api/joint-operations/${meetingId}`)).json().can).toEqual({ edit: false });
  });

  it('counts the period’s records in the briefing draft, equal to the list’s totals', async () => {
    await handler.request(
      'POST',
      '/api/joint-operations',
      action({
        title: '校园周边食品联合检查',
        startDate: '2026-04-25',
        endDate: null,
        departments: ['health', 'police'],
        staffDeployed: 10,
        entitiesInspected: 8,
        problemsFound: 0,
        casesFiled: 0,
      }),
    );
    // Outside the period: not counted.
    await handler.request('POST', '/api/joint-operations', action({ startDate: '2026-05-02', endDate: null }));
    const period = `unitId=${tenant.units.district.id}&from=2026-04-01&to=2026-04-30`;
    const totals = (await office.request('GET', `/api/joint-operations?campaignId=${campaignId}&${period}`)).json()
      .totals;
    expect(totals).toMatchObject({ actions: 2, meetings: 1, staffDeployed: 50, entitiesInspected: 50 });
    const res = await office.request('GET', `/api/campaigns/${campaignId}/briefing-draft?kind=briefing&${period}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().paragraphs).toContain(
      `会同公安、农业农村、卫健等部门开展联合执法行动${totals.actions}次，出动执法人员${totals.staffDeployed}人次，` +
        `检查经营主体${totals.entitiesInspected}户次，发现问题${totals.problemsFound}个，立案查处${totals.casesFiled}起；` +
        `与公安、检察院等部门召开联席会议${totals.meetings}次。`,
    );
    // The sibling's own draft (its subtree) has none of them.
    const sibling = await t.services.briefingsService.draft({ ...systemActor }, campaignId, {
      kind: 'briefing',
      unitId: tenant.units.sibling.id,
      from: '2026-04-01',
      to: '2026-04-30',
    });
    expect(sibling.paragraphs.join('')).not.toContain('联合执法');
  });
});
