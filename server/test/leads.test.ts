import { todayInChina } from '../src/platform/today';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { systemActor } from '../src/platform/actor';
import { createWorkingCalendar, shiftDate } from '../src/modules/calendar/working-days';
import { cases } from '../src/modules/cases/cases.schema';
import { leads } from '../src/modules/leads/leads.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let leader: Session;
let siblingHandler: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const { district, office: so } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: so.id,
      participantUnitIds: [district.id, so.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  leader = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  siblingHandler = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
});
afterAll(() => t.close());

let n = 0;
const newLead = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId,
  categoryCode: 'food',
  source: 'complaint',
  sourceNumber: `12315-2026-${++n}`,
  receivedDate: '2026-02-10',
  partyName: '某超市',
  description: '消费者投诉购买到过期牛奶。',
  complainantName: '李小明',
  complainantPhone: '13812341234',
  complainantIdNumber: '310230199001011234',
  ...over,
});
const caseFields = (over: Record<string, unknown> = {}) => ({
  categoryCode: 'food',
  caseNumber: `测市监案〔2026〕L${++n}号`,
  name: '某超市销售过期食品案',
  partyKind: 'company',
  partyName: '某超市',
  filingDate: '2026-03-02',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});

describe('leads', () => {
  it('shows the complainant only to the lead’s handlers, masked elsewhere', async () => {
    const res = await handler.request('POST', '/api/leads', newLead());
    expect(res.statusCode).toBe(201);
    const lead = res.json();
    expect(lead).toMatchObject({
      complainantPhone: '13812341234',
      complainantMasked: false,
      handlerIds: [tenant.byRole.handler.id],
      sourceLabel: '12315投诉',
    });
    // Found before the Spring Festival: 15 working days end on 9 March 2026.
    expect(lead.clock).toMatchObject({ dueDate: '2026-03-09', state: 'overdue' });
    const seen = (await office.request('GET', `/api/leads/${lead.id}`)).json();
    expect(seen).toMatchObject({
      complainantName: '李**',
      complainantPhone: '138****1234',
      complainantIdNumber: '3102**********1234',
      complainantMasked: true,
    });
    const list = (await office.request('GET', `/api/leads?campaignId=${campaignId}`)).json();
    expect(list.items.find((i: { id: string }) => i.id === lead.id).complainantPhone).toBe('138****1234');
    const audit = await t.services.auditService.list(systemActor, {
      recordId: lead.id,
      page: 1,
      pageSize: 10,
    } as never);
    expect(JSON.stringify(audit)).not.toContain('13812341234');
    expect((await siblingHandler.request('GET', `/api/leads/${lead.id}`)).statusCode).toBe(404);
  });

  it('refuses bad input naming the fields, and stores nothing', async () => {
    const before = (await t.database.db.select().from(leads)).length;
    const res = await handler.request(
      'POST',
      '/api/leads',
      newLead({
        categoryCode: 'nope',
        complainantIdNumber: '123',
        unitId: tenant.units.sibling.id,
        receivedDate: '2099-01-01',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['complainantIdNumber']);
    const again = (
      await handler.request(
        'POST',
        '/api/leads',
        newLead({ categoryCode: 'nope', unitId: tenant.units.sibling.id, receivedDate: '2099-01-01' }),
      )
    ).json();
    expect(again.errors.map((e: { path: string }) => e.path).sort()).toEqual([
      'categoryCode',
      'handlerIds.0',
      'receivedDate',
      'unitId',
    ]);
    expect((await t.database.db.select().from(leads)).length).toBe(before);
  });

  // A handler's filing of a lead is a request a 局领导 approves: case-filing.test.ts.
  it('the office turns a lead into its case in one step (诉转案), or into nothing when the case is bad', async () => {
    const lead = (await handler.request('POST', '/api/leads', newLead())).json();
    const cases0 = (await t.database.db.select().from(cases)).length;
    const bad = await office.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'file',
      version: lead.version,
      case: caseFields({ investigatorId: tenant.byRole.leader.id }),
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('case.investigatorId');
    expect((await t.database.db.select().from(cases)).length).toBe(cases0);
    const res = await office.request('POST', `/api/leads/${lead.id}/decision`, {
      outcome: 'file',
      version: lead.version,
      case: caseFields(),
    });
    expect(res.statusCode).toBe(200);
    const filed = res.json();
    expect(filed).toMatchObject({
      status: 'filed',
      decidedDate: '2026-03-02',
      dueDate: null,
      clock: { state: 'stopped' },
    });
    const theCase = (await handler.request('GET', `/api/cases/${filed.caseId}`)).json();
    expect(theCase).toMatchObject({ originLeadId: lead.id, unitId: lead.unitId, campaignId, stage: 'filed' });
    expect(
      (
        await handler.request('POST', `/api/leads/${lead.id}/decision`, {
          outcome: 'not_file',
          version: filed.version,
          decidedDate: '2026-03-02',
          note: '重复',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('records not filing with its reason and handing over with the authority', async () => {
    const a = (await handler.request('POST', '/api/leads', newLead())).json();
    const noReason = await handler.request('POST', `/api/leads/${a.id}/decision`, {
      outcome: 'not_file',
      version: a.version,
      decidedDate: '2026-02-20',
      note: '',
    });
    expect(noReason.json().errors[0]).toMatchObject({ path: 'note', message: '请填写不予立案的理由' });
    expect(
      (
        await handler.request('POST', `/api/leads/${a.id}/decision`, {
          outcome: 'not_file',
          version: a.version,
          decidedDate: '2026-02-20',
          note: '经核查不存在违法行为',
        })
      ).json(),
    ).toMatchObject({ status: 'not_filed', outcomeNote: '经核查不存在违法行为' });
    const b = (await handler.request('POST', '/api/leads', newLead())).json();
    expect(
      (
        await handler.request('POST', `/api/leads/${b.id}/decision`, {
          outcome: 'hand_over',
          version: b.version,
          decidedDate: '2026-02-20',
          note: '区农业农村委',
          handover: { receiverKind: 'agriculture', receiverName: '区农业农村委' },
        })
      ).json().status,
    ).toBe('handed_over');
  });

  it('extends once with the head’s approval, and stops the clock during testing', async () => {
    let lead = (await handler.request('POST', '/api/leads', newLead())).json();
    // The handler asks (申请延期): nothing moves until the leader approves.
    const asked = await handler.request('POST', `/api/leads/${lead.id}/clock`, {
      kind: 'extend',
      reason: '案情复杂',
      version: lead.version,
    });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().clock.dueDate).toBe(lead.clock.dueDate);
    expect(asked.json().can.requestExtension).toBe(false);
    const [request] = asked.json().approvals;
    expect(request).toMatchObject({ kind: 'lead_extension', status: 'pending' });
    const approved = await leader.request('POST', `/api/approvals/${request.id}/decision`, {
      decision: 'approve',
      version: request.version,
    });
    expect(approved.statusCode).toBe(200);
    lead = (await handler.request('GET', `/api/leads/${lead.id}`)).json();
    expect(lead.clock.dueDate).toBe('2026-03-30');
    expect(
      (
        await leader.request('POST', `/api/leads/${lead.id}/clock`, {
          kind: 'extend',
          reason: '再延',
          version: lead.version,
        })
      ).json().detail,
    ).toMatch(/只能延长一次/);
    lead = (
      await handler.request('POST', `/api/leads/${lead.id}/clock`, {
        kind: 'pause',
        fromDate: '2026-02-24',
        reason: '送检',
        version: lead.version,
      })
    ).json();
    expect(lead.clock.state).toBe('paused');
    lead = (
      await handler.request('POST', `/api/leads/${lead.id}/clock`, {
        kind: 'resume',
        toDate: '2026-02-27',
        reason: '检验报告已出',
        version: lead.version,
      })
    ).json();
    expect(lead).toMatchObject({ dueDate: '2026-04-02', clock: { pausedWorkingDays: 3 } });
  });

  it('lists leads due within three working days and overdue ones', async () => {
    const calendar = createWorkingCalendar();
    const today = todayInChina(); // the server dates in China time: past 16:00 UTC its today is the next UTC day
    // The latest day whose 15th working day after falls within the next three working days.
    const lastSoon = calendar.addWorkingDays(today, 3).date;
    let received = today;
    while (calendar.addWorkingDays(received, 15).date > lastSoon) received = shiftDate(received, -1);
    expect(calendar.addWorkingDays(received, 15).date >= today).toBe(true);
    const soon = (await handler.request('POST', '/api/leads', newLead({ receivedDate: received }))).json();
    const dueSoon = (await handler.request('GET', '/api/leads?due=due_soon&pageSize=100')).json();
    expect(dueSoon.items.map((i: { id: string }) => i.id)).toContain(soon.id);
    const overdue = (await handler.request('GET', '/api/leads?due=overdue&pageSize=100')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(soon.id);
    expect(overdue.items.length).toBeGreaterThan(0);
    expect(
      overdue.items.every((i: { overdue: boolean; status: string }) => i.overdue && i.status === 'verifying'),
    ).toBe(true);
  });
});

describe('lead list by source, masked edits, people for duties', () => {
  it('filters by source; an editor who sees the complainant masked does not overwrite it; handlers can name the leaders of their line', async () => {
    const created = (
      await handler.request('POST', '/api/leads', {
        ...newLead(),
        source: 'petition',
        complainantName: '赵小明',
        complainantPhone: '13800001111',
      })
    ).json();
    const petitions = (await handler.request('GET', '/api/leads?source=petition')).json();
    expect(petitions.items.map((l: { id: string }) => l.id)).toEqual([created.id]);
    const masked = (await office.request('GET', `/api/leads/${created.id}`)).json();
    expect(masked.complainantMasked).toBe(true);
    const saved = await office.request('PUT', `/api/leads/${created.id}`, {
      ...newLead(),
      source: 'petition',
      complainantName: masked.complainantName,
      complainantPhone: masked.complainantPhone,
      partyName: '改名',
      version: masked.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await handler.request('GET', `/api/leads/${created.id}`)).json()).toMatchObject({
      partyName: '改名',
      complainantName: '赵小明',
      complainantPhone: '13800001111',
    });
    const leaders = (await handler.request('GET', `/api/people?unitId=${tenant.units.district.id}&role=leader`)).json()
      .items;
    expect(leaders.map((p: { id: string }) => p.id)).toContain(tenant.byRole.leader.id);
  });

  it('pages newest received first; the first page counts afresh, the pages after it reuse that count', async () => {
    const list = (page: number) =>
      handler.request('GET', `/api/leads?campaignId=${campaignId}&pageSize=2&page=${page}`).then((r) => r.json());
    const first = await list(1);
    expect(first.totalCapped).toBe(false);
    const everything = (await handler.request('GET', `/api/leads?campaignId=${campaignId}&pageSize=100`)).json();
    expect(everything.total).toBe(first.total);
    const dates = everything.items.map((l: { receivedDate: string }) => l.receivedDate);
    expect(dates).toEqual([...dates].sort().reverse());
    expect((await list(2)).items.map((l: { id: string }) => l.id)).toEqual(
      everything.items.slice(2, 4).map((l: { id: string }) => l.id),
    );
    expect((await handler.request('POST', '/api/leads', newLead())).statusCode).toBe(201);
    expect((await list(2)).total).toBe(first.total); // paging on: the count of page 1
    expect((await list(1)).total).toBe(first.total + 1); // back to page 1: counted again
  });
});

describe('handlers (经办人) are access control: assigned by the handling unit’s office or leader, never oneself', () => {
  const cityUser = async (name: string, roles: ('office' | 'handler')[]) => {
    const user = await t.services.usersService.create(
      systemActor,
      {
        username: `${name}_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: name,
        unitId: tenant.units.city.id,
        roles,
      },
      { mustChangePassword: false },
    );
    return { user, session: await login(t.app, `${name}_${tenant.tag}`, TEST_PASSWORD) };
  };
  const handlersOf = async (id: string) =>
    (await t.database.db.select().from(leads).where(eq(leads.id, id)))[0].handlerIds;

  it('the city office can neither make itself nor anyone handler of a district’s lead, and still reads the complainant masked', async () => {
    const { user: cityOfficer, session: cityOffice } = await cityUser('city_office', ['office']);
    const lead = (await handler.request('POST', '/api/leads', newLead())).json();
    const seen = (await cityOffice.request('GET', `/api/leads/${lead.id}`)).json();
    expect(seen).toMatchObject({ complainantMasked: true, can: { edit: true, assignHandlers: false } });
    // The general edit no longer changes the handlers: refused on the field, nothing stored.
    const viaEdit = await cityOffice.request('PUT', `/api/leads/${lead.id}`, {
      ...newLead(),
      sourceNumber: lead.sourceNumber,
      handlerIds: [tenant.byRole.handler.id, cityOfficer.id],
      version: seen.version,
    });
    expect(viaEdit.statusCode).toBe(400);
    expect(viaEdit.json().errors).toEqual([{ path: 'handlerIds', message: expect.stringContaining('指定经办人') }]);
    for (const handlerIds of [[cityOfficer.id], [tenant.unitUsers.own.id]]) {
      const res = await cityOffice.request('PUT', `/api/leads/${lead.id}/handlers`, {
        handlerIds,
        version: seen.version,
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().detail).toContain('专项办或局领导');
    }
    expect(await handlersOf(lead.id)).toEqual([tenant.byRole.handler.id]);
    const after = (await cityOffice.request('GET', `/api/leads/${lead.id}`)).json();
    expect(after).toMatchObject({
      complainantName: '李**',
      complainantPhone: '138****1234',
      complainantIdNumber: '3102**********1234',
      complainantMasked: true,
    });
    // An edit that sends the handlers back unchanged still saves (the lead's other fields).
    const unchanged = await cityOffice.request('PUT', `/api/leads/${lead.id}`, {
      ...newLead(),
      sourceNumber: lead.sourceNumber,
      partyName: '某超市（更正）',
      handlerIds: [tenant.byRole.handler.id],
      version: after.version,
    });
    expect(unchanged.statusCode, unchanged.body).toBe(200);
  });

  it('the handling unit’s office assigns a person of its line (audited as its own event); nobody assigns himself; a handler cannot', async () => {
    const lead = (await handler.request('POST', '/api/leads', newLead())).json();
    const seen = (await office.request('GET', `/api/leads/${lead.id}`)).json();
    expect(seen.can.assignHandlers).toBe(true);
    expect((await handler.request('GET', `/api/leads/${lead.id}`)).json().can.assignHandlers).toBe(false);
    const self = await office.request('PUT', `/api/leads/${lead.id}/handlers`, {
      handlerIds: [tenant.byRole.handler.id, tenant.byRole.office.id],
      version: seen.version,
    });
    expect(self.statusCode).toBe(403);
    expect(self.json()).toMatchObject({
      detail: expect.stringContaining('不能指定自己'),
      errors: [{ path: 'handlerIds.1' }],
    });
    const byHandler = await handler.request('PUT', `/api/leads/${lead.id}/handlers`, {
      handlerIds: [tenant.unitUsers.own.id],
      version: seen.version,
    });
    expect(byHandler.statusCode).toBe(403);
    const notOfLine = await office.request('PUT', `/api/leads/${lead.id}/handlers`, {
      handlerIds: [tenant.unitUsers.sibling.id],
      version: seen.version,
    });
    expect(notOfLine.statusCode).toBe(400);
    expect(notOfLine.json().errors[0]).toMatchObject({
      path: 'handlerIds.0',
      message: expect.stringContaining('不属于'),
    });

    // A person of the 所 below is of the line but cannot open the district's lead.
    const cannotSee = await office.request('PUT', `/api/leads/${lead.id}/handlers`, {
      handlerIds: [tenant.unitUsers.child.id],
      version: seen.version,
    });
    expect(cannotSee.json().errors[0]).toMatchObject({
      path: 'handlerIds.0',
      message: expect.stringContaining('看不到'),
    });

    const colleague = tenant.unitUsers.own;
    const res = await office.request('PUT', `/api/leads/${lead.id}/handlers`, {
      handlerIds: [tenant.byRole.handler.id, colleague.id],
      version: seen.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      handlerIds: [tenant.byRole.handler.id, colleague.id],
      handlers: [
        { id: tenant.byRole.handler.id, displayName: 'd_handler' },
        { id: colleague.id, displayName: 'own_handler' },
      ],
      complainantMasked: true,
    });
    const colleagueSession = await login(t.app, colleague.username, TEST_PASSWORD);
    expect((await colleagueSession.request('GET', `/api/leads/${lead.id}`)).json()).toMatchObject({
      complainantPhone: '13812341234',
      complainantMasked: false,
    });
    // A stale version is a conflict.
    expect(
      (
        await office.request('PUT', `/api/leads/${lead.id}/handlers`, {
          handlerIds: [colleague.id],
          version: seen.version,
        })
      ).statusCode,
    ).toBe(409);
    // The leader of the handling unit may assign too; the colleague loses the complainant's data.
    expect(
      (
        await leader.request('PUT', `/api/leads/${lead.id}/handlers`, {
          handlerIds: [tenant.byRole.handler.id],
          version: res.json().version,
        })
      ).statusCode,
    ).toBe(200);
    expect((await colleagueSession.request('GET', `/api/leads/${lead.id}`)).json().complainantMasked).toBe(true);

    const entries = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.recordId, lead.id), eq(auditLog.action, 'lead.assign_handlers')))
      .orderBy(asc(auditLog.seq));
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      actorUserId: tenant.byRole.office.id,
      before: expect.objectContaining({ handlerIds: [tenant.byRole.handler.id] }),
      after: expect.objectContaining({ handlerIds: [tenant.byRole.handler.id, colleague.id] }),
    });
    expect(JSON.stringify(entries)).not.toContain('13812341234');
  });

  it('the district’s office assigns the handlers of a lead of its 所 (the bureau the 所 belongs to)', async () => {
    const lead = (await handler.request('POST', '/api/leads', newLead({ unitId: tenant.units.office.id }))).json();
    // Registered for the 所 below: the district's handler is not its handler.
    expect(lead).toMatchObject({ handlerIds: [], complainantMasked: true });
    const seen = (await office.request('GET', `/api/leads/${lead.id}`)).json();
    expect(seen.can.assignHandlers).toBe(true);
    const res = await office.request('PUT', `/api/leads/${lead.id}/handlers`, {
      handlerIds: [tenant.unitUsers.child.id],
      version: seen.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const child = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
    expect((await child.request('GET', `/api/leads/${lead.id}`)).json()).toMatchObject({
      complainantPhone: '13812341234',
      complainantMasked: false,
      can: { assignHandlers: false },
    });
  });

  it('registering a lead for another unit never makes the registrant its handler', async () => {
    const { user: cityOfficer, session: cityOffice } = await cityUser('city_registrar', ['office', 'handler']);
    const named = await cityOffice.request('POST', '/api/leads', newLead({ handlerIds: [cityOfficer.id] }));
    expect(named.statusCode).toBe(403);
    expect(named.json().detail).toContain('不能将自己指定为其他单位线索的经办人');
    // Left to the default, the city's registrant is left out: the district's office assigns the handlers.
    const created = await cityOffice.request('POST', '/api/leads', newLead());
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ handlerIds: [], complainantMasked: true, complainantPhone: '138****1234' });
    // Naming a person of the district at registration is kept (the unit's own handler).
    expect(
      (await cityOffice.request('POST', '/api/leads', newLead({ handlerIds: [tenant.byRole.handler.id] }))).json()
        .handlerIds,
    ).toEqual([tenant.byRole.handler.id]);
  });
});
