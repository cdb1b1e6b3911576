import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditLog } from '../src/modules/audit/audit.schema';
import { leads } from '../src/modules/leads/leads.schema';
import { marketEntities } from '../src/modules/market-entities/market-entities.schema';
import { sampleFollowUps, samples } from '../src/modules/samples/samples.schema';
import { createWorkingCalendar } from '../src/modules/calendar/working-days';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { systemActor, type Actor } from '../src/platform/actor';
import { createSampleEntityHistory } from '../src/modules/samples/sample-entity-history';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { exifJpeg } from './helpers/exif-jpeg';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let leader: Session;
let siblingHandler: Session;
let campaignId = '';
const entity = { office: '', sibling: '' };
const codes = { office: '', sibling: '' };

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'leader', 'handler'] });
  const { district, office: station, sibling } = tenant.units;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: tenant.units.city.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id, sibling.id],
    })
  ).id;
  const tag = tenant.tag.toUpperCase().replace(/[IOSVZ]/g, 'A');
  for (const [key, unitId, n] of [
    ['office', station.id, '1'],
    ['sibling', sibling.id, '2'],
  ] as const) {
    const first17 = `92310230MA${tag.slice(0, 6)}${n}`;
    codes[key] = first17 + creditCodeCheckChar(first17);
    const [row] = await t.database.db
      .insert(marketEntities)
      .values({ unitId, name: `测试食品店${key}-${tenant.tag}`, creditCode: codes[key], industry: '食品销售' })
      .returning();
    entity[key] = row.id;
  }
});
afterAll(() => t.close());

const sample = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  entityId: entity.office,
  product: '月饼',
  brandSpec: '某某牌 500克/盒',
  batch: '20260901',
  sampledDate: '2026-09-05',
  sampleKind: 'supervision',
  lab: '上海市食品药品检验研究院',
  reportNumber: 'SH2026-0901',
  resultDate: '2026-09-12',
  result: 'pass',
  ...over,
});
const fail = (over: Record<string, unknown> = {}) =>
  sample({ result: 'fail', failedItems: '菌落总数超标；过氧化值（以脂肪计）超标', ...over });
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, id)).orderBy(asc(auditLog.seq))).map(
    (a) => a.action,
  );

describe('抽样检验', () => {
  it('answers 422 naming 不合格项目 when a fail has none, and stores nothing', async () => {
    const before = (await t.database.db.select().from(samples)).length;
    const res = await handler.request('POST', '/api/samples', sample({ result: 'fail' }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'failedItems' })]);
    expect(res.json().errors[0].message).toContain('不合格项目');
    expect((await t.database.db.select().from(samples)).length).toBe(before);
    expect(await t.database.db.select().from(sampleFollowUps)).toHaveLength(0);
  });

  it('refuses an entity outside the sampling unit’s subtree and a result without its date (422 on each field)', async () => {
    const res = await handler.request(
      'POST',
      '/api/samples',
      sample({ entityId: entity.sibling, resultDate: null, sampledDate: '2999-01-01' }),
    );
    expect(res.statusCode, res.body).toBe(422);
    expect(
      res
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['entityId', 'resultDate', 'sampledDate']);
  });

  it('records a pass without a follow-up, audited', async () => {
    const res = await handler.request('POST', '/api/samples', sample());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      result: 'pass',
      resultLabel: '合格',
      sampleKindLabel: '监督抽检',
      entityName: `测试食品店office-${tenant.tag}`,
      entityCreditCode: codes.office,
      categoryCode: 'food',
      followUp: null,
      can: { edit: true, followUp: false },
    });
    expect(await auditOf(res.json().id)).toEqual(['sample.create']);
  });

  let failedId = '';
  it('a fail opens its follow-up in the same transaction, due 10 working days after the result', async () => {
    const res = await handler.request('POST', '/api/samples', fail({ followUp: { measures: ['off_shelf', 'case'] } }));
    expect(res.statusCode, res.body).toBe(201);
    failedId = res.json().id;
    const due = createWorkingCalendar().addWorkingDays('2026-09-12', 10).date;
    expect(res.json().followUp).toMatchObject({
      status: 'open',
      measures: ['off_shelf', 'case'],
      measureLabels: ['下架', '立案'],
      deadline: due,
      overdue: true,
    });
    expect(res.json().followUp.demand).toContain('下架');
    expect(res.json().can).toMatchObject({ followUp: true, openLead: true, close: true });
    expect(await auditOf(failedId)).toEqual(['sample.create', 'sample.follow_up_open']);
  });

  it('cannot turn a sample in follow-up back to pass (422 on result)', async () => {
    const current = (await handler.request('GET', `/api/samples/${failedId}`)).json();
    const res = await handler.request('PUT', `/api/samples/${failedId}`, {
      ...sample({ result: 'pass' }),
      version: current.version,
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ path: 'result' })]);
  });

  it('a pending sample given its fail result opens the follow-up on the update; a stale version is 409', async () => {
    const created = (
      await handler.request('POST', '/api/samples', sample({ result: 'pending', resultDate: null }))
    ).json();
    expect(created.followUp).toBeNull();
    const body = { ...fail({ resultDate: '2026-09-15' }), version: created.version };
    const res = await handler.request('PUT', `/api/samples/${created.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().followUp).toMatchObject({ status: 'open', measures: ['off_shelf'] });
    expect((await handler.request('PUT', `/api/samples/${created.id}`, body)).statusCode).toBe(409);
    expect(await auditOf(created.id)).toEqual(['sample.create', 'sample.update', 'sample.follow_up_open']);
  });

  it('tracks the follow-up to closure: 下架 recorded, 立案 opens a lead, then closed with a note', async () => {
    let current = (await handler.request('GET', `/api/samples/${failedId}`)).json();
    const early = await office.request('POST', `/api/samples/${failedId}/follow-up/close`, {
      closingNote: '已处置',
      version: current.followUp.version,
    });
    expect(early.statusCode, early.body).toBe(422);
    expect(early.json().errors[0].message).toContain('下架、立案');

    const recall = await handler.request('POST', `/api/samples/${failedId}/follow-up/progress`, {
      recallNotice: '召回公告',
      recallDate: '2026-09-14',
      version: current.followUp.version,
    });
    expect(recall.statusCode).toBe(422);
    expect(recall.json().errors[0]).toMatchObject({ path: 'recallNotice', message: '处置措施中没有召回' });

    const progress = await handler.request('POST', `/api/samples/${failedId}/follow-up/progress`, {
      offShelfQuantity: '126.5',
      offShelfUnit: '公斤',
      offShelfDate: '2026-09-13',
      progressNote: '当事人已将同批次月饼全部下架封存',
      version: current.followUp.version,
    });
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json().followUp).toMatchObject({ offShelfQuantity: '126.500', offShelfUnit: '公斤' });

    current = progress.json();
    const lead = await handler.request('POST', `/api/samples/${failedId}/follow-up/lead`, {
      partyName: '测试食品店',
      important: false,
      version: current.followUp.version,
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const [stored] = await t.database.db.select().from(leads).where(eq(leads.id, lead.json().leadId));
    expect(stored).toMatchObject({ source: 'sampling', unitId: tenant.units.district.id, receivedDate: '2026-09-12' });
    expect(stored.description).toContain('菌落总数超标');

    current = (await handler.request('GET', `/api/samples/${failedId}`)).json();
    expect(current.followUp.leadId).toBe(lead.json().leadId);
    expect(current.can.openLead).toBe(false);
    const closed = await office.request('POST', `/api/samples/${failedId}/follow-up/close`, {
      closingNote: '已下架封存，已立案调查',
      version: current.followUp.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().followUp).toMatchObject({ status: 'closed', overdue: false, closedByName: 'd_office' });
    expect(closed.json().can).toMatchObject({ followUp: false, close: false });
    expect(await auditOf(failedId)).toEqual([
      'sample.create',
      'sample.follow_up_open',
      'sample.follow_up_progress',
      'sample.follow_up_lead',
      'sample.follow_up_close',
    ]);
  });

  it('a leader may not close a follow-up (403)', async () => {
    const created = (await handler.request('POST', '/api/samples', fail())).json();
    const res = await leader.request('POST', `/api/samples/${created.id}/follow-up/close`, {
      closingNote: 'x',
      version: created.followUp.version,
    });
    expect(res.statusCode).toBe(403);
  });

  it('lists overdue follow-ups in 我的待办 and flags them in the list', async () => {
    const inbox = (await leader.request('GET', '/api/inbox')).json();
    const mine = inbox.items.filter((i: { kind: string }) => i.kind === 'sample_follow_up_overdue');
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0]).toMatchObject({ recordType: 'sample', overdue: true });
    expect(mine.map((i: { recordId: string }) => i.recordId)).not.toContain(failedId);
    const overdue = (await handler.request('GET', `/api/samples?overdue=true&pageSize=100`)).json();
    expect(overdue.items.every((i: { followUp: { overdue: boolean } }) => i.followUp.overdue)).toBe(true);
    expect(overdue.total).toBe(mine.length);
    const sib = (await siblingHandler.request('GET', '/api/inbox')).json();
    expect(sib.items.filter((i: { kind: string }) => i.kind === 'sample_follow_up_overdue')).toEqual([]);
  });
});

describe('合格率', () => {
  it('equals the samples: 16 batches of 月饼, 2 failed → 87.5%, and drills down to them', async () => {
    const product = `月饼-${tenant.tag}`;
    for (let i = 0; i < 16; i++)
      await t.services.samplesService.create(
        systemActor,
        (i < 2 ? fail({ product, batch: `B${i}` }) : sample({ product, batch: `B${i}` })) as never,
      );
    await t.services.samplesService.create(
      systemActor,
      sample({ product, result: 'pending', resultDate: null }) as never,
    );
    const res = await handler.request('GET', `/api/samples/pass-rates?campaignId=${campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const row = res.json().byProduct.find((r: { product: string }) => r.product === product);
    expect(row).toEqual({ product, tested: 16, failed: 2, passed: 14, pending: 1, rate: '87.5%' });

    const list = (
      await handler.request('GET', `/api/samples?campaignId=${campaignId}&product=${encodeURIComponent(product)}`)
    ).json();
    expect(list.total).toBe(17);
    expect(list.totals).toMatchObject({ samples: 17, tested: 16, failed: 2, rate: '87.5%' });
    const failed = (
      await handler.request('GET', `/api/samples?product=${encodeURIComponent(product)}&result=fail`)
    ).json();
    expect(failed.items.map((s: { batch: string }) => s.batch).sort()).toEqual(['B0', 'B1']);

    // By category and in all: the same counts as the rows.
    const all = await t.database.db.select().from(samples).where(eq(samples.campaignId, campaignId));
    const food = res.json().byCategory.find((c: { categoryCode: string }) => c.categoryCode === 'food');
    expect(food.tested).toBe(all.filter((s) => s.result !== 'pending').length);
    expect(food.failed).toBe(all.filter((s) => s.result === 'fail').length);
    expect(res.json().total.tested).toBe(food.tested);
  });

  it('is scoped: the sibling district sees none of the district’s samples (list, rates, record: 404)', async () => {
    const rates = (await siblingHandler.request('GET', '/api/samples/pass-rates')).json();
    expect(rates.total).toMatchObject({ tested: 0, failed: 0, rate: null });
    expect((await siblingHandler.request('GET', '/api/samples')).json().total).toBe(0);
    const any = (await handler.request('GET', '/api/samples?pageSize=1')).json().items[0];
    expect((await siblingHandler.request('GET', `/api/samples/${any.id}`)).statusCode).toBe(404);
    expect(
      (await siblingHandler.request('GET', `/api/samples/pass-rates?unitId=${tenant.units.district.id}`)).statusCode,
    ).toBe(404);
  });
});

describe('抽检照片和文件', () => {
  it('keeps a photo’s EXIF time and place', async () => {
    const created = (await handler.request('POST', '/api/samples', sample())).json();
    const jpeg = exifJpeg({
      dateTimeOriginal: '2026:09:05 10:20:30',
      offsetTimeOriginal: '+08:00',
      latitude: 31.6234,
      longitude: 121.3971,
    });
    const res = await handler.upload(`/api/samples/${created.id}/attachments`, '抽样现场.jpg', jpeg);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mimeType: 'image/jpeg', takenLatitude: '31.623400' });
    expect(new Date(res.json().takenAt).toISOString()).toBe('2026-09-05T02:20:30.000Z');
    const list = (await handler.request('GET', `/api/samples/${created.id}/attachments`)).json();
    expect(list.items).toHaveLength(1);
    expect((await siblingHandler.request('GET', `/api/samples/${created.id}/attachments`)).statusCode).toBe(404);
    expect(await auditOf(created.id)).toEqual(['sample.create', 'sample.attachment_add']);
  });
});

describe('导入抽检结果', () => {
  const header =
    '抽样日期,抽样单位,违法类型,统一社会信用代码,样品名称,批号或生产日期,抽检类型,检验机构,结果日期,检验结论,不合格项目';
  it('imports all or nothing, the entity by its credit code; a failed row opens its follow-up', async () => {
    const d = tenant.units.district.code;
    const product = `白酒-${tenant.tag}`;
    const ok = await handler.upload(
      `/api/campaigns/${campaignId}/samples/import`,
      'a.csv',
      `${header}\n2026-10-08,${d},食品安全违法,${codes.office},${product},20260801,监督抽检,某检验所,2026-10-15,合格,\n` +
        `2026-10-08,${d},食品安全违法,${codes.office},${product},20260802,风险监测,某检验所,2026-10-15,不合格,甲醇超标\n`,
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 2 });
    const list = (await handler.request('GET', `/api/samples?product=${encodeURIComponent(product)}`)).json();
    const failed = list.items.find((s: { result: string }) => s.result === 'fail');
    expect(failed).toMatchObject({ entityId: entity.office, sampleKind: 'risk_monitoring', failedItems: '甲醇超标' });
    expect(failed.followUp).toMatchObject({ status: 'open', measures: ['off_shelf'] });

    const bad = await handler.upload(
      `/api/campaigns/${campaignId}/samples/import`,
      'b.csv',
      `${header}\n2026-10-09,${d},食品安全违法,${codes.sibling},${product},1,监督抽检,,2026-10-15,不合格,\n` +
        `2026-10-09,${d},食品安全违法,${codes.office},${product},2,抽查,,2026-10-15,合格,\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '不合格项目' }),
        expect.objectContaining({ row: 3, column: '抽检类型' }),
      ]),
    );
    const unknown = await handler.upload(
      `/api/campaigns/${campaignId}/samples/import`,
      'c.csv',
      `${header}\n2026-10-09,${d},食品安全违法,${codes.sibling},${product},1,监督抽检,,2026-10-15,合格,\n`,
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
    expect((await handler.request('GET', `/api/samples?product=${encodeURIComponent(product)}`)).json().total).toBe(2);
  });
});

describe('经济户口', () => {
  it('lists an entity’s samples the actor may see, newest first (kind sample)', async () => {
    const history = createSampleEntityHistory({ samplesService: t.services.samplesService });
    const ref = { id: entity.office, creditCode: codes.office, name: '测试食品店' };
    const seen = await history.list(systemActor, ref, 5);
    expect(history.kind).toBe('sample');
    expect(seen).toHaveLength(5);
    expect(seen[0]).toMatchObject({ kind: 'sample', link: `/samples/${seen[0].recordId}` });
    expect(seen.map((s) => s.date)).toEqual([...seen.map((s) => s.date)].sort().reverse());
    // The sibling district sees none of them.
    const sibling: Actor = {
      ...systemActor,
      unitId: tenant.units.sibling.id,
      unitPath: tenant.units.sibling.path,
      roles: ['handler'],
      isSystemAdmin: false,
    };
    expect(await history.list(sibling, ref, 5)).toEqual([]);
  });
});
