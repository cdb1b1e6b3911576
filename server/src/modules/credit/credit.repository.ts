import { and, asc, desc, eq, getTableColumns, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { containing, idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  creditListings as listings,
  penaltyPublications as pubs,
  type CreditListingRow,
  type ListingKind,
  type PenaltyPublicationRow,
} from './credit.schema';
import type { PublicationStatus } from './publication-due';

/**
 * 行政处罚信息公示台账 (the penalized decided cases, each with its publication if recorded) and the
 * credit listings (经营异常名录, 严重违法失信名单).
 */

export interface PublicationFilters {
  scope: SQL;
  unitPath?: string;
  campaignPath?: string;
  decidedFrom?: string;
  decidedTo?: string;
  status?: PublicationStatus;
  /** Unpublished decisions on or before this date are overdue (publication-due.ts). */
  overdueCutoff: string;
  /** Only unpublished decisions on or before this date (due soon or overdue: the inbox). */
  dueBy?: string;
}

const done = sql`(${cases.published} or ${pubs.id} is not null)`;
const notDone = sql`not (${cases.published} or ${pubs.id} is not null)`;

function publicationWhere(f: PublicationFilters, withStatus = true): SQL {
  const conds: SQL[] = [f.scope, eq(cases.penalized, true), isNotNull(cases.decisionDate)];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, cases.unitId));
  if (f.campaignPath) conds.push(idInTree(cases.campaignId, campaigns, f.campaignPath));
  if (f.decidedFrom) conds.push(sql`${cases.decisionDate} >= ${f.decidedFrom}`);
  if (f.decidedTo) conds.push(sql`${cases.decisionDate} <= ${f.decidedTo}`);
  if (f.dueBy) conds.push(notDone, sql`${cases.decisionDate} <= ${f.dueBy}`);
  if (withStatus && f.status === 'done') conds.push(done);
  if (withStatus && f.status === 'overdue') conds.push(notDone, sql`${cases.decisionDate} <= ${f.overdueCutoff}`);
  if (withStatus && f.status === 'pending') conds.push(notDone, sql`${cases.decisionDate} > ${f.overdueCutoff}`);
  return and(...conds)!;
}

const recorder = users;
const ledgerColumns = {
  caseId: cases.id,
  unitId: cases.unitId,
  unitName: units.name,
  unitPath: units.path,
  campaignId: cases.campaignId,
  categoryCode: cases.categoryCode,
  caseNumber: cases.caseNumber,
  caseName: cases.name,
  partyKind: cases.partyKind,
  partyName: cases.partyName,
  partyCreditCode: cases.partyCreditCode,
  decisionDate: sql<string>`${cases.decisionDate}`,
  penaltyContent: cases.penaltyContent,
  summary: cases.summary,
  fineFen: cases.fineFen,
  confiscatedFen: cases.confiscatedFen,
  published: cases.published,
  publicationId: pubs.id,
  publishedDate: pubs.publishedDate,
  channel: pubs.channel,
  reference: pubs.reference,
  recordedByName: recorder.displayName,
  caseVersion: cases.version,
};

const selectLedger = (db: Db) =>
  db
    .select(ledgerColumns)
    .from(cases)
    .innerJoin(units, eq(units.id, cases.unitId))
    .leftJoin(pubs, eq(pubs.caseId, cases.id))
    .leftJoin(recorder, eq(recorder.id, pubs.recordedBy));
export type LedgerRow = Awaited<ReturnType<typeof selectLedger>>[number];

export interface ListingFilters {
  scope: SQL;
  unitPath?: string;
  listKind?: ListingKind;
  status?: 'listed' | 'removed';
  q?: string;
}

function listingWhere(f: ListingFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, listings.unitId));
  if (f.listKind) conds.push(eq(listings.listKind, f.listKind));
  if (f.status) conds.push(eq(listings.status, f.status));
  if (f.q) conds.push(or(ilike(listings.entityName, containing(f.q)), ilike(listings.creditCode, containing(f.q)))!);
  return and(...conds)!;
}

const listingColumns = {
  ...getTableColumns(listings),
  unitName: units.name,
  unitPath: units.path,
  caseNumber: cases.caseNumber,
  caseName: cases.name,
};
export type ListingListRow = CreditListingRow & {
  unitName: string;
  unitPath: string;
  caseNumber: string | null;
  caseName: string | null;
};

const selectListings = (db: Db) =>
  db
    .select(listingColumns)
    .from(listings)
    .innerJoin(units, eq(units.id, listings.unitId))
    .leftJoin(cases, eq(cases.id, listings.caseId));

export function createCreditRepository() {
  return {
    /** A page of the ledger: newest decision first, along cases_penalty_decision_idx. */
    ledger: (db: Db, f: PublicationFilters, page: { limit: number; offset: number }): Promise<LedgerRow[]> =>
      selectLedger(db)
        .where(publicationWhere(f))
        .orderBy(desc(cases.decisionDate), desc(cases.createdAt), asc(cases.id))
        .limit(page.limit)
        .offset(page.offset),

    /** How many match the filters (the status aside) in each status, and with the status. */
    async ledgerTotals(db: Db, f: PublicationFilters) {
      const cutoff = f.overdueCutoff;
      const [row] = await db
        .select({
          all: sql<number>`count(*)::int`,
          done: sql<number>`count(*) filter (where ${done})::int`,
          overdue: sql<number>`count(*) filter (where ${notDone} and ${cases.decisionDate} <= ${cutoff})::int`,
          pending: sql<number>`count(*) filter (where ${notDone} and ${cases.decisionDate} > ${cutoff})::int`,
        })
        .from(cases)
        .leftJoin(pubs, eq(pubs.caseId, cases.id))
        .where(publicationWhere(f, false));
      return row;
    },

    /** One row of the ledger (a penalized, decided case in scope). */
    ledgerRow: async (db: Db, caseId: string, scope: SQL): Promise<LedgerRow | undefined> =>
      (
        await selectLedger(db).where(and(eq(cases.id, caseId), publicationWhere({ scope, overdueCutoff: '' }, false)))
      )[0],

    async insertPublication(tx: Db, row: typeof pubs.$inferInsert): Promise<PenaltyPublicationRow> {
      const [created] = await tx.insert(pubs).values(row).returning();
      return created;
    },

    listings: (db: Db, f: ListingFilters, page: { limit: number; offset: number }): Promise<ListingListRow[]> =>
      selectListings(db)
        .where(listingWhere(f))
        .orderBy(desc(listings.listedDate), desc(listings.createdAt), asc(listings.id))
        .limit(page.limit)
        .offset(page.offset),

    async countListings(db: Db, f: ListingFilters) {
      const [row] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(listings)
        .where(listingWhere(f));
      return row.total;
    },

    findListing: async (db: Db, id: string, scope: SQL): Promise<ListingListRow | undefined> =>
      (await selectListings(db).where(and(eq(listings.id, id), scope)))[0],

    async insertListing(tx: Db, row: typeof listings.$inferInsert): Promise<CreditListingRow> {
      const [created] = await tx.insert(listings).values(row).returning();
      return created;
    },

    async updateListing(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<typeof listings.$inferInsert>,
    ): Promise<CreditListingRow | undefined> {
      const [row] = await tx
        .update(listings)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(listings.id, id), eq(listings.version, version), eq(listings.status, 'listed')))
        .returning();
      return row;
    },

    /** A register entry (双随机 名录库) in the scope given, with its unit. */
    findMarketEntity: async (db: Db, id: string, scope: SQL) =>
      (
        await db
          .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
          .from(marketEntities)
          .where(and(eq(marketEntities.id, id), scope))
      )[0],
  };
}

export type CreditRepository = ReturnType<typeof createCreditRepository>;
