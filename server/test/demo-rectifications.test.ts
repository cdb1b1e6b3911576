import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { actorOfUser, systemActor, type Actor } from '../src/platform/actor';
import { todayInChina } from '../src/platform/today';
import { shiftDate } from '../src/modules/calendar/working-days';
import { supervisionFindings } from '../src/modules/supervision/supervision.schema';
import { seedDemoRectifications } from '../src/seed/demo-rectifications';
import { createTestApp, type TestApp } from './helpers/app';
import { createTenant, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';
import { insertSupervision, insertVisit } from './helpers/supervision-fixtures';

let t: TestApp;
let tenant: Tenant;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'supervisor'] });
});
afterAll(() => t.close());

describe('the demo rectifications', () => {
  it('spread over noted, open, overdue, awaiting 复查 (one returned once) and 销号', async () => {
    const { district, office: station } = tenant.units;
    const liaison = await t.services.usersService.create(
      systemActor,
      {
        username: `demo_liaison_${tenant.tag}`,
        password: 'Testpass123',
        displayName: '沈丽',
        unitId: station.id,
        roles: ['liaison'],
      },
      { mustChangePassword: false },
    );
    const actor = (
      u: { id: string; username: string; displayName: string; unitId: string | null; roles: Actor['roles'] },
      path: string,
    ) => actorOfUser({ ...u, isSystemAdmin: false }, path);
    const actors = new Map<string, Actor>([
      ['cm_supervisor', actor(tenant.byRole.supervisor, district.path)],
      ['cm_office', actor(tenant.byRole.office, district.path)],
      ['cm_liaison', actor(liaison, station.path)],
    ]);
    const campaign = await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, station.id],
    });
    const { group, round } = await insertSupervision(t.database.db, {
      campaignId: campaign.id,
      organizerUnitId: district.id,
      leaderId: tenant.byRole.supervisor.id,
      createdBy: tenant.byRole.office.id,
    });
    const visitDate = shiftDate(todayInChina(), -30);
    const visits = [];
    for (const unitId of [station.id, district.id, station.id]) {
      const v = await insertVisit(t.database.db, {
        roundId: round.id,
        groupId: group.id,
        campaignId: campaign.id,
        unitId,
        visitDate,
        createdBy: tenant.byRole.supervisor.id,
      });
      visits.push({ id: v.id, unitId, visitDate, groupId: group.id });
    }
    const { created } = await seedDemoRectifications(t.services, actors, visits);
    expect(created).toBe(10);
    const rows = await t.database.db
      .select()
      .from(supervisionFindings)
      .where(eq(supervisionFindings.campaignId, campaign.id));
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    expect({ noted: count('noted'), open: count('open'), replied: count('replied'), closed: count('closed') }).toEqual({
      noted: 2,
      open: 4,
      replied: 2,
      closed: 2,
    });
    const today = todayInChina();
    expect(rows.filter((r) => r.status === 'open' && r.deadline! < today)).toHaveLength(2);
    expect(rows.filter((r) => r.returnCount === 1 && r.status === 'replied')).toHaveLength(1);
  });
});
