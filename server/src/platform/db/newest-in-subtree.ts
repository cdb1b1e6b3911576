import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { units } from '../org/units.table';
import { branchOfPath, pathInSubtree, startingWith, unitIdsOnPath } from '../scope';
import { rowsOf } from './rows-of';
import { createRecentMemo } from '../recent-memo';
import { inline, type Bind } from './prepared-shapes';

/**
 * A subtree's newest records are read unit by unit when it holds at most this many units and at
 * most a tenth of all units; otherwise along the table's order index. Walking the order index finds
 * a big subtree's records at once (the nation, a province: one record in a few belongs to it) but
 * reads nearly the whole table for a 所 or a district; a few hundred short reads, one per unit, cost
 * less than that walk, and more than it for a subtree holding much of the table (npm run bench: the
 * 大屏's tickers, the home page's panels).
 */
export const SMALL_SUBTREE_UNITS = 500;
const SMALL_SHARE = 10;

/**
 * Whether a subtree is small is remembered for a minute: it decides only how a page is read, never
 * which records it holds, so a unit added meanwhile can at worst make one page read a little slower.
 */
const smallSubtrees = createRecentMemo<boolean>({ ttlMs: 60_000, max: 10_000 });

/** Forgets which subtrees were small (after units were added in bulk, as a test does). */
export function forgetSubtreeSizes() {
  smallSubtrees.clear();
}

/** Whether a subtree's newest records are best read unit by unit (see SMALL_SUBTREE_UNITS). */
export async function readUnitByUnit(db: Db, unitPath: string): Promise<boolean> {
  const known = smallSubtrees.get(unitPath);
  if (known !== undefined) return known;
  const small = await countSubtree(db, unitPath);
  smallSubtrees.set(unitPath, small);
  return small;
}

async function countSubtree(db: Db, unitPath: string): Promise<boolean> {
  // Both counts stop early: past SMALL_SUBTREE_UNITS × SMALL_SHARE units in all, only the first rule can fail.
  // The subtree's units are read in the path index's own order (`using ~<~`, text_pattern_ops), so
  // the first 501 come from the index alone. Without the order PostgreSQL chose to scan the table
  // until 501 matched: 43–78 ms for a province of the nation's 40,665 units, 3 ms along the index.
  const [{ subtree, total }] = rowsOf<{ subtree: number; total: number }>(
    await db.execute(sql`
      select (select count(*) from (select 1 from ${units} where ${pathInSubtree(units.path, unitPath)} order by ${units.path} using ~<~ limit ${SMALL_SUBTREE_UNITS + 1}) s)::int as subtree,
             (select count(*) from (select 1 from ${units} limit ${SMALL_SUBTREE_UNITS * SMALL_SHARE + 1}) a)::int as total`),
  );
  return Number(subtree) <= SMALL_SUBTREE_UNITS && Number(subtree) * SMALL_SHARE <= Number(total);
}

/**
 * Whether a subtree is a branch itself: its top is one level below the top of the tree (a city's
 * district, a province's city). Every record of such a subtree, and no other, carries its top as
 * branch, so the branch's index holds exactly its records, newest first. Pure.
 */
export const isBranchTop = (unitPath: string) => unitIdsOnPath(unitPath).length === 2;

/**
 * The condition that confines a list to the branch of a subtree, on a table that keeps each
 * record's branch (`branchColumn`, e.g. cases.branch_unit_id) with an index that starts with it and
 * continues in the list's order: the list's page then walks only its branch's entries, newest first,
 * and its count reads only those. For a wide subtree (one not read unit by unit, see
 * SMALL_SUBTREE_UNITS) and for a subtree that is a branch itself (isBranchTop), whatever its size.
 * For a province of the nation's tree (one case in 21, 1,300 units) the benchmark's 100 ledger pages
 * took PostgreSQL 3,651 ms along the whole ledger's order and 281 ms along the branch (issue 22); for
 * a district of the city's tree (18 units) see listPageConditions.
 * None for the top of the tree, a small subtree below a branch (read unit by unit, along an index
 * the branch is not in) or a text search (found by the trigram indexes at once). The condition holds
 * for every record of the subtree, so the list's own conditions stay as they are beside it.
 */
export async function subtreeBranch(
  db: Db,
  branchColumn: AnyPgColumn,
  q: { unitPath?: string; textSearch?: boolean; bind?: Bind },
): Promise<SQL | undefined> {
  const branch = q.unitPath && !q.textSearch ? branchOfPath(q.unitPath) : undefined;
  if (!branch || (!isBranchTop(q.unitPath!) && (await readUnitByUnit(db, q.unitPath!)))) return undefined;
  return sql`${branchColumn} = ${(q.bind ?? inline)('branch', branch)}`;
}

/** What newestIdsPerUnitSql reads: a table's records of a subtree, newest first along a unit-first index. */
export interface PerUnitRead {
  table: PgTable;
  id: AnyPgColumn;
  unitId: AnyPgColumn;
  order: AnyPgColumn[];
  where: SQL;
  unitPath: string;
}

/**
 * The ids of a small subtree's newest records from `offset`, `limit` of them, newest first by
 * `order` (descending, ties by the following columns), as a query: for each unit of the subtree its
 * own newest `offset + limit` along an index that starts with the unit (e.g. `(unit_id, filing_date)`),
 * then the newest of those. `where` holds every other condition of the list (scope, campaign …), on
 * the table's own columns. Values go through `bind` (platform/db/prepared-shapes.ts).
 */
export function newestIdsPerUnitSql(q: PerUnitRead & { offset: number; limit: number; bind?: Bind }): SQL {
  const bind = q.bind ?? inline;
  const alias = (i: number) => sql.raw(`o${i}`);
  const inner = sql.join(
    q.order.map((c, i) => sql`${c} as ${alias(i)}`),
    sql`, `,
  );
  const outer = sql.join(
    q.order.map((_, i) => sql`x.${alias(i)} desc`),
    sql`, `,
  );
  const innerOrder = sql.join(
    q.order.map((c) => sql`${c} desc`),
    sql`, `,
  );
  return sql`
      select x.id from ${units} u
      cross join lateral (
        select ${q.id} as id, ${inner} from ${q.table}
         where ${q.unitId} = u.id and ${q.where}
         order by ${innerOrder} limit ${bind('perUnitRows', q.offset + q.limit)}
      ) x
      where u.path like ${bind('perUnitPath', startingWith(q.unitPath))}
      order by ${outer} limit ${bind('perUnitLimit', q.limit)} offset ${bind('perUnitOffset', q.offset)}`;
}

/**
 * Pages up to this far into a small subtree's list (offset + size: the first 20 pages of 50) are
 * chosen unit by unit. Each unit's newest rows are read along its own index, index-only where the
 * filters allow: for a district with 4 % of the ledger, page 19 reads its ~9,000 entries in 4 ms,
 * where the walk along the ledger's order index reads 22,000 rows and their heap in 50 ms (issue 22).
 */
export const PER_UNIT_PAGE_ROWS = 1000;

/** Which list page is asked for: the subtree it is read in, how far down, and whether it searches text. */
export interface ListPageAsked {
  unitPath?: string;
  offset: number;
  limit: number;
  /**
   * A text search (搜索: a name, a number) is found by the table's trigram indexes at once, a few
   * matches in all; read unit by unit, the same search would run again for every unit of the
   * subtree (a district's page: 18 searches, 13 ms instead of 1 ms; npm run bench, issue 22).
   */
  textSearch?: boolean;
}

/**
 * Whether a list page, newest first, is best chosen unit by unit (newestIdsPerUnitSql inside the
 * page's statement): a small subtree near the top of its list. Not when the list's own walk along
 * its order index serves it better: no unit chosen, a page deeper than PER_UNIT_PAGE_ROWS, a subtree
 * that is not small, or a text search.
 */
export async function pageReadUnitByUnit(db: Db, q: ListPageAsked): Promise<boolean> {
  return (
    Boolean(q.unitPath) && !q.textSearch && q.offset + q.limit <= PER_UNIT_PAGE_ROWS && readUnitByUnit(db, q.unitPath!)
  );
}

/** The filters of a list page that decide how it is read (each list's own filters extend them). */
export interface ListPageFilters {
  /** A subtree chosen in the list. */
  unitPath?: string;
  /** The actor's scope as a subtree path: a district's people read their own subtree. */
  scopePath?: string;
  offset: number;
  limit: number;
  q?: string;
  ids?: string[];
  /**
   * Write the scope's and the chosen unit's subtree as a test of each row, not as a condition
   * PostgreSQL may turn into a join (`(unit_id in (select …)) is true`). Set on a page read along
   * its branch (subtreeBranch): joined, PostgreSQL read all of the branch's entries
   * and sorted them, not knowing that every one of them is in the subtree (a province's page 15 of
   * the nation's ledger: 27 ms); tested per row, it walks them in order and stops at the page (2.6 ms).
   * A list whose table keeps no branch never sees it.
   */
  subtreeAsFilter?: boolean;
}

/** A list whose pages may be read unit by unit: its table, its newest-first order and its conditions. */
export interface ListByUnit<F extends ListPageFilters> {
  table: PgTable;
  id: AnyPgColumn;
  unitId: AnyPgColumn;
  /** The list's newest-first order (e.g. filing date, then creation), along its unit-first index. */
  order: AnyPgColumn[];
  /** The list's conditions for some filters, values through `bind`. */
  conditions: (f: F) => SQL;
  bind?: Bind;
  /** The column keeping each record's branch, when the table has one (subtreeBranch). */
  branchColumn?: AnyPgColumn;
}

/**
 * A list page's conditions and the offset its statement applies, for every list read newest first
 * by unit (the ledger, leads). A small subtree's page near the top (a 所's or a district's list, the
 * 大屏's ticker, the home page's panels) is chosen unit by unit inside the statement
 * (pageReadUnitByUnit); those ids satisfy every condition already (each unit's read applies them, and
 * the units are those of the subtree), so they are the page, at offset 0, and the conditions are not
 * written a second time around them, which PostgreSQL would plan again on every run. Any other page
 * is the list's conditions at the page's offset, confined to the branch of a wide subtree or of a
 * subtree that is a branch itself where the table keeps one (subtreeBranch); a subtree that is a
 * branch is read so from its first page. `idsChosen` says which of the two it is.
 */
export async function listPageConditions<F extends ListPageFilters>(
  db: Db,
  list: ListByUnit<F>,
  f: F,
  newestFirst: boolean,
): Promise<{ conditions: SQL; offset: number; idsChosen: boolean }> {
  const subtree = f.unitPath ?? f.scopePath;
  // Only newest first: the branch's index is in that order, not in another sort's (the due date).
  const readsNewest = newestFirst && !f.ids;
  // The branch first, where the table keeps one: a subtree that is a branch itself is read along it
  // from its first page, in order, where unit by unit each unit's newest rows are read and then
  // sorted together (a district of the city's tree, 18 units: PostgreSQL's time for the benchmark's
  // 100 requests of its ledger went from 422 to 246 ms, its pages' from 359 to 182 ms; npm run bench
  // -- --quick). subtreeBranch gives none for a small subtree below a branch.
  const branch =
    list.branchColumn && readsNewest
      ? await subtreeBranch(db, list.branchColumn, { unitPath: subtree, textSearch: Boolean(f.q), bind: list.bind })
      : undefined;
  if (branch)
    return {
      conditions: sql`${list.conditions({ ...f, subtreeAsFilter: true })} and ${branch}`,
      offset: f.offset,
      idsChosen: false,
    };
  const unitByUnit =
    readsNewest &&
    (await pageReadUnitByUnit(db, { unitPath: subtree, offset: f.offset, limit: f.limit, textSearch: Boolean(f.q) }));
  if (!unitByUnit) return { conditions: list.conditions(f), offset: f.offset, idsChosen: false };
  const pageIds = newestIdsPerUnitSql({
    table: list.table,
    id: list.id,
    unitId: list.unitId,
    order: list.order,
    where: list.conditions({ ...f, unitPath: undefined }),
    unitPath: subtree!,
    offset: f.offset,
    limit: f.limit,
    bind: list.bind,
  });
  return { conditions: sql`${list.id} in (${pageIds})`, offset: 0, idsChosen: true };
}
