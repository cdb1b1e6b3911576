import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { systemActor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { auditLog } from '../src/modules/audit/audit.schema';
import { notifications } from '../src/modules/notifications/notifications.schema';
import {
  rectificationEvents,
  supervisionFindings,
  type SupervisionVisitRow,
} from '../src/modules/supervision/supervision.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import { insertSupervision, insertVisit } from './helpers/supervision-fixtures';

let t: TestApp;
let tenant: Tenant;
/** 督查组组长 (the district's supervisor) and a member who works at another 所 of the district. */
let leader: Session;
let member: Session;
/** The liaison of the 所 visited, the liaison of another 所 (not of the group), the district's liaison, the sibling district's. */
let stationLiaison: Session;
let otherLiaison: Session;
let districtLiaison: Session;
let siblingLiaison: Session;
let stationLiaisonId = '';
let otherStation: { id: string };
let campaignId = '';
let visit: SupervisionVisitRow;

const PDF = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const VISIT_DATE = '2026-03-10';

async function person(unitId: string, roles: ('liaison' | 'supervisor')[], name: string) {
  const user = await t.services.usersService.create(
    systemActor,
    { username: `${name}_${tenant.tag}`, password: TEST_PASSWORD, displayName: name, unitId, roles },
    { mustChangePassword: false },
  );
  return { id: user.id, session: await login(t.app, user.username, TEST_PASSWORD) };
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'liaison', 'supervisor'] });
  const { district, office: station, sibling } = tenant.units;
  otherStation = await t.services.unitsService.create(systemActor, {
    parentId: district.id,
    name: `第二所-${tenant.tag}`,
    code: `DO2-${tenant.tag}`,
    kind: 'office',
  });
  leader = await login(t.app, tenant.byRole.supervisor.username, TEST_PASSWORD);
  districtLiaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
  const m = await person(otherStation.id, ['supervisor'], 'group_member');
  member = m.session;
  const sl = await person(station.id, ['liaison'], 'station_liaison');
  stationLiaison = sl.session;
  stationLiaisonId = sl.id;
  otherLiaison = (await person(otherStation.id, ['liaison'], 'other_liaison')).session;
  siblingLiaison = (await person(sibling.id, ['liaison'], 'sibling_liaison')).session;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id, otherStation.id],
    })
  ).id;
  const { group, round } = await insertSupervision(t.database.db, {
    campaignId,
    organizerUnitId: district.id,
    leaderId: tenant.byRole.supervisor.id,
    memberIds: [m.id],
    createdBy: tenant.byRole.office.id,
  });
  visit = await insertVisit(t.database.db, {
    roundId: round.id,
    groupId: group.id,
    campaignId,
    unitId: station.id,
    visitDate: VISIT_DATE,
    createdBy: tenant.byRole.supervisor.id,
  });
});
afterAll(() => t.close());

const findingBody = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.office.id,
  description: '经营户进货查验记录不全，部分冷链食品无追溯码',
  requirement: '督促经营户建立进货查验台账，补齐追溯信息',
  deadlineWorkingDays: 10,
  ...over,
});
const addFinding = (s: Session, over: Record<string, unknown> = {}) =>
  s.request('POST', `/api/supervision/visits/${visit.id}/findings`, findingBody(over));
const findingCount = async () =>
  (await t.database.db.select().from(supervisionFindings).where(eq(supervisionFindings.visitId, visit.id))).length;

describe('整改 from the finding to 销号', () => {
  it('demands, answers with a file, returns once with a new deadline, answers again and closes', async () => {
    const created = await addFinding(leader);
    expect(created.statusCode, created.body).toBe(201);
    const f = created.json();
    expect(f.status).toBe('open');
    expect(f.deadlineWorkingDays).toBe(10);
    const expected = (await t.services.calendarService.calendar()).addWorkingDays(VISIT_DATE, 10).date;
    expect(f.deadline).toBe(expected);
    expect(f.overdue).toBe(expected < todayInChina());
    expect(f.can).toEqual({ edit: true, reply: false, review: false, close: false });
    // 整改通知 to the 所's liaison.
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, stationLiaisonId), eq(notifications.kind, 'rectification_demanded')));
    expect(told.map((n) => n.link)).toContain(`/rectifications/${f.id}`);

    const asUnit = (await stationLiaison.request('GET', `/api/rectifications/${f.id}`)).json();
    expect(asUnit.can).toEqual({ edit: false, reply: true, review: false, close: false });
    const file = await stationLiaison.upload(`/api/rectifications/${f.id}/attachments`, '整改照片.pdf', PDF);
    expect(file.statusCode, file.body).toBe(201);
    const replied = await stationLiaison.request('POST', `/api/rectifications/${f.id}/reply`, {
      text: '已督促经营户建立台账并补录追溯信息。',
      attachmentIds: [file.json().id],
      version: f.version,
    });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().status).toBe('replied');
    expect(replied.json().attachments[0].eventId).toBe(replied.json().events[0].id);

    const newDeadline = '2027-01-29';
    const returned = await leader.request('POST', `/api/rectifications/${f.id}/return`, {
      reason: '追溯码仍有缺漏，请补齐后再报',
      deadline: newDeadline,
      version: replied.json().version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'open', returnCount: 1, deadline: newDeadline, overdue: false });
    // A stale version: 409, nothing changed.
    const stale = await stationLiaison.request('POST', `/api/rectifications/${f.id}/reply`, {
      text: '再次报送',
      version: replied.json().version,
    });
    expect(stale.statusCode).toBe(409);

    const again = await stationLiaison.request('POST', `/api/rectifications/${f.id}/reply`, {
      text: '已全部补齐。',
      version: returned.json().version,
    });
    expect(again.statusCode, again.body).toBe(200);
    const closed = await member.request('POST', `/api/rectifications/${f.id}/close`, {
      text: '复查属实，予以销号',
      version: again.json().version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', statusLabel: '已销号', latestReply: '已全部补齐。' });
    expect(closed.json().closedAt).toBeTruthy();
    expect(closed.json().events.map((e: { kind: string }) => e.kind)).toEqual(['reply', 'return', 'reply', 'close']);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, f.id));
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        'rectification.attachment_add',
        'rectification.close',
        'rectification.create',
        'rectification.reply',
        'rectification.reply',
        'rectification.return',
      ].sort(),
    );
    const download = await leader.request('GET', `/api/rectifications/${f.id}/attachments/${file.json().id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
  });

  it('notes a finding without requirement, and lets the group edit it into a demand', async () => {
    const noted = await addFinding(leader, { requirement: null, deadlineWorkingDays: null });
    expect(noted.statusCode, noted.body).toBe(201);
    expect(noted.json()).toMatchObject({ status: 'noted', deadline: null });
    const edited = await member.request('PUT', `/api/rectifications/${noted.json().id}`, {
      ...findingBody({ deadlineWorkingDays: null, deadline: '2099-12-31' }),
      version: noted.json().version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'open', deadline: '2099-12-31', deadlineWorkingDays: null });
  });
});

describe('refusals, nothing stored', () => {
  it('refuses a deadline before the visit with 422', async () => {
    const before = await findingCount();
    const res = await addFinding(leader, { deadlineWorkingDays: null, deadline: '2026-03-09' });
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toBe('整改期限不能早于督查日期');
    expect(await findingCount()).toBe(before);
  });

  it('refuses a unit outside the visited unit’s subtree, and a requirement without deadline', async () => {
    const before = await findingCount();
    const outside = await addFinding(leader, { unitId: otherStation.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().errors[0].path).toBe('unitId');
    expect(outside.json().errors[0].message).toContain('被督查单位');
    const noDeadline = await addFinding(leader, { deadlineWorkingDays: null });
    expect(noDeadline.statusCode).toBe(400);
    expect(noDeadline.json().errors[0].path).toBe('deadline');
    expect(await findingCount()).toBe(before);
  });

  it('refuses a reply by another unit with 403, and a finding by someone outside the group', async () => {
    const f = (await addFinding(leader)).json();
    for (const s of [districtLiaison, member]) {
      const res = await s.request('POST', `/api/rectifications/${f.id}/reply`, { text: '代报', version: f.version });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toBe('只有被要求整改的单位可以报送整改情况');
    }
    const events = await t.database.db
      .select()
      .from(rectificationEvents)
      .where(eq(rectificationEvents.findingId, f.id));
    expect(events).toEqual([]);
    expect((await stationLiaison.request('GET', `/api/rectifications/${f.id}`)).json().status).toBe('open');
    const byUnit = await addFinding(stationLiaison);
    expect(byUnit.statusCode).toBe(403);
    // The unit cannot close its own rectification.
    const close = await stationLiaison.request('POST', `/api/rectifications/${f.id}/close`, { version: f.version });
    expect(close.statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('hides the findings from a sibling unit (404) and shows them to a group member outside the scope', async () => {
    const f = (await addFinding(leader)).json();
    expect((await siblingLiaison.request('GET', `/api/rectifications/${f.id}`)).statusCode).toBe(404);
    expect((await otherLiaison.request('GET', `/api/rectifications/${f.id}`)).statusCode).toBe(404);
    expect((await otherLiaison.request('GET', `/api/supervision/visits/${visit.id}/findings`)).statusCode).toBe(404);
    const asMember = await member.request('GET', `/api/supervision/visits/${visit.id}/findings`);
    expect(asMember.statusCode).toBe(200);
    expect(asMember.json().canRecord).toBe(true);
    expect(asMember.json().items.map((i: { id: string }) => i.id)).toContain(f.id);
    const ledger = (await member.request('GET', '/api/rectifications?pageSize=200')).json();
    expect(ledger.items.map((i: { id: string }) => i.id)).toContain(f.id);
    const otherLedger = (await otherLiaison.request('GET', '/api/rectifications?pageSize=200')).json();
    expect(otherLedger.items).toEqual([]);
    expect((await siblingLiaison.request('GET', `/api/rectifications/${f.id}/attachments/${f.id}`)).statusCode).toBe(
      404,
    );
  });
});

describe('overdue, the ledger and its spreadsheet', () => {
  it('flags an open rectification past its deadline and counts it', async () => {
    const late = (await addFinding(leader, { deadlineWorkingDays: null, deadline: '2026-03-20' })).json();
    expect(late.overdue).toBe(true);
    const overdue = (
      await leader.request('GET', `/api/rectifications?campaignId=${campaignId}&overdue=true&pageSize=200`)
    ).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(late.id);
    expect(overdue.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(overdue.total).toBe(overdue.totals.overdue);
    const inbox = (await stationLiaison.request('GET', '/api/inbox')).json();
    const open = inbox.sections?.find?.((s: { kind: string }) => s.kind === 'rectification_open');
    const items = open ? open.items : inbox.items.filter((i: { kind: string }) => i.kind === 'rectification_open');
    expect(items[0].overdue).toBe(true);
  });

  it('answers totals equal to its rows, per unit, and an .xlsx that opens', async () => {
    const all = (await leader.request('GET', `/api/rectifications?campaignId=${campaignId}&pageSize=200`)).json();
    expect(all.total).toBe(all.items.length);
    const { totals } = all;
    expect(totals.all).toBe(all.items.length);
    expect(totals.open + totals.replied + totals.closed).toBe(totals.all);
    for (const s of ['open', 'replied', 'closed'] as const) {
      expect(all.items.filter((i: { status: string }) => i.status === s).length).toBe(totals[s]);
      const one = (await leader.request('GET', `/api/rectifications?campaignId=${campaignId}&status=${s}`)).json();
      expect(one.total).toBe(totals[s]);
    }
    expect(all.items.filter((i: { overdue: boolean }) => i.overdue).length).toBe(totals.overdue);
    // The overdue come first.
    expect(all.items[0].overdue).toBe(true);

    const summary = (await leader.request('GET', `/api/rectifications/summary?campaignId=${campaignId}`)).json();
    const station = summary.items.find((u: { unitId: string }) => u.unitId === tenant.units.office.id);
    expect(station).toMatchObject({ demanded: totals.all, open: totals.open, overdue: totals.overdue });

    const xlsx = await leader.request('GET', `/api/rectifications.xlsx?campaignId=${campaignId}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('整改台账')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      '序号',
      '来源',
      '督查轮次 / 检查日期',
      '督查组 / 抽查任务',
      '整改单位 / 主体',
      '发现问题',
      '整改要求',
      '整改期限',
      '状态',
      '是否逾期',
      '整改情况',
      '销号日期',
    ]);
    expect(ws.rowCount).toBe(totals.all + 1);
    expect(ws.getRow(2).getCell(2).value).toBe('督查');
    expect(ws.getRow(2).getCell(10).value).toBe('是');
  });
});

describe('整改期限提醒', () => {
  it('tells the unit of an overdue rectification once, however often the scan runs', async () => {
    const late = (await addFinding(leader, { deadlineWorkingDays: null, deadline: '2026-03-23' })).json();
    const first = await t.services.rectificationReminders.scan();
    expect(first.notified).toBeGreaterThan(0);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, stationLiaisonId), eq(notifications.kind, 'rectification_overdue')));
    expect(told.map((n) => n.link)).toContain(`/rectifications/${late.id}`);
    expect((await t.services.rectificationReminders.scan()).notified).toBe(0);
  });
});
