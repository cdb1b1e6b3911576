import { and, asc, desc, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idsInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { caseCampaigns, cases } from '../cases/cases.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import type { NominationStatus } from './recognition-kinds';
import { createRecognitionEntriesRepository } from './recognition-entries.repository';
import { typicalCaseNominations as noms, type NominationRow } from './recognition.schema';

export interface NominationFilters {
  scope: SQL;
  unitPath?: string;
  campaignId: string;
  categoryCode?: string;
  status?: NominationStatus;
}

const nominator = alias(users, 'nomination_nominator');
const decider = alias(users, 'nomination_decider');
const nominationColumns = {
  ...getTableColumns(noms),
  caseNumber: cases.caseNumber,
  caseName: cases.name,
  partyName: cases.partyName,
  caseTypical: cases.typical,
  unitName: units.name,
  nominatedByName: nominator.displayName,
  decidedByName: decider.displayName,
};
export type NominationListRow = NominationRow & {
  caseNumber: string;
  caseName: string;
  partyName: string;
  caseTypical: boolean;
  unitName: string;
  nominatedByName: string | null;
  decidedByName: string | null;
};

function selectNominations(db: Db) {
  return db
    .select(nominationColumns)
    .from(noms)
    .innerJoin(cases, eq(cases.id, noms.caseId))
    .innerJoin(units, eq(units.id, noms.unitId))
    .leftJoin(nominator, eq(nominator.id, noms.nominatedBy))
    .leftJoin(decider, eq(decider.id, noms.decidedBy));
}

/** A selected typical case as the briefing quotes it (money in 元 text). */
export interface SelectedCaseRow {
  id: string;
  categoryCode: string;
  name: string;
  partyName: string;
  unitName: string;
  filingDate: string;
  stage: string;
  penalized: boolean;
  decisionDate: string | null;
  fine: string;
  confiscated: string;
  summary: string | null;
  transferredToJudiciary: boolean;
  transferredToPolice: boolean;
  decisionReason: string | null;
}

const yuan = (col: AnyPgColumn) => sql<string>`to_char(${col} / 100.0, 'FM999999999999999990.00')`;

/**
 * The data access of the recognition module: the typical-case nominations here, 表彰 and 问责 (and
 * their evidence) from `recognition-entries.repository.ts`.
 */
export function createRecognitionRepository() {
  return {
    ...createRecognitionEntriesRepository(),
    /**
     * A case that counts toward a plan's tree (its own campaign in the tree, or a further campaign
     * of the tree it counts toward), with the category it counts in there; undefined otherwise.
     */
    async caseInPlan(db: Db, caseId: string, campaignPath: string) {
      const tree = idsInTree(campaigns, campaignPath);
      const [row] = await db
        .select({
          id: cases.id,
          unitId: cases.unitId,
          typical: cases.typical,
          name: cases.name,
          categoryCode: sql<string | null>`coalesce(
            case when ${cases.campaignId} in (${tree}) then ${cases.categoryCode} end,
            (select ${caseCampaigns.categoryCode} from ${caseCampaigns}
              where ${caseCampaigns.caseId} = ${cases.id} and ${caseCampaigns.campaignId} in (${tree}) limit 1))`,
        })
        .from(cases)
        .where(eq(cases.id, caseId));
      return row && row.categoryCode ? { ...row, categoryCode: row.categoryCode } : undefined;
    },

    /** Marks a case typical (its form, annex 3, is then the typical-case form); a new version of the case. */
    async markTypical(tx: Db, caseId: string) {
      await tx
        .update(cases)
        .set({ typical: true, version: sql`${cases.version} + 1`, updatedAt: new Date() })
        .where(eq(cases.id, caseId));
    },

    listNominations: (db: Db, f: NominationFilters): Promise<NominationListRow[]> => {
      const conds: SQL[] = [f.scope, eq(noms.campaignId, f.campaignId)];
      if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, noms.unitId));
      if (f.categoryCode) conds.push(eq(noms.categoryCode, f.categoryCode));
      if (f.status) conds.push(eq(noms.status, f.status));
      return selectNominations(db)
        .where(and(...conds))
        .orderBy(asc(noms.categoryCode), desc(noms.nominatedAt))
        .limit(1000);
    },

    async findNomination(db: Db, id: string, scope: SQL): Promise<NominationListRow | undefined> {
      const [row] = await selectNominations(db).where(and(eq(noms.id, id), scope));
      return row;
    },

    async insertNomination(tx: Db, row: typeof noms.$inferInsert): Promise<NominationRow> {
      const [created] = await tx.insert(noms).values(row).returning();
      return created;
    },

    async updateNomination(tx: Db, id: string, version: number, patch: Partial<typeof noms.$inferInsert>) {
      const [row] = await tx
        .update(noms)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(noms.id, id), eq(noms.version, version)))
        .returning();
      return row as NominationRow | undefined;
    },

    async deleteNomination(tx: Db, id: string, version: number) {
      const [row] = await tx
        .delete(noms)
        .where(and(eq(noms.id, id), eq(noms.version, version), eq(noms.status, 'nominated')))
        .returning();
      return row as NominationRow | undefined;
    },

    /**
     * The selected typical cases of one plan, of a unit's subtree, filed or closed in the period (as
     * the marked ones a briefing quotes), in category order then filing.
     */
    selectedCases: (
      db: Db,
      campaignId: string,
      unitPath: string,
      from: string,
      to: string,
    ): Promise<SelectedCaseRow[]> =>
      db
        .select({
          id: cases.id,
          categoryCode: noms.categoryCode,
          name: cases.name,
          partyName: cases.partyName,
          unitName: units.name,
          filingDate: cases.filingDate,
          stage: cases.stage,
          penalized: cases.penalized,
          decisionDate: cases.decisionDate,
          fine: yuan(cases.fineFen),
          confiscated: yuan(cases.confiscatedFen),
          summary: cases.summary,
          transferredToJudiciary: cases.transferredToJudiciary,
          transferredToPolice: cases.transferredToPolice,
          decisionReason: noms.decisionReason,
        })
        .from(noms)
        .innerJoin(cases, eq(cases.id, noms.caseId))
        .innerJoin(units, eq(units.id, cases.unitId))
        .where(
          and(
            eq(noms.campaignId, campaignId),
            eq(noms.status, 'selected'),
            unitIdInSubtree(unitPath, noms.unitId),
            sql`(${cases.filingDate} between ${from} and ${to} or ${cases.closingDate} between ${from} and ${to})`,
          ),
        )
        .orderBy(asc(noms.categoryCode), asc(cases.filingDate), asc(cases.id)),

    /** Selected nominations of a plan's tree decided in the period, of a unit's subtree (the indicator). */
    selectedInPeriod: (db: Db, campaignPath: string, unitPath: string, from: string, to: string) =>
      db
        .select({
          caseId: noms.caseId,
          caseName: cases.name,
          unitName: units.name,
          decidedOn: noms.decidedOn,
        })
        .from(noms)
        .innerJoin(cases, eq(cases.id, noms.caseId))
        .innerJoin(units, eq(units.id, noms.unitId))
        .where(
          and(
            sql`${noms.campaignId} in (${idsInTree(campaigns, campaignPath)})`,
            eq(noms.status, 'selected'),
            unitIdInSubtree(unitPath, noms.unitId),
            sql`${noms.decidedOn} between ${from} and ${to}`,
          ),
        )
        .orderBy(asc(noms.decidedOn), asc(cases.id)),
  };
}

export type RecognitionRepository = ReturnType<typeof createRecognitionRepository>;
