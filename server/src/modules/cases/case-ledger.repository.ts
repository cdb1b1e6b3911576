import { and, asc, desc, eq, ilike, isNotNull, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { containing, idsInTree, scopeBoundBy, unitIdInSubtree } from '../../platform/scope';
import { inline, placeholders, preparedShapes, shapeOf, type Bind } from '../../platform/db/prepared-shapes';
import { cappedCountQuery, cappedTotal } from '../../platform/db/capped-count';
import { listPageConditions, subtreeBranch } from '../../platform/db/newest-in-subtree';
import { campaignCategories, campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { clockRuns } from './cases.rules';
import { caseCampaigns, cases, type CaseRow, type CaseStage } from './cases.schema';
import type { CaseSort } from './case.types';

/*
 * The ledger's reads (台账): its filters, its page and its count, each page and count one statement
 * prepared per filter shape (platform/db/prepared-shapes.ts) — the hot path of issue 22. The other
 * lists of cases (the export's chunks, the inbox, 结转) use the same conditions (`caseConditions`).
 */

export interface CaseFilters {
  /** The caller's scope (unitIdInScope over cases.unitId): always applied. */
  scope: SQL;
  /** The actor's scope as a subtree path (records.ts ListScope): how a page is read, not a condition. */
  scopePath?: string;
  /** A campaign's path: its cases and those of the implementation plans below it. */
  campaignPath?: string;
  /** A unit's path: cases handled in its subtree. */
  unitPath?: string;
  q?: string;
  stages?: CaseStage[];
  categoryCode?: string;
  overdueOn?: string;
  supervised?: boolean;
  typical?: boolean;
  online?: boolean;
  rural?: boolean;
  filedFrom?: string;
  filedTo?: string;
  closedFrom?: string;
  closedTo?: string;
  /** Cases whose decision clock ends between these days (inclusive): 临期. */
  dueBetween?: { from: string; to: string };
  /** Cases this person investigates (办案人员). */
  investigatorId?: string;
  /** Cases this person executes (执行人员). */
  executorId?: string;
  /** Cases this person neither approved nor investigates (四分离: who may review them). */
  notDutyOf?: string;
  /** These cases only (a page already chosen by id). */
  ids?: string[];
  /** The subtree conditions as a test of each row (newest-in-subtree.ts ListPageFilters). */
  subtreeAsFilter?: boolean;
}

/** What a row of the ledger (台账) shows of a case. */
const LEDGER_COLUMNS = {
  id: cases.id,
  unitId: cases.unitId,
  campaignId: cases.campaignId,
  categoryCode: cases.categoryCode,
  caseNumber: cases.caseNumber,
  name: cases.name,
  partyKind: cases.partyKind,
  partyName: cases.partyName,
  stage: cases.stage,
  filingDate: cases.filingDate,
  decisionDate: cases.decisionDate,
  decisionDueDate: cases.decisionDueDate,
  closingDate: cases.closingDate,
  amountInvolvedFen: cases.amountInvolvedFen,
  fineFen: cases.fineFen,
  confiscatedFen: cases.confiscatedFen,
  lossesRecoveredFen: cases.lossesRecoveredFen,
  transferredToJudiciary: cases.transferredToJudiciary,
  online: cases.online,
  rural: cases.rural,
  supervisionLevel: cases.supervisionLevel,
  typical: cases.typical,
  version: cases.version,
};
/** A ledger row with the names beside its ids (承办单位, 专项行动, 违法类型). */
export type CaseLedgerRow = Pick<CaseRow, keyof typeof LEDGER_COLUMNS> & {
  unitName: string | null;
  campaignName: string | null;
  categoryLabel: string | null;
};

/**
 * The ledger's conditions. Every value goes through `bind`: inline by default, a placeholder when
 * the statement is prepared per shape (the ledger's page and count: platform/db/prepared-shapes.ts).
 */
export function caseConditions(f: CaseFilters, bind: Bind = inline): SQL {
  // A subtree as a test of each row when asked (ListPageFilters.subtreeAsFilter).
  const subtree = (c: SQL) => (f.subtreeAsFilter ? sql`(${c}) is true` : c);
  const conds: SQL[] = [subtree(scopeBoundBy(f.scope, bind))];
  if (f.campaignPath) {
    // Its own campaign, or a further one it counts toward (and the implementation plans below either).
    const inCampaign = idsInTree(campaigns, f.campaignPath, bind, 'campaignPath');
    conds.push(
      or(
        sql`${cases.campaignId} in (${inCampaign})`,
        sql`${cases.id} in (select ${caseCampaigns.caseId} from ${caseCampaigns} where ${caseCampaigns.campaignId} in (${inCampaign}))`,
      )!,
    );
  }
  if (f.unitPath) conds.push(subtree(unitIdInSubtree(f.unitPath, cases.unitId, bind)));
  if (f.ids) conds.push(f.ids.length ? sql`${cases.id} = any(${bind('ids', f.ids)}::uuid[])` : sql`false`);
  if (f.q) {
    const q = bind('q', containing(f.q));
    conds.push(or(ilike(cases.partyName, q), ilike(cases.name, q), ilike(cases.caseNumber, q))!);
  }
  if (f.stages?.length) conds.push(sql`${cases.stage} = any(${bind('stages', f.stages)}::text[])`);
  if (f.categoryCode) conds.push(eq(cases.categoryCode, bind('categoryCode', f.categoryCode)));
  if (f.overdueOn) {
    conds.push(lt(cases.decisionDueDate, bind('overdueOn', f.overdueOn)));
    // Only a running clock can be overdue (decisionDueDate is null from 决定 on): with stages that
    // all come after it nothing matches, and saying so spares PostgreSQL reading the ledger to find out.
    if (f.stages?.length && !f.stages.some(clockRuns)) conds.push(sql`false`);
  }
  if (f.supervised !== undefined)
    conds.push(f.supervised ? isNotNull(cases.supervisionLevel) : sql`${cases.supervisionLevel} is null`);
  if (f.typical !== undefined) conds.push(eq(cases.typical, bind('typical', f.typical)));
  if (f.online !== undefined) conds.push(eq(cases.online, bind('online', f.online)));
  if (f.rural !== undefined) conds.push(eq(cases.rural, bind('rural', f.rural)));
  if (f.filedFrom) conds.push(sql`${cases.filingDate} >= ${bind('filedFrom', f.filedFrom)}`);
  if (f.filedTo) conds.push(sql`${cases.filingDate} <= ${bind('filedTo', f.filedTo)}`);
  if (f.closedFrom) conds.push(sql`${cases.closingDate} >= ${bind('closedFrom', f.closedFrom)}`);
  if (f.closedTo) conds.push(sql`${cases.closingDate} <= ${bind('closedTo', f.closedTo)}`);
  if (f.dueBetween)
    conds.push(
      sql`${cases.decisionDueDate} >= ${bind('dueFrom', f.dueBetween.from)}`,
      sql`${cases.decisionDueDate} <= ${bind('dueTo', f.dueBetween.to)}`,
    );
  if (f.investigatorId) conds.push(eq(cases.investigatorId, bind('investigatorId', f.investigatorId)));
  if (f.executorId) conds.push(eq(cases.executorId, bind('executorId', f.executorId)));
  if (f.notDutyOf) {
    const person = bind('notDutyOf', f.notDutyOf);
    conds.push(
      sql`${cases.investigatorId} is distinct from ${person}`,
      sql`${cases.filingApproverId} is distinct from ${person}`,
    );
  }
  return and(...conds)!;
}

/** The ledger's page and count, prepared once per filter shape (platform/db/prepared-shapes.ts). */
const ledgerStatements = preparedShapes();

/** The ledger's order (a sort of the list) over a source's columns: filing date or due date, then creation. */
function ledgerOrder(
  sort: CaseSort,
  c: { filingDate: SQLWrapper; decisionDueDate: SQLWrapper; createdAt: SQLWrapper },
) {
  return sort === 'filingDate.asc'
    ? [asc(c.filingDate), asc(c.createdAt)]
    : sort === 'decisionDueDate.asc'
      ? [asc(c.decisionDueDate), asc(c.createdAt)]
      : [desc(c.filingDate), desc(c.createdAt)];
}

/**
 * One page of the ledger: the columns the ledger shows (not the whole case) and the names beside
 * its ids, in one query. A page walked along an order index chooses its ids first, along an index
 * that holds every column the conditions test (cases.schema.ts), so the walk past the earlier pages
 * reads no table page, and then reads only its own rows. A page whose ids were chosen unit by unit
 * already (`idsChosen`, newest-in-subtree.ts) reads its rows at once: choosing them a second time
 * cost a district's page more than it saved.
 */
function ledgerPageQuery(
  db: Db,
  conditions: SQL,
  sort: CaseSort,
  limit: number | SQLWrapper,
  offset: number | SQLWrapper,
  idsChosen: boolean,
) {
  const order = { filingDate: cases.filingDate, decisionDueDate: cases.decisionDueDate, createdAt: cases.createdAt };
  const page = db
    .select(idsChosen ? { ...LEDGER_COLUMNS, createdAt: cases.createdAt } : { id: cases.id, ...order })
    .from(cases)
    .where(conditions)
    .orderBy(...ledgerOrder(sort, cases))
    .limit(limit as number)
    .offset(offset as number)
    .as('ledger_page');
  const onPage = page as unknown as typeof LEDGER_COLUMNS;
  const row = idsChosen
    ? (Object.fromEntries(Object.keys(LEDGER_COLUMNS).map((k) => [k, onPage[k as keyof typeof LEDGER_COLUMNS]])) as {
        [K in keyof typeof LEDGER_COLUMNS]: (typeof LEDGER_COLUMNS)[K];
      })
    : LEDGER_COLUMNS;
  const withNames = db
    .select({ ...row, unitName: units.name, campaignName: campaigns.name, categoryLabel: campaignCategories.label })
    .from(page)
    .$dynamic();
  const rows = idsChosen ? withNames : withNames.innerJoin(cases, eq(cases.id, onPage.id));
  return rows
    .leftJoin(units, eq(units.id, row.unitId))
    .leftJoin(campaigns, eq(campaigns.id, row.campaignId))
    .leftJoin(
      campaignCategories,
      and(eq(campaignCategories.campaignId, row.campaignId), eq(campaignCategories.code, row.categoryCode)),
    )
    .orderBy(...ledgerOrder(sort, page as unknown as typeof order));
}

export type PageFilters = CaseFilters & { limit: number; offset: number; sort?: CaseSort };

/**
 * A page's conditions, values bound by `bind`, and the offset the statement itself applies. A small
 * subtree's page among its first 20, newest filing first, is chosen unit by unit along
 * cases_unit_filing_idx inside the statement (newest-in-subtree.ts listPageConditions).
 */
async function ledgerPageParts(db: Db, f: PageFilters, bind: Bind) {
  const sort = f.sort ?? 'filingDate.desc';
  const ledger = {
    table: cases,
    id: cases.id,
    unitId: cases.unitId,
    order: [cases.filingDate, cases.createdAt],
    conditions: (g: PageFilters) => caseConditions(g, bind),
    bind,
    branchColumn: cases.branchUnitId,
  };
  return { sort, ...(await listPageConditions(db, ledger, f, sort === 'filingDate.desc')) };
}

/** A page of the ledger in one statement, prepared per shape. */
export async function ledgerPage(db: Db, f: PageFilters): Promise<CaseLedgerRow[]> {
  const { bind, values } = placeholders();
  const { sort, conditions, offset, idsChosen } = await ledgerPageParts(db, f, bind);
  const limitAndOffset = { limit: sql.placeholder('limit'), offset: sql.placeholder('offset') };
  return ledgerStatements.run(
    db,
    `ledger-page ${sort} ${shapeOf(conditions)}`,
    () => ledgerPageQuery(db, conditions, sort, limitAndOffset.limit, limitAndOffset.offset, idsChosen),
    { ...values, limit: f.limit, offset },
  );
}

/** The statement a page of the ledger runs, its values inline (to EXPLAIN it). */
export async function ledgerPageStatement(db: Db, f: PageFilters): Promise<SQL> {
  const { sort, conditions, offset, idsChosen } = await ledgerPageParts(db, f, inline);
  return ledgerPageQuery(db, conditions, sort, f.limit, offset, idsChosen).getSQL();
}

/**
 * How many cases match (exact up to COUNT_CAP), prepared per shape like the page; a wide subtree's,
 * or a district's that is a branch itself, among its branch's entries of cases_branch_filing_idx alone.
 */
export async function ledgerCount(db: Db, f: CaseFilters) {
  const { bind, values } = placeholders();
  const branch = f.ids
    ? undefined
    : await subtreeBranch(db, cases.branchUnitId, {
        unitPath: f.unitPath ?? f.scopePath,
        textSearch: Boolean(f.q),
        bind,
      });
  const conditions = branch ? sql`${caseConditions(f, bind)} and ${branch}` : caseConditions(f, bind);
  const [{ total }] = await ledgerStatements.run(
    db,
    `ledger-count ${shapeOf(conditions)}`,
    () => cappedCountQuery(db, cases, conditions),
    values,
  );
  return cappedTotal(total);
}
