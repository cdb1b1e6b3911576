import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { planSchema } from '../src/modules/campaigns/campaign-plan.types';
import { auditLog } from '../src/modules/audit/audit.schema';
import { createCasesRepository } from '../src/modules/cases/cases.repository';
import { cases } from '../src/modules/cases/cases.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { samplePlan } from './helpers/plans';

/**
 * Issue 13, "Figures": a case counts at most once in a campaign tree (a plan and its implementation
 * plans), whatever the write: create, edit, 诉转案; verify-rollups lists any that do.
 *
 *   T  the city's plan (the district takes part)      M  the district's own plan
 *   └── I  the district's implementation plan of T
 */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let T: { id: string; name: string };
let I: { id: string; name: string };
let M: { id: string; name: string };
const casesRepository = createCasesRepository();

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'leader'] });
  const { city, district, office } = tenant.units;
  const plan = (name: string, leadUnitId: string, participantUnitIds: string[]) => ({
    ...planSchema.parse({ ...samplePlan({ leadUnitId, participantUnitIds }), name }),
  });
  T = await t.services.campaignsService.create(systemActor, {
    ...plan('市级铁拳行动', district.id, [district.id, tenant.units.sibling.id]),
    unitId: city.id,
  });
  I = await t.services.campaignsService.deriveImplementation(systemActor, T.id, district.id);
  M = await t.services.campaignsService.create(systemActor, {
    ...plan('区级护农行动', office.id, [district.id, office.id]),
    unitId: district.id,
  });
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
});
afterAll(() => t.close());

let n = 0;
const newCase = (over: Record<string, unknown> = {}) => ({
  unitId: tenant.units.district.id,
  campaignId: M.id,
  categoryCode: 'food',
  caseNumber: `测市监案〔2026〕T${++n}号`,
  name: '某食品公司销售过期食品案',
  partyKind: 'company',
  partyName: '上海某某食品有限公司',
  filingDate: '2026-03-10',
  amountInvolved: '1000.01',
  fine: '0',
  confiscated: '0',
  lossesRecovered: '0',
  filingApproverId: tenant.byRole.leader.id,
  investigatorId: tenant.byRole.handler.id,
  ...over,
});
const link = (c: { id: string }, categoryCode = 'food') => ({ campaignId: c.id, categoryCode });

/** The 合计 row of a campaign's table for the district: 立案 and 涉案金额 in fen. */
async function figures(campaign: { id: string }) {
  const res = await handler.request(
    'GET',
    `/api/campaigns/${campaign.id}/stats?unitId=${tenant.units.district.id}&from=2000-01-01&to=2100-12-31`,
  );
  expect(res.statusCode, res.body).toBe(200);
  const total = res.json().rows.find((r: { category: string }) => r.category === 'total').values;
  return { filed: Number(total.casesFiled), amountFen: Math.round(Number(total.amountInvolved) * 100) };
}
const countCases = async () => (await t.database.db.select({ id: cases.id }).from(cases)).length;

describe('a case counts once in a campaign tree', () => {
  it('(a) refuses a plan and its implementation plan as two further campaigns, naming the field; stores nothing', async () => {
    const before = { T: await figures(T), M: await figures(M), cases: await countCases() };
    const res = await registrar.request('POST', '/api/cases', newCase({ alsoCountsToward: [link(T), link(I)] }));
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors).toEqual([
      {
        path: 'alsoCountsToward.1.campaignId',
        message: expect.stringMatching(new RegExp(`“${I.name}”与第 1 项同时计入的“${T.name}”属于同一行动体系`)),
      },
    ]);
    // The other order, and the implementation plan of a campaign as its further one.
    const reversed = await registrar.request('POST', '/api/cases', newCase({ alsoCountsToward: [link(I), link(T)] }));
    expect(reversed.json().errors.map((e: { path: string }) => e.path)).toEqual(['alsoCountsToward.1.campaignId']);
    const ownTree = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ campaignId: T.id, alsoCountsToward: [link(M), link(I)] }),
    );
    expect(ownTree.json().errors).toEqual([
      { path: 'alsoCountsToward.1.campaignId', message: expect.stringMatching(/与本案所属行动属于同一行动体系/) },
    ]);
    expect(await countCases()).toBe(before.cases);
    expect({ T: await figures(T), M: await figures(M) }).toEqual({ T: before.T, M: before.M });

    // One campaign of each tree: each counts the case once.
    const ok = await registrar.request('POST', '/api/cases', newCase({ alsoCountsToward: [link(I)] }));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await figures(T)).toEqual({ filed: before.T.filed + 1, amountFen: before.T.amountFen + 100_001 });
    expect(await figures(I)).toEqual(await figures(T));
    expect(await figures(M)).toEqual({ filed: before.M.filed + 1, amountFen: before.M.amountFen + 100_001 });
    expect(await t.services.rollupsService.verify()).toEqual([]);
    expect(await casesRepository.countedTwiceInATree(t.database.db)).toEqual([]);
  });

  it('(b) an edit that moves a case into the tree it already counted toward counts it once: the duplicate link goes', async () => {
    const created = await registrar.request(
      'POST',
      '/api/cases',
      newCase({ campaignId: T.id, alsoCountsToward: [link(M)] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    const before = { T: await figures(T), M: await figures(M) };

    // Sent explicitly, the same state is refused, naming the field.
    const explicit = await handler.request('PUT', `/api/cases/${c.id}`, {
      ...newCase({ caseNumber: c.caseNumber }),
      campaignId: M.id,
      alsoCountsToward: [link(M)],
      version: c.version,
    });
    expect(explicit.statusCode).toBe(400);
    expect(explicit.json().errors).toEqual([
      { path: 'alsoCountsToward.0.campaignId', message: '同一专项行动只能计入一次' },
    ]);

    // Not named (the web form does not carry them): the campaign chosen wins, the link in its tree is dropped.
    const moved = await handler.request('PUT', `/api/cases/${c.id}`, {
      ...newCase({ caseNumber: c.caseNumber }),
      campaignId: M.id,
      version: c.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ campaignId: M.id, alsoCountsToward: [] });
    expect(await figures(M)).toEqual(before.M);
    expect(await figures(T)).toEqual({ filed: before.T.filed - 1, amountFen: before.T.amountFen - 100_001 });
    const [entry] = await t.database.db
      .select({ before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.recordId, c.id), eq(auditLog.action, 'case.update')))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(entry).toMatchObject({
      before: { campaignId: T.id, alsoCountsToward: [link(M)] },
      after: { campaignId: M.id, alsoCountsToward: [] },
    });

    // A link in another tree stays when the edit does not name it.
    const other = (await registrar.request('POST', '/api/cases', newCase({ alsoCountsToward: [link(T)] }))).json();
    const kept = await handler.request('PUT', `/api/cases/${other.id}`, {
      ...newCase({ caseNumber: other.caseNumber, name: '改名' }),
      version: other.version,
    });
    expect(kept.json().alsoCountsToward).toEqual([expect.objectContaining(link(T))]);
    // Moved into T's tree (its implementation plan), the link to T goes.
    const intoI = await handler.request('PUT', `/api/cases/${other.id}`, {
      ...newCase({ caseNumber: other.caseNumber }),
      campaignId: I.id,
      version: kept.json().version,
    });
    expect(intoI.json()).toMatchObject({ campaignId: I.id, alsoCountsToward: [] });
    expect(await t.services.rollupsService.verify()).toEqual([]);
    expect(await casesRepository.countedTwiceInATree(t.database.db)).toEqual([]);
  });

  it('诉转案: the case a lead files is checked the same way, the field named under case.', async () => {
    const lead = await handler.request('POST', '/api/leads', {
      unitId: tenant.units.district.id,
      campaignId: M.id,
      categoryCode: 'food',
      source: 'complaint',
      sourceNumber: '12315-2026-T1',
      receivedDate: '2026-02-10',
      partyName: '某超市',
      description: '消费者投诉购买到过期牛奶。',
      complainantName: '李小明',
      complainantPhone: '13812341234',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    const { campaignId: _c, unitId: _u, ...fields } = newCase();
    const cases0 = await countCases();
    const res = await handler.request('POST', `/api/leads/${lead.json().id}/decision`, {
      outcome: 'file',
      version: lead.json().version,
      case: { ...fields, alsoCountsToward: [link(T), link(I)] },
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors.map((e: { path: string }) => e.path)).toEqual(['case.alsoCountsToward.1.campaignId']);
    expect(await countCases()).toBe(cases0);
    expect((await handler.request('GET', `/api/leads/${lead.json().id}`)).json().status).toBe('verifying');
  });

  it('verify-rollups lists a case counted twice in one tree (stored before the rule), which the roll-up check alone cannot see', async () => {
    const c = (await registrar.request('POST', '/api/cases', newCase())).json();
    // Written past the service, as a database of before this rule may hold it.
    await t.database.db.transaction((tx) => casesRepository.replaceCampaignLinks(tx, c.id, [link(T), link(I)]));
    await t.database.db.transaction((tx) => t.services.rollupsService.rebuild(tx));
    expect(await t.services.rollupsService.verify()).toEqual([]);
    expect(await casesRepository.countedTwiceInATree(t.database.db)).toEqual([
      {
        caseId: c.id,
        caseNumber: c.caseNumber,
        unitId: tenant.units.district.id,
        rootCampaignId: T.id,
        campaignIds: [T.id, I.id],
        campaignNames: [T.name, I.name],
      },
    ]);
  });
});
