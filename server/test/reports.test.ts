import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { cases } from '../src/modules/cases/cases.schema';
import { leads } from '../src/modules/leads/leads.schema';
import { reportSubmissions } from '../src/modules/reports/reports.schema';
import { fenToYuan, yuanTextToFen } from '../src/platform/money';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { createLiaison, publishedReportPlan, servicesOnClock } from './helpers/reports';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { publishSigned } from './helpers/approvals';

// The reports' clock is the test's: 10 May 2026, 10:00 in Beijing. The sample plan runs from
// 1 March with a cumulative monthly report due on the 2nd: March's (due 2 April) and April's
// (due 2 May) are due, May's (due 2 June) is the next.
let clock = new Date('2026-05-10T02:00:00Z');
let t: TestApp;
let tenant: Tenant;
let office: Session;
let liaison: Session;
let officeLiaison: Session;
let teamLiaison: Session;
/** A second unit under the district (执法大队), created for these tests. */
let team: { id: string; name: string };
let campaignId = '';
let scheduleId = '';

beforeAll(async () => {
  t = await createTestApp({ services: servicesOnClock(() => clock) });
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'liaison'] });
  const stationLiaison = await createLiaison(t.services, tenant.units.office.id, `o_liaison_${tenant.tag}`);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  liaison = await login(t.app, tenant.byRole.liaison.username, TEST_PASSWORD);
  officeLiaison = await login(t.app, stationLiaison.username, TEST_PASSWORD);
  team = await t.services.unitsService.create(systemActor, {
    parentId: tenant.units.district.id,
    name: `测试执法大队-${tenant.tag}`,
    code: `DT-${tenant.tag}`,
    kind: 'brigade',
  });
  const teamLiaisonUser = await createLiaison(t.services, team.id, `t_liaison_${tenant.tag}`, '大队联络员');
  teamLiaison = await login(t.app, teamLiaisonUser.username, TEST_PASSWORD);
  ({ campaignId, scheduleId } = await publishedReportPlan(t, office, tenant, team.id));
});
afterAll(() => t.close());

const board = async (s: Session = office) => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/reports/board`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const cell = (
  b: { cells: { unitId: string; periodEnd: string; state: string; late: boolean }[] },
  unitId: string,
  periodEnd: string,
) => b.cells.find((c) => c.unitId === unitId && c.periodEnd === periodEnd)!;
const narrative = {
  statistics: '本月立案2件。',
  keyCases: '某超市销售过期食品案。',
  practices: '',
  problems: '',
  nextSteps: '继续开展农村集市整治。',
};
const submit = (s: Session, unitId: string, periodEnd: string, version = 0) =>
  s.request('POST', `/api/campaigns/${campaignId}/reports/item`, { scheduleId, periodEnd, unitId, narrative, version });

describe('periodic reports (信息报送)', () => {
  it('shows the due periods and the next one, all missing before anyone reports', async () => {
    const b = await board();
    expect(b.periods.map((p: { periodEnd: string; dueDate: string }) => [p.periodEnd, p.dueDate])).toEqual([
      ['2026-03-31', '2026-04-02'],
      ['2026-04-30', '2026-05-02'],
      ['2026-05-31', '2026-06-02'],
    ]);
    // Cumulative: the April report covers 1 January to 30 April (seed 004).
    expect(b.periods[1].periodStart).toBe('2026-01-01');
    // The issuing district is not among the units that owe reports.
    expect(b.units.map((u: { unitId: string }) => u.unitId)).toEqual([tenant.units.office.id, team.id]);
    expect(cell(b, tenant.units.office.id, '2026-04-30').state).toBe('missing');
    expect(cell(b, tenant.units.office.id, '2026-05-31').state).toBe('open');
    expect(b.rates).toEqual({ expected: 4, onTime: 0, late: 0, missing: 4, onTimeRate: 0 });
    expect(b.canReview).toBe(true);
  });

  it('a liaison submits on time with the live figures; a late one stays late; the board and the reminders say so', async () => {
    // The office's liaison reports April on 1 May at 20:00; the team's reports March only now, late.
    clock = new Date('2026-05-01T12:00:00Z');
    const onTime = await submit(officeLiaison, tenant.units.office.id, '2026-04-30');
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.json()).toMatchObject({
      state: 'submitted',
      late: false,
      submittedByName: '所联络员',
      figuresLive: false,
      narrative,
    });
    expect(onTime.json().figures.at(-1)).toMatchObject({ category: 'total', label: '合计' });
    clock = new Date('2026-05-10T02:00:00Z');
    const late = await submit(teamLiaison, team.id, '2026-03-31');
    expect(late.json()).toMatchObject({ state: 'submitted', late: true });

    const b = await board();
    expect(cell(b, tenant.units.office.id, '2026-04-30')).toMatchObject({ state: 'submitted', late: false });
    expect(cell(b, team.id, '2026-03-31')).toMatchObject({ state: 'submitted', late: true });
    expect(cell(b, tenant.units.office.id, '2026-03-31').state).toBe('missing');
    expect(b.rates).toEqual({ expected: 4, onTime: 1, late: 1, missing: 2, onTimeRate: 0.25 });

    // The team's liaison is reminded of April (missing), not of what it sent; the district's liaison
    // of nothing in the district's own plan.
    const reminders = (await teamLiaison.request('GET', '/api/reports/reminders')).json().items;
    expect(
      reminders
        .filter((r: { campaignId: string }) => r.campaignId === campaignId)
        .map((r: { periodEnd: string; state: string }) => [r.periodEnd, r.state]),
    ).toEqual([['2026-04-30', 'missing']]);
    expect(
      (await liaison.request('GET', '/api/reports/reminders'))
        .json()
        .items.filter((r: { campaignId: string }) => r.campaignId === campaignId),
    ).toEqual([]);
    // Before the end of May, May's report is not reminded; on 31 May, it is (due 2 June).
    clock = new Date('2026-05-31T02:00:00Z');
    const soon = (await officeLiaison.request('GET', '/api/reports/reminders'))
      .json()
      .items.filter((r: { campaignId: string }) => r.campaignId === campaignId);
    expect(soon.map((r: { periodEnd: string; state: string }) => [r.periodEnd, r.state])).toEqual([
      ['2026-03-31', 'missing'],
      ['2026-05-31', 'open'],
    ]);
    clock = new Date('2026-05-10T02:00:00Z');
  });

  it('refuses a report before its period ends, from a unit not taking part, and from outside the scope', async () => {
    const early = await submit(officeLiaison, tenant.units.office.id, '2026-05-31');
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0]).toMatchObject({ path: 'periodEnd', message: expect.stringContaining('2026-05-31') });
    expect((await submit(office, tenant.units.sibling.id, '2026-04-30')).statusCode).toBe(404);
    expect((await submit(office, tenant.units.district.id, '2026-04-15')).statusCode).toBe(404);
    // The station's liaison cannot report for the team beside it; nobody reports for the issuing district.
    expect((await submit(officeLiaison, team.id, '2026-04-30')).statusCode).toBe(404);
    expect((await submit(office, tenant.units.district.id, '2026-04-30')).statusCode).toBe(404);
  });

  it('the office returns a report with a reason; the unit resubmits; acceptance locks it; a stale version is refused', async () => {
    const item = (
      await office.request(
        'GET',
        `/api/campaigns/${campaignId}/reports/item?scheduleId=${scheduleId}&periodEnd=2026-04-30&unitId=${tenant.units.office.id}`,
      )
    ).json();
    // The district's office is not of the station: submitting here would be 代报.
    expect(item.can).toEqual({
      submit: true,
      review: true,
      reviewByAnother: false,
      onBehalf: true,
      enterFigures: false,
    });
    // The sample plan's schedule names no form: annex 2, all derived, nothing to enter by hand.
    expect(item.form).toMatchObject({ code: 'tiequan-annex2' });
    expect(
      (
        await officeLiaison.request('POST', `/api/report-submissions/${item.submissionId}/review`, {
          decision: 'accept',
          version: item.version,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await office.request('POST', `/api/report-submissions/${item.submissionId}/review`, {
          decision: 'return',
          version: item.version,
        })
      ).json().errors[0].path,
    ).toBe('reason');

    const returned = await office.request('POST', `/api/report-submissions/${item.submissionId}/review`, {
      decision: 'return',
      reason: '典型案件情况不完整',
      version: item.version,
    });
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: '典型案件情况不完整', figuresLive: true });
    const reminded = (await officeLiaison.request('GET', '/api/reports/reminders')).json().items;
    expect(reminded.find((r: { periodEnd: string }) => r.periodEnd === '2026-04-30')).toMatchObject({
      state: 'returned',
      returnReason: '典型案件情况不完整',
    });

    expect((await submit(officeLiaison, tenant.units.office.id, '2026-04-30', item.version)).statusCode).toBe(409);
    const again = await submit(officeLiaison, tenant.units.office.id, '2026-04-30', returned.json().version);
    // Resubmitted after the deadline, it keeps its first, on-time verdict.
    expect(again.json()).toMatchObject({ state: 'submitted', late: false, returnReason: null });
    const accepted = await office.request('POST', `/api/report-submissions/${item.submissionId}/review`, {
      decision: 'accept',
      version: again.json().version,
    });
    expect(accepted.json()).toMatchObject({
      state: 'accepted',
      reviewedByName: 'd_office',
      can: { submit: false, review: false },
    });
    const locked = await submit(officeLiaison, tenant.units.office.id, '2026-04-30', accepted.json().version);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().detail).toContain('锁定');

    const audit = (await t.services.auditService.list(systemActor, { page: 1, pageSize: 50 })).items
      .filter((e: { recordId: string }) => e.recordId === item.submissionId)
      .map((e: { action: string }) => e.action);
    expect(audit.sort()).toEqual(['report.accept', 'report.return', 'report.submit', 'report.submit']);
  });

  it('reports on the quarter and the year to date (seed 004): the board shows their periods; the year’s opens the day before it is due', async () => {
    const reportSchedules = [
      { kind: 'dates', name: '季度', dates: ['2026-07-02', '2026-10-02'], covers: 'quarter' },
      { kind: 'dates', name: '全年', dates: ['2026-12-15'], covers: 'yearToDate' },
    ];
    const created = await office.request('POST', '/api/campaigns', {
      unitId: tenant.units.district.id,
      ...samplePlan({
        leadUnitId: tenant.units.office.id,
        participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
      }),
      reportSchedules,
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    await publishSigned(t, office, c, { owesPastPeriods: true });
    const [quarterly, fullYear] = c.reportSchedules.map((s: { id: string }) => s.id);
    const periods = async (id: string) =>
      (await office.request('GET', `/api/campaigns/${c.id}/reports/board?scheduleId=${id}`))
        .json()
        .periods.map((p: { periodStart: string; periodEnd: string; dueDate: string }) => [
          p.periodStart,
          p.periodEnd,
          p.dueDate,
        ]);
    try {
      clock = new Date('2026-10-05T02:00:00Z');
      expect(await periods(quarterly)).toEqual([
        ['2026-04-01', '2026-06-30', '2026-07-02'],
        ['2026-07-01', '2026-09-30', '2026-10-02'],
      ]);
      const q3 = await officeLiaison.request('POST', `/api/campaigns/${c.id}/reports/item`, {
        scheduleId: quarterly,
        periodEnd: '2026-09-30',
        unitId: tenant.units.office.id,
        narrative,
        version: 0,
      });
      expect(q3.statusCode, q3.body).toBe(200);
      expect(q3.json()).toMatchObject({ periodStart: '2026-07-01', periodEnd: '2026-09-30', late: true });

      const year = (at: string) => {
        clock = new Date(at);
        return officeLiaison
          .request(
            'GET',
            `/api/campaigns/${c.id}/reports/item?scheduleId=${fullYear}&periodEnd=2026-12-14&unitId=${tenant.units.office.id}`,
          )
          .then((r) => r.json());
      };
      expect(await periods(fullYear)).toEqual([['2026-01-01', '2026-12-14', '2026-12-15']]);
      expect((await year('2026-12-13T02:00:00Z')).can.submit).toBe(false);
      expect(await year('2026-12-14T02:00:00Z')).toMatchObject({
        periodStart: '2026-01-01',
        dueDate: '2026-12-15',
        can: { submit: true },
      });
    } finally {
      clock = new Date('2026-05-10T02:00:00Z');
    }
  });

  it('counts the monthly quotas: a closed typical case and an important lead per department', async () => {
    const res = await office.request('GET', `/api/campaigns/${campaignId}/quotas?month=2026-04`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ from: '2026-04-01', to: '2026-04-30', metCount: 0 });
    expect(res.json().rows.map((r: { unitId: string; met: boolean }) => r.unitId)).toEqual([
      tenant.units.office.id,
      team.id,
    ]);
    expect((await office.request('GET', `/api/campaigns/${campaignId}/quotas?month=2026-13`)).statusCode).toBe(400);
  });

  it('counts exactly the closed typical cases and important leads of the month, each unit with the units below it', async () => {
    // The city's plan: the districts owe the reports, each counting the units below it.
    const { city, district, office: station, sibling } = tenant.units;
    const cityOfficeUser = await t.services.usersService.create(
      systemActor,
      {
        username: `c_office_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: '市局专项办',
        unitId: city.id,
        roles: ['office'],
      },
      { mustChangePassword: false },
    );
    const cityOffice = await login(t.app, cityOfficeUser.username, TEST_PASSWORD);
    const created = await cityOffice.request('POST', '/api/campaigns', {
      unitId: city.id,
      ...samplePlan({ leadUnitId: district.id, participantUnitIds: [city.id, district.id, sibling.id] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const cityCampaignId = created.json().id;
    let n = 0;
    const aCase = (unitId: string, typical: boolean, closingDate: string | null) => ({
      unitId,
      campaignId: cityCampaignId,
      categoryCode: 'food',
      caseNumber: `配额测试${++n}`,
      name: '配额测试案',
      partyKind: 'company' as const,
      partyName: '某公司',
      filingDate: '2026-03-20',
      stage: closingDate ? ('closed' as const) : ('investigation' as const),
      closingDate,
      typical,
    });
    // Counted in April: the station's typical case closed on 30 April (for the district above it).
    // Not counted: one closed on 1 May, one not typical, one still open, and the district's own typical case closed in March.
    await t.database.db
      .insert(cases)
      .values([
        aCase(station.id, true, '2026-04-30'),
        aCase(station.id, true, '2026-05-01'),
        aCase(station.id, false, '2026-04-10'),
        aCase(station.id, true, null),
        aCase(district.id, true, '2026-03-31'),
      ]);
    const aLead = (unitId: string, important: boolean, receivedDate: string) => ({
      unitId,
      campaignId: cityCampaignId,
      categoryCode: 'food',
      source: 'complaint' as const,
      receivedDate,
      partyName: '某店',
      description: '配额测试',
      important,
    });
    // Counted in April: the district's important lead of 1 April. Not counted: the station's of 31 March and an unimportant one.
    await t.database.db
      .insert(leads)
      .values([
        aLead(district.id, true, '2026-04-01'),
        aLead(station.id, true, '2026-03-31'),
        aLead(station.id, false, '2026-04-15'),
      ]);

    const quotas = (month: string) =>
      cityOffice.request('GET', `/api/campaigns/${cityCampaignId}/quotas?month=${month}`).then((r) => r.json());
    const april = await quotas('2026-04');
    expect(april.rows.map((r: { unitId: string }) => r.unitId)).toEqual([district.id, sibling.id]); // not the city that issued it
    const row = (unitId: string) => april.rows.find((r: { unitId: string }) => r.unitId === unitId);
    expect(row(district.id)).toMatchObject({ typicalCasesClosed: 1, importantLeads: 1, met: true }); // its own and the station's
    expect(row(sibling.id)).toMatchObject({ typicalCasesClosed: 0, importantLeads: 0, met: false });
    expect(april.metCount).toBe(1);
    // The records behind the counts: the district's are its own and the station's.
    const records = (
      await cityOffice.request(
        'GET',
        `/api/campaigns/${cityCampaignId}/quotas/records?month=2026-04&unitId=${district.id}`,
      )
    ).json();
    expect(
      records.typicalCases.map((r: { number: string; date: string; unitName: string }) => [
        r.number,
        r.date,
        r.unitName,
      ]),
    ).toEqual([['配额测试1', '2026-04-30', station.name]]);
    expect(records.importantLeads.map((r: { date: string; unitId: string }) => [r.date, r.unitId])).toEqual([
      ['2026-04-01', district.id],
    ]);
    const siblingRecords = (
      await cityOffice.request(
        'GET',
        `/api/campaigns/${cityCampaignId}/quotas/records?month=2026-04&unitId=${sibling.id}`,
      )
    ).json();
    expect([siblingRecords.typicalCases.length, siblingRecords.importantLeads.length]).toEqual([0, 0]);
    // A unit that is not a reporting participant (the station below one, or the issuing city): 404.
    for (const unitId of [station.id, city.id])
      expect(
        (
          await cityOffice.request(
            'GET',
            `/api/campaigns/${cityCampaignId}/quotas/records?month=2026-04&unitId=${unitId}`,
          )
        ).statusCode,
      ).toBe(404);
    const march = await quotas('2026-03');
    expect(
      march.rows.map((r: { typicalCasesClosed: number; importantLeads: number }) => [
        r.typicalCasesClosed,
        r.importantLeads,
      ]),
    ).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });
  it('the city plan is owed by its districts and its own departments; a district’s departments owe the district’s implementation plan', async () => {
    // Seeds 000 and 004: 各单位 report to the office of the plan they are under. Like the 铁拳 template, every unit of the city takes part.
    const { city, district, office: station, sibling, siblingOffice } = tenant.units;
    const citySection = await t.services.unitsService.create(systemActor, {
      parentId: city.id,
      name: `执法稽查处-${tenant.tag}`,
      code: `CS-${tenant.tag}`,
      kind: 'section',
    });
    const cityOfficeUser = await t.services.usersService.create(
      systemActor,
      {
        username: `c_owes_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: '市局专项办',
        unitId: city.id,
        roles: ['office'],
      },
      { mustChangePassword: false },
    );
    const cityOffice = await login(t.app, cityOfficeUser.username, TEST_PASSWORD);
    const participantUnitIds = [city, citySection, district, station, team, sibling, siblingOffice].map((u) => u.id);
    const created = await cityOffice.request('POST', '/api/campaigns', {
      unitId: city.id,
      ...samplePlan({ leadUnitId: district.id, participantUnitIds }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const cityPlan = created.json();
    expect((await publishSigned(t, cityOffice, cityPlan, { owesPastPeriods: true })).statusCode).toBe(200);

    const cityBoard = (await cityOffice.request('GET', `/api/campaigns/${cityPlan.id}/reports/board`)).json();
    expect(cityBoard.units.map((u: { unitId: string; unitLabel: string }) => [u.unitId, u.unitLabel])).toEqual([
      [citySection.id, citySection.name],
      [district.id, district.name],
      [sibling.id, sibling.name],
    ]);
    expect(cityBoard.rates).toMatchObject({ expected: 6, missing: 6 });
    // The district office sees its own row on the city's board, and owes the city its report.
    expect(
      (await office.request('GET', `/api/campaigns/${cityPlan.id}/reports/board`))
        .json()
        .units.map((u: { unitId: string }) => u.unitId),
    ).toEqual([district.id]);
    const item = (unitId: string) =>
      cityOffice.request(
        'GET',
        `/api/campaigns/${cityPlan.id}/reports/item?scheduleId=${cityPlan.reportSchedules[0].id}&periodEnd=2026-04-30&unitId=${unitId}`,
      );
    expect((await item(district.id)).json()).toMatchObject({
      unitId: district.id,
      unitLabel: district.name,
      state: 'missing',
    });
    // A district's department owes the city nothing: no report to open or send, no reminder.
    for (const unitId of [station.id, team.id, siblingOffice.id, city.id])
      expect((await item(unitId)).statusCode).toBe(404);
    const toCity = await officeLiaison.request('POST', `/api/campaigns/${cityPlan.id}/reports/item`, {
      scheduleId: cityPlan.reportSchedules[0].id,
      periodEnd: '2026-04-30',
      unitId: station.id,
      narrative,
      version: 0,
    });
    expect(toCity.statusCode).toBe(404);
    for (const s of [officeLiaison, teamLiaison])
      expect(
        (await s.request('GET', '/api/reports/reminders'))
          .json()
          .items.filter((r: { campaignId: string }) => r.campaignId === cityPlan.id),
      ).toEqual([]);
    // The district's liaison is reminded of the district's reports to the city.
    const districtReminders = (await liaison.request('GET', '/api/reports/reminders'))
      .json()
      .items.filter((r: { campaignId: string }) => r.campaignId === cityPlan.id);
    expect(
      districtReminders.map((r: { periodEnd: string; state: string; unitLabel: string }) => [
        r.periodEnd,
        r.state,
        r.unitLabel,
      ]),
    ).toEqual([
      ['2026-03-31', 'missing', district.name],
      ['2026-04-30', 'missing', district.name],
    ]);

    // The district's implementation plan is owed by the district's departments, not by the district or the sibling's.
    const impl = await office.request('POST', `/api/campaigns/${cityPlan.id}/implementations`, { unitId: district.id });
    expect(impl.statusCode, impl.body).toBe(201);
    const implBoard = (await office.request('GET', `/api/campaigns/${impl.json().id}/reports/board`)).json();
    expect(implBoard.units.map((u: { unitId: string; unitLabel: string }) => [u.unitId, u.unitLabel])).toEqual([
      [station.id, station.name],
      [team.id, team.name],
    ]);
    const quotas = (await office.request('GET', `/api/campaigns/${impl.json().id}/quotas?month=2026-04`)).json();
    expect(quotas.rows.map((r: { unitId: string }) => r.unitId)).toEqual([station.id, team.id]);
  });
  it('催报: the office chases one late unit or all of a period; the liaison sees it; a unit not late is refused', async () => {
    const chase = (s: Session, body: Record<string, unknown>) =>
      s.request('POST', `/api/campaigns/${campaignId}/reports/chase`, { scheduleId, ...body });
    const chasesOf = async () =>
      (await t.services.auditService.list(systemActor, { page: 1, pageSize: 200 })).items.filter(
        (e: { action: string }) => e.action === 'report.chase',
      ).length;
    const before = await chasesOf();
    // Only the plan's office chases; the liaisons may not.
    for (const s of [liaison, officeLiaison])
      expect((await chase(s, { periodEnd: '2026-04-30' })).statusCode).toBe(403);
    // The station's April report is accepted: not late, refused by name, nothing recorded.
    const notLate = await chase(office, { periodEnd: '2026-04-30', unitId: tenant.units.office.id });
    expect(notLate.statusCode).toBe(400);
    expect(notLate.json().errors[0]).toMatchObject({
      path: 'unitId',
      message: expect.stringContaining(`该单位本期不属逾期未报：${tenant.units.office.name}`),
    });
    expect((await chase(office, { periodEnd: '2026-05-31' })).json().errors[0].message).toContain('没有逾期未报的单位');
    // Neither the issuing district nor a unit outside the plan owes it: 404; so does a period the plan does not have.
    for (const unitId of [tenant.units.district.id, tenant.units.sibling.id])
      expect((await chase(office, { periodEnd: '2026-04-30', unitId })).statusCode).toBe(404);
    expect((await chase(office, { periodEnd: '2026-04-15' })).statusCode).toBe(404);
    expect(await chasesOf()).toBe(before);
    expect(cell(await board(), tenant.units.office.id, '2026-04-30')).toMatchObject({ chasedAt: null, overdue: false });

    // April: all late units, the team only; March: the station, with a note.
    const all = await chase(office, { periodEnd: '2026-04-30' });
    expect(all.statusCode, all.body).toBe(201);
    expect(
      all
        .json()
        .items.map((c: { unitId: string; unitLabel: string; chasedByName: string }) => [
          c.unitId,
          c.unitLabel,
          c.chasedByName,
        ]),
    ).toEqual([[team.id, team.name, 'd_office']]);
    expect(
      (
        await chase(office, { periodEnd: '2026-03-31', unitId: tenant.units.office.id, note: '请于今日下班前报送' })
      ).json().items[0],
    ).toMatchObject({ note: '请于今日下班前报送' });
    expect(await chasesOf()).toBe(before + 2);

    const b = await board(teamLiaison);
    expect(b.canChase).toBe(false);
    expect(cell(b, team.id, '2026-04-30')).toMatchObject({
      state: 'missing',
      overdue: true,
      chasedByName: 'd_office',
      chasedAt: clock.toISOString(),
    });
    expect((await board()).canChase).toBe(true);
    const reminded = (await teamLiaison.request('GET', '/api/reports/reminders'))
      .json()
      .items.find(
        (r: { campaignId: string; periodEnd: string }) => r.campaignId === campaignId && r.periodEnd === '2026-04-30',
      );
    expect(reminded).toMatchObject({ state: 'missing', chasedAt: clock.toISOString() });

    // Chased, the team reports; it is no longer late to chase, and the office accepts it.
    const sent = await submit(teamLiaison, team.id, '2026-04-30');
    expect(sent.json()).toMatchObject({ state: 'submitted', late: true });
    expect((await chase(office, { periodEnd: '2026-04-30', unitId: team.id })).json().errors[0].message).toContain(
      '已报送',
    );
    const accepted = await office.request('POST', `/api/report-submissions/${sent.json().submissionId}/review`, {
      decision: 'accept',
      version: sent.json().version,
    });
    expect(accepted.json().state).toBe('accepted');
  });
});

describe('汇总报表 and 代报', () => {
  const consolidated = (periodEnd: string, s: Session = office, ext = '') =>
    s.request(
      'GET',
      `/api/campaigns/${campaignId}/reports/consolidated${ext}?scheduleId=${scheduleId}&periodEnd=${periodEnd}`,
    );
  const item = (unitId: string, periodEnd: string, s: Session = office) =>
    s.request(
      'GET',
      `/api/campaigns/${campaignId}/reports/item?scheduleId=${scheduleId}&periodEnd=${periodEnd}&unitId=${unitId}`,
    );
  type Row = { unitId: string; unitLabel: string; state: string; values: Record<string, number | string> | null };

  it('sums the accepted reports’ frozen figures exactly, unit by unit, and leaves out those not accepted', async () => {
    // Both April reports are accepted (above). Their frozen figures stand for what was sent: large
    // amounts, beyond what a double holds, so the sum must be exact to the fen.
    const teamApril = and(
      eq(reportSubmissions.campaignId, campaignId),
      eq(reportSubmissions.unitId, team.id),
      eq(reportSubmissions.periodEnd, '2026-04-30'),
    );
    const [row] = await t.database.db.select().from(reportSubmissions).where(teamApril);
    expect(row.status).toBe('accepted');
    const figures = row.figures.map((r) =>
      r.category === 'total'
        ? { ...r, values: { ...r.values, casesFiled: 3, amountInvolved: '90071992547409.93' } }
        : r,
    );
    await t.database.db.update(reportSubmissions).set({ figures }).where(teamApril);

    const res = await consolidated('2026-04-30');
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.rows.map((r: Row) => [r.unitId, r.state])).toEqual([
      [tenant.units.office.id, 'accepted'],
      [team.id, 'accepted'],
    ]);
    // Each unit's row is the 合计 of the report it was accepted with, not the live roll-up.
    for (const r of c.rows as Row[]) {
      const frozen = (await item(r.unitId, '2026-04-30')).json();
      expect(frozen.figuresLive).toBe(false);
      expect(r.values).toEqual(frozen.figures.at(-1).values);
    }
    expect(c.total.acceptedCount).toBe(2);
    for (const col of c.columns as { key: string; money: boolean }[]) {
      const values = (c.rows as Row[]).map((r) => r.values![col.key]);
      expect(c.total.values[col.key]).toEqual(
        col.money
          ? fenToYuan(values.reduce((sum: bigint, v) => sum + yuanTextToFen(String(v))!, 0n))
          : values.reduce((sum: number, v) => sum + Number(v), 0),
      );
    }
    const station = (c.rows as Row[])[0].values!;
    expect(c.total.values.amountInvolved).toBe(
      fenToYuan(yuanTextToFen(String(station.amountInvolved))! + 9007199254740993n),
    );

    // March: the team's report is submitted, not accepted; the station's missing. Returned, it still counts nothing.
    const march = (await consolidated('2026-03-31')).json();
    expect(march.rows.map((r: Row) => [r.unitId, r.state, r.values])).toEqual([
      [tenant.units.office.id, 'missing', null],
      [team.id, 'submitted', null],
    ]);
    expect(march.total).toMatchObject({ acceptedCount: 0, values: { casesFiled: 0, amountInvolved: '0.00' } });
    const teamMarch = (await item(team.id, '2026-03-31')).json();
    const returned = await office.request('POST', `/api/report-submissions/${teamMarch.submissionId}/review`, {
      decision: 'return',
      reason: '请补充重点案件',
      version: teamMarch.version,
    });
    expect(returned.json().state).toBe('returned');
    const again = (await consolidated('2026-03-31')).json();
    expect(again.rows[1]).toMatchObject({ state: 'returned', values: null });
    expect(again.total.acceptedCount).toBe(0);
  });

  it('exports the consolidation as printed (.xlsx): units as rows, 合计 last, a sheet per accepted unit', async () => {
    const res = await consolidated('2026-04-30', office, '.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)[0]).toBe('汇总');
    expect(wb.worksheets).toHaveLength(3);
    const ws = wb.worksheets[0];
    const labels = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r[1]);
    expect(labels).toEqual(expect.arrayContaining(['报送单位', tenant.units.office.name, team.name]));
    const total = (ws.getSheetValues() as unknown[][]).find((r) => r?.[1] === '合计（已审核2个单位）');
    expect(total).toBeDefined();
    const json = (await consolidated('2026-04-30')).json();
    // 合计's count of cases, under its name in the header (the sheet's third row).
    const head = (ws.getSheetValues() as unknown[][])[3];
    const casesCol = head.indexOf(json.columns.find((c: { key: string }) => c.key === 'casesFiled').name);
    expect(total![casesCol]).toBe(json.total.values.casesFiled);
  });

  it('reads only for the plan’s office; a period not owed is refused in Chinese', async () => {
    expect((await consolidated('2026-04-30', officeLiaison)).statusCode).toBe(403);
    const notOwed = await consolidated('2026-04-15');
    expect(notOwed.statusCode).toBe(404);
    expect(notOwed.json().detail).toMatch(/[\u4e00-\u9fa5]/);
    expect((await consolidated('2026-04-15', office, '.xlsx')).statusCode).toBe(404);
  });

  it('代报: the office submits for a unit only when it chooses to, and it is audited and shown as such', async () => {
    const before = (await item(tenant.units.office.id, '2026-03-31')).json();
    expect(before).toMatchObject({ state: 'missing', can: { submit: true, onBehalf: true } });
    const refused = await submit(office, tenant.units.office.id, '2026-03-31');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('代报须明确选择“代报”');
    expect((await item(tenant.units.office.id, '2026-03-31')).json()).toMatchObject({ state: 'missing', version: 0 });

    const sent = await office.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
      scheduleId,
      periodEnd: '2026-03-31',
      unitId: tenant.units.office.id,
      narrative,
      version: 0,
      onBehalf: true,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ state: 'submitted', submittedByName: 'd_office', submittedOnBehalf: true });
    const audit = (await t.services.auditService.list(systemActor, { page: 1, pageSize: 200 })).items.filter(
      (e: { recordId: string }) => e.recordId === sent.json().submissionId,
    );
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['report.submit_on_behalf']);
    // The unit's own liaison submits as before, and its report is not 代报.
    const own = (await item(tenant.units.office.id, '2026-04-30', officeLiaison)).json();
    expect(own).toMatchObject({ submittedOnBehalf: false, can: { onBehalf: false } });

    // Who sent it does not review it: the 代报's author is refused, in Chinese, and told so on the report.
    expect((await item(tenant.units.office.id, '2026-03-31')).json().can).toMatchObject({
      review: false,
      reviewByAnother: true,
    });
    const selfReview = await office.request('POST', `/api/report-submissions/${sent.json().submissionId}/review`, {
      decision: 'accept',
      version: sent.json().version,
    });
    expect(selfReview.statusCode).toBe(403);
    expect(selfReview.json().detail).toContain('报表须由报送人以外的人员审核');
    expect((await item(tenant.units.office.id, '2026-03-31')).json()).toMatchObject({ state: 'submitted' });
    // Another member of the office sees it in his inbox and reviews it.
    const colleagueUser = await t.services.usersService.create(
      systemActor,
      {
        username: `d_office2_${tenant.tag}`,
        password: TEST_PASSWORD,
        displayName: '专项办同事',
        unitId: tenant.units.district.id,
        roles: ['office'],
      },
      { mustChangePassword: false },
    );
    const colleague = await login(t.app, `d_office2_${tenant.tag}`, TEST_PASSWORD);
    const inboxOf = async (s: Session) =>
      ((await s.request('GET', '/api/inbox')).json().items as { kind: string; recordId: string }[]).filter(
        (i) => i.kind === 'report_review' && i.recordId.endsWith(`:2026-03-31:${tenant.units.office.id}`),
      );
    expect(await inboxOf(office)).toHaveLength(0);
    expect(await inboxOf(colleague)).toHaveLength(1);
    expect(colleagueUser.id).not.toBe(tenant.byRole.office.id);

    // Accepted, it is locked: a 代报 on it is refused and nothing changes.
    const accepted = await colleague.request('POST', `/api/report-submissions/${sent.json().submissionId}/review`, {
      decision: 'accept',
      version: sent.json().version,
    });
    expect(accepted.json().state).toBe('accepted');
    const locked = await office.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
      scheduleId,
      periodEnd: '2026-03-31',
      unitId: tenant.units.office.id,
      narrative: { ...narrative, statistics: '改过的' },
      version: accepted.json().version,
      onBehalf: true,
    });
    expect(locked.statusCode).toBe(409);
    const after = (await item(tenant.units.office.id, '2026-03-31')).json();
    expect(after).toMatchObject({ state: 'accepted', version: accepted.json().version, narrative });
  });

  it('a review and a resubmission of the same version at once: one wins, the other is refused with 409', async () => {
    const teamMarch = (await item(team.id, '2026-03-31')).json();
    expect(teamMarch.state).toBe('returned');
    const resent = await submit(teamLiaison, team.id, '2026-03-31', teamMarch.version);
    expect(resent.json().state).toBe('submitted');
    const [review, resubmit] = await Promise.all([
      office.request('POST', `/api/report-submissions/${resent.json().submissionId}/review`, {
        decision: 'accept',
        version: resent.json().version,
      }),
      submit(teamLiaison, team.id, '2026-03-31', resent.json().version),
    ]);
    expect([review.statusCode, resubmit.statusCode].sort()).toEqual([200, 409]);
    const after = (await item(team.id, '2026-03-31')).json();
    expect(after.version).toBe(resent.json().version + 1);
  });
});
