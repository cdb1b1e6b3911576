import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import type { AuthorityKind } from '../../platform/authorities';
import { campaignCategories, campaigns } from '../campaigns/campaigns.schema';
import { rowsOf } from '../../platform/db/rows-of';
import { cases } from '../cases/cases.schema';
import { leads } from '../leads/leads.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import type { TransferStatus } from './transfer-rules';
import {
  criminalThresholds,
  transferReplies,
  transfers,
  type CriminalThresholdRow,
  type TransferInsert,
  type TransferRow,
} from './transfers.schema';

export interface TransferFilters {
  scope: SQL;
  unitPath?: string;
  campaignPath?: string;
  receiverKind?: AuthorityKind;
  statuses?: TransferStatus[];
  subject?: 'case' | 'lead';
  /** Still waiting and the chase date before this day. */
  overdueOn?: string;
}

const WAITING: TransferStatus[] = ['sent', 'accepted'];

function where(f: TransferFilters): SQL {
  const conds: (SQL | undefined)[] = [f.scope];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, transfers.unitId));
  if (f.campaignPath) conds.push(idInTree(transfers.campaignId, campaigns, f.campaignPath));
  if (f.receiverKind) conds.push(eq(transfers.receiverKind, f.receiverKind));
  if (f.statuses?.length) conds.push(inArray(transfers.status, f.statuses));
  if (f.subject === 'case') conds.push(sql`${transfers.caseId} is not null`);
  if (f.subject === 'lead') conds.push(sql`${transfers.leadId} is not null`);
  if (f.overdueOn) conds.push(inArray(transfers.status, WAITING), lt(transfers.replyDueDate, f.overdueOn));
  return and(...conds)!;
}

/** A transfer with what a list shows of its subject, its unit and who sent it. */
const listed = {
  ...getTableColumns(transfers),
  unitName: units.name,
  createdByName: users.displayName,
  caseName: cases.name,
  caseNumber: cases.caseNumber,
  leadPartyName: leads.partyName,
};
export type TransferListRow = TransferRow & {
  unitName: string | null;
  createdByName: string | null;
  caseName: string | null;
  caseNumber: string | null;
  leadPartyName: string | null;
};

const selectListed = (db: Db) =>
  db
    .select(listed)
    .from(transfers)
    .leftJoin(units, eq(units.id, transfers.unitId))
    .leftJoin(users, eq(users.id, transfers.createdBy))
    .leftJoin(cases, eq(cases.id, transfers.caseId))
    .leftJoin(leads, eq(leads.id, transfers.leadId));

/** A case the 涉刑不移 guard flags: over its category's threshold, not transferred to a judicial organ. */
export interface FlaggedCaseRow {
  id: string;
  unitId: string;
  name: string;
  caseNumber: string;
  categoryCode: string;
  amountInvolvedFen: number;
  minAmountFen: number;
  source: string;
  description: string;
}

const flaggedWhere = (scope: SQL) =>
  and(
    scope,
    eq(cases.transferredToJudiciary, false),
    gte(cases.amountInvolvedFen, criminalThresholds.minAmountFen),
    sql`${cases.stage} <> 'archived'`,
  );

export function createTransfersRepository() {
  return {
    async insert(db: Db, row: TransferInsert): Promise<TransferRow> {
      const [created] = await db.insert(transfers).values(row).returning();
      return created;
    },

    async update(
      db: Db,
      id: string,
      version: number,
      patch: Partial<TransferInsert>,
    ): Promise<TransferRow | undefined> {
      const [row] = await db
        .update(transfers)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(transfers.id, id), eq(transfers.version, version)))
        .returning();
      return row;
    },

    async insertReply(db: Db, row: typeof transferReplies.$inferInsert) {
      const [created] = await db.insert(transferReplies).values(row).returning();
      return created;
    },

    async findVisible(db: Db, id: string, scope: SQL): Promise<TransferListRow | undefined> {
      const [row] = await selectListed(db).where(and(eq(transfers.id, id), scope));
      return row;
    },

    /** The transfers of a case or of leads (a few each), oldest first. */
    ofCase: (db: Db, caseId: string): Promise<TransferListRow[]> =>
      selectListed(db).where(eq(transfers.caseId, caseId)).orderBy(asc(transfers.createdAt)),
    ofLeads: (db: Db, leadIds: string[]): Promise<TransferListRow[]> =>
      leadIds.length === 0
        ? Promise.resolve([])
        : selectListed(db).where(inArray(transfers.leadId, leadIds)).orderBy(asc(transfers.createdAt)),

    /** The answers of the transfers, in the order recorded, with who recorded them. */
    replies: (db: Db, transferIds: string[]) =>
      transferIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ ...getTableColumns(transferReplies), recordedByName: users.displayName })
            .from(transferReplies)
            .leftJoin(users, eq(users.id, transferReplies.recordedBy))
            .where(inArray(transferReplies.transferId, transferIds))
            .orderBy(asc(transferReplies.recordedAt)),

    /** 移送台账: newest transfer first (along transfers_list_order_idx within a unit). */
    page: (db: Db, f: TransferFilters, limit: number, offset: number): Promise<TransferListRow[]> =>
      selectListed(db)
        .where(where(f))
        .orderBy(desc(transfers.transferDate), desc(transfers.createdAt))
        .limit(limit)
        .offset(offset),

    async count(db: Db, f: TransferFilters): Promise<number> {
      const [row] = await db.select({ n: count() }).from(transfers).where(where(f));
      return row.n;
    },

    /** Waiting transfers whose chase date has passed, the oldest date first (the inbox). */
    overdue: (db: Db, scope: SQL, today: string, limit: number): Promise<TransferListRow[]> =>
      selectListed(db)
        .where(where({ scope, overdueOn: today }))
        .orderBy(asc(transfers.replyDueDate))
        .limit(limit),

    /** 涉刑不移: cases in scope over their category's threshold and not transferred. */
    flaggedCases: (db: Db, scope: SQL, limit: number): Promise<FlaggedCaseRow[]> =>
      db
        .select({
          id: cases.id,
          unitId: cases.unitId,
          name: cases.name,
          caseNumber: cases.caseNumber,
          categoryCode: cases.categoryCode,
          amountInvolvedFen: cases.amountInvolvedFen,
          minAmountFen: criminalThresholds.minAmountFen,
          source: criminalThresholds.source,
          description: criminalThresholds.description,
        })
        .from(cases)
        .innerJoin(criminalThresholds, eq(criminalThresholds.categoryCode, cases.categoryCode))
        .where(flaggedWhere(scope))
        .orderBy(desc(cases.amountInvolvedFen), asc(cases.id))
        .limit(limit),

    async countFlaggedCases(db: Db, scope: SQL): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(cases)
        .innerJoin(criminalThresholds, eq(criminalThresholds.categoryCode, cases.categoryCode))
        .where(flaggedWhere(scope));
      return row.n;
    },

    /** The threshold of a category, if one is kept. */
    async thresholdFor(db: Db, categoryCode: string): Promise<CriminalThresholdRow | undefined> {
      const [row] = await db.select().from(criminalThresholds).where(eq(criminalThresholds.categoryCode, categoryCode));
      return row;
    },

    thresholds: (db: Db) =>
      db
        .select({ ...getTableColumns(criminalThresholds), updatedByName: users.displayName })
        .from(criminalThresholds)
        .leftJoin(users, eq(users.id, criminalThresholds.updatedBy))
        .orderBy(asc(criminalThresholds.categoryCode)),

    /**
     * The violation categories the installation's plans use, by code, each with the label most plans
     * give it (labels only: what a threshold is set for; no plan or record behind them is shown).
     */
    async categoryLabels(db: Db): Promise<{ code: string; label: string }[]> {
      const result = await db.execute(sql`
        select ${campaignCategories.code} as code, mode() within group (order by ${campaignCategories.label}) as label
          from ${campaignCategories}
         group by ${campaignCategories.code}
         order by min(${campaignCategories.seq}), ${campaignCategories.code}`);
      return rowsOf<{ code: string; label: string }>(result).map((r) => ({
        code: String(r.code),
        label: String(r.label),
      }));
    },

    async findThreshold(db: Db, id: string): Promise<CriminalThresholdRow | undefined> {
      const [row] = await db.select().from(criminalThresholds).where(eq(criminalThresholds.id, id));
      return row;
    },

    async insertThreshold(db: Db, row: typeof criminalThresholds.$inferInsert): Promise<CriminalThresholdRow> {
      const [created] = await db.insert(criminalThresholds).values(row).returning();
      return created;
    },

    async updateThreshold(
      db: Db,
      id: string,
      version: number,
      patch: Partial<typeof criminalThresholds.$inferInsert>,
    ): Promise<CriminalThresholdRow | undefined> {
      const [row] = await db
        .update(criminalThresholds)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(criminalThresholds.id, id), eq(criminalThresholds.version, version)))
        .returning();
      return row;
    },

    async deleteThreshold(db: Db, id: string, version: number): Promise<CriminalThresholdRow | undefined> {
      const [row] = await db
        .delete(criminalThresholds)
        .where(and(eq(criminalThresholds.id, id), eq(criminalThresholds.version, version)))
        .returning();
      return row;
    },
  };
}

export type TransfersRepository = ReturnType<typeof createTransfersRepository>;
