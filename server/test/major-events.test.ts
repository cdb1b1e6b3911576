import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { auditLog } from '../src/modules/audit/audit.schema';
import { majorEvents } from '../src/modules/major-events/major-events.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
/** The liaison of the district's 所, which reports to the district's plan. */
let stationLiaison: Session;
/** The liaison of a second 所 of the district: a sibling of the first. */
let otherStationLiaison: Session;
/** The district's own liaison: the district owes its own plan nothing. */
let districtLiaison: Session;
let siblingDistrictLiaison: Session;
let otherStation: { id: string };
let campaignId = '';
let stationCaseId = '';
let otherCaseId = '';

const today = () => todayInChina();
const tomorrow = () => new Date(Date.parse(`${today()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

async function userSession(unitId: string, name: string): Promise<Session> {
  const user = await t.services.usersService.create(
    systemActor,
    { username: `${name}_${tenant.tag}`, password: TEST_PASSWORD, displayName: name, unitId, roles: ['liaison'] },
    { mustChangePassword: false },
  );
  return login(t.app, user.username, TEST_PASSWORD);
}

async function fileCase(unitId: string, caseNumber: string) {
  const created = await t.services.casesService.create(systemActor, {
    unitId,
    campaignId,
    categoryCode: 'food',
    caseNumber,
    name: '销售过期冷链食品案',
    partyKind: 'person',
    partyName: '李某',
    filingDate: '2026-04-01',
    amountInvolved: '0',
    fine: '0',
    confiscated: '0',
    lossesRecovered: '0',
    compensation: '0',
    mediated: false,
    penalized: false,
    otherMeasures: [],
    transferredToJudiciary: false,
    transferredToPolice: false,
    published: false,
    online: false,
    rural: false,
    typical: false,
    filingApproverId: tenant.byRole.leader.id,
    investigatorId: tenant.byRole.handler.id,
  } as never);
  return created.id;
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'liaison', 'handler', 'leader'] });
  const { district, office: station, sibling } = tenant.units;
  otherStation = await t.services.unitsService.create(systemActor, {
    parentId: district.id,
    name: `第二所-${tenant.tag}`,
    code: `DO2-${tenant.tag}`,
    kind: 'office',
  });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  districtLiaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
  stationLiaison = await userSession(station.id, 'station_liaison');
  otherStationLiaison = await userSession(otherStation.id, 'other_liaison');
  siblingDistrictLiaison = await userSession(sibling.id, 'sibling_liaison');
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id, otherStation.id],
    })
  ).id;
  stationCaseId = await fileCase(station.id, `ME-1-${tenant.tag}`);
  otherCaseId = await fileCase(otherStation.id, `ME-2-${tenant.tag}`);
});
afterAll(() => t.close());

const body = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.office.id,
  kind: 'major_case',
  title: '城区冷库查获大批过期冻品',
  occurredOn: today(),
  summary: '检查中发现某冷库存放过期冻品约12吨。',
  measuresTaken: '已查封冷库，抽样送检。',
  requests: '请协调公安机关提前介入。',
  caseId: stationCaseId,
  ...over,
});
const list = async (s: Session, query = '') => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/major-events${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const eventCount = async () => (await t.database.db.select().from(majorEvents)).length;
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (a) => a.action,
  );

describe('重大情况报告', () => {
  let eventId = '';

  it('lets the liaison of a unit reporting to the plan report an event, audited', async () => {
    const res = await stationLiaison.request('POST', `/api/campaigns/${campaignId}/major-events`, body());
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json();
    eventId = e.id;
    expect(e).toMatchObject({
      status: 'reported',
      kind: 'major_case',
      kindLabel: '大案要案',
      caseId: stationCaseId,
      caseNumber: `ME-1-${tenant.tag}`,
      reportedByName: 'station_liaison',
      acknowledgement: null,
      version: 1,
      can: { edit: true, acknowledge: false },
    });
    expect(e.unitLabel).toBe(`测试所-${tenant.tag}`);
    expect(await auditOf(eventId)).toEqual(['major_event.report']);
  });

  it('shows it to the office with the pending count, and hides it from a sibling unit', async () => {
    const seen = await list(office);
    expect(seen.items.map((i: { id: string }) => i.id)).toEqual([eventId]);
    expect(seen.pendingCount).toBe(1);
    expect(seen.canAcknowledge).toBe(true);
    const sibling = await list(otherStationLiaison);
    expect(sibling.items).toEqual([]);
    expect(sibling.pendingCount).toBe(0);
    expect(sibling.canAcknowledge).toBe(false);
    expect(sibling.reportingUnits.map((u: { unitId: string }) => u.unitId)).toEqual([otherStation.id]);
    expect((await otherStationLiaison.request('GET', `/api/major-events/${eventId}`)).statusCode).toBe(404);
    expect((await siblingDistrictLiaison.request('GET', `/api/major-events/${eventId}`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const before = await eventCount();
    const future = await stationLiaison.request(
      'POST',
      `/api/campaigns/${campaignId}/major-events`,
      body({ occurredOn: tomorrow() }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().errors).toEqual([{ path: 'occurredOn', message: '发生日期不能晚于今天' }]);
    const empty = await stationLiaison.request(
      'POST',
      `/api/campaigns/${campaignId}/major-events`,
      body({ title: '  ' }),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('title');
    expect(empty.json().detail).toContain('名称');
    // A case of another unit, and a unit that reports to no one through this plan (the issuer itself).
    const otherCase = await stationLiaison.request(
      'POST',
      `/api/campaigns/${campaignId}/major-events`,
      body({ caseId: otherCaseId }),
    );
    expect(otherCase.statusCode).toBe(400);
    expect(otherCase.json().errors.map((e: { path: string }) => e.path)).toEqual(['caseId']);
    const issuer = await districtLiaison.request(
      'POST',
      `/api/campaigns/${campaignId}/major-events`,
      body({ unitId: tenant.units.district.id, caseId: null }),
    );
    expect(issuer.statusCode).toBe(400);
    expect(issuer.json().errors.map((e: { path: string }) => e.path)).toEqual(['unitId']);
    // Another unit's liaison may not report for the 所.
    const foreign = await otherStationLiaison.request('POST', `/api/campaigns/${campaignId}/major-events`, body());
    expect(foreign.statusCode).toBe(404);
    expect(await eventCount()).toBe(before);
  });

  it('lets the reporter correct the report before acknowledgement, 409 on a stale version', async () => {
    const edited = await stationLiaison.request(
      'PUT',
      `/api/major-events/${eventId}`,
      body({ summary: '过期冻品约15吨。', version: 1 }),
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ summary: '过期冻品约15吨。', version: 2 });
    // The office above, which acknowledges, does not rewrite a report it did not write.
    const byOffice = await office.request('PUT', `/api/major-events/${eventId}`, body({ version: 2 }));
    expect(byOffice.statusCode).toBe(403);
    const stale = await stationLiaison.request('PUT', `/api/major-events/${eventId}`, body({ version: 1 }));
    expect(stale.statusCode).toBe(409);
    expect(await auditOf(eventId)).toEqual(['major_event.report', 'major_event.edit']);
  });

  it('lets only the office acknowledge, with a comment, once', async () => {
    const byLiaison = await stationLiaison.request('POST', `/api/major-events/${eventId}/acknowledge`, {
      acknowledgement: '收悉',
      version: 2,
    });
    expect(byLiaison.statusCode).toBe(403);
    const empty = await office.request('POST', `/api/major-events/${eventId}/acknowledge`, {
      acknowledgement: ' ',
      version: 2,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ path: 'acknowledgement', message: '请填写阅示意见（批示）' }]);
    const done = await office.request('POST', `/api/major-events/${eventId}/acknowledge`, {
      acknowledgement: '已阅。请执法大队配合，依法从严查处，及时续报。',
      version: 2,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'acknowledged',
      acknowledgedByName: 'd_office',
      version: 3,
      can: { edit: false, acknowledge: false },
    });
    const again = await office.request('POST', `/api/major-events/${eventId}/acknowledge`, {
      acknowledgement: '再阅',
      version: 3,
    });
    expect(again.statusCode).toBe(409);
    const edit = await stationLiaison.request('PUT', `/api/major-events/${eventId}`, body({ version: 3 }));
    expect(edit.statusCode).toBe(409);
    // The liaison reads the office's comment; nothing awaits the office any more.
    const mine = await list(stationLiaison);
    expect(mine.items[0].acknowledgement).toBe('已阅。请执法大队配合，依法从严查处，及时续报。');
    expect((await list(office)).pendingCount).toBe(0);
    expect((await list(office, '?status=reported')).items).toEqual([]);
    expect(await auditOf(eventId)).toEqual(['major_event.report', 'major_event.edit', 'major_event.acknowledge']);
    const [row] = await t.database.db
      .select()
      .from(majorEvents)
      .where(and(eq(majorEvents.id, eventId), inArray(majorEvents.status, ['acknowledged'])));
    expect(row.acknowledgement).toBe('已阅。请执法大队配合，依法从严查处，及时续报。');
  });
});
