import { expect } from 'vitest';
import type { Database } from '../../src/db/database';
import { createServices, type Services } from '../../src/services';
import { createCampaignsRepository } from '../../src/modules/campaigns/campaigns.repository';
import { createReportAttachmentsRepository } from '../../src/modules/reports/report-attachments.repository';
import { createReportAttachmentsService } from '../../src/modules/reports/report-attachments.service';
import { createReportsRepository } from '../../src/modules/reports/reports.repository';
import { createReportsService } from '../../src/modules/reports/reports.service';
import { createUnitsRepository } from '../../src/modules/units/units.repository';
import { createUsersRepository } from '../../src/modules/users/users.repository';
import { systemActor } from '../../src/platform/actor';
import type { Session, TestApp } from './app';
import { TEST_PASSWORD, type Tenant } from './factories';
import { samplePlan } from './plans';
import { publishSigned } from './approvals';

/** The app's services with the reports on the test's clock (deadlines, lateness and reminders read it). */
export const servicesOnClock =
  (now: () => Date, opts: Parameters<typeof createServices>[1] = {}) =>
  (db: Database['db']): Services => {
    const s = createServices(db, opts);
    const reportsService = createReportsService({
      db,
      reportsRepository: createReportsRepository(),
      campaignsService: s.campaignsService,
      campaignsRepository: createCampaignsRepository(),
      unitsRepository: createUnitsRepository(),
      statTablesService: s.statTablesService,
      auditService: s.auditService,
      usersRepository: createUsersRepository(),
      notificationsService: s.notificationsService,
      now,
    });
    const reportAttachmentsService = createReportAttachmentsService({
      db,
      reportsService,
      reportAttachmentsRepository: createReportAttachmentsRepository(),
      auditService: s.auditService,
      now,
    });
    return { ...s, reportsService, reportAttachmentsService };
  };

/** A liaison (联络员) of a unit, ready to log in with TEST_PASSWORD. */
export const createLiaison = (services: Services, unitId: string, username: string, displayName = '所联络员') =>
  services.usersService.create(
    systemActor,
    { username, password: TEST_PASSWORD, displayName, unitId, roles: ['liaison'] },
    { mustChangePassword: false },
  );

/**
 * The district's plan with its 所 and one more unit below it owing the monthly reports, published
 * by its office with the months already past owed (a plan of 2026 published today owes them only
 * if the office chooses so). The district takes part as listed, but owes no reports: it receives them.
 */
export async function publishedReportPlan(t: TestApp, office: Session, tenant: Tenant, otherUnitId: string) {
  const participantUnitIds = [tenant.units.district.id, tenant.units.office.id, otherUnitId];
  const created = await office.request('POST', '/api/campaigns', {
    unitId: tenant.units.district.id,
    ...samplePlan({ leadUnitId: tenant.units.office.id, participantUnitIds }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const published = await publishSigned(t, office, created.json(), { owesPastPeriods: true });
  expect(published.statusCode, published.body).toBe(200);
  return { campaignId: created.json().id as string, scheduleId: created.json().reportSchedules[0].id as string };
}
