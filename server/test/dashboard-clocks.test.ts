import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { cases } from '../src/modules/cases/cases.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/platform/actor';
import { seedDemo } from '../src/seed/demo';
import { caseInputOf } from '../src/modules/cases/case-rows';
import { todayInChina } from '../src/platform/today';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

let t: TestApp;
let office: Session;
let campaignId: string;
const unitIds = new Map<string, string>();

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  office = await login(t.app, 'cm_office', 'Redshield2026');
  for (const u of await t.services.unitsService.list(systemActor, { includeInactive: false }))
    unitIds.set(u.code, u.id);
  const campaigns = (await office.request('GET', '/api/campaigns')).json().items;
  campaignId = campaigns.find(
    (c: { unitId: string; status: string }) => c.unitId === unitIds.get('CM') && c.status === 'active',
  ).id;
});
afterAll(() => t.close());

const clocks = async (unit: string) => {
  const res = await office.request(
    'GET',
    `/api/dashboards/clocks?campaignId=${campaignId}&unitId=${unitIds.get(unit)}`,
  );
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    counts: Record<'overdueCases' | 'dueSoonCases' | 'overdueLeads' | 'dueSoonLeads', number>;
    first: { kind: string; dueDate: string; overdue: boolean }[];
  };
};
const total = async (url: string) => {
  const res = await office.request('GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().total as number;
};

describe('数据看板 · 办理期限 (clocks from the roll-up)', () => {
  it('counts what the ledgers’ own 超期 / 临期 filters list, unit by unit, and lists the first due', async () => {
    let seen = 0;
    for (const unit of ['CM', 'CM-ZFDD', 'CM-CQS']) {
      const { counts, first } = await clocks(unit);
      const scope = `campaignId=${campaignId}&unitId=${unitIds.get(unit)}&page=1&pageSize=1`;
      expect(counts, unit).toEqual({
        overdueCases: await total(`/api/cases?${scope}&overdue=true`),
        dueSoonCases: await total(`/api/cases?${scope}&dueSoon=true`),
        overdueLeads: await total(`/api/leads?${scope}&due=overdue`),
        dueSoonLeads: await total(`/api/leads?${scope}&due=due_soon`),
      });
      seen += Object.values(counts).reduce((a, b) => a + b, 0);
      expect(first.map((f) => f.dueDate)).toEqual(first.map((f) => f.dueDate).sort());
      expect(first.length).toBeLessThanOrEqual(5);
    }
    // The demo has clocks running, overdue and due soon: the comparison above is not of zeros.
    expect(seen).toBeGreaterThan(0);
    const district = await clocks('CM');
    expect(district.counts.overdueCases + district.counts.overdueLeads).toBeGreaterThan(0);
    expect(district.first.some((f) => f.overdue)).toBe(true);
  });

  it('moves a case’s clock in the roll-up with the case, and stays equal to the records', async () => {
    const before = (await clocks('CM')).counts;
    const scope = `campaignId=${campaignId}&unitId=${unitIds.get('CM')}`;
    const late = (await office.request('GET', `/api/cases?${scope}&overdue=true&page=1&pageSize=50`)).json().items as {
      id: string;
    }[];
    // Filed today (a correction of the filing date), a 90-day clock is neither overdue nor due soon;
    // the first overdue case that allows it (one transferred before today does not).
    let moved = false;
    for (const { id } of late) {
      const [row] = await t.database.db.select().from(cases).where(eq(cases.id, id));
      try {
        await t.services.casesService.update(systemActor, id, {
          ...caseInputOf(row),
          filingDate: todayInChina(),
          version: row.version,
        });
        moved = true;
        break;
      } catch {
        // a date of the case before today: try the next one
      }
    }
    expect(moved).toBe(true);
    const after = (await clocks('CM')).counts;
    expect(after).toEqual({ ...before, overdueCases: before.overdueCases - 1 });
    expect(await t.services.rollupsService.verify()).toEqual([]);
  });

  it('fills the clocks of records stored before the roll-up counted them (migration 0050)', async () => {
    const before = (await clocks('CM')).counts;
    const db = t.database.db;
    await db.execute(sql`update rollup_daily set decision_clocks_due = 0, verification_clocks_due = 0`);
    await db.execute(sql`update rollup_monthly set decision_clocks_due = 0, verification_clocks_due = 0`);
    expect((await t.services.rollupsService.verify()).length).toBeGreaterThan(0);
    const dir = path.resolve(import.meta.dirname, '../drizzle');
    const file = readdirSync(dir).find((f) => f.startsWith('0050_'))!;
    // The migration's statements after its ALTERs: the backfill, run again on the zeroed columns.
    const statements = readFileSync(path.join(dir, file), 'utf8')
      .split('--> statement-breakpoint')
      .filter((s) => /INSERT INTO/.test(s));
    expect(statements).toHaveLength(2);
    for (const s of statements) await db.execute(sql.raw(s));
    expect(await t.services.rollupsService.verify()).toEqual([]);
    expect((await clocks('CM')).counts).toEqual(before);
  });
});
