import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/modules/cases/cases.schema';
import { createRandomChecksRepository } from '../src/modules/random-checks/random-checks.repository';
import { systemActor } from '../src/platform/actor';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let leader: Session;
let liaison: Session;
/** A handler of the 所 below the district: sees the 所's records only. */
let stationHandler: Session;
let siblingHandler: Session;
let campaignId: string;

/** A valid 统一社会信用代码 of this tenant, the n-th. */
const code = (n: number) => {
  const body = `9131${tenant.tag.toUpperCase().replace(/[IOSVZ]/g, 'A')}${String(n).padStart(5, '0')}`;
  return body + creditCodeCheckChar(body);
};
const entityBody = (n: number, over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.office.id,
  name: `经济户口测试食品店${n}`,
  creditCode: code(n),
  entityKind: 'individual',
  operatorName: '王某',
  address: `测试路${n}号`,
  industry: '食品销售',
  riskLevel: 'low',
  ...over,
});
const outing = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.office.id,
  campaignId,
  categoryCode: 'food',
  inspectionType: 'routine',
  inspectionDate: '2026-04-08',
  staffDeployed: 2,
  entitiesInspected: 3,
  inspectorIds: [],
  ...over,
});
const create = async (n: number, over: Record<string, unknown> = {}) => {
  const res = await office.request('POST', '/api/market-entities', entityBody(n, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; creditCode: string };
};
const record = async (who: Session, body: Record<string, unknown>) => {
  const res = await who.request('POST', '/api/inspections', outing(body));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; entities: { entityId: string; result: string }[] };
};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district, office: station } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: station.id,
      participantUnitIds: [district.id, station.id],
    })
  ).id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  liaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
  stationHandler = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('the register (经济户口)', () => {
  it('checks the credit code (422 naming the field), refuses a duplicate (409), and leaves the register to the office line', async () => {
    const bad = await office.request(
      'POST',
      '/api/market-entities',
      entityBody(1, { creditCode: '91310000MA1FL0000X' }),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual([{ path: 'creditCode', message: expect.stringContaining('统一社会信用代码') }]);

    const created = await create(1);
    expect(created).toMatchObject({ entityKindLabel: '个体工商户', riskLabel: '低风险', can: { edit: true } });
    const again = await leader.request('POST', '/api/market-entities', entityBody(1, { name: '另一家' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0]).toMatchObject({ path: 'creditCode' });
    expect(again.json().detail).toContain('经济户口测试食品店1');

    expect((await handler.request('POST', '/api/market-entities', entityBody(2))).statusCode).toBe(403);
    expect((await liaison.request('GET', `/api/market-entities/${created.id}`)).json().can.edit).toBe(false);
    expect((await siblingHandler.request('GET', `/api/market-entities/${created.id}`)).statusCode).toBe(404);
  });

  it('edits with the version (409 when stale), filters the list, and deactivates', async () => {
    const e = await create(3, { industry: '餐饮服务', entityKind: 'enterprise', riskLevel: 'high' });
    const edit = await leader.request('PUT', `/api/market-entities/${e.id}`, {
      ...entityBody(3, { industry: '餐饮服务', entityKind: 'enterprise', riskLevel: 'high' }),
      operatorName: '李某',
      version: e.version,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ operatorName: '李某', version: e.version + 1 });
    const stale = await office.request('PUT', `/api/market-entities/${e.id}`, { ...entityBody(3), version: e.version });
    expect(stale.statusCode).toBe(409);

    const list = (q: string) =>
      office.request('GET', `/api/market-entities?${q}`).then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await list(`q=${code(3)}`)).toEqual([e.id]);
    expect(await list(`q=${encodeURIComponent('测试食品店3')}`)).toEqual([e.id]);
    expect(await list(`industry=${encodeURIComponent('餐饮服务')}&riskLevel=high`)).toEqual([e.id]);
    expect(await list(`entityKind=individual&unitId=${tenant.units.office.id}`)).not.toContain(e.id);
    expect((await siblingHandler.request('GET', `/api/market-entities?q=${code(3)}`)).json().items).toEqual([]);

    const off = await office.request('POST', `/api/market-entities/${e.id}/deactivate`, {
      version: e.version + 1,
      reason: '已注销',
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ active: false, can: { deactivate: false } });
    expect(await list(`q=${code(3)}`)).toEqual([]);
    expect(await list(`q=${code(3)}&status=inactive`)).toEqual([e.id]);
  });
});

describe('outings naming the entities they checked', () => {
  it('stores the register’s entities and a new one with the outing, and keeps them on an edit that leaves them out', async () => {
    const e = await create(10);
    const res = await handler.request(
      'POST',
      '/api/inspections',
      outing({
        entities: [
          { entityId: e.id, result: 'problem', finding: '月饼标签未标注生产日期' },
          {
            newEntity: {
              name: '现场登记的冻品店',
              creditCode: code(11),
              entityKind: 'individual',
              industry: '食品销售',
            },
            result: 'no_problem',
          },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ inspectionType: 'routine', inspectionTypeLabel: '日常' });
    expect(created.entities).toHaveLength(2);
    expect(created.entities.find((x: { entityId: string }) => x.entityId === e.id)).toMatchObject({
      result: 'problem',
      resultLabel: '发现问题',
      finding: '月饼标签未标注生产日期',
    });
    const fresh = (await office.request('GET', `/api/market-entities?q=${code(11)}`)).json().items[0];
    expect(fresh).toMatchObject({ name: '现场登记的冻品店', unitId: tenant.units.office.id });

    // An edit that leaves out `entities` keeps them.
    const edited = await handler.request('PUT', `/api/inspections/${created.id}`, {
      ...outing(),
      inspectionType: 'flying',
      version: created.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().entities).toHaveLength(2);
    const flying = (
      await office.request('GET', `/api/inspections?inspectionType=flying&unitId=${tenant.units.office.id}`)
    ).json();
    expect(flying.items.map((i: { id: string }) => i.id)).toEqual([created.id]);
  });

  it('refuses an entity outside the outing unit’s subtree, a bad new code and fewer 检查家次 than entities (422 naming the row)', async () => {
    const atDistrict = await create(20, { unitId: tenant.units.district.id });
    const outside = await handler.request(
      'POST',
      '/api/inspections',
      outing({ entities: [{ entityId: atDistrict.id }] }),
    );
    expect(outside.statusCode).toBe(422);
    expect(outside.json().errors[0].path).toBe('entities.0.entityId');

    const badCode = await handler.request(
      'POST',
      '/api/inspections',
      outing({ entities: [{ newEntity: { name: '某店', creditCode: '123' } }] }),
    );
    expect(badCode.statusCode).toBe(422);
    expect(badCode.json().errors[0].path).toBe('entities.0.newEntity.creditCode');

    const e = await create(21);
    const few = await handler.request(
      'POST',
      '/api/inspections',
      outing({ entitiesInspected: 0, entities: [{ entityId: e.id }] }),
    );
    expect(few.statusCode).toBe(422);
    expect(few.json().errors[0].path).toBe('entitiesInspected');
    const twice = await handler.request(
      'POST',
      '/api/inspections',
      outing({ entities: [{ entityId: e.id }, { entityId: e.id }] }),
    );
    expect(twice.json().errors[0].path).toBe('entities.1.entityId');
  });
});

describe('an entity’s history', () => {
  it('lists outings, 双随机, cases and credit listings, each only within the reader’s scope', async () => {
    const e = await create(30);
    const { district } = tenant.units;
    const atDistrict = await record(handler, {
      unitId: district.id,
      inspectionDate: '2026-04-01',
      entities: [{ entityId: e.id }],
    });
    const atStation = await record(handler, {
      inspectionDate: '2026-04-02',
      entities: [{ entityId: e.id, result: 'problem', finding: '散装食品未标明保质期' }],
    });
    const [kase] = await t.database.db
      .insert(cases)
      .values({
        unitId: district.id,
        campaignId,
        categoryCode: 'food',
        caseNumber: `经济户口测试案-${tenant.tag}`,
        name: '销售标签不符合规定的食品案',
        partyKind: 'company',
        partyName: '经济户口测试食品店30',
        partyCreditCode: e.creditCode,
        filingDate: '2026-04-03',
      })
      .returning();
    const listing = await t.services.creditService.createListing(systemActor, {
      listKind: 'abnormal',
      entityName: '经济户口测试食品店30',
      creditCode: e.creditCode,
      abnormalReason: 'unreachable',
      decisionNumber: `异〔2026〕${tenant.tag}号`,
      listedDate: '2026-04-04',
      unitId: district.id,
    });
    const randomRepo = createRandomChecksRepository();
    const draw = await randomRepo.insertDraw(
      t.database.db,
      {
        unitId: district.id,
        name: '经济户口测试抽查',
        algorithm: 'test',
        seed: 'x',
        filters: {},
        size: { count: 1 },
        candidateIds: [e.id],
        inspectorIds: [],
        ties: [],
        createdBy: tenant.byRole.office.id,
        createdByName: '测试',
      },
      [{ seq: 1, entityId: e.id, inspectorIds: [tenant.byRole.handler.id, tenant.unitUsers.own.id] }],
    );

    const history = async (who: Session) => {
      const res = await who.request('GET', `/api/market-entities/${e.id}/history`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: { kind: string; recordId: string; date: string; link: string; status: string }[] };
    };
    const all = await history(office);
    expect(all.items.map((i) => `${i.kind}:${i.recordId}`).sort()).toEqual(
      [
        `inspection:${atDistrict.id}`,
        `inspection:${atStation.id}`,
        `case:${kase.id}`,
        `credit_listing:${listing.id}`,
        `random_check:${draw.id}`,
      ].sort(),
    );
    expect(all.items.find((i) => i.recordId === atStation.id)).toMatchObject({
      status: '发现问题',
      link: `/inspections/${atStation.id}`,
    });
    expect(all.items.find((i) => i.kind === 'case')).toMatchObject({ link: `/cases/${kase.id}`, date: '2026-04-03' });
    // Newest first.
    expect(all.items.map((i) => i.date)).toEqual([...all.items.map((i) => i.date)].sort().reverse());

    // The 所's handler sees the entity (his unit's) and the 所's outing, none of the district's records.
    const station_ = await history(stationHandler);
    expect(station_.items.map((i) => `${i.kind}:${i.recordId}`)).toEqual([`inspection:${atStation.id}`]);
    expect((await siblingHandler.request('GET', `/api/market-entities/${e.id}/history`)).statusCode).toBe(404);
  });
});

describe('frequency rules and the under-inspected view', () => {
  it('lists the food retailers with fewer outings this week than the office’s rule asks', async () => {
    const rule = {
      unitId: tenant.units.district.id,
      name: '工商所每星期对辖区内的食品经营户的检查不得少于2次',
      industry: '食品销售',
      minCount: 2,
      period: 'week',
    };
    expect((await handler.request('POST', '/api/inspection-frequency-rules', rule)).statusCode).toBe(403);
    const created = await office.request('POST', '/api/inspection-frequency-rules', rule);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ text: '每星期不少于2次', can: { edit: true } });
    expect((await stationHandler.request('GET', '/api/inspection-frequency-rules')).json().items).toHaveLength(1);

    // 2026-04-08 is a Wednesday: the week runs 04-06 to 04-12.
    const station = tenant.units.office.id;
    const twice = await create(40);
    const once = await create(41);
    const never = await create(42);
    const restaurant = await create(43, { industry: '餐饮服务' });
    await record(handler, { inspectionDate: '2026-04-06', entities: [{ entityId: twice.id }, { entityId: once.id }] });
    await record(handler, { inspectionDate: '2026-04-08', entities: [{ entityId: twice.id }] });
    await record(handler, { inspectionDate: '2026-03-30', entities: [{ entityId: once.id }, { entityId: never.id }] });

    const res = await office.request(
      'GET',
      `/api/market-entities/under-inspected?period=week&date=2026-04-08&unitId=${station}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const rows = res.json().items as { entity: { id: string }; outings: number; required: number; missing: number }[];
    const byId = new Map(rows.map((r) => [r.entity.id, r]));
    expect(byId.get(once.id)).toMatchObject({
      outings: 1,
      required: 2,
      missing: 1,
      from: '2026-04-06',
      to: '2026-04-12',
    });
    expect(byId.get(never.id)).toMatchObject({ outings: 0, missing: 2 });
    expect(byId.has(twice.id)).toBe(false);
    expect(byId.has(restaurant.id)).toBe(false);
    // A monthly view has no weekly rule's rows; the sibling's people see none of these entities.
    expect(
      (await office.request('GET', '/api/market-entities/under-inspected?period=month&date=2026-04-08')).json().items,
    ).toEqual([]);
    expect(
      (await siblingHandler.request('GET', '/api/market-entities/under-inspected?date=2026-04-08')).json().items,
    ).toEqual([]);
  });
});
