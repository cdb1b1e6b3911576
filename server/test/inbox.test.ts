import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseInbox } from '../src/modules/cases/case-inbox';
import { createCasesRepository } from '../src/modules/cases/cases.repository';
import { createInboxService } from '../src/modules/inbox/inbox.service';
import type { InboxItem as Item } from '../src/modules/inbox/inbox';
import { createLeadInbox } from '../src/modules/leads/lead-inbox';
import { createLeadsRepository } from '../src/modules/leads/leads.repository';
import { createReportInbox } from '../src/modules/reports/report-inbox';
import { createReportsRepository } from '../src/modules/reports/reports.repository';
import { createLiaisonInbox } from '../src/modules/campaigns/liaison-inbox';
import { createLiaisonsRepository } from '../src/modules/campaigns/liaisons.repository';
import { systemActor } from '../src/platform/actor';
import type { Database } from '../src/db/database';
import type { Role } from '../src/platform/roles';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { createLiaison, servicesOnClock } from './helpers/reports';
import { publishSigned } from './helpers/approvals';

// The reports' clock: 30 June 2026 in Beijing. The sample plan (monthly, from 1 March, due on the
// 2nd) owes March, April and May (overdue) and June, due 2 July: within the reminder's three days.
// Cases and leads run on the real day: a case filed in March 2026 is long past its 90 days.
const clock = new Date('2026-06-30T02:00:00Z');
const services = (db: Database['db']) => {
  const s = servicesOnClock(() => clock)(db);
  const inboxService = createInboxService({
    providers: [
      createCaseInbox({ db, casesRepository: createCasesRepository() }),
      createLeadInbox({ db, leadsRepository: createLeadsRepository(), calendarService: s.calendarService }),
      createReportInbox({ db, reportsRepository: createReportsRepository(), reportsService: s.reportsService }),
      createLiaisonInbox({ db, liaisonsRepository: createLiaisonsRepository() }),
    ],
  });
  return { ...s, inboxService };
};

let t: TestApp;
let tenant: Tenant;
const s = {} as Record<'office' | 'handler' | 'reviewer' | 'leader' | 'liaison', Session>;
const sibling = {} as Record<'office' | 'handler' | 'reviewer' | 'liaison', Session>;
let campaignId = '';
let scheduleId = '';
let reviewCaseId = '';
let overdueCaseId = '';
let leadId = '';

const inbox = async (session: Session) => {
  const res = await session.request('GET', '/api/inbox');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; counts: Record<string, number>; total: number };
};
const reportAt = (periodEnd: string) =>
  `/campaigns/${campaignId}/report?${new URLSearchParams({ scheduleId, periodEnd, unitId: tenant.units.office.id })}`;
const narrative = { statistics: '本月立案1件。', keyCases: '', practices: '', problems: '', nextSteps: '' };

beforeAll(async () => {
  t = await createTestApp({ services });
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'reviewer', 'leader'] });
  const { district, office, sibling: siblingUnit } = tenant.units;
  for (const role of ['office', 'handler', 'reviewer', 'leader'] as const)
    s[role] = await login(t.app, tenant.byRole[role].username, TEST_PASSWORD);
  const liaison = await createLiaison(t.services, office.id, `i_liaison_${tenant.tag}`);
  s.liaison = await login(t.app, liaison.username, TEST_PASSWORD);
  for (const role of ['office', 'handler', 'reviewer', 'liaison'] as Role[]) {
    const username = `sib_${role}_${tenant.tag}`;
    await t.services.usersService.create(
      systemActor,
      { username, password: TEST_PASSWORD, displayName: `兄弟${role}`, unitId: siblingUnit.id, roles: [role] },
      { mustChangePassword: false },
    );
    sibling[role as keyof typeof sibling] = await login(t.app, username, TEST_PASSWORD);
  }

  const created = await s.office.request('POST', '/api/campaigns', {
    unitId: district.id,
    ...samplePlan({ leadUnitId: office.id, participantUnitIds: [district.id, office.id] }),
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
  scheduleId = created.json().reportSchedules[0].id;
  const published = await publishSigned(t, s.office, created.json(), { owesPastPeriods: true });
  expect(published.statusCode, published.body).toBe(200);

  // Two cases of the district's handler, filed in March: one taken to 核审, one still investigated.
  const newCase = async (n: number) => {
    const res = await s.office.request('POST', '/api/cases', {
      unitId: district.id,
      campaignId,
      categoryCode: 'food',
      caseNumber: `测市监案〔2026〕I${n}号`,
      name: `某食品公司销售过期食品案${n}`,
      partyKind: 'company',
      partyName: '上海某某食品有限公司',
      filingDate: '2026-03-10',
      filingApproverId: tenant.byRole.leader.id,
      investigatorId: tenant.byRole.handler.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  let c = await newCase(1);
  for (const to of ['investigation', 'review']) {
    const moved = await s.handler.request('POST', `/api/cases/${c.id}/stage`, { to, version: c.version });
    expect(moved.statusCode, moved.body).toBe(200);
    c = moved.json();
  }
  reviewCaseId = c.id;
  overdueCaseId = (await newCase(2)).id;
  const lead = await s.handler.request('POST', '/api/leads', {
    unitId: district.id,
    campaignId,
    categoryCode: 'food',
    source: 'complaint',
    sourceNumber: `12315-I-${tenant.tag}`,
    receivedDate: '2026-02-10',
    partyName: '某超市',
    description: '消费者投诉购买到过期牛奶。',
  });
  expect(lead.statusCode, lead.body).toBe(201);
  leadId = lead.json().id;

  // The 所's reports: March sent (waiting for the office), April sent and returned, May chased.
  const submit = async (periodEnd: string, version = 0) => {
    const res = await s.liaison.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
      scheduleId,
      periodEnd,
      unitId: office.id,
      narrative,
      version,
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  await submit('2026-03-31');
  const april = await submit('2026-04-30');
  const returned = await s.office.request('POST', `/api/report-submissions/${april.submissionId}/review`, {
    decision: 'return',
    reason: '数字有误',
    version: april.version,
  });
  expect(returned.statusCode, returned.body).toBe(200);
  const chased = await s.office.request('POST', `/api/campaigns/${campaignId}/reports/chase`, {
    scheduleId,
    periodEnd: '2026-05-31',
    unitId: office.id,
  });
  expect(chased.statusCode, chased.body).toBe(201);
});
afterAll(() => t.close());

describe('inbox (我的待办)', () => {
  it('a legal reviewer sees the case waiting at 核审, opening the case', async () => {
    const { items, counts } = await inbox(s.reviewer);
    const item = items.find((i) => i.recordId === reviewCaseId)!;
    expect(item).toMatchObject({
      kind: 'case_review',
      recordType: 'case',
      link: `/cases/${reviewCaseId}`,
      unitId: tenant.units.district.id,
      dueAt: '2026-06-08',
      overdue: true,
    });
    expect(item.title).toContain('某食品公司销售过期食品案1');
    expect(counts.case_review).toBe(1);
    // The reviewer is not the handler: no clocks of his own.
    expect(items.every((i) => i.kind === 'case_review')).toBe(true);
  });

  it('a handler sees his overdue cases and leads, overdue first', async () => {
    const { items, counts } = await inbox(s.handler);
    expect(
      items
        .filter((i) => i.kind === 'case_overdue')
        .map((i) => i.recordId)
        .sort(),
    ).toEqual([reviewCaseId, overdueCaseId].sort());
    expect(items.find((i) => i.recordId === overdueCaseId)).toMatchObject({
      link: `/cases/${overdueCaseId}`,
      overdue: true,
      dueAt: '2026-06-08',
    });
    expect(items.find((i) => i.kind === 'lead_overdue')).toMatchObject({
      recordType: 'lead',
      recordId: leadId,
      link: `/leads/${leadId}`,
      overdue: true,
    });
    expect(counts).toMatchObject({ case_overdue: 2, lead_overdue: 1, case_due_soon: 0, lead_due_soon: 0 });
    // Another handler of the district investigates neither: his inbox holds no overdue case of theirs.
    const other = await inbox(await login(t.app, tenant.unitUsers.own.username, TEST_PASSWORD));
    expect(other.items.map((i) => i.recordId)).not.toContain(overdueCaseId);
  });

  it("the office sees the report sent to its plan, its units' overdue cases, and the leader those too", async () => {
    const { items, counts } = await inbox(s.office);
    const review = items.filter((i) => i.kind === 'report_review');
    expect(review).toHaveLength(1);
    expect(review[0]).toMatchObject({
      recordType: 'report',
      recordId: `${campaignId}:${scheduleId}:2026-03-31:${tenant.units.office.id}`,
      link: reportAt('2026-03-31'),
      unitId: tenant.units.office.id,
      overdue: false,
    });
    expect(counts.report_review).toBe(1);
    expect(counts.case_overdue).toBe(2);
    const leader = await inbox(s.leader);
    expect(leader.counts).toMatchObject({ case_overdue: 2, lead_overdue: 1 });
    expect(leader.items.some((i) => i.kind === 'report_review')).toBe(false);
  });

  it('a liaison sees the returned report to fix, the chase, and the report coming due', async () => {
    const { items, counts } = await inbox(s.liaison);
    expect(items.find((i) => i.kind === 'report_returned')).toMatchObject({
      link: reportAt('2026-04-30'),
      dueAt: '2026-05-02',
    });
    expect(items.find((i) => i.kind === 'report_returned')!.title).toContain('数字有误');
    expect(items.find((i) => i.kind === 'report_chased')).toMatchObject({
      link: reportAt('2026-05-31'),
      overdue: true,
    });
    expect(items.find((i) => i.kind === 'report_due')).toMatchObject({
      link: reportAt('2026-06-30'),
      dueAt: '2026-07-02',
      overdue: false,
    });
    expect(counts).toMatchObject({ report_returned: 1, report_chased: 1, report_due: 1 });
    // The 所 has not named its 分管领导 and 联络员 for the plan (due 17 March: the real day is past it).
    expect(items.find((i) => i.kind === 'liaison_register')).toMatchObject({
      recordType: 'campaign',
      recordId: campaignId,
      link: `/campaigns/${campaignId}?tab=liaisons`,
      dueAt: '2026-03-17',
      unitId: tenant.units.office.id,
      overdue: true,
    });
    // Overdue first, then by the due date.
    expect(items.map((i) => i.kind)).toEqual(['liaison_register', 'report_chased', 'report_returned', 'report_due']);
  });

  it('a liaison duty leaves the inbox once the unit has registered its people', async () => {
    const registered = await s.liaison.request(
      'PUT',
      `/api/campaigns/${campaignId}/liaisons/${tenant.units.office.id}`,
      {
        leader: { name: '张所长', position: '所长' },
        liaison: { name: '李联络', position: '科员', mobile: '13900000000' },
      },
    );
    expect(registered.statusCode, registered.body).toBe(200);
    const { counts } = await inbox(s.liaison);
    expect(counts.liaison_register).toBe(0);
  });

  it('a sibling bureau sees none of it', async () => {
    const ours = new Set([reviewCaseId, overdueCaseId, leadId]);
    for (const session of Object.values(sibling)) {
      const { items, total } = await inbox(session);
      expect(items.filter((i) => ours.has(i.recordId) || i.link.includes(campaignId))).toEqual([]);
      expect(total).toBe(0);
    }
  });
});
