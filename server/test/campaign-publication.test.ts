import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftDate } from '../src/modules/calendar/working-days';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { publishSigned } from './helpers/approvals';

// Publication is dated by the real clock, so the plans here are dated from today.
let t: TestApp;
let tenant: Tenant;
let office: Session;
const today = todayInChina();

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office'] });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
});
afterAll(() => t.close());

/** A draft running from `from` to `to` days around today, with a monthly report due on the 2nd. */
async function draft(from: number, to: number) {
  const res = await office.request('POST', '/api/campaigns', {
    unitId: tenant.units.district.id,
    ...samplePlan({
      leadUnitId: tenant.units.office.id,
      participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
    }),
    startDate: shiftDate(today, from),
    endDate: shiftDate(today, to),
    phases: [],
    concentratedWindows: [],
    reportSchedules: [{ kind: 'monthly', name: '月报', dayOfMonth: 2, cumulative: false }],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function publish(c: { id: string; version: number }, owesPastPeriods?: boolean) {
  // 签发: the office asks, a 局领导 of the district approves (campaign-issue.ts).
  const res = await publishSigned(t, office, c, owesPastPeriods === undefined ? {} : { owesPastPeriods });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const board = async (id: string) => {
  const res = await office.request('GET', `/api/campaigns/${id}/reports/board`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { periods: { dueDate: string }[]; cells: { state: string }[] };
};

describe('plans in the past', () => {
  it('a plan whose reports already fell due: the draft says how many; published, they are not owed', async () => {
    const c = await draft(-150, 60);
    expect(c.pastPeriods).toBeGreaterThanOrEqual(4);
    const published = await publish(c);
    expect(published).toMatchObject({ status: 'active', owesPastPeriods: false, ended: false });
    expect(published.publishedAt).toBeTruthy();
    const b = await board(c.id);
    expect(b.periods.every((p) => p.dueDate >= today)).toBe(true);
    expect(b.cells.filter((x) => x.state === 'missing')).toEqual([]);
  });

  it('with 补报已过期次 chosen, the past reports are owed and show 逾期未报', async () => {
    const c = await draft(-150, 60);
    expect((await publish(c, true)).owesPastPeriods).toBe(true);
    const b = await board(c.id);
    expect(b.periods.filter((p) => p.dueDate < today)).toHaveLength(c.pastPeriods);
    expect(b.cells.filter((x) => x.state === 'missing')).toHaveLength(c.pastPeriods);
  });

  it('a plan past its end date shows 已结束 in the list and on its page, and owes nothing after its end', async () => {
    const c = await draft(-200, -40);
    expect(c.ended).toBe(false); // a draft is not 已结束
    const published = await publish(c, true);
    expect(published.ended).toBe(true);
    const list = (await office.request('GET', '/api/campaigns?pageSize=100')).json();
    expect(list.items.find((x: { id: string }) => x.id === c.id)).toMatchObject({ status: 'active', ended: true });
    const b = await board(c.id);
    expect(b.periods.length).toBeGreaterThan(0);
    expect(b.periods.every((p) => p.dueDate <= shiftDate(today, -40))).toBe(true);
  });
});
