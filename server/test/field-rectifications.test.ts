import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOfUser } from '../src/platform/actor';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { todayInChina } from '../src/platform/today';
import { auditLog } from '../src/modules/audit/audit.schema';
import { marketEntities } from '../src/modules/market-entities/market-entities.schema';
import { notifications } from '../src/modules/notifications/notifications.schema';
import { createRandomChecksRepository } from '../src/modules/random-checks/random-checks.repository';
import { createRectificationEntityHistory } from '../src/modules/rectifications/rectification-entity-history';
import { createRectificationsRepository } from '../src/modules/rectifications/rectifications.repository';
import { createMarketEntitiesRepository } from '../src/modules/market-entities/market-entities.repository';
import { supervisionFindings } from '../src/modules/supervision/supervision.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { exifJpeg } from './helpers/exif-jpeg';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * 责令整改 on the spot (issue 21): an outing orders a market entity of its unit's subtree to
 * correct something by a deadline; the inspectors record the entity's 整改情况, send it back at
 * 复查 or the office and leaders close it; the ledger, the inbox and the reminders see it beside
 * 督查's findings. A 双随机 check's finding opens its lead and orders a rectification the same way.
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let leader: Session;
let liaison: Session;
let siblingHandler: Session;
let campaignId = '';
let inspectionId = '';
/** An entity the 所 below the district supervises, and one of the sibling district. */
let stationEntity = '';
let siblingEntity = '';
const OUTING_DATE = '2026-04-10';
const entityRepo = createMarketEntitiesRepository();
const randomRepo = createRandomChecksRepository();

async function entity(unitId: string, i: number, name: string) {
  const code = `91310000FR${tenant.tag.slice(0, 4).toUpperCase()}${i}00`;
  await entityRepo.upsertEntities(t.database.db, [
    {
      unitId,
      name,
      creditCode: code + creditCodeCheckChar(code),
      address: '某路1号',
      industry: '食品销售',
      divisionCode: null,
      riskLevel: 'medium',
      licence: null,
    },
  ]);
  const [row] = await t.database.db.select().from(marketEntities).where(eq(marketEntities.name, name));
  return row.id;
}

const inspection = async () => (await handler.request('GET', `/api/inspections/${inspectionId}`)).json();
const audited = async (action: string, recordId: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.recordId, recordId)));

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'office', 'leader', 'liaison'] });
  const { district, office: station, sibling } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  liaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  stationEntity = await entity(station.id, 1, `崇明某食品店-${tenant.tag}`);
  siblingEntity = await entity(sibling.id, 2, `兄弟区某超市-${tenant.tag}`);
  const created = await handler.request('POST', '/api/inspections', {
    unitId: district.id,
    campaignId,
    categoryCode: 'food',
    inspectionDate: OUTING_DATE,
    staffDeployed: 4,
    vehicles: 1,
    entitiesInspected: 6,
    places: ['农贸市场'],
    rectificationOrders: 0,
    findings: '某食品店销售过期月饼',
    inspectorIds: [tenant.byRole.handler.id],
    seizures: [],
  });
  expect(created.statusCode, created.body).toBe(201);
  inspectionId = created.json().id;
});
afterAll(() => t.close());

describe('责令整改 on an outing', () => {
  let orderId = '';

  it('orders an entity of the unit’s subtree with a deadline in working days; the outing counts it', async () => {
    const res = await handler.request('POST', `/api/inspections/${inspectionId}/rectifications`, {
      entityId: stationEntity,
      description: '销售超过保质期的月饼2盒',
      requirement: '立即下架过期月饼，建立进货查验记录',
      deadlineWorkingDays: 5,
    });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    orderId = order.id;
    expect(order).toMatchObject({
      source: 'inspection',
      sourceLabel: '执法检查',
      sourceDate: OUTING_DATE,
      inspectionId,
      visitId: null,
      entityId: stationEntity,
      entityName: `崇明某食品店-${tenant.tag}`,
      unitId: tenant.units.district.id,
      campaignId,
      status: 'open',
      deadline: '2026-04-17',
      can: { edit: false, reply: true, review: false, close: false },
    });
    // 责令整改份数 is at least the number ordered: raised from 0 to 1, and an edit below it is refused.
    const outing = await inspection();
    expect(outing.rectificationOrders).toBe(1);
    const list = (await handler.request('GET', `/api/inspections/${inspectionId}/rectifications`)).json();
    expect(list).toMatchObject({ canOrder: true, orderedCount: 1 });
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([orderId]);
    expect(list.entities.map((e: { id: string }) => e.id)).toContain(stationEntity);
    expect(list.entities.map((e: { id: string }) => e.id)).not.toContain(siblingEntity);
    const lowered = await handler.request('PUT', `/api/inspections/${inspectionId}`, {
      unitId: tenant.units.district.id,
      campaignId,
      categoryCode: 'food',
      inspectionDate: OUTING_DATE,
      staffDeployed: 4,
      vehicles: 1,
      entitiesInspected: 6,
      places: ['农贸市场'],
      rectificationOrders: 0,
      findings: '某食品店销售过期月饼',
      inspectorIds: [tenant.byRole.handler.id],
      seizures: [],
      version: outing.version,
    });
    expect(lowered.statusCode).toBe(422);
    expect(lowered.json().errors[0].path).toBe('rectificationOrders');
    expect(await audited('rectification.create', orderId)).toHaveLength(1);
    expect(await audited('inspection.update', inspectionId)).toHaveLength(1);
    // The inspectors and the unit's handlers are told (the entity is not a user).
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'rectification_demanded'), eq(notifications.link, `/rectifications/${orderId}`)),
      );
    expect(told.map((n) => n.userId)).toContain(tenant.byRole.handler.id);
  });

  it('refuses an entity outside the outing unit’s subtree with 422, storing nothing; outside the scope it is 404', async () => {
    const res = await handler.request('POST', `/api/inspections/${inspectionId}/rectifications`, {
      entityId: siblingEntity,
      description: '问题',
      requirement: '整改',
      deadline: '2026-04-30',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['entityId']);
    const early = await handler.request('POST', `/api/inspections/${inspectionId}/rectifications`, {
      entityId: stationEntity,
      description: '问题',
      requirement: '整改',
      deadline: '2026-04-01',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].path).toBe('deadline');
    const stored = await t.database.db
      .select()
      .from(supervisionFindings)
      .where(eq(supervisionFindings.inspectionId, inspectionId));
    expect(stored).toHaveLength(1);
    expect((await siblingHandler.request('GET', `/api/inspections/${inspectionId}/rectifications`)).statusCode).toBe(
      404,
    );
    expect((await siblingHandler.request('GET', `/api/rectifications/${orderId}`)).statusCode).toBe(404);
    // The liaison answers 督查's findings of his unit, not an entity's 责令整改.
    expect(
      (await liaison.request('POST', `/api/rectifications/${orderId}/reply`, { text: '已整改', version: 1 }))
        .statusCode,
    ).toBe(403);
  });

  it('the inspectors record the entity’s 整改情况 with a photo, send it back at 复查, and the leader closes it', async () => {
    const photo = exifJpeg({ dateTimeOriginal: '2026:04:15 10:20:30', latitude: 31.62, longitude: 121.4 });
    const up = await handler.upload(`/api/rectifications/${orderId}/attachments`, '下架照片.jpg', photo);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ takenLatitude: '31.620000', takenLongitude: '121.400000' });
    expect(up.json().takenAt).not.toBeNull();
    let current = (await handler.request('GET', `/api/rectifications/${orderId}`)).json();
    const replied = await handler.request('POST', `/api/rectifications/${orderId}/reply`, {
      text: '经复查，过期月饼已全部下架，补建进货台账',
      attachmentIds: [up.json().id],
      version: current.version,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json()).toMatchObject({ status: 'replied', can: { review: true, close: false } });
    // A handler does not close; he may send it back.
    expect(
      (await handler.request('POST', `/api/rectifications/${orderId}/close`, { version: replied.json().version }))
        .statusCode,
    ).toBe(403);
    const returned = await handler.request('POST', `/api/rectifications/${orderId}/return`, {
      reason: '进货台账未建立',
      version: replied.json().version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'open', returnCount: 1 });
    current = returned.json();
    const again = await handler.request('POST', `/api/rectifications/${orderId}/reply`, {
      text: '进货台账已建立',
      version: current.version,
    });
    expect(again.statusCode).toBe(200);
    // The unit's office and leader are told an answer awaits 销号.
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(
        and(eq(notifications.kind, 'rectification_replied'), eq(notifications.link, `/rectifications/${orderId}`)),
      );
    expect(new Set(told.map((n) => n.userId))).toEqual(new Set([tenant.byRole.office.id, tenant.byRole.leader.id]));
    const inbox = (await office.request('GET', '/api/inbox')).json();
    expect(
      inbox.items
        .filter((i: { kind: string }) => i.kind === 'rectification_field_review')
        .map((i: { recordId: string }) => i.recordId),
    ).toContain(orderId);
    const asLeader = (await leader.request('GET', `/api/rectifications/${orderId}`)).json();
    expect(asLeader.can).toMatchObject({ close: true });
    const closed = await leader.request('POST', `/api/rectifications/${orderId}/close`, {
      text: '复查合格，予以销号',
      version: asLeader.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['reply', 'return', 'reply', 'close']);
    expect(await audited('rectification.close', orderId)).toHaveLength(1);
  });

  it('the 整改台账 shows the source and filters by it', async () => {
    const field = (await office.request('GET', '/api/rectifications?source=field')).json();
    expect(field.items.map((i: { id: string }) => i.id)).toContain(orderId);
    expect(field.items.find((i: { id: string }) => i.id === orderId)).toMatchObject({
      sourceLabel: '执法检查',
      entityName: `崇明某食品店-${tenant.tag}`,
    });
    const supervision = (await office.request('GET', '/api/rectifications?source=supervision')).json();
    expect(supervision.items.map((i: { id: string }) => i.id)).not.toContain(orderId);
    const xlsx = await office.request('GET', '/api/rectifications.xlsx?source=field');
    expect(xlsx.statusCode).toBe(200);
  });

  it('an overdue order waits in the inspectors’ inbox, overdue, and the reminder tells them once', async () => {
    const res = await handler.request('POST', `/api/inspections/${inspectionId}/rectifications`, {
      entityId: stationEntity,
      description: '未公示食品经营许可证',
      requirement: '在显著位置公示许可证',
      deadline: '2026-04-20',
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    expect(todayInChina() > '2026-04-20').toBe(true);
    expect(res.json().overdue).toBe(true);
    expect((await inspection()).rectificationOrders).toBe(2);
    const inbox = (await handler.request('GET', '/api/inbox')).json();
    const item = inbox.items.find((i: { recordId: string }) => i.recordId === id);
    expect(item).toMatchObject({ kind: 'rectification_field_open', overdue: true, dueAt: '2026-04-20' });
    // The liaison's inbox holds 督查's findings of his unit only.
    const liaisonInbox = (await liaison.request('GET', '/api/inbox')).json();
    expect(liaisonInbox.items.some((i: { recordId: string }) => i.recordId === id)).toBe(false);
    await t.services.rectificationReminders.scan();
    await t.services.rectificationReminders.scan();
    const reminded = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.kind, 'rectification_overdue'), eq(notifications.link, `/rectifications/${id}`)));
    // The outing's inspector and the unit's other handler, each once however often the scan runs.
    expect(reminded.map((n) => n.userId).sort()).toEqual([tenant.byRole.handler.id, tenant.unitUsers.own.id].sort());
  });

  it('lists the entity’s rectifications in its 经济户口 (EntityHistorySource kind rectification)', async () => {
    const source = createRectificationEntityHistory({
      db: t.database.db,
      rectificationsRepository: createRectificationsRepository(),
    });
    const officeUser = tenant.byRole.office;
    const history = await source.list(
      actorOfUser({ ...officeUser, isSystemAdmin: false }, tenant.units.district.path),
      { id: stationEntity, creditCode: '', name: '' },
      10,
    );
    expect(history).toHaveLength(2);
    expect(history.every((h) => h.kind === 'rectification' && h.date === OUTING_DATE)).toBe(true);
    expect(history.map((h) => h.status).sort()).toEqual(['已销号', '逾期未整改'].sort());
    const siblingUser = tenant.unitUsers.sibling;
    const outsider = await source.list(
      actorOfUser({ ...siblingUser, isSystemAdmin: false }, tenant.units.sibling.path),
      { id: stationEntity, creditCode: '', name: '' },
      10,
    );
    expect(outsider).toEqual([]);
  });
});

describe('双随机 findings', () => {
  let drawId = '';
  let itemId = '';

  beforeAll(async () => {
    const other = await addPerson(t, tenant, tenant.units.office.id, ['handler'], 'draw_inspector');
    const draw = await randomRepo.insertDraw(
      t.database.db,
      {
        unitId: tenant.units.district.id,
        campaignId,
        name: '2026年食品销售双随机抽查',
        algorithm: 'test',
        seed: 'x',
        filters: {},
        size: { count: 1 },
        candidateIds: [stationEntity],
        inspectorIds: [tenant.byRole.handler.id, other.id],
        ties: [],
        createdBy: tenant.byRole.office.id,
        createdByName: '专项办',
      },
      [{ seq: 1, entityId: stationEntity, inspectorIds: [tenant.byRole.handler.id, other.id] }],
    );
    drawId = draw.id;
    itemId = (await randomRepo.items(t.database.db, draw.id))[0].id;
  });

  it('a finding (problem_followed_up) opens its lead in one step, linked both ways and audited', async () => {
    const before = await handler.request('POST', `/api/random-draws/${drawId}/items/${itemId}/lead`, {
      categoryCode: 'food',
      important: false,
      version: 1,
    });
    expect(before.statusCode).toBe(422);
    const recorded = await handler.request('POST', `/api/random-draws/${drawId}/items/${itemId}/result`, {
      checkDate: todayInChina(),
      result: 'problem_followed_up',
      note: '销售标签不全的预包装食品，涉嫌违法',
      version: 1,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    let draw = (await handler.request('GET', `/api/random-draws/${drawId}`)).json();
    expect(draw.items[0]).toMatchObject({ canOpenLead: true, leadId: null });
    const res = await handler.request('POST', `/api/random-draws/${drawId}/items/${itemId}/lead`, {
      categoryCode: 'food',
      important: true,
      version: draw.items[0].version,
    });
    expect(res.statusCode, res.body).toBe(201);
    const { leadId } = res.json();
    draw = (await handler.request('GET', `/api/random-draws/${drawId}`)).json();
    expect(draw.items[0]).toMatchObject({ leadId, canOpenLead: false });
    const lead = (await handler.request('GET', `/api/leads/${leadId}`)).json();
    expect(lead).toMatchObject({
      source: 'inspection',
      partyName: `崇明某食品店-${tenant.tag}`,
      description: '销售标签不全的预包装食品，涉嫌违法',
      important: true,
      origin: { kind: 'random_check', recordId: drawId, link: `/random-checks/draws/${drawId}` },
    });
    expect(await audited('random_draw.lead', drawId)).toHaveLength(1);
    expect(await audited('lead.create', leadId)).toHaveLength(1);
    const twice = await handler.request('POST', `/api/random-draws/${drawId}/items/${itemId}/lead`, {
      categoryCode: 'food',
      important: false,
      version: draw.items[0].version,
    });
    expect(twice.statusCode).toBe(409);
    // The result can no longer say that nothing was found.
    const changed = await handler.request('POST', `/api/random-draws/${drawId}/items/${itemId}/result`, {
      checkDate: todayInChina(),
      result: 'no_problem',
      version: draw.items[0].version,
    });
    expect(changed.statusCode).toBe(409);
  });

  it('orders a rectification of the drawn entity through the same engine', async () => {
    const res = await handler.request('POST', `/api/random-draws/${drawId}/items/${itemId}/rectifications`, {
      description: '预包装食品标签不全',
      requirement: '补正标签或下架',
      deadlineWorkingDays: 10,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'random_check',
      sourceLabel: '双随机抽查',
      drawItemId: itemId,
      drawId,
      entityId: stationEntity,
      status: 'open',
    });
    const list = (await handler.request('GET', `/api/random-draws/${drawId}/items/${itemId}/rectifications`)).json();
    expect(list.items).toHaveLength(1);
    expect(list.entities).toEqual([]);
    const ledger = (await office.request('GET', '/api/rectifications?source=field')).json();
    expect(ledger.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });
});
