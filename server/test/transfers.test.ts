import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { shiftDate } from '../src/modules/calendar/working-days';
import { auditLog } from '../src/modules/audit/audit.schema';
import { cases } from '../src/modules/cases/cases.schema';
import { transfers } from '../src/modules/transfers/transfers.schema';
import { createTestApp, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let siblingHandler: Session;
let campaignId = '';
let caseId = '';
let otherCaseId = '';
let n = 0;

const today = () => todayInChina();
const caseInput = (unitId: string, amountInvolved: string) =>
  ({
    unitId,
    campaignId,
    categoryCode: 'food',
    caseNumber: `YS-${++n}-${tenant.tag}`,
    name: `销售有毒有害食品案${n}`,
    partyKind: 'person',
    partyName: '王某',
    filingDate: shiftDate(today(), -20),
    amountInvolved,
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
  }) as never;

const toPolice = (over: Record<string, unknown> = {}) => ({
  receiverKind: 'police',
  receiverName: '测试市公安局测试分局',
  transferDate: today(),
  documentNumber: '测市监移〔2026〕1号',
  reason: '涉案金额达到立案追诉标准，涉嫌生产、销售有毒、有害食品罪。',
  materials: ['案件调查终结报告', '涉案物品清单', '检验报告'],
  ...over,
});

const transferredTotal = async () => {
  const res = await office.request(
    'GET',
    `/api/campaigns/${campaignId}/stats?unitId=${tenant.units.district.id}&from=2000-01-01&to=2100-12-31`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json().rows.find((r: { category: string }) => r.category === 'total').values.transferredToJudiciary;
};
const caseTransfers = async (s: Session, id = caseId) => {
  const res = await s.request('GET', `/api/cases/${id}/transfers`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const inboxKinds = async (s: Session) =>
  ((await s.request('GET', '/api/inbox')).json().items as { kind: string; recordId: string }[]).map(
    (i) => `${i.kind}:${i.recordId}`,
  );

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'leader', 'handler'] });
  const { district, sibling } = tenant.units;
  office = (await addPerson(t, tenant, district.id, ['office'], 'ys_office')).session;
  handler = (await addPerson(t, tenant, district.id, ['handler'], 'ys_handler')).session;
  siblingHandler = (await addPerson(t, tenant, sibling.id, ['handler'], 'ys_sibling')).session;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, tenant.units.office.id],
    })
  ).id;
  caseId = (await t.services.casesService.create(systemActor, caseInput(district.id, '80000'))).id;
  otherCaseId = (await t.services.casesService.create(systemActor, caseInput(district.id, '1000'))).id;
});
afterAll(() => t.close());

describe('涉刑移送标准 and the 涉刑不移 guard', () => {
  it('is kept by the system administrator only, with its source', async () => {
    const refused = await office.request('POST', '/api/criminal-thresholds', {
      categoryCode: 'food',
      minAmount: '50000',
      description: '生产、销售不符合安全标准的食品',
      source: '立案追诉标准（一）第十九条',
    });
    expect(refused.statusCode).toBe(403);
    const noSource = await office.request('POST', '/api/criminal-thresholds', {
      categoryCode: 'food',
      minAmount: '50000',
      description: 'x',
      source: '',
    });
    expect(noSource.statusCode).toBe(400);
    expect(noSource.json().errors[0].path).toBe('source');
    const created = await t.services.criminalThresholdsService.create(systemActor, {
      categoryCode: 'food',
      minAmount: '50000',
      description: '生产、销售伪劣产品，销售金额五万元以上',
      source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第十六条',
    });
    expect(created.minAmount).toBe('50000.00');
    const list = (await office.request('GET', '/api/criminal-thresholds')).json();
    expect(list.items.map((i: { categoryCode: string }) => i.categoryCode)).toContain('food');
    expect(list.can.maintain).toBe(false);
    // Each with its category's name, and the categories of the installation's plans to choose from.
    const food = list.items.find((i: { categoryCode: string }) => i.categoryCode === 'food');
    expect(food.categoryLabel).toBe(list.categories.find((c: { code: string }) => c.code === 'food').label);
    expect(food.categoryLabel).not.toBe('food');
    expect(list.categories.length).toBeGreaterThan(1);
  });

  it('flags the case over the threshold on its page and in the office inbox, not the one under it', async () => {
    const card = await caseTransfers(office);
    expect(card.guard).toMatchObject({ flagged: true, minAmount: '50000.00', amountInvolved: '80000.00' });
    expect(card.can.transfer).toBe(true);
    expect((await caseTransfers(office, otherCaseId)).guard.flagged).toBe(false);
    const kinds = await inboxKinds(office);
    expect(kinds).toContain(`criminal_not_transferred:${caseId}`);
    expect(kinds).not.toContain(`criminal_not_transferred:${otherCaseId}`);
  });
});

describe('移送 of a case', () => {
  let transferId = '';

  it('refuses a transfer without a receiving organ (422 naming the field), storing nothing', async () => {
    const before = await transferredTotal();
    const res = await handler.request('POST', `/api/cases/${caseId}/transfers`, toPolice({ receiverKind: undefined }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().errors).toEqual([{ path: 'receiverKind', message: '请选择接收机关类别' }]);
    expect(res.json().detail).toContain('接收机关');
    const noName = await handler.request('POST', `/api/cases/${caseId}/transfers`, toPolice({ receiverName: '' }));
    expect(noName.statusCode).toBe(422);
    expect(noName.json().errors[0].path).toBe('receiverName');
    expect(await t.database.db.select().from(transfers).where(eq(transfers.caseId, caseId))).toHaveLength(0);
    expect(await transferredTotal()).toBe(before);
  });

  it('transfers to the police: the 移送司法 figure moves by one, the drill-down lists the case, the flag goes', async () => {
    const before = await transferredTotal();
    const res = await handler.request('POST', `/api/cases/${caseId}/transfers`, toPolice());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    transferId = created.id;
    expect(created).toMatchObject({ status: 'sent', judicial: true, overdue: false, can: { reply: true } });
    // 3 working days to decide (国务院令第310号 第八条), counted on the calendar.
    const calendar = await t.services.calendarService.calendar();
    expect(created.replyDueDate).toBe(calendar.addWorkingDays(today(), 3).date);
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({
      transferredToJudiciary: true,
      judiciaryTransferDate: today(),
      transferredToPolice: true,
      policeTransferDate: today(),
    });
    expect(await transferredTotal()).toBe(before + 1);
    const drill = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/stats/records?unitId=${tenant.units.district.id}&from=2000-01-01&to=2100-12-31&metric=transferredToJudiciary&pageSize=100`,
    );
    expect(drill.statusCode, drill.body).toBe(200);
    expect(drill.json().items.map((i: { id: string }) => i.id)).toContain(caseId);
    expect(await t.services.rollupsService.verify()).toEqual([]);
    expect((await caseTransfers(office)).guard.flagged).toBe(false);
    expect(await inboxKinds(office)).not.toContain(`criminal_not_transferred:${caseId}`);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, caseId));
    expect(audit.map((a) => a.action)).toContain('case.transfer');
  });

  it('a second transfer of the same case does not count it twice', async () => {
    const before = await transferredTotal();
    const res = await handler.request(
      'POST',
      `/api/cases/${caseId}/transfers`,
      toPolice({ receiverKind: 'procuratorate', receiverName: '测试区人民检察院' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(await transferredTotal()).toBe(before);
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });

  it('records the answers: 404 outside the scope, reason required for 不立案, history kept', async () => {
    let transfer = (await handler.request('GET', `/api/transfers/${transferId}`)).json();
    const outside = await siblingHandler.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'filed',
      replyDate: today(),
      version: transfer.version,
    });
    expect(outside.statusCode).toBe(404);
    const noReason = await handler.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'not_filed',
      replyDate: today(),
      version: transfer.version,
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors[0].path).toBe('reason');
    const accepted = await handler.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'accepted',
      replyDate: today(),
      version: transfer.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    transfer = accepted.json();
    const stale = await handler.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'filed',
      replyDate: today(),
      version: transfer.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    const filed = await office.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'filed',
      replyDate: today(),
      reason: '已立案侦查',
      version: transfer.version,
    });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ status: 'filed', statusLabel: '已立案', can: { reply: false } });
    expect(filed.json().replies.map((r: { outcome: string }) => r.outcome)).toEqual(['accepted', 'filed']);
    const again = await office.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'returned',
      replyDate: today(),
      reason: 'x',
      version: filed.json().version,
    });
    expect(again.statusCode).toBe(422);
  });

  it('lists the transfers in the 台账 (filters) and chases an overdue one in the inbox', async () => {
    const late = await handler.request(
      'POST',
      `/api/cases/${otherCaseId}/transfers`,
      toPolice({
        receiverKind: 'market_regulation',
        receiverName: '外省某市场监管局',
        transferDate: shiftDate(today(), -10),
        replyDueDate: shiftDate(today(), -1),
      }),
    );
    expect(late.statusCode, late.body).toBe(201);
    expect(late.json()).toMatchObject({ judicial: false, overdue: true });
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, otherCaseId));
    expect(row.transferredToJudiciary).toBe(false);
    const overdue = (await office.request('GET', '/api/transfers?overdue=true')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([late.json().id]);
    const police = (await office.request('GET', '/api/transfers?receiverKind=police')).json();
    expect(police.total).toBe(1);
    expect((await siblingHandler.request('GET', '/api/transfers')).json().total).toBe(0);
    expect(await inboxKinds(office)).toContain(`transfer_reply_overdue:${late.json().id}`);
  });

  it('downloads the 移送书 as .docx', async () => {
    const res = await handler.request('GET', `/api/transfers/${transferId}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('officedocument.wordprocessingml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await siblingHandler.request('GET', `/api/transfers/${transferId}/document.docx`)).statusCode).toBe(404);
  });
});

describe('线索移交', () => {
  const newLead = () => ({
    unitId: tenant.units.district.id,
    campaignId,
    categoryCode: 'food',
    source: 'inspection',
    receivedDate: shiftDate(today(), -5),
    partyName: '某农资店',
    description: '销售疑似假农药。',
  });

  it('names the receiving organ (422 without), stores the transfer and shows the answer on the lead', async () => {
    const lead = (await handler.request('POST', '/api/leads', newLead())).json();
    const missing = await handler.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'hand_over',
      version: lead.version,
      decidedDate: today(),
    });
    expect(missing.statusCode, missing.body).toBe(422);
    expect(missing.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'handover.receiverKind',
      'handover.receiverName',
    ]);
    expect((await handler.request('GET', `/api/leads/${lead.id}`)).json().status).toBe('verifying');
    const handed = await handler.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'hand_over',
      version: lead.version,
      decidedDate: today(),
      handover: { receiverKind: 'agriculture', receiverName: '测试区农业农村委员会', materials: ['现场检查笔录'] },
    });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({
      status: 'handed_over',
      outcomeNote: '测试区农业农村委员会',
      handover: { receiverKind: 'agriculture', status: 'sent', overdue: false },
    });
    const listed = (await handler.request('GET', '/api/leads?statuses=handed_over')).json();
    expect(listed.items.find((i: { id: string }) => i.id === lead.id).handover.receiverName).toBe(
      '测试区农业农村委员会',
    );
    const transferId = handed.json().handover.transferId;
    const replied = await handler.request('POST', `/api/transfers/${transferId}/replies`, {
      outcome: 'filed',
      replyDate: today(),
      version: 1,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect((await handler.request('GET', `/api/leads/${lead.id}`)).json().handover.status).toBe('filed');
    expect((await office.request('GET', '/api/transfers?subject=lead')).json().total).toBe(1);
  });
});
