import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseReviewExercises,
  caseReviewFiles,
  caseReviewSheets,
} from '../src/modules/case-reviews/case-reviews.schema';
import { reportDeadlines } from '../src/modules/campaigns/report-deadlines';
import { createReportsRepository } from '../src/modules/reports/reports.repository';
import { createCampaignsRepository } from '../src/modules/campaigns/campaigns.repository';
import { createCaseIndicatorSources } from '../src/modules/cases/case-indicators';
import { createScorecardsRepository } from '../src/modules/scorecards/scorecards.repository';
import { createScorecardsService } from '../src/modules/scorecards/scorecards.service';
import { createUnitsRepository } from '../src/modules/units/units.repository';
import { systemActor } from '../src/platform/actor';
import { rowsOf } from '../src/platform/db/rows-of';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { insertFinding, insertGroup, insertRound, insertVisit } from './helpers/bulletin-fixtures';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * 考核评分: a scheme with every indicator over records made in the district's plan, and the
 * scorecard recomputed here from the records with plain SQL and arithmetic written apart from the
 * indicator sources and the kernel; the API must give the same numbers. Then the drill-down,
 * publication (frozen against later edits), scope and the field errors.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let childUser: Session;
let siblingUser: Session;
let campaignId: string;
let schemeId: string;
const U = {} as Record<'office' | 'm2' | 'm2a' | 'm3', string>;
/** Each judged unit and the units its value covers. */
const subtree = () => ({ office: [U.office], m2: [U.m2, U.m2a], m3: [U.m3] });
const FROM = '2026-03-01';
const TO = '2026-06-30';

const INDICATORS = [
  { kind: 'cases_filed', label: '立案数', weight: 30, rule: 'share_of_max' },
  { kind: 'fines', label: '罚没款', weight: 20, rule: 'rank' },
  { kind: 'cases_per_capita', label: '人均立案数', weight: 10, rule: 'share_of_max' },
  { kind: 'typical_submitted', label: '典型案件', weight: 10, rule: 'per_record', pointsEach: 4 },
  { kind: 'report_timeliness', label: '报送及时率', weight: 10, rule: 'target', target: 0.9 },
  { kind: 'rectification_closure', label: '整改销号率', weight: 10, rule: 'target', target: 1 },
  { kind: 'case_review_score', label: '案卷评查', weight: 10, rule: 'share_of_max' },
];

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district } = tenant.units;
  const db = t.database.db;
  const unit = async (parentId: string, name: string, code: string, kind: 'office' | 'bureau' = 'office') =>
    (
      await t.services.unitsService.create(systemActor, {
        parentId,
        name: `${name}-${tenant.tag}`,
        code: `${code}-${tenant.tag}`,
        kind,
      })
    ).id;
  U.office = tenant.units.office.id;
  // A unit with one below it: its value covers both.
  U.m2 = await unit(district.id, '新河分局', 'M2', 'bureau');
  U.m2a = await unit(U.m2, '新河所', 'M2A');
  U.m3 = await unit(district.id, '堡镇所', 'M3');
  const participants = [district.id, U.office, U.m2, U.m3];
  const campaign = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: district.id,
    participantUnitIds: participants,
  });
  campaignId = campaign.id;
  const other = await createSampleCampaign(t.services, {
    issuerUnitId: district.id,
    leadUnitId: district.id,
    participantUnitIds: participants,
  });
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  childUser = await login(t.app, tenant.unitUsers.child.username, TEST_PASSWORD);
  siblingUser = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  // 办案人员: the office has the tenant's child handler and one more; 新河所 two (one in its 一组); 堡镇所 one.
  const people = {
    office: (await addPerson(t, tenant, U.office, ['handler'], 'sc_o')).id,
    m2: (await addPerson(t, tenant, U.m2, ['handler'], 'sc_m2')).id,
    m2a: (await addPerson(t, tenant, U.m2a, ['handler', 'reviewer'], 'sc_m2a')).id,
    m3: (await addPerson(t, tenant, U.m3, ['handler'], 'sc_m3')).id,
  };
  await addPerson(t, tenant, U.m3, ['liaison'], 'sc_m3_liaison');
  const approverId = tenant.byRole.leader.id;
  let n = 0;
  const fileCase = (
    unitId: string,
    investigatorId: string,
    c: { date: string; fine?: string; confiscated?: string; typical?: boolean; campaign?: string; link?: boolean },
  ) =>
    t.services.casesService.create(systemActor, {
      unitId,
      campaignId: c.campaign ?? campaignId,
      categoryCode: 'food',
      caseNumber: `SC-${++n}`,
      name: `考核测试案件${n}`,
      partyKind: 'person',
      partyName: '王某',
      filingDate: c.date,
      amountInvolved: '0',
      fine: c.fine ?? '0',
      confiscated: c.confiscated ?? '0',
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
      typical: c.typical ?? false,
      filingApproverId: approverId,
      investigatorId,
      ...(c.link ? { alsoCountsToward: [{ campaignId, categoryCode: 'food' }] } : {}),
    } as never);
  await fileCase(U.office, people.office, { date: '2026-03-10', fine: '1000', confiscated: '200.5', typical: true });
  await fileCase(U.office, people.office, { date: '2026-04-05' });
  await fileCase(U.office, people.office, { date: '2026-07-15', fine: '9000' }); // after the period
  await fileCase(U.m2, people.m2, { date: '2026-03-20', fine: '3000', typical: true });
  await fileCase(U.m2a, people.m2a, { date: '2026-05-01', fine: '500.25', typical: true });
  // Of another plan but counted toward this one; and one that is not.
  await fileCase(U.m2, people.m2, { date: '2026-05-02', fine: '100', campaign: other.id, link: true });
  await fileCase(U.m3, people.m3, { date: '2026-04-01', fine: '7000', campaign: other.id });

  // Reports: the office on time every month, 新河所 once on time and once late, 堡镇所 nothing.
  const deadlines = reportDeadlines(campaign as never).filter((d) => d.dueDate >= FROM && d.dueDate <= TO);
  const reports = createReportsRepository();
  const send = (unitId: string, d: (typeof deadlines)[number], late: boolean) =>
    reports.insert(db, {
      campaignId,
      unitId,
      scheduleId: d.scheduleId,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      dueDate: d.dueDate,
      status: 'accepted',
      late,
      submittedAt: new Date(`${d.dueDate}T00:00:00+08:00`),
      submittedBy: approverId,
      narrative: { statistics: '', keyCases: '', practices: '', problems: '', nextSteps: '' },
      figures: [],
    });
  for (const d of deadlines) await send(U.office, d, false);
  await send(U.m2, deadlines[0], false);
  await send(U.m2, deadlines[1], true);

  // 督查: the office two 整改 (one closed), 新河所一组 one closed and a finding with nothing demanded.
  const round = await insertRound(db, { campaignId, organizerUnitId: district.id, number: 1, createdBy: approverId });
  const group = await insertGroup(db, {
    campaignId,
    organizerUnitId: district.id,
    name: '第一组',
    leaderId: approverId,
  });
  const visit = (unitId: string) =>
    insertVisit(db, {
      roundId: round.id,
      groupId: group.id,
      campaignId,
      unitId,
      visitDate: '2026-04-15',
      method: 'on_site' as never,
      createdBy: approverId,
    });
  const vo = await visit(U.office);
  const vm = await visit(U.m2);
  const finding = (visitId: string, unitId: string, status: 'closed' | 'open' | 'noted') =>
    insertFinding(db, { visitId, campaignId, unitId, description: `问题-${status}`, status, createdBy: approverId });
  await finding(vo.id, U.office, 'closed');
  await finding(vo.id, U.office, 'open');
  await finding(vm.id, U.m2a, 'closed');
  await finding(vm.id, U.m2, 'noted');

  // 案卷评查: the office's files 90 and 80, 新河所's 70, all submitted in May.
  const [sheet] = await db
    .insert(caseReviewSheets)
    .values({ unitId: district.id, revision: 1, name: '评查表', items: [] })
    .returning();
  const [exercise] = await db
    .insert(caseReviewExercises)
    .values({
      campaignId,
      organizerUnitId: district.id,
      sheetId: sheet.id,
      title: '评查',
      startDate: '2026-05-01',
      endDate: '2026-05-31',
      filesPerUnit: 2,
      createdBy: approverId,
    })
    .returning();
  const caseOf = async (num: string) =>
    String(
      rowsOf<{ id: string }>(
        await db.execute(
          sql`select id from cases where case_number = ${num} and unit_id in (${sql.join(
            [U.office, U.m2, U.m2a, U.m3].map((u) => sql`${u}::uuid`),
            sql`, `,
          )})`,
        ),
      )[0].id,
    );
  const scored = async (caseNumber: string, unitId: string, total: number, seq: number) =>
    db.insert(caseReviewFiles).values({
      exerciseId: exercise.id,
      caseId: await caseOf(caseNumber),
      unitId,
      seq,
      status: 'submitted',
      total,
      reviewerId: people.m2a,
      submittedAt: new Date('2026-05-20T03:00:00Z'),
    });
  await scored('SC-1', U.office, 90, 1);
  await scored('SC-2', U.office, 80, 2);
  await scored('SC-4', U.m2, 70, 3);
});
afterAll(() => t.close());

/** The values recomputed from the tables, for one judged unit (its subtree's records). */
async function recompute(units: string[]) {
  const db = t.database.db;
  const ids = sql.join(
    units.map((u) => sql`${u}::uuid`),
    sql`, `,
  );
  const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await db.execute(q))[0];
  const cases = await one<{ n: number; fen: string; typical: number }>(sql`
    select count(*)::int as n, coalesce(sum(fine_fen + confiscated_fen), 0)::text as fen, count(*) filter (where typical)::int as typical
      from cases where unit_id in (${ids}) and filing_date >= ${FROM} and filing_date <= ${TO}
       and (campaign_id = ${campaignId} or id in (select case_id from case_campaigns where campaign_id = ${campaignId}))`);
  const people = await one<{ n: number }>(
    sql`select count(*)::int as n from users where active and 'handler' = any(roles) and unit_id in (${ids})`,
  );
  const reports = rowsOf<{ unit_id: string; late: boolean }>(
    await db.execute(
      sql`select unit_id, late from report_submissions where campaign_id = ${campaignId} and unit_id in (${ids})`,
    ),
  );
  const findings = await one<{ n: number; closed: number }>(sql`
    select count(*)::int as n, count(*) filter (where status = 'closed')::int as closed
      from supervision_findings where requirement is not null and unit_id in (${ids}) and campaign_id = ${campaignId}`);
  const reviews = await one<{ avg: string | null }>(
    sql`select avg(total)::text as avg from case_review_files where status = 'submitted' and unit_id in (${ids})`,
  );
  return { cases, people: people.n, reports, findings, reviews };
}

describe('the scheme', () => {
  it('refuses unknown kinds, weights that are not positive and missing targets, in Chinese', async () => {
    const post = (s: Session, indicators: unknown) =>
      s.request('POST', `/api/campaigns/${campaignId}/assessment-schemes`, { name: '年度考核', indicators });
    const zero = await post(office, [{ kind: 'cases_filed', label: '立案数', weight: 0, rule: 'share_of_max' }]);
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors).toContainEqual({ path: 'indicators.0.weight', message: '分值（weight）应大于 0' });
    const unknown = await post(office, [{ kind: 'nonsense', label: '乱', weight: 5, rule: 'share_of_max' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toContainEqual({
      path: 'indicators.0.kind',
      message: '第 1 项指标的类型（kind）不是可用的考核指标',
    });
    const noTarget = await post(office, [{ kind: 'fines', label: '罚没款', weight: 5, rule: 'target' }]);
    expect(noTarget.json().errors[0]).toEqual({
      path: 'indicators.0.target',
      message: '第 1 项指标按目标值计分，请填写大于 0 的目标值（target）',
    });
    const twice = await post(office, [INDICATORS[0], INDICATORS[0]]);
    expect(twice.json().errors[0].path).toBe('indicators.1.kind');
    const badRule = await post(office, [{ ...INDICATORS[0], rule: 'magic' }]);
    expect(badRule.statusCode).toBe(400);
    expect(badRule.json().errors[0].path).toBe('indicators.0.rule');
    expect((await post(handler, INDICATORS)).statusCode).toBe(403);
    expect((await post(siblingUser, INDICATORS)).statusCode).toBe(404);
  });

  it('is kept by the office, with the kinds the server measures', async () => {
    const res = await office.request('POST', `/api/campaigns/${campaignId}/assessment-schemes`, {
      name: '“铁拳”行动成效考核',
      indicators: INDICATORS,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ revision: 1, version: 1, totalWeight: 100, can: { manage: true } });
    schemeId = res.json().id;
    const list = (await handler.request('GET', `/api/campaigns/${campaignId}/assessment-schemes`)).json();
    expect(list.can.manage).toBe(false);
    expect(list.items.map((s: { id: string }) => s.id)).toEqual([schemeId]);
    expect(list.kinds.map((k: { kind: string }) => k.kind)).toEqual(
      expect.arrayContaining(INDICATORS.map((i) => i.kind)),
    );
  });
});

describe('the scorecard', () => {
  it('gives the numbers recomputed from the records', async () => {
    const res = await office.request('GET', `/api/assessment-schemes/${schemeId}/scorecard?from=${FROM}&to=${TO}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.comparison).toBe(false);
    // Values, recomputed.
    const expected: Record<string, Record<string, number>> = {};
    for (const [key, ids] of Object.entries(subtree())) {
      const r = await recompute(ids);
      const due = reportDeadlines(
        (await t.services.campaignsService.requireVisible(systemActor, campaignId)) as never,
      ).filter((d) => d.dueDate >= FROM && d.dueDate <= TO);
      expect(due.length).toBe(3);
      expected[U[key as keyof typeof U]] = {
        cases_filed: r.cases.n,
        fines: Number(r.cases.fen),
        cases_per_capita: r.people ? Math.round((r.cases.n / r.people) * 100) / 100 : 0,
        typical_submitted: r.cases.typical,
        report_timeliness: r.reports.filter((x) => !x.late).length / due.length,
        rectification_closure: r.findings.n ? r.findings.closed / r.findings.n : 0,
        case_review_score: r.reviews.avg === null ? 0 : Number(r.reviews.avg),
      };
    }
    // What the records give, written out: the office 2 cases (1200.50 元), 新河所 3 (3600.25 元, one linked), 堡镇所 none.
    expect(expected[U.office]).toMatchObject({ cases_filed: 2, fines: 120050, typical_submitted: 1 });
    expect(expected[U.m2]).toMatchObject({
      cases_filed: 3,
      fines: 360025,
      typical_submitted: 2,
      case_review_score: 70,
    });
    expect(expected[U.m3].cases_filed).toBe(0);
    const judged = [U.office, U.m2, U.m3];
    for (const u of judged)
      for (const [k, v] of Object.entries(expected[u]))
        expect(body.rows.find((r: { unitId: string }) => r.unitId === u).values[k], `${u} ${k}`).toBeCloseTo(v, 4);
    // Scores, recomputed by the scheme's rules.
    const score = (ind: (typeof INDICATORS)[number], u: string) => {
      const all = judged.map((x) => expected[x][ind.kind]);
      const v = expected[u][ind.kind];
      const max = Math.max(...all);
      if (ind.rule === 'share_of_max') return max > 0 ? (v / max) * ind.weight : 0;
      if (ind.rule === 'target') return Math.min(v / ind.target!, 1) * ind.weight;
      if (ind.rule === 'per_record') return Math.min(v * ind.pointsEach!, ind.weight);
      const rank = 1 + all.filter((o) => o > v).length;
      return v > 0 ? ((all.length - rank) / (all.length - 1)) * ind.weight : 0;
    };
    const totals = judged.map((u) => INDICATORS.reduce((s, ind) => s + score(ind, u), 0));
    judged.forEach((u, i) => {
      const row = body.rows.find((r: { unitId: string }) => r.unitId === u);
      for (const ind of INDICATORS) expect(row.scores[ind.kind], `${u} ${ind.kind}`).toBeCloseTo(score(ind, u), 1);
      expect(row.total).toBeCloseTo(totals[i], 1);
      expect(row.rank).toBe(1 + totals.filter((o) => o > totals[i] + 0.01).length);
    });
    expect(body.rows.map((r: { rank: number }) => r.rank)).toEqual(
      [...body.rows.map((r: { rank: number }) => r.rank)].sort(),
    );
    expect(body.rows[0].total).toBeGreaterThan(0);
  });

  it('drills every count and money value down to records that add up to it', async () => {
    const card = (
      await office.request('GET', `/api/assessment-schemes/${schemeId}/scorecard?from=${FROM}&to=${TO}`)
    ).json();
    for (const row of card.rows)
      for (const kind of ['cases_filed', 'fines', 'typical_submitted', 'report_timeliness', 'rectification_closure']) {
        const res = await office.request(
          'GET',
          `/api/assessment-schemes/${schemeId}/scorecard/records?from=${FROM}&to=${TO}&unitId=${row.unitId}&kind=${kind}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const { items, value } = res.json();
        expect(value).toBeCloseTo(row.values[kind], 4);
        const sum = items.reduce((s: number, i: { value: number }) => s + i.value, 0);
        if (kind.startsWith('report') || kind.startsWith('rect'))
          expect(items.length ? sum / items.length : 0).toBeCloseTo(row.values[kind], 4);
        else expect(sum).toBe(row.values[kind]);
        for (const i of items) expect(i.link).toMatch(/^\/(cases|campaigns|rectifications)\//);
      }
    const reviews = (
      await office.request(
        'GET',
        `/api/assessment-schemes/${schemeId}/scorecard/records?from=${FROM}&to=${TO}&unitId=${U.office}&kind=case_review_score`,
      )
    ).json();
    expect(reviews.items.map((i: { value: number }) => i.value).sort()).toEqual([80, 90]);
  });

  it("limits the lines to the caller's scope; outside it 404", async () => {
    const mine = await childUser.request('GET', `/api/assessment-schemes/${schemeId}/scorecard?from=${FROM}&to=${TO}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().rows.map((r: { unitId: string }) => r.unitId)).toEqual([U.office]);
    const other = await childUser.request(
      'GET',
      `/api/assessment-schemes/${schemeId}/scorecard/records?unitId=${U.m2}&kind=cases_filed`,
    );
    expect(other.statusCode).toBe(404);
    expect((await siblingUser.request('GET', `/api/assessment-schemes/${schemeId}/scorecard`)).statusCode).toBe(404);
    const reversed = await office.request('GET', `/api/assessment-schemes/${schemeId}/scorecard?from=${TO}&to=${FROM}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].path).toBe('to');
  });

  it('exports the scorecard as .xlsx', async () => {
    const res = await office.request('GET', `/api/assessment-schemes/${schemeId}/scorecard.xlsx?from=${FROM}&to=${TO}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('publication', () => {
  it('freezes the scheme and the results; a later edit is a new revision', async () => {
    const scheme = (await office.request('GET', `/api/assessment-schemes/${schemeId}`)).json();
    expect(
      (await handler.request('POST', `/api/assessment-schemes/${schemeId}/publications`, { version: scheme.version }))
        .statusCode,
    ).toBe(403);
    const live = (
      await office.request('GET', `/api/assessment-schemes/${schemeId}/scorecard?from=${FROM}&to=${TO}`)
    ).json();
    const pub = await office.request('POST', `/api/assessment-schemes/${schemeId}/publications`, {
      from: FROM,
      to: TO,
      note: '第一季度',
      version: scheme.version,
    });
    expect(pub.statusCode, pub.body).toBe(201);
    expect(pub.json()).toMatchObject({ revision: 1, unitCount: 3, from: FROM, to: TO });
    const pubId = pub.json().id;
    const before = (await office.request('GET', `/api/assessment-publications/${pubId}`)).json();
    expect(before.rows).toEqual(live.rows);

    const edited = await office.request('PUT', `/api/assessment-schemes/${schemeId}`, {
      name: '“铁拳”行动成效考核（修订）',
      indicators: [{ kind: 'cases_filed', label: '立案数', weight: 100, rule: 'rank' }],
      version: scheme.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ revision: 2, version: scheme.version + 1 });
    const stale = await office.request('PUT', `/api/assessment-schemes/${schemeId}`, {
      name: 'x',
      indicators: INDICATORS,
      version: scheme.version,
    });
    expect(stale.statusCode).toBe(409);
    const after = (await office.request('GET', `/api/assessment-publications/${pubId}`)).json();
    expect(after).toEqual(before);
    expect(after.indicators).toHaveLength(INDICATORS.length);
    expect(after.revision).toBe(1);
    const list = (await childUser.request('GET', `/api/assessment-schemes/${schemeId}/publications`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([pubId]);
    const mine = (await childUser.request('GET', `/api/assessment-publications/${pubId}`)).json();
    expect(mine.rows.map((r: { unitId: string }) => r.unitId)).toEqual([U.office]);
    expect((await siblingUser.request('GET', `/api/assessment-publications/${pubId}`)).statusCode).toBe(404);
    const drill = await office.request(
      'GET',
      `/api/assessment-publications/${pubId}/records?unitId=${U.m2}&kind=fines`,
    );
    expect(drill.json().value).toBe(360025);
    const xlsx = await office.request('GET', `/api/assessment-publications/${pubId}/scorecard.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    // A scheme with a publication is not deleted.
    const del = await office.request('DELETE', `/api/assessment-schemes/${schemeId}?version=${scheme.version + 1}`);
    expect(del.statusCode).toBe(409);
  });
});

describe('同比', () => {
  it("adds last year's total and rank when the plan has a predecessor", async () => {
    const s = t.services;
    const service = createScorecardsService({
      db: t.database.db,
      campaignsService: s.campaignsService,
      campaignsRepository: createCampaignsRepository(),
      unitsRepository: createUnitsRepository(),
      // Reading writes nothing.
      auditService: undefined as never,
      scorecardsRepository: createScorecardsRepository(),
      judgedUnits: s.reportsService.reportingUnits,
      indicatorSources: createCaseIndicatorSources({ db: t.database.db }),
      // The plan is its own predecessor: "last year" of 2027 is this test's 2026, where 新河分局 leads.
      findPredecessor: async (id) => id,
    });
    const card = await service.scorecard(systemActor, schemeId, { from: '2027-03-01', to: '2027-06-30' });
    expect(card.comparison).toBe(true);
    const m2 = card.rows.find((r) => r.unitId === U.m2)!;
    expect(m2.previousRank).toBe(1);
    expect(m2.previousTotal).toBe(100);
  });
});
