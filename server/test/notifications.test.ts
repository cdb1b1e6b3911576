import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notifications } from '../src/modules/notifications/notifications.schema';
import { reportRemindersJob } from '../src/modules/reports/report-reminders.job';
import { createUsersRepository } from '../src/modules/users/users.repository';
import { createJobQueue, type JobDefinition } from '../src/platform/jobs/job-queue';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';
import { createLiaison, servicesOnClock } from './helpers/reports';
import { publishSigned } from './helpers/approvals';

// The reports' clock: 31 May 2026 in Beijing. The sample plan (from 1 March, a monthly report due
// on the 2nd) owes March's and April's (overdue, the office chose to owe past periods) and May's,
// due 2 June: within the three days of a reminder.
const clock = new Date('2026-05-31T02:00:00Z');
let t: TestApp;
let tenant: Tenant;
let office: Session;
let stationLiaison: Session;
let stationLiaisonId = '';
let campaignId = '';
let scheduleId = '';
let job: ReturnType<typeof reportRemindersJob>;

beforeAll(async () => {
  t = await createTestApp({ services: servicesOnClock(() => clock) });
  job = reportRemindersJob({
    db: t.database.db,
    usersRepository: createUsersRepository(),
    reportsService: t.services.reportsService,
    notificationsService: t.services.notificationsService,
  });
  tenant = await createTenant(t.services, { roles: ['office', 'liaison'] });
  const user = await createLiaison(t.services, tenant.units.office.id, `n_liaison_${tenant.tag}`);
  stationLiaisonId = user.id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  stationLiaison = await login(t.app, user.username, TEST_PASSWORD);
  const created = await office.request('POST', '/api/campaigns', {
    unitId: tenant.units.district.id,
    ...samplePlan({
      leadUnitId: tenant.units.office.id,
      participantUnitIds: [tenant.units.district.id, tenant.units.office.id],
    }),
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
  scheduleId = created.json().reportSchedules[0].id;
  const published = await publishSigned(t, office, created.json(), { owesPastPeriods: true });
  expect(published.statusCode, published.body).toBe(200);
});
afterAll(() => t.close());

const stored = (userId: string) => t.database.db.select().from(notifications).where(eq(notifications.userId, userId));
const inbox = async (s: Session, query = '') => {
  const res = await s.request('GET', `/api/notifications${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('notifications', () => {
  it('the reminder scan tells a liaison once of each report overdue or coming due, however often it runs', async () => {
    const first = await job.scan();
    const mine = await stored(stationLiaisonId);
    expect(mine.map((n) => n.kind).sort()).toEqual(['report_due_soon', 'report_overdue', 'report_overdue']);
    expect(first.notified).toBeGreaterThanOrEqual(3);
    const due = mine.find((n) => n.kind === 'report_due_soon')!;
    expect(due.title).toContain('2026-06-02');
    expect(due.link).toBe(
      `/campaigns/${campaignId}/report?${new URLSearchParams({ scheduleId, periodEnd: '2026-05-31', unitId: tenant.units.office.id })}`,
    );
    expect((await job.scan()).notified).toBe(0);
    expect(await stored(stationLiaisonId)).toHaveLength(3);
  });

  it('a person reads and marks only their own notifications', async () => {
    const list = await inbox(stationLiaison);
    expect(list.unread).toBe(3);
    expect(list.items).toHaveLength(3);
    const [one] = list.items;
    // The office cannot mark the liaison's notification, and does not see it.
    const foreign = await office.request('POST', '/api/notifications/read', { ids: [one.id] });
    expect(foreign.json()).toMatchObject({ marked: 0 });
    expect((await inbox(office)).items.map((n: { id: string }) => n.id)).not.toContain(one.id);
    const marked = await stationLiaison.request('POST', '/api/notifications/read', { ids: [one.id] });
    expect(marked.json()).toEqual({ marked: 1, unread: 2 });
    expect((await inbox(stationLiaison, '?unread=true')).items).toHaveLength(2);
    const empty = await stationLiaison.request('POST', '/api/notifications/read', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors?.[0]?.field ?? empty.body).toMatch(/ids/);
  });

  it('a chase and a return are told to the unit liaison in the same transaction as the act', async () => {
    const chased = await office.request('POST', `/api/campaigns/${campaignId}/reports/chase`, {
      scheduleId,
      periodEnd: '2026-03-31',
      unitId: tenant.units.office.id,
      note: '请今天下班前报送',
    });
    expect(chased.statusCode, chased.body).toBe(201);
    const chase = (await stored(stationLiaisonId)).find((n) => n.kind === 'report_chased')!;
    expect(chase.title).toContain('催报');
    expect(chase.body).toBe('请今天下班前报送');

    const key = { scheduleId, periodEnd: '2026-04-30', unitId: tenant.units.office.id };
    const narrative = { statistics: '', keyCases: '', practices: '开展农村集市检查', problems: '', nextSteps: '' };
    const sent = await stationLiaison.request('POST', `/api/campaigns/${campaignId}/reports/item`, {
      ...key,
      narrative,
      version: 0,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const returned = await office.request('POST', `/api/report-submissions/${sent.json().submissionId}/review`, {
      decision: 'return',
      reason: '案件数与台账不符',
      version: sent.json().version,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const told = await t.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, stationLiaisonId), eq(notifications.kind, 'report_returned')));
    expect(told).toHaveLength(1);
    expect(told[0].title).toContain('案件数与台账不符');
  });
});

describe('durable jobs', () => {
  it('runs a queued job once in the database queue, and a job that died mid-run is retried without telling twice', async () => {
    const before = (await stored(stationLiaisonId)).length;
    let runs = 0;
    // The first run dies in the middle of its transaction (as a process killed mid-run): nothing it did
    // is kept, and the queue runs it again.
    const flaky: JobDefinition = {
      name: 'report-reminders-flaky',
      retryDelaySeconds: 1,
      run: async () => {
        runs += 1;
        if (runs === 1)
          await t.database.db.transaction(async (tx) => {
            await t.services.notificationsService.notify(tx, [
              { userId: stationLiaisonId, kind: 'report_overdue', title: '半途', dedupeKey: 'half-way' },
            ]);
            throw new Error('进程中断');
          });
        await job.run({});
      },
    };
    const queue = createJobQueue({
      executeSql: t.database.executeSql,
      jobs: [flaky as JobDefinition<never>],
      pollingIntervalSeconds: 0.5,
      onError: () => {},
    });
    await queue.start();
    try {
      const id = (await queue.send('report-reminders-flaky'))!;
      for (let i = 0; i < 60 && (await queue.state('report-reminders-flaky', id)) !== 'completed'; i++)
        await new Promise((r) => setTimeout(r, 250));
      expect(await queue.state('report-reminders-flaky', id)).toBe('completed');
    } finally {
      await queue.stop();
    }
    expect(runs).toBe(2);
    const after = await stored(stationLiaisonId);
    expect(after.find((n) => n.dedupeKey === 'half-way')).toBeUndefined();
    // Everything was told before: the retried scan adds nothing.
    expect(after).toHaveLength(before);
  });
});
