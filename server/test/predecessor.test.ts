import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { auditLog } from '../src/modules/audit/audit.schema';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { caseCampaigns, cases } from '../src/modules/cases/cases.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let siblingOffice: Session;
let lastYearId = '';
let thisYearId = '';
let siblingPlanId = '';
const lastYearCases: string[] = [];

/** The sample plan moved a year back (every date of it). */
const planOf = (year: number, over: Record<string, unknown> = {}) => {
  const { district, office: station } = tenant.units;
  const text = JSON.stringify(samplePlan({ leadUnitId: district.id, participantUnitIds: [district.id, station.id] }));
  return { ...JSON.parse(text.replaceAll('2026', String(year))), ...over };
};

async function fileCase(campaignId: string, unitId: string, caseNumber: string, filingDate: string, fine = '0') {
  const created = await t.services.casesService.create(systemActor, {
    unitId,
    campaignId,
    categoryCode: 'food',
    caseNumber,
    name: '销售过期食品案',
    partyKind: 'person',
    partyName: '王某',
    filingDate,
    amountInvolved: '0',
    fine,
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
  } as never);
  return created.id;
}

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  const sibOffice = await t.services.usersService.create(
    systemActor,
    {
      username: `sib_office_${tenant.tag}`,
      password: TEST_PASSWORD,
      displayName: '兄弟区专项办',
      unitId: tenant.units.sibling.id,
      roles: ['office'],
    },
    { mustChangePassword: false },
  );
  siblingOffice = await login(t.app, sibOffice.username, TEST_PASSWORD);
  const { district, office: station, sibling } = tenant.units;
  lastYearId = (
    await t.services.campaignsService.create(systemActor, { ...planSchema.parse(planOf(2025)), unitId: district.id })
  ).id;
  siblingPlanId = (
    await t.services.campaignsService.create(systemActor, {
      ...planSchema.parse({ ...planOf(2025), participantUnitIds: [sibling.id], tasks: [] }),
      unitId: sibling.id,
    })
  ).id;
  lastYearCases.push(await fileCase(lastYearId, station.id, `PY-1-${tenant.tag}`, '2025-04-01', '1000.50'));
  lastYearCases.push(await fileCase(lastYearId, station.id, `PY-2-${tenant.tag}`, '2025-05-10'));
  lastYearCases.push(await fileCase(lastYearId, district.id, `PY-3-${tenant.tag}`, '2025-09-01'));
});
afterAll(() => t.close());

describe('上一年度行动 (predecessor)', () => {
  it('refuses a predecessor of another unit, a later one, or the plan itself, naming the field (422)', async () => {
    const other = await office.request('POST', '/api/campaigns', {
      ...planOf(2026),
      unitId: tenant.units.district.id,
      predecessorCampaignId: siblingPlanId,
    });
    expect(other.statusCode, other.body).toBe(422);
    expect(other.json().errors).toEqual([
      { path: 'predecessorCampaignId', message: expect.stringContaining('上一年度行动应为') },
    ]);
    const created = await office.request('POST', '/api/campaigns', {
      ...planOf(2026),
      unitId: tenant.units.district.id,
      predecessorCampaignId: lastYearId,
    });
    expect(created.statusCode, created.body).toBe(201);
    thisYearId = created.json().id;
    expect(created.json().predecessor).toMatchObject({ id: lastYearId, startDate: '2025-03-01' });
    expect(await t.services.campaignsService.findPredecessor(thisYearId)).toBe(lastYearId);
    expect(await t.services.campaignsService.findPredecessor(lastYearId)).toBeNull();

    // The last year's plan cannot name this year's (it started later), nor itself.
    const ly = (await office.request('GET', `/api/campaigns/${lastYearId}`)).json();
    const later = await office.request('PUT', `/api/campaigns/${lastYearId}`, {
      ...planOf(2025),
      version: ly.version,
      predecessorCampaignId: thisYearId,
    });
    expect(later.statusCode, later.body).toBe(422);
    expect(later.json().errors[0]).toMatchObject({ path: 'predecessorCampaignId' });
    expect(later.json().detail).toContain('上一年度行动');
    const self = await office.request('PUT', `/api/campaigns/${lastYearId}`, {
      ...planOf(2025),
      version: ly.version,
      predecessorCampaignId: lastYearId,
    });
    expect(self.statusCode, self.body).toBe(422);
    expect(self.json().errors[0].message).toContain('不能是本行动');
  });
});

describe('同比 on the statistics table', () => {
  it('gives the predecessor figures one year earlier, equal to a recount of its cases, and the change', async () => {
    await fileCase(thisYearId, tenant.units.office.id, `CY-1-${tenant.tag}`, '2026-04-02', '500');
    const res = await office.request(
      'GET',
      `/api/campaigns/${thisYearId}/stat-table?from=2026-03-01&to=2026-06-30&compare=previous&unitId=${tenant.units.district.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const table = res.json();
    expect(table.comparison).toMatchObject({ campaignId: lastYearId, from: '2025-03-01', to: '2025-06-30' });
    // The recount: the predecessor's cases filed in the period, straight from the records.
    const [recount] = await t.database.db
      .select({ n: sql<number>`count(*)::int`, fine: sql<string>`coalesce(sum(${cases.fineFen}), 0)::text` })
      .from(cases)
      .where(
        and(eq(cases.campaignId, lastYearId), gte(cases.filingDate, '2025-03-01'), lte(cases.filingDate, '2025-06-30')),
      );
    expect(recount.n).toBe(2);
    const total = table.rows.find((r: { category: string }) => r.category === 'total');
    expect(total.previous.casesFiled).toBe(String(recount.n));
    expect(total.cells.casesFiled).toBe('1');
    expect(total.change.casesFiled).toBe(-50);
    const food = table.rows.find((r: { category: string }) => r.category === 'food');
    expect(food.previous.casesFiled).toBe('2');
    const ip = table.rows.find((r: { category: string }) => r.category === 'ip');
    expect(ip.previous.casesFiled).toBe('0');
    expect(ip.change.casesFiled).toBeNull();
  });

  it('maps 29 February to 28 February and refuses 同比 without a predecessor (422)', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${thisYearId}/stat-table?from=2026-03-01&to=2026-03-31&compare=previous`,
    );
    expect(res.json().comparison).toMatchObject({ from: '2025-03-01', to: '2025-03-31' });
    const { yearEarlier } = await import('../src/platform/year-compare');
    expect(yearEarlier('2028-02-29')).toBe('2027-02-28');
    const none = await office.request('GET', `/api/campaigns/${lastYearId}/stat-table?compare=previous`);
    expect(none.statusCode, none.body).toBe(422);
    expect(none.json().errors[0]).toMatchObject({ path: 'compare' });
  });

  it('prints the 上年同期 and 增减 columns in the .xlsx when asked', async () => {
    const res = await office.request(
      'GET',
      `/api/campaigns/${thisYearId}/stat-table.xlsx?from=2026-03-01&to=2026-06-30&compare=previous`,
    );
    expect(res.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const texts = wb.worksheets[0].getSheetValues().flat().map(String).join('|');
    expect(texts).toContain('立案上年同期');
    expect(texts).toContain('立案增减');
  });
});

describe('结转 (carry forward)', () => {
  it('lists the predecessor unfinished cases in scope, carries one with its roll-up, idempotently, audited', async () => {
    const list = await office.request('GET', `/api/campaigns/${thisYearId}/carry-forward`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().predecessor).toMatchObject({ id: lastYearId });
    expect(
      list
        .json()
        .items.map((i: { id: string }) => i.id)
        .sort(),
    ).toEqual([...lastYearCases].sort());
    expect(list.json().canCarry).toBe(true);

    const before = await office.request('GET', `/api/campaigns/${thisYearId}/stat-table?from=2000-01-01&to=2100-12-31`);
    const totalBefore = Number(before.json().rows.at(-1).cells.casesFiled);

    const denied = await handler.request('POST', `/api/campaigns/${thisYearId}/carry-forward`, {
      caseIds: [lastYearCases[0]],
    });
    expect(denied.statusCode).toBe(403);
    const hidden = await siblingOffice.request('POST', `/api/campaigns/${thisYearId}/carry-forward`, { all: true });
    expect(hidden.statusCode).toBe(404);
    const bad = await office.request('POST', `/api/campaigns/${thisYearId}/carry-forward`, {
      caseIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ path: 'caseIds.0', message: expect.stringContaining('未办结') });

    const carried = await office.request('POST', `/api/campaigns/${thisYearId}/carry-forward`, {
      caseIds: [lastYearCases[0]],
    });
    expect(carried.statusCode, carried.body).toBe(200);
    expect(carried.json()).toEqual({
      carried: [{ id: lastYearCases[0], caseNumber: `PY-1-${tenant.tag}` }],
      already: [],
    });
    const again = await office.request('POST', `/api/campaigns/${thisYearId}/carry-forward`, { all: true });
    expect(again.json().already).toEqual([
      { id: lastYearCases[0], caseNumber: `PY-1-${tenant.tag}`, reason: '已结转到本行动' },
    ]);
    expect(
      again
        .json()
        .carried.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual(lastYearCases.slice(1).sort());

    const links = await t.database.db
      .select()
      .from(caseCampaigns)
      .where(inArray(caseCampaigns.caseId, lastYearCases))
      .orderBy(asc(caseCampaigns.caseId));
    expect(links.every((l) => l.campaignId === thisYearId && l.categoryCode === 'food')).toBe(true);
    expect(links).toHaveLength(3);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.carry_forward'), eq(auditLog.recordId, lastYearCases[0])));
    expect(audits).toHaveLength(1);

    // The roll-ups follow: the plan counts the carried cases, and equal the recount.
    const after = await office.request('GET', `/api/campaigns/${thisYearId}/stat-table?from=2000-01-01&to=2100-12-31`);
    expect(Number(after.json().rows.at(-1).cells.casesFiled)).toBe(totalBefore + 3);
    expect(await t.services.rollupsService.verify()).toEqual([]);
    // Still the predecessor's figures unchanged.
    const ly = await office.request('GET', `/api/campaigns/${lastYearId}/stat-table?from=2000-01-01&to=2100-12-31`);
    expect(ly.json().rows.at(-1).cells.casesFiled).toBe('3');
  });
});
