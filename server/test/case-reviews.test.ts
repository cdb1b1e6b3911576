import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../src/modules/audit/audit.schema';
import { caseReviewFiles } from '../src/modules/case-reviews/case-reviews.schema';
import { systemActor } from '../src/platform/actor';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { insertCase, insertRound } from './helpers/bulletin-fixtures';
import { addPerson, createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

/**
 * 案卷评查: the district office's 评查表 (frozen once scored), an exercise drawing closed or decided
 * files of the units below with the 双随机 kernel, 交叉检查 (never a reviewer of the case's unit),
 * scores locked on submission, the ranking, the .xlsx, and who sees what.
 */
let t: TestApp;
let tenant: Tenant;
let office: Session;
let handler: Session;
let siblingUser: Session;
let campaignId: string;
let exerciseId: string;
const units = {} as Record<'office' | 'm2' | 'm3', string>;
const reviewers = {} as Record<'office' | 'm2' | 'm3', { id: string; session: Session }>;
let excluded: string[];

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services);
  const { district } = tenant.units;
  const unit = async (name: string, code: string) =>
    (
      await t.services.unitsService.create(systemActor, {
        parentId: district.id,
        name: `${name}-${tenant.tag}`,
        code: `${code}-${tenant.tag}`,
        kind: 'office',
      })
    ).id;
  units.office = tenant.units.office.id;
  units.m2 = await unit('新河所', 'M2');
  units.m3 = await unit('堡镇所', 'M3');
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: district.id,
      participantUnitIds: [district.id, units.office, units.m2, units.m3],
    })
  ).id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  handler = await login(t.app, tenant.byRole.handler.username, TEST_PASSWORD);
  siblingUser = await login(t.app, tenant.unitUsers.sibling.username, TEST_PASSWORD);
  for (const k of ['office', 'm2', 'm3'] as const)
    reviewers[k] = await addPerson(t, tenant, units[k], ['handler', 'reviewer'], `rv_${k}`);
  const db = t.database.db;
  const approverId = tenant.byRole.leader.id;
  const make = (unitId: string, n: string, stage: Parameters<typeof insertCase>[2]['stage'], investigatorId: string) =>
    insertCase(t.services, db, { unitId, campaignId, caseNumber: `PC-${n}`, stage, approverId, investigatorId });
  await make(units.office, 'o1', 'closed', reviewers.office.id);
  await make(units.office, 'o2', 'decided', reviewers.office.id);
  await make(units.office, 'o3', 'archived', reviewers.office.id);
  await make(units.m2, 'm1', 'execution', reviewers.m2.id);
  await make(units.m2, 'm2', 'closed', reviewers.m2.id);
  await make(units.m3, 'n1', 'closed', reviewers.m3.id);
  // Not drawn: a case still under investigation, and one of the organiser itself.
  excluded = [
    await make(units.office, 'o4', 'investigation', reviewers.office.id),
    await make(district.id, 'd1', 'closed', tenant.unitUsers.own.id),
  ];
});
afterAll(() => t.close());

const exerciseBody = (over: Record<string, unknown> = {}) => ({
  organizerUnitId: tenant.units.district.id,
  title: '2026年第一季度执法办案质量评估',
  startDate: '2026-04-01',
  endDate: '2026-04-30',
  filesPerUnit: 2,
  ...over,
});
const detail = async (s: Session = office) =>
  (await s.request('GET', `/api/case-review-exercises/${exerciseId}`)).json();

describe('评查表', () => {
  const url = () => `/api/units/${tenant.units.district.id}/case-review-sheet`;

  it('starts from the 100-point default sheet', async () => {
    const res = await office.request('GET', url());
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: null, revision: 0, totalPoints: 100, version: 0, can: { edit: true } });
    expect(res.json().items.map((i: { name: string }) => i.name)).toContain('调查取证');
    expect((await handler.request('GET', url())).json().can.edit).toBe(false);
  });

  it('refuses bad items, a handler and a sibling district', async () => {
    const items = (await office.request('GET', url())).json().items;
    const dup = await office.request('PUT', url(), { name: '评查表', items: [...items, items[0]], version: 0 });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors).toContainEqual({ path: `items.${items.length}.name`, message: '评查项目“执法主体”重复' });
    const zero = await office.request('PUT', url(), {
      name: '评查表',
      items: [{ ...items[0], maxPoints: 0 }],
      version: 0,
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().errors[0].message).toBe('分值（maxPoints）至少 1 分');
    expect((await handler.request('PUT', url(), { name: '评查表', items, version: 0 })).statusCode).toBe(403);
    expect((await siblingUser.request('GET', url())).statusCode).toBe(404);
  });

  it("saves the office's sheet in place while nothing is scored", async () => {
    const items = (await office.request('GET', url())).json().items;
    items[6] = { ...items[6], description: '执法文书齐全规范，送达回证完整' };
    const res = await office.request('PUT', url(), { name: '行政处罚案卷评查表', items, version: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ revision: 1, version: 2 });
    expect((await office.request('PUT', url(), { name: 'x', items, version: 1 })).statusCode).toBe(409);
  });
});

describe('an exercise and its draw', () => {
  it('refuses bad input and those who may not organise', async () => {
    const post = (s: Session, body: unknown, c = campaignId) =>
      s.request('POST', `/api/campaigns/${c}/case-review-exercises`, body);
    const reversed = await post(office, exerciseBody({ endDate: '2026-03-01' }));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors).toEqual([{ path: 'endDate', message: '结束日期（endDate）不能早于开始日期' }]);
    const none = await post(office, exerciseBody({ filesPerUnit: 0 }));
    expect(none.json().errors[0]).toEqual({
      path: 'filesPerUnit',
      message: '每单位抽取案卷数（filesPerUnit）至少为 1',
    });
    const badDate = await post(office, exerciseBody({ startDate: '2026-02-30' }));
    expect(badDate.json().errors[0].path).toBe('startDate');
    const otherRound = await insertRound(t.database.db, {
      campaignId,
      organizerUnitId: tenant.units.office.id,
      number: 1,
      createdBy: tenant.byRole.office.id,
    });
    const wrongRound = await post(office, exerciseBody({ roundId: otherRound.id }));
    expect(wrongRound.statusCode).toBe(400);
    expect(wrongRound.json().errors[0].path).toBe('roundId');
    expect((await post(handler, exerciseBody())).statusCode).toBe(403);
    expect((await post(siblingUser, exerciseBody())).statusCode).toBe(404);
    const list = await office.request('GET', `/api/campaigns/${campaignId}/case-review-exercises`);
    expect(list.json()).toEqual({ items: [], canCreate: true });
  });

  it("organises an exercise with the organiser's current sheet", async () => {
    const round = await insertRound(t.database.db, {
      campaignId,
      organizerUnitId: tenant.units.district.id,
      number: 1,
      createdBy: tenant.byRole.office.id,
    });
    const res = await office.request(
      'POST',
      `/api/campaigns/${campaignId}/case-review-exercises`,
      exerciseBody({ roundId: round.id }),
    );
    expect(res.statusCode, res.body).toBe(201);
    exerciseId = res.json().id;
    expect(res.json()).toMatchObject({ roundId: round.id, files: [], draw: null, can: { manage: true, draw: true } });
    expect(res.json().sheet.items[6].description).toBe('执法文书齐全规范，送达回证完整');
  });

  it('draws up to N closed or decided files per unit below the organiser, once, and verifies the draw', async () => {
    expect(
      (await handler.request('POST', `/api/case-review-exercises/${exerciseId}/draw`, { version: 1 })).statusCode,
    ).toBe(403);
    expect(
      (await office.request('POST', `/api/case-review-exercises/${exerciseId}/draw`, { version: 7 })).statusCode,
    ).toBe(409);
    const res = await office.request('POST', `/api/case-review-exercises/${exerciseId}/draw`, { version: 1 });
    expect(res.statusCode, res.body).toBe(200);
    const files = res.json().files as { caseId: string; unitId: string }[];
    const per = (u: string) => files.filter((f) => f.unitId === u).length;
    expect([per(units.office), per(units.m2), per(units.m3)]).toEqual([2, 2, 1]);
    expect(files.some((f) => excluded.includes(f.caseId))).toBe(false);
    expect(res.json().draw).toMatchObject({
      count: 2,
      candidates: 6,
      algorithm: expect.stringContaining('fisher-yates'),
    });
    expect(
      (await office.request('POST', `/api/case-review-exercises/${exerciseId}/draw`, { version: 2 })).statusCode,
    ).toBe(409);
    const verify = await handler.request('GET', `/api/case-review-exercises/${exerciseId}/draw/verify`);
    expect(verify.statusCode).toBe(200);
    expect(verify.json().matches).toBe(true);
    expect(verify.json().recomputed).toEqual(files.map((f) => f.caseId));
  });
});

describe('交叉检查 and scoring', () => {
  const fileOf = async (unit: 'office' | 'm2' | 'm3') =>
    (await detail()).files.find((f: { unitId: string }) => f.unitId === units[unit]);
  const fullScores = async () =>
    (await detail()).sheet.items.map((i: { key: string; maxPoints: number }) => ({
      key: i.key,
      points: i.maxPoints,
      remark: '',
    }));

  it('never lets a reviewer score a file of his own unit, nor someone outside the organiser', async () => {
    const file = await fileOf('office');
    const own = await office.request('PUT', `/api/case-review-files/${file.id}/reviewer`, {
      reviewerId: reviewers.office.id,
      version: file.version,
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().errors).toEqual([
      { path: 'reviewerId', message: '交叉检查：评查人员不能评查本单位的案卷，请选择其他单位的人员' },
    ]);
    const outsider = await office.request('PUT', `/api/case-review-files/${file.id}/reviewer`, {
      reviewerId: tenant.unitUsers.sibling.id,
      version: file.version,
    });
    expect(outsider.json().errors[0].path).toBe('reviewerId');
    const [row] = await t.database.db.select().from(caseReviewFiles).where(eq(caseReviewFiles.id, file.id));
    expect(row.reviewerId).toBeNull();
    expect(
      (
        await handler.request('PUT', `/api/case-review-files/${file.id}/reviewer`, {
          reviewerId: reviewers.m2.id,
          version: file.version,
        })
      ).statusCode,
    ).toBe(403);
  });

  it("assigns reviewers of other units; each sees what he is assigned and his unit's files, no more", async () => {
    const assign = async (unit: 'office' | 'm2' | 'm3', reviewer: 'office' | 'm2' | 'm3') => {
      for (const f of (await detail()).files.filter((x: { unitId: string }) => x.unitId === units[unit])) {
        const res = await office.request('PUT', `/api/case-review-files/${f.id}/reviewer`, {
          reviewerId: reviewers[reviewer].id,
          version: f.version,
        });
        expect(res.statusCode, res.body).toBe(200);
      }
    };
    await assign('office', 'm2');
    await assign('m2', 'm3');
    await assign('m3', 'office');
    const seen = (await detail(reviewers.m2.session)).files.map((f: { unitId: string; reviewerId: string }) =>
      f.unitId === units.m2 ? 'own' : f.reviewerId === reviewers.m2.id ? 'assigned' : 'other',
    );
    expect(seen.sort()).toEqual(['assigned', 'assigned', 'own', 'own']);
    expect((await detail(siblingUser)).status ?? 404).toBe(404);
    const mine = await reviewers.m2.session.request('GET', '/api/case-review-files/mine');
    expect(mine.json().items.map((i: { status: string }) => i.status)).toEqual(['pending', 'pending']);
    const inbox = (await reviewers.m2.session.request('GET', '/api/inbox')).json();
    expect(inbox.items.filter((i: { kind: string }) => i.kind === 'case_file_review')).toHaveLength(2);
  });

  it("checks every item's points against its maximum, naming the item, and stores nothing on an error", async () => {
    const file = await fileOf('office');
    const scores = await fullScores();
    scores[2] = { key: 'evidence', points: 25, remark: '' };
    const res = await reviewers.m2.session.request('PUT', `/api/case-review-files/${file.id}/scores`, {
      scores,
      submit: false,
      version: file.version,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { path: 'scores.2.points', message: '评查项目“调查取证”的得分应为 0 到 20 之间的整数' },
    ]);
    const missing = await reviewers.m2.session.request('PUT', `/api/case-review-files/${file.id}/scores`, {
      scores: scores.slice(0, 2),
      submit: true,
      version: file.version,
    });
    expect(missing.statusCode).toBe(400);
    expect((await fileOf('office')).total).toBeNull();
    const other = await reviewers.m3.session.request('PUT', `/api/case-review-files/${file.id}/scores`, {
      scores: await fullScores(),
      submit: false,
      version: file.version,
    });
    expect(other.statusCode).toBe(404); // neither his unit's file nor assigned to him
    const notHis = await office.request('PUT', `/api/case-review-files/${file.id}/scores`, {
      scores: await fullScores(),
      submit: false,
      version: file.version,
    });
    expect(notHis.statusCode).toBe(403);
  });

  it('saves, then submits and locks the scores; the ranking and the lost items follow', async () => {
    const scoreAll = async (unit: 'office' | 'm2' | 'm3', who: 'office' | 'm2' | 'm3', evidence: number) => {
      for (const f of (await detail()).files.filter((x: { unitId: string }) => x.unitId === units[unit])) {
        const scores = (await fullScores()).map((s: { key: string }) =>
          s.key === 'evidence' ? { ...s, points: evidence, remark: '询问笔录未由当事人逐页签字' } : s,
        );
        const saved = await reviewers[who].session.request('PUT', `/api/case-review-files/${f.id}/scores`, {
          scores,
          remarks: '案卷总体规范',
          submit: false,
          version: f.version,
        });
        expect(saved.json()).toMatchObject({ status: 'pending', total: 80 + evidence });
        const submitted = await reviewers[who].session.request('PUT', `/api/case-review-files/${f.id}/scores`, {
          scores,
          submit: true,
          version: saved.json().version,
        });
        expect(submitted.json()).toMatchObject({ status: 'submitted', total: 80 + evidence });
        const again = await reviewers[who].session.request('PUT', `/api/case-review-files/${f.id}/scores`, {
          scores,
          submit: true,
          version: submitted.json().version,
        });
        expect(again.statusCode).toBe(409);
      }
    };
    await scoreAll('office', 'm2', 18);
    await scoreAll('m2', 'm3', 12);
    const { ranking } = await detail(reviewers.m3.session);
    expect(
      ranking.units.map((u: { unitId: string; average: number | null; rank: number | null }) => [
        u.unitId,
        u.average,
        u.rank,
      ]),
    ).toEqual([
      [units.office, 98, 1],
      [units.m2, 92, 2],
      [units.m3, null, null],
    ]);
    expect(ranking.itemsLost[0]).toMatchObject({ key: 'evidence', pointsLost: 20, filesLosing: 4 });
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(inArray(auditLog.action, ['case_review.submit', 'case_review.draw', 'case_review.assign'])));
    expect(actions.filter((a) => a.action === 'case_review.submit')).toHaveLength(4);
  });

  it('freezes a scored sheet: a change becomes a new revision, the exercise keeps its own', async () => {
    const url = `/api/units/${tenant.units.district.id}/case-review-sheet`;
    const current = (await office.request('GET', url)).json();
    const items = current.items.map((i: { key: string; maxPoints: number }) =>
      i.key === 'archive' ? { ...i, maxPoints: 10 } : i.key === 'evidence' ? { ...i, maxPoints: 15 } : i,
    );
    const res = await office.request('PUT', url, { name: current.name, items, version: current.version });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().revision).toBe(2);
    expect(res.json().id).not.toBe(current.id);
    const d = await detail();
    expect(d.sheet.id).toBe(current.id);
    expect(d.sheet.items.find((i: { key: string }) => i.key === 'evidence').maxPoints).toBe(20);
  });

  it('exports the 评查结果汇总表', async () => {
    const res = await office.request('GET', `/api/case-review-exercises/${exerciseId}/scores.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('评查结果汇总表.xlsx');
  });
});
