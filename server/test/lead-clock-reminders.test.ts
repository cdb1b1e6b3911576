import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeadsRepository } from '../src/modules/leads/leads.repository';
import { leadClockRemindersJob } from '../src/modules/leads/lead-clock-reminders.job';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/** 线索核查期限提醒: the daily job tells a lead's handlers once when its clock nears its end, once when it has passed. */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
let office: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler'] });
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: tenant.units.district.id,
      leadUnitId: tenant.units.district.id,
      participantUnitIds: [tenant.units.district.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const scanOn = (today: string) =>
  leadClockRemindersJob({
    db: t.database.db,
    leadsRepository: createLeadsRepository(),
    calendarService: t.services.calendarService,
    notificationsService: t.services.notificationsService,
    today: () => today,
  }).scan();

const toldOf = async (s: Session, leadId: string) =>
  (
    (await s.request('GET', '/api/notifications?pageSize=100')).json().items as {
      kind: string;
      title: string;
      link: string;
    }[]
  ).filter((n) => n.link === `/leads/${leadId}`);

describe('lead clock reminders', () => {
  it("tells the lead's handler once within the last working days, once more when overdue, and nobody else", async () => {
    const created = await handler.request('POST', '/api/leads', {
      unitId: tenant.units.district.id,
      campaignId,
      categoryCode: 'food',
      source: 'complaint',
      sourceNumber: '12315-2026-900',
      // Found before the Spring Festival: 15 working days end on 9 March 2026.
      receivedDate: '2026-02-10',
      partyName: '某超市',
      description: '消费者投诉购买到过期牛奶。',
    });
    expect(created.statusCode, created.body).toBe(201);
    const lead = created.json();
    expect(lead.clock.dueDate).toBe('2026-03-09');

    await scanOn('2026-02-24'); // ten working days before: nothing yet
    expect(await toldOf(handler, lead.id)).toEqual([]);
    await scanOn('2026-03-03');
    await scanOn('2026-03-04');
    const soon = await toldOf(handler, lead.id);
    expect(soon.map((n) => n.kind)).toEqual(['lead_clock_due_soon']);
    expect(soon[0].title).toContain('2026-03-09');
    expect(soon[0].title).toContain('某超市');

    await scanOn('2026-03-10');
    expect((await toldOf(handler, lead.id)).map((n) => n.kind).sort()).toEqual([
      'lead_clock_due_soon',
      'lead_clock_overdue',
    ]);
    expect((await scanOn('2026-03-10')).notified).toBe(0);
    // The office watches overdue leads in its inbox; the bell is the handler's.
    expect(await toldOf(office, lead.id)).toEqual([]);
  });
});
