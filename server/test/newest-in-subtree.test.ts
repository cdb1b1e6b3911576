import { and, desc, eq, ilike, inArray, like, lt, or, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases } from '../src/modules/cases/cases.schema';
import { leads } from '../src/modules/leads/leads.schema';
import { units } from '../src/modules/units/units.schema';
import { PgDialect, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../src/db/database';
import { createCasesRepository } from '../src/modules/cases/cases.repository';
import { createLeadsRepository } from '../src/modules/leads/leads.repository';
import { campaigns } from '../src/modules/campaigns/campaigns.schema';
import { forgetSubtreeSizes, newestIdsPerUnitSql } from '../src/platform/db/newest-in-subtree';
import { rowsOf } from '../src/platform/db/rows-of';
import { todayInChina } from '../src/platform/today';
import { seedDemo } from '../src/seed/demo';
import { createTestApp, login, type Session, type TestApp } from './helpers/app';
import { groupBelow } from './helpers/group-below';

/**
 * A small subtree's first pages, newest first, are chosen unit by unit (newest-in-subtree.ts), a
 * big one's along the order index, the ledger's of a district that is a branch itself along its
 * branch: each way they must be exactly the rows and the order a plain query over the subtree gives,
 * with filters and past the first page.
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
/**
 * A text search over a district's records as a plain query would answer it: the first characters of
 * one of their party names, and the ids of the records whose party name or `texts` contain them,
 * newest first by `order`.
 */
async function searchInDistrict(
  db: Db,
  table: typeof cases | typeof leads,
  unitIds: string[],
  texts: AnyPgColumn[],
  order: [AnyPgColumn, AnyPgColumn],
): Promise<{ q: string; ids: string[] }> {
  const [named] = await db
    .select({ partyName: table.partyName })
    .from(table)
    .where(inArray(table.unitId, unitIds))
    .limit(1);
  const q = named.partyName!.slice(0, 2);
  const found = await db
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.unitId, unitIds), or(...[table.partyName, ...texts].map((c) => ilike(c, `%${q}%`)))))
    .orderBy(desc(order[0]), desc(order[1]));
  expect(found.length).toBeGreaterThan(0);
  return { q, ids: found.map((r) => r.id) };
}

const ids = async (path: string) => {
  const res = await admin.request('GET', path);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((r) => r.id);
};

/**
 * A district is read unit by unit when it holds at most a tenth of all units: the demo's tree is too
 * small for that, so 300 units are added elsewhere (under 上海) for the length of the transaction.
 */
async function addUnitsElsewhere(tx: Db, codePrefix: string) {
  await tx.execute(sql`
    insert into units (id, parent_id, name, code, kind, path, depth)
    select g.id, p.id, '测试所' || g.n, ${codePrefix} || g.n, 'office', p.path || g.id || '/', p.depth + 1
      from (select gen_random_uuid() as id, n from generate_series(1, 300) n) g,
           (select id, path, depth from units where code = 'SH') p`);
  forgetSubtreeSizes();
}

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
      // From the first, and from further down (each unit then reads offset + limit of its own).
      for (const [offset, limit] of [
        [0, 9],
        [3, 6],
      ]) {
        const perUnit = rowsOf<{ id: string }>(
          await t.database.db.execute(
            newestIdsPerUnitSql({
              table: cases,
              id: cases.id,
              unitId: cases.unitId,
              order: [cases.filingDate, cases.createdAt],
              where: eq(cases.online, false),
              unitPath: unit.path,
              offset,
              limit,
            }),
          ),
        );
        expect(perUnit.map((r) => r.id)).toEqual(plain.slice(offset, offset + limit).map((r) => r.id));
      }
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

  it("reads a small subtree's own ledger (its people's scope) unit by unit, page after page, as the plain query orders it", async () => {
    const rolledBack = new Error('rolled back');
    await expect(
      t.database.db.transaction(async (tx) => {
        await addUnitsElsewhere(tx, 'PAGES-TEST-');
        const cm = await groupBelow(tx, 'CM');
        const unit = { path: cm.path };
        const repo = createCasesRepository();
        const [category] = await tx
          .select({ code: cases.categoryCode })
          .from(cases)
          .where(inArray(cases.unitId, cm.ids))
          .limit(1);
        // The page's statement reads unit by unit (so the test knows which read it checked).
        const dialect = new PgDialect();
        const readsUnitByUnit = async (f: Parameters<typeof repo.page>[1]) =>
          dialect.sqlToQuery(await repo.pageStatement(tx, f)).sql.includes('cross join lateral');
        // The district's people's scope, written out.
        const scope = {
          scope: sql`${cases.unitId} in (${sql.join(
            cm.ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        };
        for (const categoryCode of [undefined, category.code]) {
          const plain = await tx
            .select({ id: cases.id })
            .from(cases)
            .where(and(inArray(cases.unitId, cm.ids), categoryCode ? eq(cases.categoryCode, categoryCode) : undefined))
            .orderBy(desc(cases.filingDate), desc(cases.createdAt));
          expect(plain.length).toBeGreaterThan(4);
          for (let offset = 0; offset < plain.length; offset += 3) {
            const f = { ...scope, scopePath: unit.path, categoryCode, limit: 3, offset };
            const page = await repo.page(tx, f);
            expect(page.map((r) => r.id)).toEqual(plain.slice(offset, offset + 3).map((r) => r.id));
            expect(await readsUnitByUnit(f), `offset ${offset}`).toBe(true);
          }
        }
        // A text search is found by the trigram indexes at once, not unit by unit, with the same rows.
        const { q, ids: searched } = await searchInDistrict(
          tx,
          cases,
          cm.ids,
          [cases.name, cases.caseNumber],
          [cases.filingDate, cases.createdAt],
        );
        const searchPage = { ...scope, scopePath: unit.path, q, limit: 3, offset: 0 };
        expect((await repo.page(tx, searchPage)).map((r) => r.id)).toEqual(searched.slice(0, 3));
        expect(await readsUnitByUnit(searchPage)).toBe(false);
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    forgetSubtreeSizes();
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

    // A text search: found by the trigram indexes, the same rows in the same order.
    const { q, ids: searched } = await searchInDistrict(
      t.database.db,
      leads,
      cm.ids,
      [leads.description, leads.sourceNumber],
      [leads.receivedDate, leads.createdAt],
    );
    expect(await ids(`/api/leads?unitId=${cm.id}&q=${encodeURIComponent(q)}&pageSize=2`)).toEqual(searched.slice(0, 2));
  });
});

/** A plan node of EXPLAIN (FORMAT JSON) and the nodes below it. */
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Heap Fetches'?: number;
  Plans?: PlanNode[];
}
const nodesOf = (n: PlanNode): PlanNode[] => [n, ...(n.Plans ?? []).flatMap(nodesOf)];

describe('the per-unit newest-first reads (the 大屏 tickers, the clocks panel)', () => {
  /**
   * The plan of every statement `read` runs that reads unit by unit (`cross join lateral`), executed,
   * as EXPLAIN (ANALYZE) saw it.
   */
  async function perUnitPlans(tx: Db, read: (db: Db) => Promise<unknown>): Promise<PlanNode[]> {
    const plans: PlanNode[] = [];
    const dialect = new PgDialect();
    const watched = new Proxy(tx, {
      get(target, key, receiver) {
        if (key !== 'execute') return Reflect.get(target, key, receiver);
        return async (q: SQL) => {
          if (dialect.sqlToQuery(q).sql.includes('cross join lateral')) {
            const [row] = rowsOf<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
              await target.execute(sql`explain (analyze, format json) ${q}`),
            );
            plans.push(row['QUERY PLAN'][0].Plan);
          }
          return target.execute(q);
        };
      },
    });
    await read(watched as Db);
    return plans;
  }

  it('read only the unit-first indexes, and no heap page once the nightly maintenance has run', async () => {
    await t.services.rollupMaintenance.run({});
    const db = t.database.db;
    const cm = await unitsBelow('CM');
    const [someCase] = await db.select().from(cases).where(inArray(cases.unitId, cm.ids)).limit(1);
    const [campaign] = await db.select().from(campaigns).where(eq(campaigns.id, someCase.campaignId));
    const today = todayInChina();
    const casesRepo = createCasesRepository();
    const leadsRepo = createLeadsRepository();
    const readsOf = (unitPath: string): [string, string, (db: Db) => Promise<unknown>][] => {
      const scope = { scope: sql`true`, campaignPath: campaign.path, unitPath, limit: 12, offset: 0 };
      return [
        // A page is one statement (the ledger's prepared per shape): the same statement, its values inline.
        ['cases_unit_filing_idx', 'ticker', async (d) => d.execute(await casesRepo.pageStatement(d, scope))],
        [
          'cases_unit_filing_idx',
          'overdue',
          async (d) => d.execute(await casesRepo.pageStatement(d, { ...scope, overdueOn: today })),
        ],
        ['leads_unit_received_idx', 'ticker', async (d) => d.execute(await leadsRepo.pageStatement(d, scope))],
        [
          'leads_unit_received_idx',
          'overdue',
          async (d) => d.execute(await leadsRepo.pageStatement(d, { ...scope, overdueOn: today })),
        ],
      ];
    };
    const rolledBack = new Error('rolled back');
    await expect(
      db.transaction(async (tx) => {
        await addUnitsElsewhere(tx, 'INDEX-TEST-');
        const reads = readsOf((await groupBelow(tx, 'CM')).path);
        // Nor may PostgreSQL read the demo's small tables whole instead of along an index.
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql`set local enable_bitmapscan = off`);
        for (const [index, what, read] of reads) {
          const plans = await perUnitPlans(tx, read);
          expect(plans, `${index} ${what}`).toHaveLength(1);
          const scans = nodesOf(plans[0]).filter((n) => n['Index Name'] === index);
          expect(
            scans.map((n) => n['Node Type']),
            `${index} ${what}`,
          ).toEqual(['Index Only Scan']);
          expect(scans[0]['Heap Fetches'], `${index} ${what}`).toBe(0);
        }
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });
});
