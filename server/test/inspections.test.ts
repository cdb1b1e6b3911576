import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leads } from '../src/modules/leads/leads.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let handler: Session;
let siblingHandler: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const outing = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  inspectionDate: '2026-04-10',
  staffDeployed: 12,
  vehicles: 3,
  entitiesInspected: 40,
  places: ['农贸市场', '农村集市'],
  focusArea: '城乡结合部',
  unlicensedBanned: 2,
  rapidTestBatches: 30,
  rapidTestItems: 12,
  rapidTestFailed: 2,
  rectificationOrders: 5,
  findings: '某超市销售过期牛奶',
  inspectorIds: [tenant.byRole.handler.id, tenant.unitUsers.own.id],
  seizures: [
    { goods: '私宰肉', quantity: '347.8', unit: '公斤' },
    { goods: '劣质酒', quantity: 75, unit: '瓶' },
  ],
  ...over,
});

describe('inspections (执法检查)', () => {
  it('records an outing with its figures, places and exact seized quantities', async () => {
    const res = await handler.request('POST', '/api/inspections', outing());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      staffDeployed: 12,
      entitiesInspected: 40,
      places: ['农贸市场', '农村集市'],
      rapidTestPassed: 28,
      seizures: [
        { goods: '私宰肉', quantity: '347.800', unit: '公斤' },
        { goods: '劣质酒', quantity: '75.000', unit: '瓶' },
      ],
      categoryLabel: '食品安全违法',
      can: { edit: true, openLead: true },
    });
  });

  it('names each bad field: failed > batches, a future date, an unknown unit of measure, an inspector of another bureau', async () => {
    const unitOfMeasure = await handler.request(
      'POST',
      '/api/inspections',
      outing({ seizures: [{ goods: '化肥', quantity: '1', unit: '斤斤' }] }),
    );
    expect(unitOfMeasure.json().errors.map((e: { path: string }) => e.path)).toEqual(['seizures.0.unit']);
    const failed = await handler.request('POST', '/api/inspections', outing({ rapidTestFailed: 31 }));
    expect(failed.json().errors).toEqual([{ path: 'rapidTestFailed', message: '快检不合格批次不能多于快检批次' }]);
    const again = await handler.request(
      'POST',
      '/api/inspections',
      outing({ inspectionDate: '2999-01-01', inspectorIds: [tenant.unitUsers.sibling.id] }),
    );
    expect(again.json().errors.map((e: { path: string }) => e.path)).toEqual(
      expect.arrayContaining(['inspectionDate', 'inspectorIds.0']),
    );
  });

  it('adds up per unit and category, inside the caller’s scope only', async () => {
    await handler.request(
      'POST',
      '/api/inspections',
      outing({
        unitId: tenant.units.office.id,
        categoryCode: 'ip',
        staffDeployed: 4,
        entitiesInspected: 9,
        seizures: [],
      }),
    );
    const totals = (await handler.request('GET', `/api/inspections/totals?campaignId=${campaignId}`)).json();
    expect(totals.total).toMatchObject({ outings: 2, staffDeployed: 16, entitiesInspected: 49 });
    expect(totals.rows).toHaveLength(2);
    const list = (await handler.request('GET', `/api/inspections?campaignId=${campaignId}&categoryCode=ip`)).json();
    expect(list.total).toBe(1);
    expect((await siblingHandler.request('GET', '/api/inspections')).json().total).toBe(0);
  });

  it('pages newest first; the first page counts afresh, the pages after it reuse that count', async () => {
    const list = (page: number) =>
      handler.request('GET', `/api/inspections?campaignId=${campaignId}&pageSize=1&page=${page}`).then((r) => r.json());
    const first = await list(1);
    expect(first.totalCapped).toBe(false);
    const everything = (await handler.request('GET', `/api/inspections?campaignId=${campaignId}&pageSize=100`)).json();
    expect(everything.total).toBe(first.total);
    expect(first.total).toBeGreaterThan(1);
    const dates = everything.items.map((o: { inspectionDate: string }) => o.inspectionDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await list(2)).items.map((o: { id: string }) => o.id)).toEqual([everything.items[1].id]);
    expect((await handler.request('POST', '/api/inspections', outing())).statusCode).toBe(201);
    expect((await list(2)).total).toBe(first.total); // paging on: the count of page 1
    expect((await list(1)).total).toBe(first.total + 1); // back to page 1: counted again
  });

  it('opens a lead from a finding in one step, once', async () => {
    const created = (await handler.request('POST', '/api/inspections', outing())).json();
    const res = await handler.request('POST', `/api/inspections/${created.id}/lead`, {
      partyName: '某超市',
      important: true,
      version: created.version,
    });
    expect(res.statusCode, res.body).toBe(201);
    const [lead] = await t.database.db.select().from(leads).where(eq(leads.id, res.json().leadId));
    expect(lead).toMatchObject({
      source: 'inspection',
      receivedDate: '2026-04-10',
      partyName: '某超市',
      description: '某超市销售过期牛奶',
      important: true,
      handlerIds: created.inspectorIds,
    });
    const after = (await handler.request('GET', `/api/inspections/${created.id}`)).json();
    expect(after).toMatchObject({ leadId: lead.id, can: { openLead: false } });
    expect(
      (
        await handler.request('POST', `/api/inspections/${created.id}/lead`, {
          partyName: '某超市',
          version: after.version,
        })
      ).statusCode,
    ).toBe(400);
  });

  it('refuses a stale edit with 409', async () => {
    const created = (await handler.request('POST', '/api/inspections', outing())).json();
    expect(
      (
        await handler.request('PUT', `/api/inspections/${created.id}`, {
          ...outing({ staffDeployed: 20 }),
          version: created.version,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await handler.request('PUT', `/api/inspections/${created.id}`, {
          ...outing({ staffDeployed: 21 }),
          version: created.version,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('imports outings all or nothing, naming bad rows', async () => {
    const d = tenant.units.district.code;
    const header = '检查日期,检查单位,违法类型,出动人次,车辆台次,检查家次,检查场所,快检批次,快检不合格批次';
    const ok = await handler.upload(
      `/api/campaigns/${campaignId}/inspections/import`,
      'a.csv',
      `${header}\n2026-05-01,${d},食品安全违法,8,2,20,农贸市场、商场超市,10,1\n2026-05-02,${d},知识产权违法,6,,15,,,\n`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
    const bad = await handler.upload(
      `/api/campaigns/${campaignId}/inspections/import`,
      'b.csv',
      `${header}\n2026-05-03,${d},食品安全违法,,2,20,菜场,3,4\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: '出动人次', message: '请填写出动人次' },
        expect.objectContaining({ row: 2, column: '检查场所' }),
        { row: 2, column: '快检不合格批次', message: '快检不合格批次不能多于快检批次' },
      ]),
    );
  });
});
