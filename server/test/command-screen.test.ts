import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { yuanTextToFen } from '../src/platform/money';
import { todayInChina } from '../src/platform/today';
import { seedDemo } from '../src/seed/demo';
import { leads } from '../src/modules/leads/leads.schema';
import { users } from '../src/modules/users/users.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

type Screen = {
  unitId: string;
  totals: Record<string, number | string>;
  newCases: { today: number; thisWeek: number };
  trend: { month: string; values: Record<string, number | string> }[];
  units: { unitId: string; unitName: string; values: Record<string, number | string> }[];
  latestCases: { id: string; partyName: string; unitName: string; filingDate: string; categoryLabel: string }[];
  latestLeads: Record<string, unknown>[];
};

let t: TestApp;
let office: Session;
let cityLeader: Session;
let outsider: Session;
let cityCampaignId: string;
const unitIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  cityLeader = await login(t.app, 'sh_leader', 'Redshield2026');
  outsider = await login(t.app, 'pd_liaison', 'Redshield2026');
  for (const u of await t.services.unitsService.list(systemActor, { includeInactive: false }))
    unitIds.set(u.code, u.id);
  const campaigns = (await office.request('GET', '/api/campaigns')).json().items;
  cityCampaignId = campaigns.find(
    (c: { unitId: string; status: string }) => c.unitId === unitIds.get('SH') && c.status === 'active',
  ).id;
});
afterAll(() => t.close());

const screen = async (s: Session, campaignId: string, unitId?: string) => {
  const res = await s.request(
    'GET',
    `/api/command-screen?campaignId=${campaignId}${unitId ? `&unitId=${unitId}` : ''}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Screen;
};
const statsTotal = async (s: Session, campaignId: string, unitId: string) => {
  const res = await s.request('GET', `/api/campaigns/${campaignId}/stats?unitId=${unitId}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { rows: { category: string; values: Record<string, number | string> }[] }).rows.find(
    (r) => r.category === 'total',
  )!.values;
};
const userId = async (username: string) =>
  (await t.database.db.select().from(users).where(eq(users.username, username)))[0].id;
const fen = (v: number | string) => yuanTextToFen(String(v))!;

describe('大屏 (GET /api/command-screen)', () => {
  it("answers the campaign's totals in the unit's subtree, equal to the statistics table's 合计", async () => {
    for (const code of ['CM', 'CM-ZFDD']) {
      const s = await screen(office, cityCampaignId, unitIds.get(code));
      const total = await statsTotal(office, cityCampaignId, unitIds.get(code)!);
      expect(Number(s.totals.casesFiled)).toBeGreaterThan(0);
      for (const f of ['casesFiled', 'casesClosed', 'amountInvolved', 'finesAndConfiscations', 'staffDeployed'])
        expect([f, s.totals[f]]).toEqual([f, total[f]]);
      expect(s.totals.transferredToJudiciary).toBe(total.transferredToJudiciary);
    }
    // Without a unit: the caller's own (崇明区局).
    expect((await screen(office, cityCampaignId)).unitId).toBe(unitIds.get('CM'));
  });

  it("sums the months of the trend to the totals, and the units below to their own tables' 合计", async () => {
    const s = await screen(office, cityCampaignId);
    expect(s.trend.length).toBeGreaterThan(0);
    expect(s.trend.map((m) => m.month)).toEqual([...s.trend.map((m) => m.month)].sort());
    for (const f of ['casesFiled', 'casesClosed'])
      expect(s.trend.reduce((sum, m) => sum + Number(m.values[f]), 0)).toBe(s.totals[f]);
    expect(s.trend.reduce((sum, m) => sum + fen(m.values.finesAndConfiscations), 0n)).toBe(
      fen(s.totals.finesAndConfiscations),
    );
    expect(s.units.map((u) => u.unitName)).toContain('执法大队');
    for (const u of s.units.filter((x) => Number(x.values.casesFiled) > 0))
      expect(u.values.casesFiled).toBe((await statsTotal(office, cityCampaignId, u.unitId)).casesFiled);
    expect(s.newCases.thisWeek).toBeGreaterThanOrEqual(s.newCases.today);
  });

  it("lists the newest cases and leads of the unit's subtree only, no sibling district's, no complainant", async () => {
    // A case of 浦东 (the sibling district) in the city's plan, filed today: the newest of the city.
    const sibling = await t.services.casesService.create(systemActor, {
      unitId: unitIds.get('PD-LJZS')!,
      campaignId: cityCampaignId,
      categoryCode: 'food',
      caseNumber: '沪浦市监案〔2026〕大屏1号',
      name: '浦东某店销售过期食品案',
      partyKind: 'person',
      partyName: '王小明',
      filingDate: todayInChina(),
      amountInvolved: '0',
      fine: '0',
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
      filingApproverId: await userId('sh_leader'),
      investigatorId: (
        await t.services.usersService.create(
          systemActor,
          {
            username: 'pd_screen_handler',
            password: 'Redshield2026',
            displayName: '浦东办案人员',
            unitId: unitIds.get('PD-LJZS')!,
            roles: ['handler'],
          },
          { mustChangePassword: false },
        )
      ).id,
    } as never);
    const city = await screen(cityLeader, cityCampaignId);
    expect(city.latestCases[0].id).toBe(sibling.id);
    // A person's name is masked on the wall.
    expect(city.latestCases[0].partyName).toBe('王**');
    const district = await screen(office, cityCampaignId);
    expect(district.latestCases.length).toBeGreaterThan(0);
    expect(district.latestCases.map((c) => c.id)).not.toContain(sibling.id);
    // The district's newest filings are the ledger's first page (the same list, the same order).
    const ledger = (
      await office.request('GET', `/api/cases?campaignId=${cityCampaignId}&unitId=${unitIds.get('CM')}&pageSize=12`)
    ).json().items as { id: string; unitName: string }[];
    expect(district.latestCases.map((c) => c.id)).toEqual(ledger.map((c) => c.id));
    const filed = district.latestCases.map((c) => c.filingDate);
    expect(filed).toEqual([...filed].sort().reverse());

    expect(district.latestLeads.length).toBeGreaterThan(0);
    // A district is a small subtree, read unit by unit: the same leads, in the same order, as the list's first page.
    const leadList = (
      await office.request('GET', `/api/leads?campaignId=${cityCampaignId}&unitId=${unitIds.get('CM')}&pageSize=12`)
    ).json().items as { id: string }[];
    expect(district.latestLeads.map((l) => l.id)).toEqual(leadList.map((l) => l.id));
    const complainants = await t.database.db
      .select({ n: leads.complainantName, p: leads.complainantPhone })
      .from(leads);
    const body = JSON.stringify(district.latestLeads);
    for (const l of district.latestLeads) expect(Object.keys(l).some((k) => /complainant/i.test(k))).toBe(false);
    for (const c of complainants) {
      if (c.n) expect(body).not.toContain(c.n);
      if (c.p) expect(body).not.toContain(c.p);
    }
  });

  it('answers 404 for a unit outside the caller, 400 without a campaign', async () => {
    expect(
      (await outsider.request('GET', `/api/command-screen?campaignId=${cityCampaignId}&unitId=${unitIds.get('CM')}`))
        .statusCode,
    ).toBe(404);
    expect((await office.request('GET', '/api/command-screen')).statusCode).toBe(400);
  });
});
