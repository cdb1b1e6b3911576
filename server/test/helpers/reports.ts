import type { Database } from '../../src/db/database';
import { createServices, type Services } from '../../src/services';
import { createCampaignsRepository } from '../../src/modules/campaigns/campaigns.repository';
import { createReportsRepository } from '../../src/modules/reports/reports.repository';
import { createReportsService } from '../../src/modules/reports/reports.service';
import { createUnitsRepository } from '../../src/modules/units/units.repository';
import { createUsersRepository } from '../../src/modules/users/users.repository';
import { systemActor } from '../../src/platform/actor';
import { TEST_PASSWORD } from './factories';

/** The app's services with the reports on the test's clock (deadlines, lateness and reminders read it). */
export const servicesOnClock =
  (now: () => Date) =>
  (db: Database['db']): Services => {
    const s = createServices(db);
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
    return { ...s, reportsService };
  };

/** A liaison (联络员) of a unit, ready to log in with TEST_PASSWORD. */
export const createLiaison = (services: Services, unitId: string, username: string, displayName = '所联络员') =>
  services.usersService.create(
    systemActor,
    { username, password: TEST_PASSWORD, displayName, unitId, roles: ['liaison'] },
    { mustChangePassword: false },
  );
