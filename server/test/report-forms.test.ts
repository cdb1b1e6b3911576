import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { reportSubmissions } from '../src/modules/reports/reports.schema';
import { servicesOnClock, createLiaison } from './helpers/reports';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { publishSigned } from './helpers/approvals';

// The reports' clock: 10 May 2026, 10:00 in Beijing. The plan has a weekly report (信息周报) on the
// festival form of seed 001 (周报、日报) and a monthly one that names no form (annex 2).
const clock = new Date('2026-05-10T02:00:00Z');
let t: TestApp;
let tenant: Tenant;
let office: Session;
let liaison: Session;
let campaignId = '';
let weeklyId = '';
let monthlyId = '';
let plan: ReturnType<typeof samplePlan>;
/** The week that holds 3 April (the case's filing date). */
let week: { periodStart: string; periodEnd: string };

const schedules = (weeklyForm: string) => [
  { kind: 'weekly', name: '信息周报', weekday: 4, time: '15:00', statTemplate: weeklyForm },
  { kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: true },
];
const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
type Report = {
  form: { code: string; name: string; columns: { key: string; kind: string; money: boolean }[] };
  figures: { category: string; values: Record<string, string | number> }[];
  figuresLive: boolean;
  can: { enterFigures: boolean };
  submissionId: string;
  version: number;
};

beforeAll(async () => {
  t = await createTestApp({ services: servicesOnClock(() => clock) });
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const stationLiaison = await createLiaison(t.services, tenant.units.office.id, `f_liaison_${tenant.tag}`);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  liaison = await login(t.app, stationLiaison.username, TEST_PASSWORD);
  plan = {
    ...samplePlan({
      leadUnitId: tenant.units.office.id,
      participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
    }),
    reportSchedules: schedules('festival-weekly') as never,
  };
  const created = await office.request('POST', '/api/campaigns', { unitId: tenant.units.district.id, ...plan });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
  [weeklyId, monthlyId] = created.json().reportSchedules.map((s: { id: string }) => s.id);
  const published = await publishSigned(t, office, created.json(), { owesPastPeriods: true });
  expect(published.statusCode, published.body).toBe(200);
  const board = (
    await office.request('GET', `/api/campaigns/${campaignId}/reports/board?scheduleId=${weeklyId}`)
  ).json();
  week = board.periods.find(
    (p: { periodStart: string; periodEnd: string }) => p.periodStart <= '2026-04-03' && '2026-04-03' <= p.periodEnd,
  );
  // A case registered in the week by the office, through the records (the derived columns count it).
  const filed = await office.request('POST', '/api/cases', {
    unitId: tenant.units.office.id,
    campaignId,
    categoryCode: 'food',
    caseNumber: `表样测〔2026〕1号`,
    name: '某食品店销售过期食品案',
    partyKind: 'company',
    partyName: '上海某食品商店',
    filingDate: '2026-04-03',
    amountInvolved: '1234.56',
    fine: '100.00',
    confiscated: '0',
    filingApproverId: tenant.byRole.leader.id,
    investigatorId: tenant.byRole.handler.id,
  });
  expect(filed.statusCode, filed.body).toBe(201);
});
afterAll(() => t.close());

const item = async (s: Session, scheduleId: string, periodEnd: string) => {
  const res = await s.request(
    'GET',
    `/api/campaigns/${campaignId}/reports/item?scheduleId=${scheduleId}&periodEnd=${periodEnd}&unitId=${tenant.units.office.id}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Report;
};
const totalOf = (r: Pick<Report, 'figures'>) => r.figures.find((f) => f.category === 'total')!.values;
const enter = (columnKey: string, value: string, day: string) =>
  liaison.request('POST', `/api/campaigns/${campaignId}/manual-figures`, {
    unitId: tenant.units.office.id,
    categoryCode: 'food',
    columnKey,
    day,
    value,
    reason: '联合公安收缴假冒白酒',
  });
const narrative = { statistics: '本周立案1件。', keyCases: '', practices: '', problems: '', nextSteps: '' };
/** Sends the station's report of a period (代报 when the office sends it). */
const send = (s: Session, scheduleId: string, periodEnd: string, onBehalf?: true) =>
  s.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
    ...{ scheduleId, periodEnd, unitId: tenant.units.office.id, narrative, version: 0 },
    ...(onBehalf ? { onBehalf } : {}),
  });

describe('a report carries its schedule’s form (统计表)', () => {
  it('refuses a plan naming a form that does not exist, naming the field', async () => {
    const res = await office.request('POST', '/api/campaigns', {
      unitId: tenant.units.district.id,
      ...plan,
      reportSchedules: schedules('weekly-nope'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: 'reportSchedules.0.statTemplate',
        message: expect.stringMatching(/^第 1 个报送事项“信息周报”的统计表“weekly-nope”不存在，可选：tiequan-annex2/),
      },
    ]);
  });

  it('shows the festival form live, derived and manual columns over the week; submitting freezes it', async () => {
    // 手工填报 from the report: one entry inside the week, one the day after it (another period).
    expect((await enter('goodsValue', '1500.25', week.periodStart)).statusCode).toBe(201);
    expect((await enter('dens', '2', nextDay(week.periodEnd))).statusCode).toBe(201);

    const live = await item(liaison, weeklyId, week.periodEnd);
    expect(live.figuresLive).toBe(true);
    expect(live.can.enterFigures).toBe(true);
    expect(live.form.code).toBe('festival-weekly');
    expect(live.form.columns.filter((c) => c.kind === 'manual').map((c) => c.key)).toEqual([
      'dens',
      'goodsSeized',
      'goodsValue',
    ]);
    expect(live.form.columns.find((c) => c.key === 'goodsValue')!.money).toBe(true);
    expect(totalOf(live)).toMatchObject({
      casesFiled: '1',
      amountInvolved: '1234.56',
      finesAndConfiscations: '100.00',
      goodsValue: '1500.25',
      dens: '0',
    });

    const sent = await send(liaison, weeklyId, week.periodEnd);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ figuresLive: false, form: { code: 'festival-weekly' } });
    const [row] = await t.database.db
      .select()
      .from(reportSubmissions)
      .where(and(eq(reportSubmissions.campaignId, campaignId), eq(reportSubmissions.scheduleId, weeklyId)));
    expect(row.statTemplate).toBe('festival-weekly');
    expect(row.statColumns!.map((c) => c.key)).toEqual(live.form.columns.map((c) => c.key));

    // A later entry in the week changes the live table, not the report as sent.
    expect((await enter('goodsValue', '99.75', week.periodEnd)).statusCode).toBe(201);
    const frozen = await item(liaison, weeklyId, week.periodEnd);
    expect(frozen.can.enterFigures).toBe(false);
    expect(totalOf(frozen)).toMatchObject({ goodsValue: '1500.25', casesFiled: '1' });
  });

  it('consolidates the accepted reports in the form they were sent with, money exact in fen', async () => {
    const sent = await item(office, weeklyId, week.periodEnd);
    const accepted = await office.request('POST', `/api/report-submissions/${sent.submissionId}/review`, {
      decision: 'accept',
      version: sent.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    // The office then moves the weekly schedule to the monthly form: the week sent stays as it was sent.
    const current = (await office.request('GET', `/api/campaigns/${campaignId}`)).json();
    const moved = await office.request('PUT', `/api/campaigns/${campaignId}`, {
      ...plan,
      reportSchedules: current.reportSchedules.map((s: { id: string; statTemplate?: string }) =>
        s.id === weeklyId ? { ...s, statTemplate: 'monthly-work' } : s,
      ),
      version: current.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await item(office, weeklyId, week.periodEnd)).form.code).toBe('festival-weekly');

    const res = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/reports/consolidated?scheduleId=${weeklyId}&periodEnd=${week.periodEnd}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c.form.code).toBe('festival-weekly');
    expect(c.columns.map((col: { key: string }) => col.key)).toContain('goodsValue');
    expect(c.total).toMatchObject({ acceptedCount: 1, values: { casesFiled: 1, goodsValue: '1500.25' } });
    const xlsx = await office.request(
      'GET',
      `/api/campaigns/${campaignId}/reports/consolidated.xlsx?scheduleId=${weeklyId}&periodEnd=${week.periodEnd}`,
    );
    expect(xlsx.statusCode).toBe(200);
    // An open week of the moved schedule shows the new form.
    const open = await item(office, weeklyId, '2026-05-14');
    expect(open.form.code).toBe('monthly-work');
  });

  it('reads a snapshot from before forms (no stat_template) as annex 2', async () => {
    const sent = await send(office, monthlyId, '2026-03-31', true);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().form.code).toBe('tiequan-annex2');
    // As an older row was stored: annex-2 rows, counts as numbers, no form recorded.
    const old = [
      { category: 'total', label: '合计', subLabel: null, values: { casesFiled: 7, amountInvolved: '12.30' } },
    ];
    await t.database.db
      .update(reportSubmissions)
      .set({ statTemplate: null, statColumns: null, figures: old })
      .where(eq(reportSubmissions.id, sent.json().submissionId));
    const read = await item(office, monthlyId, '2026-03-31');
    expect(read.form.code).toBe('tiequan-annex2');
    expect(read.form.columns.every((col) => col.kind === 'derived')).toBe(true);
    expect(read.form.columns.map((col) => col.key)).toContain('casesFiled');
    expect(totalOf(read)).toEqual({ casesFiled: 7, amountInvolved: '12.30' });
  });
});
