import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { auditLog } from '../src/modules/audit/audit.schema';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { assistanceAttachments, assistanceReplies } from '../src/modules/assistance/assistance.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

/**
 * 协查与通报 is the one place a record crosses unit scope. These tests prove the crossing is narrow:
 * the receiving bureau (the district's sibling) sees the request, its files and answers, and nothing
 * of the sender's own records; a bureau outside both ends sees nothing; a bureau that was not asked
 * cannot answer, and nothing is stored when it tries.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session; // the district's 专项办: the sender
let handler: Session; // the district's handler
let siblingOffice: Session; // the sibling district's 专项办: the receiver
let siblingHandler: Session;
let thirdOffice: Session; // a third bureau under the city: neither end
let third: { id: string };
let caseId = '';
let leadId = '';
let campaignId = '';
let siblingCampaignId = '';
let requestId = '';
let otherRequestId = ''; // between the sibling and the third bureau

const day = (offset: number) =>
  new Date(Date.parse(`${todayInChina()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const body = (over: Record<string, unknown> = {}) => ({
  kind: 'assistance',
  toUnitId: tenant.units.sibling.id,
  documentNumber: '测市监协〔2026〕1号',
  title: '关于协查某食品店进货来源的函',
  facts: '我局在专项行动中查获一批来源不明的预包装食品。',
  requestedItems: '请协查供货单位的经营资质及销售记录。',
  replyDueDate: day(10),
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const { city, district, sibling } = tenant.units;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  siblingOffice = (await addPerson(t, tenant, sibling.id, ['office'], 'as_sib_office')).session;
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  third = await t.services.unitsService.create(systemActor, {
    parentId: city.id,
    name: `第三区局-${tenant.tag}`,
    code: `T-${tenant.tag}`,
    kind: 'bureau',
  });
  thirdOffice = (await addPerson(t, tenant, third.id, ['office'], 'as_third_office')).session;
  const leader = await t.services.usersService.create(
    systemActor,
    {
      username: `as_city_leader_${tenant.tag}`,
      password: TEST_PASSWORD,
      displayName: '市局领导',
      unitId: city.id,
      roles: ['leader'],
    },
    { mustChangePassword: false },
  );
  campaignId = (
    await t.services.campaignsService.create(systemActor, {
      ...planSchema.parse(samplePlan({ leadUnitId: district.id, participantUnitIds: [district.id] })),
      unitId: district.id,
    })
  ).id;
  siblingCampaignId = (
    await t.services.campaignsService.create(systemActor, {
      ...planSchema.parse(samplePlan({ leadUnitId: sibling.id, participantUnitIds: [sibling.id] })),
      unitId: sibling.id,
    })
  ).id;
  caseId = (
    await t.services.casesService.create(systemActor, {
      unitId: district.id,
      campaignId,
      categoryCode: 'food',
      caseNumber: `AS-${tenant.tag}`,
      name: '协查测试案件',
      partyKind: 'person',
      partyName: '张某',
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
      filingApproverId: leader.id,
      investigatorId: tenant.unitUsers.own.id,
    } as never)
  ).id;
  leadId = (
    await t.services.leadsService.create(systemActor, {
      unitId: district.id,
      campaignId,
      categoryCode: 'food',
      source: 'complaint',
      receivedDate: '2026-04-01',
      partyName: '某店',
      description: '协查测试线索',
      important: false,
      handlerIds: [tenant.unitUsers.own.id],
    } as never)
  ).id;
  const otherRes = await siblingOffice.request('POST', '/api/assistance', {
    ...body({ toUnitId: third.id, title: '兄弟区局与第三区局之间的函' }),
  });
  expect(otherRes.statusCode).toBe(201);
  otherRequestId = otherRes.json().id;
});
afterAll(() => t.close());

const get = (s: Session, id = requestId) => s.request('GET', `/api/assistance/${id}`);
const version = async (id = requestId) =>
  (await office.request('GET', `/api/assistance/${id}`)).json().version as number;
const replyCount = async () =>
  (await t.database.db.select().from(assistanceReplies).where(eq(assistanceReplies.requestId, requestId))).length;

describe('协查与通报', () => {
  it('refuses bad input in Chinese, naming the field, and stores nothing', async () => {
    const self = await office.request('POST', '/api/assistance', body({ toUnitId: tenant.units.district.id }));
    expect(self.statusCode).toBe(400);
    expect(self.json().errors[0]).toMatchObject({ path: 'toUnitId', message: '受理单位不能是发函单位本身' });
    const notBureau = await office.request(
      'POST',
      '/api/assistance',
      body({ toUnitId: tenant.units.siblingOffice.id }),
    );
    expect(notBureau.json().errors[0].path).toBe('toUnitId');
    const past = await office.request('POST', '/api/assistance', body({ replyDueDate: day(-1) }));
    expect(past.json().errors[0]).toMatchObject({ path: 'replyDueDate', message: '答复期限不能早于今天' });
    const empty = await office.request('POST', '/api/assistance', body({ facts: ' ' }));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].message).toBe('请填写基本情况');
    const sent = await office.request('GET', '/api/assistance?direction=sent');
    expect(sent.json().total).toBe(0);
  });

  it('the sender names only its own records: another bureau’s case is 404', async () => {
    const res = await siblingOffice.request('POST', '/api/assistance', body({ toUnitId: third.id, caseId }));
    expect(res.statusCode).toBe(404);
  });

  it('sends with the sender’s case, lead and a file; the sender sees them', async () => {
    const res = await handler.request('POST', '/api/assistance', body({ campaignId, caseId, leadId }));
    expect(res.statusCode).toBe(201);
    requestId = res.json().id;
    expect(res.json()).toMatchObject({
      status: 'sent',
      fromUnitId: tenant.units.district.id,
      toUnitId: tenant.units.sibling.id,
      side: { sender: true, receiver: false },
      sender: { caseId, leadId, campaignId },
      can: { withdraw: true, accept: false, answer: false },
    });
    const up = await office.upload(`/api/assistance/${requestId}/attachments?side=sender`, '清单.pdf', '%PDF-1.4 清单');
    expect(up.statusCode).toBe(201);
    expect(up.json().attachments).toHaveLength(1);
  });

  it('the receiving bureau sees the request and its file, never the sender’s records', async () => {
    const res = await get(siblingOffice);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      title: '关于协查某食品店进货来源的函',
      facts: '我局在专项行动中查获一批来源不明的预包装食品。',
      side: { sender: false, receiver: true },
      sender: null,
      can: { accept: true, decline: true, withdraw: false, answer: false },
    });
    for (const id of [caseId, leadId, campaignId]) expect(res.body).not.toContain(id);
    const file = res.json().attachments[0];
    const download = await siblingOffice.request('GET', `/api/assistance/${requestId}/attachments/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.body).toContain('%PDF-1.4');
    const doc = await siblingOffice.request('GET', `/api/assistance/${requestId}/document.docx`);
    expect(doc.statusCode).toBe(200);
    expect(doc.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const received = (await siblingOffice.request('GET', '/api/assistance?direction=received')).json();
    expect(received.items.map((i: { id: string }) => i.id)).toEqual([requestId]);
    const inbox = (await siblingOffice.request('GET', '/api/inbox')).json();
    expect(JSON.stringify(inbox)).toContain(`/assistance/${requestId}`);
  });

  it('the crossing opens nothing else: the sender’s case, lead and ledgers stay 404 or absent', async () => {
    for (const s of [siblingOffice, siblingHandler]) {
      expect((await s.request('GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
      expect((await s.request('GET', `/api/leads/${leadId}`)).statusCode).toBe(404);
      expect((await s.request('GET', `/api/campaigns/${campaignId}`)).statusCode).toBe(404);
      const cases = (await s.request('GET', '/api/cases?pageSize=200')).json();
      expect(cases.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
      const leads = (await s.request('GET', '/api/leads?pageSize=200')).json();
      expect(leads.items.map((c: { id: string }) => c.id)).not.toContain(leadId);
    }
  });

  it('a bureau at neither end sees nothing: the request and its files are 404, its lists empty', async () => {
    expect((await get(thirdOffice)).statusCode).toBe(404);
    const file = (await get(office)).json().attachments[0];
    expect((await thirdOffice.request('GET', `/api/assistance/${requestId}/attachments/${file.id}`)).statusCode).toBe(
      404,
    );
    expect((await thirdOffice.request('GET', `/api/assistance/${requestId}/document.docx`)).statusCode).toBe(404);
    const sent = (await thirdOffice.request('GET', '/api/assistance?direction=sent')).json();
    expect(sent.total).toBe(0);
    // Another pair's request is as foreign to the district as the district's is to the third bureau.
    expect((await get(office, otherRequestId)).statusCode).toBe(404);
    expect((await get(handler, otherRequestId)).statusCode).toBe(404);
    const mine = (await office.request('GET', '/api/assistance?direction=received')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(otherRequestId);
  });

  it('a reply by a bureau that was not asked is refused and stores nothing', async () => {
    const v = await version();
    const bySender = await office.request('POST', `/api/assistance/${requestId}/accept`, { version: v });
    expect(bySender.statusCode).toBe(403);
    expect(bySender.json().detail).toBe('本单位不是该协查函的受理单位');
    const answerBySender = await office.request('POST', `/api/assistance/${requestId}/replies`, {
      text: '自己答复',
      version: v,
    });
    expect(answerBySender.statusCode).toBe(403);
    expect(answerBySender.json().detail).toBe('本单位不是该协查函的受理单位');
    const upBySender = await office.upload(
      `/api/assistance/${requestId}/attachments?side=receiver`,
      'a.pdf',
      '%PDF-1.4',
    );
    expect(upBySender.statusCode).toBe(403);
    const byThird = await thirdOffice.request('POST', `/api/assistance/${requestId}/replies`, {
      text: '冒答',
      version: v,
    });
    expect(byThird.statusCode).toBe(404);
    const byHandler = await siblingHandler.request('POST', `/api/assistance/${requestId}/accept`, { version: v });
    expect(byHandler.statusCode).toBe(403);
    expect(await replyCount()).toBe(0);
    expect((await get(office)).json()).toMatchObject({ status: 'sent', version: v });
    const files = await t.database.db
      .select()
      .from(assistanceAttachments)
      .where(eq(assistanceAttachments.requestId, requestId));
    expect(files.map((f) => f.side)).toEqual(['sender']);
  });

  it('the receiver accepts and answers with a file; the sender sees the answer', async () => {
    const early = await siblingOffice.request('POST', `/api/assistance/${requestId}/replies`, {
      text: '未受理先答复',
      version: await version(),
    });
    expect(early.statusCode).toBe(409);
    const accepted = await siblingOffice.request('POST', `/api/assistance/${requestId}/accept`, {
      version: await version(),
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', can: { answer: true, accept: false } });
    const stale = await siblingOffice.request('POST', `/api/assistance/${requestId}/replies`, {
      text: '旧版本',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const withdraw = await office.request('POST', `/api/assistance/${requestId}/withdraw`, {
      version: await version(),
    });
    expect(withdraw.statusCode).toBe(409);
    const answered = await siblingOffice.request('POST', `/api/assistance/${requestId}/replies`, {
      text: '经查，供货单位证照齐全，销售记录附后。',
      version: await version(),
    });
    expect(answered.statusCode).toBe(201);
    const up = await siblingOffice.upload(
      `/api/assistance/${requestId}/attachments?side=receiver`,
      '记录.pdf',
      '%PDF-1.4',
    );
    expect(up.statusCode).toBe(201);
    const seen = (await get(office)).json();
    expect(seen.status).toBe('answered');
    expect(seen.replies).toHaveLength(1);
    expect(seen.replies[0].text).toBe('经查，供货单位证照齐全，销售记录附后。');
    expect(seen.attachments.map((a: { side: string }) => a.side)).toEqual(['sender', 'receiver']);
    expect(seen.sender.caseId).toBe(caseId);
    const inbox = (await office.request('GET', '/api/inbox')).json();
    expect(JSON.stringify(inbox)).toContain(`/assistance/${requestId}`);
  });

  it('the receiver’s acts are audited without the sender’s records', async () => {
    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.action, ['assistance.accept', 'assistance.answer']));
    const mine = entries.filter((e) => e.recordId === requestId);
    expect(mine).toHaveLength(2);
    for (const e of mine) {
      expect(e.unitId).toBe(tenant.units.sibling.id);
      expect(JSON.stringify([e.before, e.after])).not.toContain(caseId);
    }
  });

  it('declining needs a reason; the sender may withdraw only before acceptance', async () => {
    const res = await office.request('POST', '/api/assistance', body({ kind: 'lead_notice', title: '线索通报' }));
    const id = res.json().id;
    const noReason = await siblingOffice.request('POST', `/api/assistance/${id}/decline`, { reason: ' ', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0]).toMatchObject({ path: 'reason', message: '请填写拒绝理由' });
    const declined = await siblingOffice.request('POST', `/api/assistance/${id}/decline`, {
      reason: '不属本局管辖',
      version: 1,
    });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: '不属本局管辖' });
    const other = await office.request('POST', '/api/assistance', body({ title: '待撤回' }));
    const withdrawn = await office.request('POST', `/api/assistance/${other.json().id}/withdraw`, { version: 1 });
    expect(withdrawn.json().status).toBe('withdrawn');
  });

  it('a 线索通报 accepted as the receiver’s own lead: in one transaction, seen by the receiver only', async () => {
    const res = await office.request(
      'POST',
      '/api/assistance',
      body({ kind: 'lead_notice', title: '关于某批发商销售假冒白酒的线索通报', caseId }),
    );
    const id = res.json().id as string;
    const asAssistance = await siblingOffice.request('POST', `/api/assistance/${requestId}/accept`, {
      version: await version(),
      registerLead: { campaignId: siblingCampaignId, categoryCode: 'food', partyName: '某批发商' },
    });
    expect(asAssistance.statusCode).toBe(409); // already accepted: the state is checked first
    const badCampaign = await siblingOffice.request('POST', `/api/assistance/${id}/accept`, {
      version: 1,
      registerLead: { campaignId, categoryCode: 'food', partyName: '某批发商' },
    });
    // The sender's campaign is not the receiver's: the leads module refuses it as a bad field; nothing is stored.
    expect(badCampaign.statusCode).toBe(400);
    expect(badCampaign.json().errors[0].path).toBe('campaignId');
    expect((await get(siblingOffice, id)).json().status).toBe('sent');
    const accepted = await siblingOffice.request('POST', `/api/assistance/${id}/accept`, {
      version: 1,
      registerLead: { campaignId: siblingCampaignId, categoryCode: 'food', partyName: '某批发商' },
    });
    expect(accepted.statusCode).toBe(200);
    const leadOfReceiver = accepted.json().receiver.leadId as string;
    expect(accepted.json().status).toBe('accepted');
    const lead = (await siblingOffice.request('GET', `/api/leads/${leadOfReceiver}`)).json();
    expect(lead).toMatchObject({ unitId: tenant.units.sibling.id, source: 'cross_region', partyName: '某批发商' });
    // The sender sees neither the receiver's lead nor its id.
    const seen = await get(office, id);
    expect(seen.json().receiver).toBeNull();
    expect(seen.body).not.toContain(leadOfReceiver);
    expect((await office.request('GET', `/api/leads/${leadOfReceiver}`)).statusCode).toBe(404);
  });

  it('lists the bureaus a request may go to, with their names only', async () => {
    const res = await handler.request('GET', '/api/assistance/recipients');
    const ids = res.json().map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([tenant.units.sibling.id, third.id, tenant.units.city.id]));
    expect(ids).not.toContain(tenant.units.siblingOffice.id);
    expect(Object.keys(res.json()[0]).sort()).toEqual(['id', 'name', 'parentName']);
  });
});
