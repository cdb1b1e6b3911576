import { and, desc, eq, inArray, like, lt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/modules/cases/cases.schema';
import { leads } from '../src/modules/leads/leads.schema';
import { units } from '../src/modules/units/units.schema';
import { newestIdsPerUnit } from '../src/platform/db/newest-in-subtree';
import { todayInChina } from '../src/platform/today';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';

/**
 * A small subtree's first pages, newest first, are chosen unit by unit (newest-in-subtree.ts), a
 * big one's along the order index: either way they must be exactly the rows and the order a plain
 * query over the subtree gives, with filters and past the first page.
 */
let t: TestApp;
let admin: Session;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
  admin = await login(t.app, 'cm_office', 'Redshield2026');
});
afterAll(() => t.close());

const unitsBelow = async (code: string) => {
  const [unit] = await t.database.db.select().from(units).where(eq(units.code, code));
  const below = await t.database.db
    .select({ id: units.id })
    .from(units)
    .where(like(units.path, `${unit.path}%`));
  return { id: unit.id, ids: below.map((u) => u.id) };
};
const ids = async (path: string) => {
  const res = await admin.request('GET', path);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((r) => r.id);
};

describe("a subtree's newest records", () => {
  it('are the same read unit by unit as by a plain query over the subtree', async () => {
    for (const code of ['CM', 'SH']) {
      const subtree = await unitsBelow(code);
      const [unit] = await t.database.db.select().from(units).where(eq(units.id, subtree.id));
      const plain = await t.database.db
        .select({ id: cases.id })
        .from(cases)
        .where(and(inArray(cases.unitId, subtree.ids), eq(cases.online, false)))
        .orderBy(desc(cases.filingDate), desc(cases.createdAt))
        .limit(9);
      expect(plain.length).toBeGreaterThan(3);
      const perUnit = await newestIdsPerUnit(t.database.db, {
        table: cases,
        id: cases.id,
        unitId: cases.unitId,
        order: [cases.filingDate, cases.createdAt],
        where: eq(cases.online, false),
        unitPath: unit.path,
        limit: 9,
      });
      expect(perUnit).toEqual(plain.map((r) => r.id));
    }
  });

  it("gives the district's ledger pages in the plain query's order, with and without a filter", async () => {
    const cm = await unitsBelow('CM');
    const all = await t.database.db
      .select({ id: cases.id, due: cases.decisionDueDate })
      .from(cases)
      .where(inArray(cases.unitId, cm.ids))
      .orderBy(desc(cases.filingDate), desc(cases.createdAt));
    expect(all.length).toBeGreaterThanOrEqual(10);
    expect(await ids(`/api/cases?unitId=${cm.id}&pageSize=5`)).toEqual(all.slice(0, 5).map((r) => r.id));
    expect(await ids(`/api/cases?unitId=${cm.id}&page=2&pageSize=5`)).toEqual(all.slice(5, 10).map((r) => r.id));

    const overdue = await t.database.db
      .select({ id: cases.id })
      .from(cases)
      .where(and(inArray(cases.unitId, cm.ids), lt(cases.decisionDueDate, todayInChina())))
      .orderBy(desc(cases.filingDate), desc(cases.createdAt));
    expect(overdue.length).toBeGreaterThan(0);
    expect(await ids(`/api/cases?unitId=${cm.id}&overdue=true&pageSize=5`)).toEqual(
      overdue.slice(0, 5).map((r) => r.id),
    );
  });

  it("gives the district's leads in the plain query's order, past the first page", async () => {
    const cm = await unitsBelow('CM');
    const all = await t.database.db
      .select({ id: leads.id })
      .from(leads)
      .where(inArray(leads.unitId, cm.ids))
      .orderBy(desc(leads.receivedDate), desc(leads.createdAt));
    expect(all.length).toBeGreaterThanOrEqual(4);
    expect(await ids(`/api/leads?unitId=${cm.id}&pageSize=2`)).toEqual(all.slice(0, 2).map((r) => r.id));
    expect(await ids(`/api/leads?unitId=${cm.id}&page=2&pageSize=2`)).toEqual(all.slice(2, 4).map((r) => r.id));
  });
});
