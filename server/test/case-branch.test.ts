import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/database';
import { createCasesRepository } from '../src/modules/cases/cases.repository';
import { cases } from '../src/modules/cases/cases.schema';
import { units } from '../src/modules/units/units.schema';
import { systemActor } from '../src/platform/actor';
import { forgetSubtreeSizes } from '../src/platform/db/newest-in-subtree';
import { rowsOf } from '../src/platform/db/rows-of';
import { branchOfPath } from '../src/platform/scope';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, type TestApp } from './helpers/app';
import { groupBelow } from './helpers/group-below';

/**
 * Each case's branch (cases.branch_unit_id: the unit one level below the top whose subtree holds
 * its handling unit) is kept by the database, on every write and every move of a unit; a wide
 * subtree's ledger is read among its branch's cases. A wrong branch would hide a case from its
 * district's ledger, so the branch is checked against the unit tree after every kind of change.
 */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.services);
});
afterAll(() => t.close());

const unitByCode = async (db: Db, code: string) => (await db.select().from(units).where(eq(units.code, code)))[0];

/** Cases whose stored branch is not their unit's branch as the tree gives it now. */
async function wrongBranches(db: Db): Promise<number> {
  const all = await db
    .select({ branch: cases.branchUnitId, path: units.path })
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId));
  expect(all.length).toBeGreaterThan(0);
  return all.filter((c) => c.branch !== (branchOfPath(c.path) ?? null)).length;
}

describe("a case's branch", () => {
  it("is its unit's district for the demo's cases, and none for the city bureau's own", async () => {
    expect(await wrongBranches(t.database.db)).toBe(0);
    const cm = await unitByCode(t.database.db, 'CM');
    const [{ n }] = rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from cases where branch_unit_id = ${cm.id}`),
    );
    expect(n).toBeGreaterThan(0);
  });

  it('follows its unit when the case changes unit, and cannot be written by hand', async () => {
    const rolledBack = new Error('rolled back');
    await expect(
      t.database.db.transaction(async (tx) => {
        const pd = await unitByCode(tx, 'PD');
        const [one] = await tx
          .select({ id: cases.id })
          .from(cases)
          .where(eq(cases.branchUnitId, (await unitByCode(tx, 'CM')).id))
          .limit(1);
        await tx.update(cases).set({ unitId: pd.id }).where(eq(cases.id, one.id));
        const [moved] = await tx.select({ branch: cases.branchUnitId }).from(cases).where(eq(cases.id, one.id));
        expect(moved.branch).toBe(pd.id);
        await tx.update(cases).set({ branchUnitId: null }).where(eq(cases.id, one.id));
        const [kept] = await tx.select({ branch: cases.branchUnitId }).from(cases).where(eq(cases.id, one.id));
        expect(kept.branch).toBe(pd.id);
        expect(await wrongBranches(tx)).toBe(0);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });

  it('follows a unit moved to another district, with the units below it', async () => {
    const db = t.database.db;
    const office = await unitByCode(db, 'CM-CQS');
    const pd = await unitByCode(db, 'PD');
    const [{ n: ofOffice }] = rowsOf<{ n: number }>(
      await db.execute(sql`select count(*)::int as n from cases where unit_id = ${office.id}`),
    );
    expect(ofOffice).toBeGreaterThan(0);
    await t.services.unitsService.move(systemActor, office.id, { parentId: pd.id, version: office.version });
    const [{ n: nowInPd }] = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from cases where unit_id = ${office.id} and branch_unit_id = ${pd.id}`,
      ),
    );
    expect(nowInPd).toBe(ofOffice);
    expect(await wrongBranches(db)).toBe(0);
    // … and back, so the other tests see the demo's tree.
    const moved = await unitByCode(db, 'CM-CQS');
    await t.services.unitsService.move(systemActor, office.id, {
      parentId: (await unitByCode(db, 'CM')).id,
      version: moved.version,
    });
    expect(await wrongBranches(db)).toBe(0);
  });
});

describe("a district's ledger (a branch itself)", () => {
  // Without more units 崇明's subtree is small, and still read along its branch, which holds exactly
  // its cases; with 600 offices more it is also too wide to be read unit by unit. A wide subtree below
  // a district is read along the district's branch too.
  it.each([
    ['as the demo has it', 0, false],
    ['wide', 600, false],
    ['a wide subtree below it', 600, true],
  ])(
    "is read among its branch's cases, page after page and in its count, as the plain query gives it (%s)",
    async (_, offices, below) => {
      const rolledBack = new Error('rolled back');
      const dialect = new PgDialect();
      await expect(
        t.database.db.transaction(async (tx) => {
          const cm = await unitByCode(tx, 'CM');
          await tx.execute(sql`
          insert into units (id, parent_id, name, code, kind, path, depth)
          select g.id, ${cm.id}, '测试所' || g.n, 'BRANCH-TEST-' || g.n, 'office', ${cm.path} || g.id || '/', ${cm.depth + 1}
            from (select gen_random_uuid() as id, n from generate_series(1, ${offices}) n) g`);
          forgetSubtreeSizes();
          const top = below ? await groupBelow(tx, 'CM') : cm;
          const subtree = (
            await tx
              .select({ id: units.id })
              .from(units)
              .where(like(units.path, `${top.path}%`))
          ).map((u) => u.id);
          const repo = createCasesRepository();
          const scope = { scope: sql`${cases.unitId} in (select id from units where path like ${`${top.path}%`})` };
          // The subtree's commonest violation type (违法类型): a filter with several pages of its own.
          const [category] = await tx
            .select({ code: cases.categoryCode })
            .from(cases)
            .where(inArray(cases.unitId, subtree))
            .groupBy(cases.categoryCode)
            .orderBy(desc(sql`count(*)`))
            .limit(1);
          for (const categoryCode of [undefined, category.code]) {
            const plain = await tx
              .select({ id: cases.id })
              .from(cases)
              .where(
                and(inArray(cases.unitId, subtree), categoryCode ? eq(cases.categoryCode, categoryCode) : undefined),
              )
              .orderBy(desc(cases.filingDate), desc(cases.createdAt));
            expect(plain.length).toBeGreaterThan(4);
            for (let offset = 0; offset < plain.length; offset += 4) {
              const f = { ...scope, scopePath: top.path, categoryCode, limit: 4, offset };
              expect((await repo.page(tx, f)).map((r) => r.id)).toEqual(
                plain.slice(offset, offset + 4).map((r) => r.id),
              );
              expect(dialect.sqlToQuery(await repo.pageStatement(tx, f)).sql).toContain('"branch_unit_id" =');
            }
            expect(await repo.count(tx, { ...scope, scopePath: top.path, categoryCode })).toEqual({
              total: plain.length,
              totalCapped: false,
            });
          }
          throw rolledBack;
        }),
      ).rejects.toBe(rolledBack);
      forgetSubtreeSizes();
    },
  );
});
