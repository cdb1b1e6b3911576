import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { shiftDate } from '../src/modules/calendar/working-days';
import { cases } from '../src/modules/cases/cases.schema';
import { caseSupervisionEntries, caseSupervisions } from '../src/modules/case-supervision/case-supervision.schema';
import { notifications } from '../src/modules/notifications/notifications.schema';
import { createTestApp, type Session, type TestApp } from './helpers/app';
import { addPerson, createTenant, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
/** The district's office and leader (the supervising side of the 所's cases). */
let office: Session;
let leader: Session;
/** A handler of the district's 所 (the case's side). */
let stationHandler: { id: string; session: Session };
let siblingHandler: Session;
let cityOffice: Session;
let campaignId = '';
let stationCaseId = '';
let districtCaseId = '';

const today = () => todayInChina();
const takeUp = (over: Record<string, unknown> = {}) => ({
  instruction: '请于期限内查清涉案冷库货值及流向，依法从严查处。',
  deadline: shiftDate(today(), 30),
  progressInterval: 5,
  progressIntervalKind: 'working_days',
  ...over,
});

const caseInput = (unitId: string, caseNumber: string) =>
  ({
    unitId,
    campaignId,
    categoryCode: 'food',
    caseNumber,
    name: '销售过期冷链食品案',
    partyKind: 'person',
    partyName: '李某',
    filingDate: shiftDate(today(), -20),
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
  }) as never;

async function fileCase(unitId: string, caseNumber: string) {
  return (await t.services.casesService.create(systemActor, caseInput(unitId, caseNumber))).id;
}

const supervisionCount = async () => (await t.database.db.select().from(caseSupervisions)).length;
const caseRow = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0];

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'leader', 'handler'] });
  const { city, district, office: station, sibling } = tenant.units;
  office = (await addPerson(t, tenant, district.id, ['office'], 'sv_office')).session;
  leader = (await addPerson(t, tenant, district.id, ['leader'], 'sv_leader')).session;
  stationHandler = await addPerson(t, tenant, station.id, ['handler'], 'sv_station');
  siblingHandler = (await addPerson(t, tenant, sibling.id, ['handler'], 'sv_sibling')).session;
  cityOffice = (await addPerson(t, tenant, city.id, ['office'], 'sv_city')).session;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id],
    })
  ).id;
  stationCaseId = await fileCase(station.id, `SV-1-${tenant.tag}`);
  districtCaseId = await fileCase(district.id, `SV-2-${tenant.tag}`);
});
afterAll(() => t.close());

describe('督办', () => {
  let id = '';
  let version = 0;

  it('报请督办: the 所 asks its 区局; the request waits in the 区局 office inbox and bell', async () => {
    const res = await stationHandler.session.request('POST', `/api/cases/${stationCaseId}/supervision-requests`, {
      reason: '涉案货值大、涉及多个冷库，请求区局督办。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({
      status: 'requested',
      origin: 'requested',
      supervisingUnitId: tenant.units.district.id,
      can: { takeUp: false },
    });
    id = s.id;
    version = s.version;
    const again = await stationHandler.session.request('POST', `/api/cases/${stationCaseId}/supervision-requests`, {
      reason: '再次报请',
    });
    expect(again.statusCode).toBe(409);
    const inbox = (await office.request('GET', '/api/inbox')).json();
    expect(
      inbox.items.some(
        (i: { kind: string; recordId: string }) => i.kind === 'case_supervision_request' && i.recordId === id,
      ),
    ).toBe(true);
    const told = await t.database.db.select().from(notifications).where(eq(notifications.kind, 'case_supervision'));
    expect(told.some((n) => n.title.includes('报请'))).toBe(true);
    expect((await office.request('GET', `/api/case-supervisions/${id}`)).json().can.takeUp).toBe(true);
  });

  it('refuses the requester deciding his own request, a deadline before today, and stores nothing', async () => {
    const own = await stationHandler.session.request('POST', `/api/case-supervisions/${id}/take-up`, {
      ...takeUp(),
      version,
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().detail).toContain('四分离');
    const past = await office.request('POST', `/api/case-supervisions/${id}/take-up`, {
      ...takeUp({ deadline: shiftDate(today(), -1) }),
      version,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors).toEqual([
      { path: 'deadline', message: expect.stringContaining('办结期限不能早于今天') },
    ]);
    const badInterval = await office.request('POST', `/api/case-supervisions/${id}/take-up`, {
      ...takeUp({ progressInterval: 0 }),
      version,
    });
    expect(badInterval.statusCode).toBe(400);
    expect(JSON.stringify(badInterval.json().errors)).toContain('进展报送周期至少为 1');
    const [row] = await t.database.db.select().from(caseSupervisions).where(eq(caseSupervisions.id, id));
    expect(row.status).toBe('requested');
    expect((await caseRow(stationCaseId)).supervisionLevel).toBeNull();
  });

  it('立项督办 sets the instruction, deadline, next progress due and the case fields in one go', async () => {
    const res = await office.request('POST', `/api/case-supervisions/${id}/take-up`, { ...takeUp(), version });
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({
      status: 'active',
      level: 'superior',
      startDate: today(),
      deadline: shiftDate(today(), 30),
    });
    expect(s.nextProgressDue > today()).toBe(true);
    version = s.version;
    const c = await caseRow(stationCaseId);
    expect(c).toMatchObject({
      supervisionLevel: 'superior',
      supervisingUnitId: tenant.units.district.id,
      supervisionDeadline: shiftDate(today(), 30),
    });
  });

  it('keeps the case’s 督办 fields to the workflow: an edit changing them is refused, naming the field', async () => {
    const c = await caseRow(stationCaseId);
    const edit = t.services.casesService.update(systemActor, stationCaseId, {
      ...(caseInput(tenant.units.office.id, c.caseNumber) as object),
      supervisionLevel: null,
      version: c.version,
    } as never);
    await expect(edit).rejects.toMatchObject({
      status: 400,
      errors: [{ path: 'supervisionLevel', message: expect.stringContaining('正在督办中') }],
    });
    expect(await caseRow(stationCaseId)).toMatchObject({ supervisionLevel: 'superior', version: c.version });
  });

  it('takes progress only from the case side: the supervisor 403, a sibling 404', async () => {
    const bySupervisor = await office.request('POST', `/api/case-supervisions/${id}/progress`, {
      text: '代报',
      version,
    });
    expect(bySupervisor.statusCode).toBe(403);
    const bySibling = await siblingHandler.request('POST', `/api/case-supervisions/${id}/progress`, {
      text: '越权',
      version,
    });
    expect(bySibling.statusCode).toBe(404);
    expect((await siblingHandler.request('GET', `/api/case-supervisions/${id}`)).statusCode).toBe(404);
    expect((await t.database.db.select().from(caseSupervisionEntries)).length).toBe(0);
    const ok = await stationHandler.session.request('POST', `/api/case-supervisions/${id}/progress`, {
      text: '已调取冷库出入库记录，查明涉案冻品12吨。',
      version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().entries).toHaveLength(1);
    expect(ok.json().latestProgress).toContain('12吨');
    version = ok.json().version;
    const instr = await leader.request('POST', `/api/case-supervisions/${id}/instructions`, {
      text: '请同步排查上游供货商。',
      version,
    });
    expect(instr.statusCode, instr.body).toBe(200);
    expect(instr.json().entries.map((e: { kind: string }) => e.kind)).toEqual(['progress', 'instruction']);
    version = instr.json().version;
  });

  it('flags a missed progress report and a passed deadline on both sides', async () => {
    await t.database.db
      .update(caseSupervisions)
      .set({ deadline: shiftDate(today(), -1), nextProgressDue: shiftDate(today(), -2) })
      .where(eq(caseSupervisions.id, id));
    const list = (await office.request('GET', '/api/case-supervisions?overdue=true')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(list.items[0]).toMatchObject({ progressOverdue: true, deadlineOverdue: true });
    const station = (await stationHandler.session.request('GET', '/api/case-supervisions?overdue=true')).json();
    expect(station.items[0]).toMatchObject({ id, deadlineOverdue: true });
    const supInbox = (await office.request('GET', '/api/inbox')).json().items as { kind: string; overdue: boolean }[];
    expect(supInbox.some((i) => i.kind === 'case_supervision_overdue' && i.overdue)).toBe(true);
    const caseInbox = (await stationHandler.session.request('GET', '/api/inbox')).json().items as { kind: string }[];
    expect(caseInbox.map((i) => i.kind)).toEqual(
      expect.arrayContaining(['case_supervision_deadline', 'case_supervision_progress']),
    );
    const first = await t.services.caseSupervisionReminders.scan();
    expect(first.notified).toBeGreaterThan(0);
    expect((await t.services.caseSupervisionReminders.scan()).notified).toBe(0);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'case_supervision_overdue'));
    expect(told.some((n) => n.userId === stationHandler.id && n.title.includes('进展报告已逾期'))).toBe(true);
    expect(told.some((n) => n.title.includes('已超过办结期限'))).toBe(true);
  });

  it('办结 only once the case is decided (422 before), by the supervising unit', async () => {
    const early = await office.request('POST', `/api/case-supervisions/${id}/close`, { conclusion: '办结', version });
    expect(early.statusCode).toBe(422);
    expect(early.json().detail).toContain('尚未作出处理决定');
    expect(
      (
        await stationHandler.session.request('POST', `/api/case-supervisions/${id}/close`, {
          conclusion: '办结',
          version,
        })
      ).statusCode,
    ).toBe(403);
    await t.database.db
      .update(cases)
      .set({ stage: 'decided', decisionDate: today() })
      .where(eq(cases.id, stationCaseId));
    const res = await office.request('POST', `/api/case-supervisions/${id}/close`, {
      conclusion: '案件已依法作出罚款决定，督办办结。',
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'closed', progressOverdue: false, deadlineOverdue: false });
    const card = (await stationHandler.session.request('GET', `/api/cases/${stationCaseId}/supervision`)).json();
    expect(card.items[0].status).toBe('closed');
    // A decided case may be supervised again while it is executed; once closed (结案) it may not (422).
    expect(card.can.request).toBe(true);
    await t.database.db.update(cases).set({ stage: 'closed', closingDate: today() }).where(eq(cases.id, stationCaseId));
    const late = await stationHandler.session.request('POST', `/api/cases/${stationCaseId}/supervision-requests`, {
      reason: '结案后报请',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().detail).toContain('已结案');
    expect(await supervisionCount()).toBe(1);
  });

  it('主动督办 by the city office of a district case: 上级督办', async () => {
    const bySibling = await siblingHandler.request('POST', `/api/cases/${districtCaseId}/supervisions`, takeUp());
    expect(bySibling.statusCode).toBe(404);
    const byHandler = await stationHandler.session.request(
      'POST',
      `/api/cases/${districtCaseId}/supervisions`,
      takeUp(),
    );
    expect(byHandler.statusCode).toBe(404);
    const res = await cityOffice.request('POST', `/api/cases/${districtCaseId}/supervisions`, takeUp());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ origin: 'initiated', status: 'active', level: 'superior' });
    expect((await caseRow(districtCaseId)).supervisionLevel).toBe('superior');
    // The district's own office is the case side here: it reports progress, it does not close.
    const card = (await office.request('GET', `/api/cases/${districtCaseId}/supervision`)).json();
    expect(card.items[0].can).toMatchObject({ report: true, close: false, instruct: false });
  });

  it('不予督办 with a reason; a district office asking goes to the city', async () => {
    const other = await fileCase(tenant.units.office.id, `SV-3-${tenant.tag}`);
    const req = await office.request('POST', `/api/cases/${other}/supervision-requests`, { reason: '请市局督办' });
    expect(req.statusCode, req.body).toBe(201);
    expect(req.json().supervisingUnitId).toBe(tenant.units.city.id);
    const noReason = await cityOffice.request('POST', `/api/case-supervisions/${req.json().id}/decline`, {
      reason: ' ',
      version: req.json().version,
    });
    expect(noReason.statusCode).toBe(400);
    const res = await cityOffice.request('POST', `/api/case-supervisions/${req.json().id}/decline`, {
      reason: '案情不属重大案件，由区局自行督办。',
      version: req.json().version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'declined', declineReason: '案情不属重大案件，由区局自行督办。' });
    expect((await caseRow(other)).supervisionLevel).toBeNull();
  });

  it('lists in scope and exports the ledger as an .xlsx that opens', async () => {
    const before = await supervisionCount();
    expect(before).toBe(3);
    const mine = (await office.request('GET', '/api/case-supervisions?pageSize=10')).json();
    expect(mine.total).toBe(3);
    const sibling = (await siblingHandler.request('GET', '/api/case-supervisions')).json();
    expect(sibling.total).toBe(0);
    expect(
      (await siblingHandler.request('GET', `/api/case-supervisions?unitId=${tenant.units.district.id}`)).statusCode,
    ).toBe(404);
    const closed = (await office.request('GET', '/api/case-supervisions?status=closed')).json();
    expect(closed.items).toHaveLength(1);
    const xlsx = await office.request('GET', `/api/case-supervisions.xlsx?campaignId=${campaignId}`);
    expect(xlsx.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号',
      '案件名称（编号）',
      '承办单位',
      '督办单位',
      '督办层级',
      '督办日期',
      '办结期限',
      '督办意见',
      '最近进展',
      '状态',
      '是否逾期',
    ]);
    expect(ws.rowCount).toBe(4);
    const texts = [2, 3, 4].map((r) => String(ws.getRow(r).getCell(10).value));
    expect(texts).toEqual(expect.arrayContaining(['已办结', '督办中', '不予督办']));
  });
});
