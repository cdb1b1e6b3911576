import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { marketEntities } from '../src/modules/market-entities/market-entities.schema';
import { createSeizureEntityHistory } from '../src/modules/seized-goods/seized-goods-entity-history';
import { createSeizedGoodsRepository } from '../src/modules/seized-goods/seized-goods.repository';
import { actorOfUser } from '../src/platform/actor';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { exifJpeg } from './helpers/exif-jpeg';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let reviewer: Session;
let siblingHandler: Session;
let campaignId = '';
let inspectionId = '';
let entityId = '';
let entityCode = '';

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'office', 'reviewer'] });
  const { district, office: station } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: station.id,
      participantUnitIds: [district.id, station.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  const outing = await handler.request('POST', '/api/inspections', {
    unitId: district.id,
    campaignId,
    categoryCode: 'food',
    inspectionDate: '2026-04-10',
    staffDeployed: 12,
    entitiesInspected: 40,
    places: ['农贸市场'],
    inspectorIds: [tenant.byRole.handler.id],
    seizures: [
      { goods: '私宰肉', quantity: '3478', unit: '公斤' },
      { goods: '劣质酒', quantity: '75', unit: '瓶' },
    ],
  });
  expect(outing.statusCode, outing.body).toBe(201);
  inspectionId = outing.json().id;
  const code = `92310000SG${tenant.tag
    .slice(0, 4)
    .toUpperCase()
    .replace(/[IOSVZ]/g, 'A')}000`;
  entityCode = code + creditCodeCheckChar(code);
  [{ id: entityId }] = await t.database.db
    .insert(marketEntities)
    .values({ unitId: district.id, name: '某肉品经营部', creditCode: entityCode })
    .returning({ id: marketEntities.id });
});
afterAll(() => t.close());

const custody = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  goods: '私宰肉',
  measure: 'detained',
  quantity: '3478',
  quantityUnit: '公斤',
  place: '区局涉案财物仓库冷库1号',
  custodianId: tenant.byRole.handler.id,
  seizedDate: '2026-04-10',
  ...over,
});
const destroy = (version: number, over: Record<string, unknown> = {}) => ({
  kind: 'destroyed',
  disposalDate: '2026-05-06',
  quantity: '3478',
  method: '无害化处理',
  witnesses: ['王建国', '李秀英'],
  version,
  ...over,
});
const paths = (res: { json(): unknown }) => (res.json() as { errors: { path: string }[] }).errors.map((e) => e.path);

describe('涉案财物 / 罚没物品', () => {
  let meatId = '';

  it('registers custody of an outing’s seizure, naming the outing, its row and the entity', async () => {
    const outing = await handler.request('GET', `/api/seized-goods/outing/${inspectionId}`);
    expect(outing.statusCode, outing.body).toBe(200);
    const [meat] = outing.json().seizures;
    expect(meat).toMatchObject({ goods: '私宰肉', quantity: '3478', unit: '公斤', registeredId: null });
    const res = await handler.request(
      'POST',
      '/api/seized-goods',
      custody({ inspectionId, inspectionSeizureId: meat.id, entityId }),
    );
    expect(res.statusCode, res.body).toBe(201);
    meatId = res.json().id;
    expect(res.json()).toMatchObject({
      quantity: '3478',
      heldQuantity: '3478',
      disposedQuantity: '0',
      status: 'in_custody',
      statusLabel: '在库',
      measureLabel: '扣押',
      custodianName: tenant.byRole.handler.displayName,
      inspectionDate: '2026-04-10',
      entityName: '某肉品经营部',
      can: { edit: true, dispose: true, attach: true },
    });
    const again = await handler.request('GET', `/api/seized-goods/outing/${inspectionId}`);
    expect(again.json().seizures[0].registeredId).toBe(meatId);
    // The same row cannot be registered twice.
    const twice = await handler.request(
      'POST',
      '/api/seized-goods',
      custody({ inspectionId, inspectionSeizureId: meat.id }),
    );
    expect(twice.statusCode).toBe(422);
    expect(paths(twice)).toEqual(['inspectionSeizureId']);
  });

  it('keeps exact quantities such as 247.15 and 0.001, and sums them exactly', async () => {
    for (const quantity of ['247.15', '0.001', '0.1', '0.2']) {
      const res = await handler.request(
        'POST',
        '/api/seized-goods',
        custody({ goods: '劣质成品油', quantity, quantityUnit: '吨', measure: 'sealed' }),
      );
      expect(res.statusCode, res.body).toBe(201);
      const read = await handler.request('GET', `/api/seized-goods/${res.json().id}`);
      expect(read.json().quantity).toBe(quantity);
    }
    const list = await handler.request('GET', `/api/seized-goods?q=${encodeURIComponent('成品油')}`);
    expect(list.json().totals).toEqual([
      {
        goods: '劣质成品油',
        quantityUnit: '吨',
        count: 4,
        quantity: '247.451',
        disposed: '0',
        confiscated: '0',
        held: '247.451',
      },
    ]);
  });

  it('refuses bad quantities, a custodian outside the line and numbers sent as floats', async () => {
    const bad = await handler.request('POST', '/api/seized-goods', custody({ quantity: '1.2345' }));
    expect(bad.statusCode).toBe(422);
    expect(paths(bad)).toEqual(['quantity']);
    const zero = await handler.request('POST', '/api/seized-goods', custody({ quantity: '0' }));
    expect(paths(zero)).toEqual(['quantity']);
    const stranger = await handler.request(
      'POST',
      '/api/seized-goods',
      custody({ custodianId: tenant.unitUsers.sibling.id }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(paths(stranger)).toEqual(['custodianId']);
    const float = await handler.request('POST', '/api/seized-goods', custody({ quantity: 0.1 }));
    expect(float.statusCode).toBe(400);
  });

  it('confiscates, then destroys with a method and two witnesses; never more than was seized', async () => {
    let version = (await handler.request('GET', `/api/seized-goods/${meatId}`)).json().version;
    const confiscated = await handler.request('POST', `/api/seized-goods/${meatId}/disposals`, {
      kind: 'confiscated',
      disposalDate: '2026-04-30',
      quantity: '3478',
      basis: '测市监处罚〔2026〕12号',
      version,
    });
    expect(confiscated.statusCode, confiscated.body).toBe(201);
    // Confiscated goods stay in the store until destroyed.
    expect(confiscated.json()).toMatchObject({ status: 'in_custody', confiscatedQuantity: '3478' });
    version = confiscated.json().version;

    const oneWitness = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(version, { witnesses: ['王建国'] }),
    );
    expect(oneWitness.statusCode).toBe(422);
    expect(paths(oneWitness)).toEqual(['witnesses']);
    const sameTwice = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(version, { witnesses: ['王建国', ' 王建国 '] }),
    );
    expect(paths(sameTwice)).toEqual(['witnesses']);

    const over = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(version, { quantity: '3478.001' }),
    );
    expect(over.statusCode).toBe(422);
    expect(paths(over)).toEqual(['quantity']);
    expect(over.json().detail).toContain('超过在库数量3478公斤');
    const returned = await handler.request('POST', `/api/seized-goods/${meatId}/disposals`, {
      kind: 'returned',
      disposalDate: '2026-05-01',
      quantity: '1',
      version,
    });
    expect(paths(returned)).toEqual(['quantity']);

    const part = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(version, { quantity: '1000.5' }),
    );
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json()).toMatchObject({
      status: 'partly_disposed',
      disposedQuantity: '1000.5',
      heldQuantity: '2477.5',
    });

    const stale = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(version, { quantity: '1' }),
    );
    expect(stale.statusCode).toBe(409);

    const rest = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(part.json().version, { quantity: '2477.5' }),
    );
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json()).toMatchObject({
      status: 'disposed',
      statusLabel: '已处置',
      heldQuantity: '0',
      can: { dispose: false },
    });
    expect(rest.json().disposals.map((d: { kindLabel: string; quantity: string }) => d.kindLabel + d.quantity)).toEqual(
      ['没收3478', '销毁1000.5', '销毁2477.5'],
    );
    const more = await handler.request(
      'POST',
      `/api/seized-goods/${meatId}/disposals`,
      destroy(rest.json().version, { quantity: '0.001' }),
    );
    expect(paths(more)).toEqual(['quantity']);

    // The seized quantity cannot be corrected below what was disposed.
    const shrink = await handler.request('PUT', `/api/seized-goods/${meatId}`, {
      ...custody({ inspectionId, entityId }),
      quantity: '3477.999',
      version: rest.json().version,
    });
    expect(shrink.statusCode).toBe(422);
    expect(paths(shrink)).toEqual(['quantity']);

    const actions = (
      await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, meatId)).orderBy(asc(auditLog.seq))
    ).map((a) => a.action);
    expect(actions).toEqual([
      'seized_goods.create',
      'seized_goods.dispose',
      'seized_goods.dispose',
      'seized_goods.dispose',
    ]);
  });

  it('keeps a disposal’s photo with when and where it was taken', async () => {
    const read = (await handler.request('GET', `/api/seized-goods/${meatId}`)).json();
    const disposalId = read.disposals[2].id;
    const photo = exifJpeg({ dateTimeOriginal: '2026:05:06 10:20:30', latitude: 31.622512, longitude: 121.397843 });
    const res = await handler.upload(
      `/api/seized-goods/${meatId}/attachments?disposalId=${disposalId}`,
      '销毁现场.jpg',
      photo,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ disposalId, mimeType: 'image/jpeg', takenLatitude: '31.622512' });
    expect(new Date(res.json().takenAt).toISOString()).toBe('2026-05-06T02:20:30.000Z');
    const download = await handler.request('GET', `/api/seized-goods/${meatId}/attachments/${res.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(photo)).toBe(true);
    const notAPhoto = await handler.upload(`/api/seized-goods/${meatId}/attachments`, 'x.jpg', 'not a jpeg');
    expect(notAPhoto.statusCode).toBe(400);
    const elsewhere = await handler.upload(
      `/api/seized-goods/${meatId}/attachments?disposalId=${inspectionId}`,
      'a.jpg',
      photo,
    );
    expect(elsewhere.statusCode).toBe(422);
  });

  it('answers 404 outside the scope and 403 to a role that may not act', async () => {
    expect((await siblingHandler.request('GET', `/api/seized-goods/${meatId}`)).statusCode).toBe(404);
    const siblingList = await siblingHandler.request('GET', '/api/seized-goods');
    expect(siblingList.json().items.map((i: { id: string }) => i.id)).not.toContain(meatId);
    expect((await reviewer.request('GET', `/api/seized-goods/${meatId}`)).statusCode).toBe(200);
    expect((await reviewer.request('POST', '/api/seized-goods', custody())).statusCode).toBe(403);
    expect((await siblingHandler.request('GET', `/api/seized-goods/outing/${inspectionId}`)).statusCode).toBe(404);
  });

  it('filters the ledger by status, measure, dates and goods', async () => {
    const disposed = await office.request('GET', '/api/seized-goods?status=disposed');
    expect(disposed.json().items.map((i: { id: string }) => i.id)).toEqual([meatId]);
    expect(disposed.json().totals).toEqual([
      expect.objectContaining({ goods: '私宰肉', quantity: '3478', disposed: '3478', confiscated: '3478', held: '0' }),
    ]);
    const sealed = await office.request('GET', '/api/seized-goods?measure=sealed&from=2026-04-10&to=2026-04-10');
    expect(sealed.json().total).toBe(4);
    expect((await office.request('GET', '/api/seized-goods?to=2026-04-09')).json().total).toBe(0);
  });

  it('exports the 罚没物品台账 as a spreadsheet that opens', async () => {
    const res = await office.request('GET', '/api/seized-goods.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('罚没物品台账'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('罚没物品台账')!;
    expect(String(ws.getCell('A1').value)).toContain('罚没物品台账');
    expect(ws.pageSetup.orientation).toBe('landscape');
    const meatRow = ws.getRows(3, ws.rowCount - 2)!.find((r) => r.getCell(4).value === '私宰肉')!;
    expect(meatRow.getCell(3).value).toBe('食品安全违法');
    expect(meatRow.getCell(7).value).toBe(3478);
    expect(meatRow.getCell(11).value).toBe(entityCode);
    expect(String(meatRow.getCell(19).value)).toContain('销毁2477.5公斤，方式：无害化处理，见证人：王建国、李秀英');
    const sums = wb.getWorksheet('合计')!;
    const oil = sums.getRows(2, sums.rowCount - 1)!.find((r) => r.getCell(1).value === '劣质成品油')!;
    expect(oil.getCell(4).value).toBe(247.451);
  });

  it('gives the entity’s history (经济户口) its seized goods', async () => {
    const history = createSeizureEntityHistory({
      db: t.database.db,
      seizedGoodsRepository: createSeizedGoodsRepository(),
    });
    const user = tenant.byRole.handler;
    const actor = actorOfUser(user, tenant.units.district.path);
    const items = await history.list(actor, { id: entityId, creditCode: '', name: '某肉品经营部' }, 10);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'seizure',
        recordId: meatId,
        title: '私宰肉 3478公斤 · 扣押',
        status: '已处置',
        link: `/seized-goods/${meatId}`,
      }),
    ]);
    const sibling = actorOfUser(tenant.unitUsers.sibling, tenant.units.sibling.path);
    expect(await history.list(sibling, { id: entityId, creditCode: '', name: '' }, 10)).toEqual([]);
  });
});
