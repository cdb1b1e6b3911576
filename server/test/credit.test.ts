import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { actorOfUser, systemActor, type Actor } from '../src/platform/actor';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { auditLog } from '../src/modules/audit/audit.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { createCreditRepository } from '../src/modules/credit/credit.repository';
import { createCreditService } from '../src/modules/credit/credit.service';
import { PUBLICATION_EXPORT_HEADERS } from '../src/modules/credit/credit-export';
import { createCreditInbox } from '../src/modules/credit/credit-inbox';
import { createUnitsRepository } from '../src/modules/units/units.repository';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let campaignId = '';
const ids = {} as Record<'overdue' | 'pending' | 'done' | 'person' | 'sibling' | 'undecided', string>;
/** The day the ledger is read on in the status test (the cases below are dated around it). */
const TODAY = '2026-03-20';
const code = (body17: string) => `${body17}${creditCodeCheckChar(body17)}`;
const GOOD_CODE = code('91310230MA1K00001');

async function insertCase(unitId: string, n: string, over: Partial<typeof cases.$inferInsert>) {
  const [row] = await t.database.db
    .insert(cases)
    .values({
      unitId,
      campaignId,
      categoryCode: 'food',
      caseNumber: `沪市监处〔2026〕${n}号-${tenant.tag}`,
      name: `公示测试案${n}`,
      partyKind: 'company',
      partyName: `公示测试公司${n}`,
      partyCreditCode: GOOD_CODE,
      filingDate: '2025-12-01',
      stage: 'decided',
      penalized: true,
      fineFen: 1_234_567,
      confiscatedFen: 50_000,
      penaltyContent: '罚款12345.67元，没收违法所得500元',
      summary: '销售过期食品',
      ...over,
    })
    .returning();
  return row.id;
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district, office: station, sibling } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: tenant.units.city.id,
      leadUnitId: tenant.units.city.id,
      participantUnitIds: [tenant.units.city.id, district.id, station.id, sibling.id],
    })
  ).id;
  // 2026-01-05 + 20 working days = 2026-02-02: overdue on TODAY. 2026-03-10 → due 2026-04-08: pending.
  ids.overdue = await insertCase(station.id, '1', { decisionDate: '2026-01-05' });
  ids.pending = await insertCase(district.id, '2', { decisionDate: '2026-03-10' });
  ids.done = await insertCase(district.id, '3', { decisionDate: '2026-02-02', published: true });
  ids.person = await insertCase(district.id, '4', {
    decisionDate: '2026-01-06',
    partyKind: 'person',
    partyName: '王小明',
    partyCreditCode: null,
  });
  ids.sibling = await insertCase(sibling.id, '5', { decisionDate: '2026-01-05' });
  ids.undecided = await insertCase(district.id, '6', { decisionDate: null, stage: 'investigation', penalized: false });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
});

afterAll(async () => {
  await t.close();
});

const officeActor = (): Actor => actorOfUser(tenant.byRole.office, tenant.units.district.path);

describe('行政处罚信息公示台账', () => {
  it('derives 待公示 / 逾期未公示 / 已公示 on a fixed day, in scope, with counts per status', async () => {
    const service = createCreditService({
      db: t.database.db,
      creditRepository: createCreditRepository(),
      unitsRepository: createUnitsRepository(),
      campaignsService: t.services.campaignsService,
      casesService: t.services.casesService,
      calendarService: t.services.calendarService,
      auditService: t.services.auditService,
      today: () => TODAY,
    });
    const me = officeActor();
    const all = await service.ledger(me, { page: 1, pageSize: 50 });
    const byId = new Map(all.items.map((r) => [r.caseId, r]));
    expect(byId.get(ids.overdue)?.status).toBe('overdue');
    expect(byId.get(ids.overdue)?.dueDate).toBe('2026-02-02');
    expect(byId.get(ids.pending)?.status).toBe('pending');
    expect(byId.get(ids.pending)?.dueDate).toBe('2026-04-08');
    expect(byId.get(ids.done)?.status).toBe('done');
    expect(byId.has(ids.sibling)).toBe(false);
    expect(byId.has(ids.undecided)).toBe(false);
    expect(all.totals).toEqual({ all: 4, pending: 1, overdue: 2, done: 1 });
    const overdue = await service.ledger(me, { status: 'overdue', page: 1, pageSize: 50 });
    expect(overdue.items.map((r) => r.caseId).sort()).toEqual([ids.overdue, ids.person].sort());
    expect(overdue.total).toBe(2);
    const pending = await service.ledger(me, { status: 'pending', page: 1, pageSize: 50 });
    expect(pending.items.map((r) => r.caseId)).toEqual([ids.pending]);

    const inbox = createCreditInbox({
      db: t.database.db,
      creditRepository: createCreditRepository(),
      calendarService: t.services.calendarService,
      today: () => TODAY,
    });
    const [section] = await inbox(me);
    // Overdue both, and 2026-03-10's due date (04-08) is more than 5 working days away: not yet in the inbox.
    expect(section.kind).toBe('penalty_publication_due');
    expect(section.total).toBe(2);
    expect(await inbox({ ...me, roles: ['handler'] } as Actor)).toEqual([]);
  });

  it('records a publication: the case turns 是否已公开 with one audit entry; a second is 409', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await office.request('POST', '/api/credit/publications', {
      caseId: ids.overdue,
      publishedDate: '2026-02-10',
      channel: '国家企业信用信息公示系统',
      reference: 'https://www.gsxt.gov.cn/x',
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.status).toBe('done');
    expect(body.late).toBe(true);
    expect(body.publication.channel).toBe('国家企业信用信息公示系统');
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, ids.overdue));
    expect(row.published).toBe(true);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'credit.publication_record'));
    expect(audit.some((a) => a.unitId === tenant.units.office.id)).toBe(true);
    const again = await office.request('POST', '/api/credit/publications', {
      caseId: ids.overdue,
      publishedDate: today,
      channel: '信用中国',
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses a publication date in the future or before the decision (422), a handler (403), a sibling case (404)', async () => {
    const future = await office.request('POST', '/api/credit/publications', {
      caseId: ids.pending,
      publishedDate: '2099-01-01',
      channel: '信用中国',
    });
    expect(future.statusCode).toBe(422);
    expect(future.json().errors[0].path).toBe('publishedDate');
    const early = await office.request('POST', '/api/credit/publications', {
      caseId: ids.pending,
      publishedDate: '2026-03-01',
      channel: '信用中国',
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain('处罚决定日期');
    const byHandler = await handler.request('POST', '/api/credit/publications', {
      caseId: ids.pending,
      publishedDate: '2026-03-12',
      channel: '信用中国',
    });
    expect(byHandler.statusCode).toBe(403);
    const sibling = await office.request('POST', '/api/credit/publications', {
      caseId: ids.sibling,
      publishedDate: '2026-03-12',
      channel: '信用中国',
    });
    expect(sibling.statusCode).toBe(404);
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, ids.pending));
    expect(row.published).toBe(false);
  });

  it('exports the batch in the national fields, a person with the name partly hidden and no number', async () => {
    const res = await office.request('GET', '/api/credit/publications.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([...PUBLICATION_EXPORT_HEADERS]);
    const rows = [];
    for (let i = 2; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
    const company = rows.find((r) => String(r[4]).startsWith('沪市监处〔2026〕2号'))!;
    expect(company[0]).toBe('公示测试公司2');
    expect(company[2]).toBe(GOOD_CODE);
    expect(company[10]).toBe(1.234567);
    expect(company[11]).toBe(0.05);
    expect(company[12]).toBe('2026-03-10');
    const person = rows.find((r) => String(r[4]).startsWith('沪市监处〔2026〕4号'))!;
    expect(person[0]).toBe('王**');
    expect(person[1]).toBe('自然人');
    expect(person[2] ?? '').toBe('');
    expect(rows.some((r) => String(r[4]).startsWith('沪市监处〔2026〕5号'))).toBe(false);
  });
});

describe('经营异常名录和严重违法失信名单', () => {
  const base = () => ({
    entityName: '失信测试公司',
    creditCode: GOOD_CODE,
    decisionNumber: `沪市监信〔2026〕1号-${tenant.tag}`,
    unitId: tenant.units.district.id,
  });

  it('refuses a bad 统一社会信用代码 with 422 naming the field', async () => {
    const res = await office.request('POST', '/api/credit/listings', {
      ...base(),
      listKind: 'abnormal',
      abnormalReason: 'unreachable',
      creditCode: '91310230MA1K000010',
      listedDate: '2026-03-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('creditCode');
    expect(res.json().detail).toContain('统一社会信用代码');
  });

  it('lists a 失信名单 entry with its basis case; repair before one year is 422, after one year it is removed', async () => {
    const created = await office.request('POST', '/api/credit/listings', {
      ...base(),
      listKind: 'serious',
      caseId: ids.pending,
      reasonText: '销售过期食品，情节严重',
      basis: '《市场监督管理严重违法失信名单管理办法》第九条',
      listedDate: '2025-06-01',
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    expect(entry.expiryDate).toBe('2028-06-01');
    expect(entry.repairableFrom).toBe('2026-06-01');
    expect(entry.can.remove).toBe(true);
    const early = await office.request('POST', `/api/credit/listings/${entry.id}/removal`, {
      removedDate: '2026-05-31',
      removalKind: '信用修复',
      removalBasis: '已履行处罚决定',
      version: entry.version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().errors[0].path).toBe('removedDate');
    const before = await office.request('POST', `/api/credit/listings/${entry.id}/removal`, {
      removedDate: '2025-05-01',
      removalKind: '其他',
      removalBasis: '误列',
      version: entry.version,
    });
    expect(before.statusCode).toBe(422);
    const list = await handler.request('GET', '/api/credit/listings?listKind=serious');
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(entry.id);
    expect(
      (
        await handler.request('POST', `/api/credit/listings/${entry.id}/removal`, {
          removedDate: '2026-06-02',
          removalKind: '信用修复',
          removalBasis: '已履行',
          version: entry.version,
        })
      ).statusCode,
    ).toBe(403);
    const repaired = await office.request('POST', `/api/credit/listings/${entry.id}/removal`, {
      removedDate: '2026-06-02',
      removalKind: '信用修复',
      removalBasis: '已履行处罚决定，消除不良影响，准予提前移出',
      version: entry.version,
    });
    expect(repaired.statusCode, repaired.body).toBe(200);
    expect(repaired.json().status).toBe('removed');
  });

  it('refuses a basis case outside the scope (422) and hides a sibling listing (404)', async () => {
    const res = await office.request('POST', '/api/credit/listings', {
      ...base(),
      listKind: 'serious',
      caseId: ids.sibling,
      reasonText: '违法',
      basis: '第九条',
      listedDate: '2026-03-01',
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0].path).toBe('caseId');
    const sibling = await t.services.creditService.createListing(systemActor, {
      ...base(),
      listKind: 'abnormal',
      abnormalReason: 'annual_report',
      unitId: tenant.units.sibling.id,
      listedDate: '2026-03-01',
    });
    expect((await office.request('GET', `/api/credit/listings/${sibling.id}`)).statusCode).toBe(404);
    expect(
      (await office.request('GET', '/api/credit/listings')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(sibling.id);
  });
});
