import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/** Issue 13: a stage move or clock change based on a version someone else changed answers 409, like any stale edit. */
let t: TestApp;
let tenant: Tenant;
let handler: Session;
/** Registers the cases (登记): a handler asks for filing instead (立案审批, case-filing.test.ts). */
let registrar: Session;
let colleague: Session;
let reviewer: Session;
let campaignId: string;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['handler', 'reviewer', 'leader'] });
  const { district, office } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: office.id,
      participantUnitIds: [district.id, office.id],
    })
  ).id;
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  registrar = await login(t.app, tenant.byRole.leader.username, TEST_PASSWORD);
  colleague = await login(t.app, tenant.unitUsers.own.username, TEST_PASSWORD); // a second handler of the district
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
});
afterAll(() => t.close());

let n = 0;
const fileCase = async () => {
  const res = await registrar.request('POST', '/api/cases', {
    unitId: tenant.units.district.id,
    campaignId,
    categoryCode: 'food',
    caseNumber: `测市监案〔2026〕S${++n}号`,
    name: '某食品公司销售过期食品案',
    partyKind: 'company',
    partyName: '上海某某食品有限公司',
    filingDate: '2026-03-10',
    filingApproverId: tenant.byRole.leader.id,
    investigatorId: tenant.byRole.handler.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; stage: string };
};

describe('stale stage moves and clock changes', () => {
  it('two people move the same case on from what they both saw: the first wins, the second gets 409 and the case moved once', async () => {
    const c = await fileCase();
    const first = await handler.request('POST', `/api/cases/${c.id}/stage`, {
      to: 'investigation',
      version: c.version,
    });
    expect(first.statusCode).toBe(200);
    const second = await colleague.request('POST', `/api/cases/${c.id}/stage`, {
      to: 'investigation',
      version: c.version,
    });
    expect(second.statusCode, second.body).toBe(409);
    expect(second.json().detail).toMatch(/已被他人修改/);
    const now = (await handler.request('GET', `/api/cases/${c.id}`)).json();
    expect(now).toMatchObject({ stage: 'investigation', version: c.version + 1 });
    expect(now.stageHistory.map((e: { toStage: string }) => e.toStage)).toEqual(['filed', 'investigation']);
    // With the current version the next stage is asked for as before; a wrong one is still 400 on "to".
    const wrong = await colleague.request('POST', `/api/cases/${c.id}/stage`, { to: 'notice', version: now.version });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('to');
  });

  it('who may act is still answered first (403), then the version (409)', async () => {
    let c = await fileCase();
    for (const to of ['investigation', 'review'])
      c = (await handler.request('POST', `/api/cases/${c.id}/stage`, { to, version: c.version })).json();
    // Leaving 核审 is the legal reviewer's act: a handler is refused whatever version he names.
    expect(
      (await handler.request('POST', `/api/cases/${c.id}/stage`, { to: 'notice', version: c.version - 1 })).statusCode,
    ).toBe(403);
    expect(
      (await reviewer.request('POST', `/api/cases/${c.id}/stage`, { to: 'notice', version: c.version - 1 })).statusCode,
    ).toBe(409);
  });

  it('a clock change on a stale version answers 409, not the 400 of the state someone else left', async () => {
    const c = await fileCase();
    const pause = { kind: 'pause', fromDate: '2026-04-01', reason: '检测', version: c.version };
    expect((await handler.request('POST', `/api/cases/${c.id}/clock`, pause)).statusCode).toBe(200);
    const again = await colleague.request('POST', `/api/cases/${c.id}/clock`, pause);
    expect(again.statusCode, again.body).toBe(409);
  });
});
