import { todayInChina } from '../src/platform/today';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { creditCodeCheckChar } from '../src/platform/credit-code';
import { auditLog } from '../src/modules/audit/audit.schema';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { createTenant, TEST_PASSWORD, type Tenant } from './helpers/factories';
import { createSampleCampaign } from './helpers/plans';

let t: TestApp;
let tenant: Tenant;
let office: Session;
let reviewer: Session;
let campaignId: string;
const sessions = new Map<string, Session>();
/** The plans are of this year: the 双随机 KPIs count the checks of the current year (dated today). */
const thisYear = Number(todayInChina().slice(0, 4));

/** A valid credit code for a number (GB 32100 check character computed). */
const creditCode = (n: number) => {
  const first17 = `91310230MA1K${String(n).padStart(5, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const register = (names: (i: number) => string) =>
  [
    '名称,统一社会信用代码,管辖单位,住所,行业,行政区划代码,风险等级',
    ...Array.from(
      { length: 100 },
      (_, i) =>
        `${names(i)},${creditCode(i)},${tenant.units.district.code},崇明区某路${i}号,食品销售,310151,${i % 5 === 0 ? '高风险' : '低风险'}`,
    ),
  ].join('\n');

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.services, { roles: ['office', 'handler', 'reviewer'] });
  const { district, office: section } = tenant.units;
  campaignId = (
    await createSampleCampaign(t.services, {
      issuerUnitId: district.id,
      leadUnitId: section.id,
      participantUnitIds: [district.id, section.id],
      year: thisYear,
    })
  ).id;
  office = await login(t.app, tenant.byRole.office.username, TEST_PASSWORD);
  reviewer = await login(t.app, tenant.byRole.reviewer.username, TEST_PASSWORD);
  for (const u of [tenant.byRole.handler, tenant.unitUsers.own, tenant.unitUsers.child])
    sessions.set(u.id, await login(t.app, u.username, TEST_PASSWORD));
});
afterAll(() => t.close());

describe('双随机、一公开', () => {
  it('imports the register and keeps it current by re-import (upsert by credit code)', async () => {
    const first = await office.upload(
      '/api/market-entities/import',
      '名录.csv',
      register((i) => `崇明某食品店${i}`),
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ imported: 100 });
    const again = await office.upload(
      '/api/market-entities/import',
      '名录.csv',
      register((i) => (i === 7 ? '崇明某食品店七（更名）' : `崇明某食品店${i}`)),
    );
    expect(again.statusCode).toBe(200);
    const list = (await office.request('GET', '/api/market-entities?pageSize=200')).json();
    expect(list.total).toBe(100);
    expect(list.items.map((e: { name: string }) => e.name)).toContain('崇明某食品店七（更名）');
    const bad = await office.upload(
      '/api/market-entities/import',
      'bad.csv',
      `名称,统一社会信用代码,管辖单位\n某店,91310230MA1K000011,${tenant.units.district.code}\n`,
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors[0]).toMatchObject({ row: 2, column: '统一社会信用代码' });
  });

  it('draws 5 % of the district, two different inspectors each, never a tied one; the stored draw re-runs identically', async () => {
    const entities = (await office.request('GET', '/api/market-entities?pageSize=200')).json().items;
    const handlerId = tenant.byRole.handler.id;
    for (const e of entities)
      expect(
        (
          await office.request('POST', `/api/market-entities/${e.id}/ties`, {
            userId: handlerId,
            reason: '近亲属在该店任职',
          })
        ).statusCode,
      ).toBe(201);
    const res = await office.request('POST', '/api/random-draws', {
      unitId: tenant.units.district.id,
      campaignId,
      name: '2026年食品销售双随机抽查',
      share: 0.05,
    });
    expect(res.statusCode, res.body).toBe(201);
    const draw = res.json();
    expect(draw).toMatchObject({ candidateCount: 100, inspectorCount: 3 });
    expect(draw.items).toHaveLength(5);
    for (const item of draw.items) {
      const [a, b] = item.inspectors.map((p: { id: string }) => p.id);
      expect(a).not.toBe(b);
      // Every entity is tied to one handler: the pair is always the other two.
      expect([a, b]).not.toContain(handlerId);
    }
    const verify = (await office.request('GET', `/api/random-draws/${draw.id}/verify`)).json();
    expect(verify).toMatchObject({ reproducible: true, seed: draw.seed });
  });

  it('inspectors record results, the office publishes, the public page lists them without anyone’s name, the KPIs show on the campaign', async () => {
    const [drawSummary] = (await office.request('GET', `/api/random-draws?campaignId=${campaignId}`)).json().items;
    const draw = (await office.request('GET', `/api/random-draws/${drawSummary.id}`)).json();
    const [first, second] = draw.items;
    const today = todayInChina(); // the server dates in China time: past 16:00 UTC its today is the next UTC day
    expect(
      (
        await reviewer.request('POST', `/api/random-draws/${draw.id}/items/${first.id}/result`, {
          checkDate: today,
          result: 'no_problem',
          version: first.version,
        })
      ).statusCode,
    ).toBe(403);
    const inspector = sessions.get(first.inspectors[0].id)!;
    const recorded = await inspector.request('POST', `/api/random-draws/${draw.id}/items/${first.id}/result`, {
      checkDate: today,
      result: 'no_problem',
      version: first.version,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().resultLabel).toBe('未发现问题');
    expect(
      (
        await office.request('POST', `/api/random-draws/${draw.id}/items/${second.id}/result`, {
          checkDate: today,
          result: 'corrected',
          note: '标签不规范，已责令改正',
          version: second.version,
        })
      ).statusCode,
    ).toBe(200);

    const kpisBefore = (await office.request('GET', `/api/campaigns/${campaignId}/random-checks`)).json();
    // This year's checks, against the target the plan's coverage KPI sets (5 % per year).
    expect(kpisBefore).toMatchObject({
      period: { label: String(thisYear), from: `${thisYear}-01-01`, to: `${thisYear}-12-31` },
      registered: 100,
      drawn: 5,
      completed: 2,
      inspectedEntities: 2,
      published: 0,
      coverage: 0.02,
      coverageTarget: 0.05,
      publicationRate: 0,
    });

    expect((await office.request('POST', `/api/random-draws/${draw.id}/publish`)).json()).toEqual({ published: 2 });
    const kpis = (await office.request('GET', `/api/campaigns/${campaignId}/random-checks`)).json();
    expect(kpis.publicationRate).toBe(1);

    const pub = await t.app.inject({ method: 'GET', url: '/api/public/check-results' });
    expect(pub.statusCode).toBe(200);
    const body = pub.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { resultLabel: string }) => i.resultLabel).sort()).toEqual([
      '发现问题已责令改正',
      '未发现问题',
    ]);
    for (const name of ['d_handler', 'own_handler', 'child_handler', 'd_office']) expect(pub.body).not.toContain(name);
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'address',
      'checkDate',
      'creditCode',
      'drawName',
      'entityName',
      'resultLabel',
      'unitName',
    ]);
    // A published result is final.
    expect(
      (
        await office.request('POST', `/api/random-draws/${draw.id}/items/${first.id}/result`, {
          checkDate: today,
          result: 'refused',
          version: recorded.json().version,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('a redraw is a new, audited draw that names the one it replaces; a draw with results cannot be redone', async () => {
    const [withResults] = (await office.request('GET', `/api/random-draws?campaignId=${campaignId}`)).json().items;
    expect(
      (await office.request('POST', `/api/random-draws/${withResults.id}/redraw`, { reason: '重抽' })).statusCode,
    ).toBe(409);
    const draft = (
      await office.request('POST', '/api/random-draws', {
        unitId: tenant.units.district.id,
        name: '高风险主体抽查',
        riskLevels: ['high'],
        count: 3,
      })
    ).json();
    expect(draft.candidateCount).toBe(20);
    const redo = await office.request('POST', `/api/random-draws/${draft.id}/redraw`, {
      reason: '抽查对象名单有误，经局领导批准重新抽取',
    });
    expect(redo.statusCode, redo.body).toBe(201);
    expect(redo.json()).toMatchObject({ replacesId: draft.id, reason: '抽查对象名单有误，经局领导批准重新抽取' });
    expect(redo.json().seed).not.toBe(draft.seed);
    expect((await office.request('GET', `/api/random-draws/${draft.id}`)).json()).toMatchObject({
      replacedById: redo.json().id,
      can: { redraw: false },
    });
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.recordId, redo.json().id));
    expect(audit.map((a) => a.action)).toEqual(['random_draw.redraw']);
    // Both draws still verify from what was stored.
    for (const id of [draft.id, redo.json().id])
      expect((await office.request('GET', `/api/random-draws/${id}/verify`)).json().reproducible).toBe(true);
  });

  it('asks for more than the register holds: a Chinese reason on the field', async () => {
    const res = await office.request('POST', '/api/random-draws', {
      unitId: tenant.units.district.id,
      name: '过多',
      count: 500,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({
      path: 'count',
      message: expect.stringContaining('超过可抽取的主体数量'),
    });
  });
});

describe('random-check KPIs of a city campaign, scoped to the caller’s units', () => {
  it('a district sees its own draws, checks and register, never a sibling district’s; the city sees both', async () => {
    const { city, district, sibling } = tenant.units;
    const cityCampaign = (
      await createSampleCampaign(t.services, {
        issuerUnitId: city.id,
        leadUnitId: city.id,
        participantUnitIds: [district.id, sibling.id],
        year: thisYear,
      })
    ).id;
    const person = async (name: string, unitId: string, roles: ('office' | 'handler')[]) => {
      await t.services.usersService.create(
        systemActor,
        { username: `${name}_${tenant.tag}`, password: TEST_PASSWORD, displayName: name, unitId, roles },
        { mustChangePassword: false },
      );
      return login(t.app, `${name}_${tenant.tag}`, TEST_PASSWORD);
    };
    const siblingOffice = await person('kpi_sibling_office', sibling.id, ['office']);
    await person('kpi_sibling_handler', sibling.id, ['handler']);
    const cityOffice = await person('kpi_city_office', city.id, ['office']);
    // The sibling's register: 40 entities (the district keeps its 100 from above).
    const rows = Array.from({ length: 40 }, (_, i) => `兄弟区某店${i},${creditCode(500 + i)},${sibling.code}`);
    expect(
      (
        await siblingOffice.upload(
          '/api/market-entities/import',
          '名录.csv',
          ['名称,统一社会信用代码,管辖单位', ...rows].join('\n'),
        )
      ).statusCode,
    ).toBe(200);

    const today = todayInChina(); // the server dates in China time: past 16:00 UTC its today is the next UTC day
    const drawAndCheck = async (session: Session, unitId: string, count: number, checked: number, publish: boolean) => {
      const draw = (
        await session.request('POST', '/api/random-draws', { unitId, campaignId: cityCampaign, name: 'KPI抽查', count })
      ).json();
      for (const item of draw.items.slice(0, checked)) {
        expect(
          (
            await session.request('POST', `/api/random-draws/${draw.id}/items/${item.id}/result`, {
              checkDate: today,
              result: 'no_problem',
              version: item.version,
            })
          ).statusCode,
        ).toBe(200);
      }
      if (publish) expect((await session.request('POST', `/api/random-draws/${draw.id}/publish`)).statusCode).toBe(200);
    };
    await drawAndCheck(office, district.id, 2, 1, false);
    await drawAndCheck(siblingOffice, sibling.id, 6, 4, true);

    const kpis = async (session: Session) => {
      const res = await session.request('GET', `/api/campaigns/${cityCampaign}/random-checks`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // The district: its 2 drawn, 1 checked, none published, over its own register of 100.
    expect(await kpis(office)).toMatchObject({
      registered: 100,
      drawn: 2,
      completed: 1,
      inspectedEntities: 1,
      published: 0,
      coverage: 0.01,
      publicationRate: 0,
    });
    // The sibling: its 6 drawn, 4 checked and published, over its register of 40.
    expect(await kpis(siblingOffice)).toMatchObject({
      registered: 40,
      drawn: 6,
      completed: 4,
      inspectedEntities: 4,
      published: 4,
      coverage: 0.1,
      publicationRate: 1,
    });
    // The city that issued the plan: both districts.
    expect(await kpis(cityOffice)).toMatchObject({
      registered: 140,
      drawn: 8,
      completed: 5,
      inspectedEntities: 5,
      published: 4,
    });
  });
});
