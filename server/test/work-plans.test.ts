import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { auditLog } from '../src/modules/audit/audit.schema';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { campaigns } from '../src/modules/campaigns/campaigns.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let stationLiaison: Session;
let otherLiaison: Session;
let handler: Session;
let siblingLiaison: Session;
let other: { id: string };
let campaignId = '';

const day = (offset: number) =>
  new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

async function userSession(unitId: string, name: string, roles: ('liaison' | 'office')[] = ['liaison']) {
  const user = await t.services.usersService.create(
    systemActor,
    { username: `${name}_${tenant.tag}`, password: TEST_PASSWORD, displayName: name, unitId, roles },
    { mustChangePassword: false },
  );
  return login(t.app, user.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const { district, office: station, sibling } = tenant.units;
  other = await t.services.unitsService.create(systemActor, {
    parentId: district.id,
    name: `执法大队-${tenant.tag}`,
    code: `DD-${tenant.tag}`,
    kind: 'office',
  });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  stationLiaison = await userSession(station.id, 'wp_station');
  otherLiaison = await userSession(other.id, 'wp_other');
  siblingLiaison = await userSession(sibling.id, 'wp_sibling');
  const plan = planSchema.parse({
    ...samplePlan({ leadUnitId: district.id, participantUnitIds: [district.id, station.id, other.id] }),
    workPlanDeadline: day(-1),
  });
  const created = await t.services.campaignsService.create(systemActor, { ...plan, unitId: district.id });
  campaignId = created.id;
  // Published (签发 is tested elsewhere): the inbox reminds only of active plans.
  await t.database.db.update(campaigns).set({ status: 'active' }).where(eq(campaigns.id, campaignId));
});
afterAll(() => t.close());

const board = async (s: Session) => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/work-plans`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (a) => a.action,
  );

describe('工作实施计划备案', () => {
  let planId = '';

  it('shows every owing unit overdue past the deadline (Beijing day), and the plan in the inbox', async () => {
    const b = await board(office);
    expect(b.deadline).toBe(day(-1));
    expect(b.items.map((i: { unitId: string }) => i.unitId).sort()).toEqual([tenant.units.office.id, other.id].sort());
    expect(b.items.every((i: { status: string }) => i.status === 'overdue')).toBe(true);
    expect(b.counts).toEqual({ acknowledged: 0, filed: 0, overdue: 2, notDue: 0 });
    expect(b.canReview).toBe(true);
    const mine = await board(stationLiaison);
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ unitId: tenant.units.office.id, canFile: true, statusLabel: '逾期未报' });
    const inbox = (await stationLiaison.request('GET', '/api/inbox')).json();
    expect(inbox.counts.work_plan_due).toBe(1);
    expect(inbox.items.find((i: { kind: string }) => i.kind === 'work_plan_due')).toMatchObject({
      recordId: campaignId,
      overdue: true,
      dueAt: day(-1),
    });
  });

  it('refuses filing by a handler (403), outside the scope (404), with Chinese field errors (400)', async () => {
    const body = { unitId: tenant.units.office.id, title: '城桥所工作实施计划', summary: '分三阶段推进。' };
    expect((await handler.request('POST', `/api/campaigns/${campaignId}/work-plans`, body)).statusCode).toBe(403);
    expect((await siblingLiaison.request('POST', `/api/campaigns/${campaignId}/work-plans`, body)).statusCode).toBe(
      404,
    );
    const blank = await stationLiaison.request('POST', `/api/campaigns/${campaignId}/work-plans`, {
      ...body,
      title: ' ',
    });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().errors).toEqual([{ path: 'title', message: '请填写计划名称' }]);
    const notOwing = await office.request('POST', `/api/campaigns/${campaignId}/work-plans`, {
      ...body,
      unitId: tenant.units.district.id,
    });
    expect(notOwing.statusCode).toBe(400);
    expect(notOwing.json().errors[0].path).toBe('unitId');
  });

  it('files, attaches the document, and the office returns it with a reason; the unit refiles', async () => {
    const res = await stationLiaison.request('POST', `/api/campaigns/${campaignId}/work-plans`, {
      unitId: tenant.units.office.id,
      title: '城桥所工作实施计划',
      summary: '分三阶段推进。',
    });
    expect(res.statusCode, res.body).toBe(201);
    planId = res.json().id;
    expect(res.json()).toMatchObject({ status: 'filed', version: 1, can: { refile: true, review: false } });
    const twice = await stationLiaison.request('POST', `/api/campaigns/${campaignId}/work-plans`, {
      unitId: tenant.units.office.id,
      title: 'x',
      summary: 'y',
    });
    expect(twice.statusCode).toBe(409);
    const up = await stationLiaison.upload(`/api/work-plans/${planId}/file`, 'plan.pdf', '%PDF-1.4\n%测试\n');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().file).toMatchObject({ fileName: 'plan.pdf' });
    const down = await office.request('GET', `/api/work-plans/${planId}/file`);
    expect(down.statusCode).toBe(200);
    expect(down.body.startsWith('%PDF')).toBe(true);

    const b = await board(office);
    expect(b.items.find((i: { unitId: string }) => i.unitId === tenant.units.office.id)).toMatchObject({
      status: 'filed',
      late: true,
    });
    const officeInbox = (await office.request('GET', '/api/inbox')).json();
    expect(officeInbox.items.find((i: { kind: string }) => i.kind === 'work_plan_review').recordId).toBe(planId);

    expect(
      (await stationLiaison.request('POST', `/api/work-plans/${planId}/return`, { reason: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);
    const noReason = await office.request('POST', `/api/work-plans/${planId}/return`, { reason: ' ', version: 1 });
    expect(noReason.json().errors).toEqual([{ path: 'reason', message: '请填写退回理由' }]);
    const stale = await office.request('POST', `/api/work-plans/${planId}/return`, {
      reason: '请细化分工',
      version: 7,
    });
    expect(stale.statusCode).toBe(409);
    const returned = await office.request('POST', `/api/work-plans/${planId}/return`, {
      reason: '请细化分工',
      version: 1,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: '请细化分工' });
    expect(
      (await board(office)).items.find((i: { unitId: string }) => i.unitId === tenant.units.office.id),
    ).toMatchObject({ status: 'overdue', returned: true });
    const refiled = await stationLiaison.request('PUT', `/api/work-plans/${planId}`, {
      title: '城桥所工作实施计划（修改稿）',
      summary: '细化分工到人。',
      version: 2,
    });
    expect(refiled.statusCode, refiled.body).toBe(200);
    expect(refiled.json()).toMatchObject({ status: 'filed', returnReason: null, version: 3 });
  });

  it('acknowledges (已备案) once; then the plan is locked; a sibling sees nothing (404)', async () => {
    expect((await siblingLiaison.request('GET', `/api/work-plans/${planId}`)).statusCode).toBe(404);
    const ack = await office.request('POST', `/api/work-plans/${planId}/acknowledge`, { version: 3 });
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ status: 'acknowledged', can: { refile: false, review: false } });
    expect((await office.request('POST', `/api/work-plans/${planId}/acknowledge`, { version: 4 })).statusCode).toBe(
      409,
    );
    const edit = await stationLiaison.request('PUT', `/api/work-plans/${planId}`, {
      title: 'x',
      summary: 'y',
      version: 4,
    });
    expect(edit.statusCode).toBe(409);
    const b = await board(office);
    expect(b.counts).toEqual({ acknowledged: 1, filed: 0, overdue: 1, notDue: 0 });
    expect(b.items.find((i: { unitId: string }) => i.unitId === tenant.units.office.id).statusLabel).toBe('已备案');
    expect(await auditOf(planId)).toEqual([
      'work_plan.file',
      'work_plan.attach',
      'work_plan.return',
      'work_plan.refile',
      'work_plan.acknowledge',
    ]);
    // The other unit, not yet filed, is still overdue and still in its inbox.
    const inbox = (await otherLiaison.request('GET', '/api/inbox')).json();
    expect(inbox.counts.work_plan_due).toBe(1);
  });
});
