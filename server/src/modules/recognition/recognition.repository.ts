import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idsInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { caseSupervisions } from '../case-supervision/case-supervision.schema';
import { caseCampaigns, cases } from '../cases/cases.schema';
import { majorEvents } from '../major-events/major-events.schema';
import { reportSubmissions } from '../reports/reports.schema';
import { supervisionFindings } from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import type { EvidenceLink, EvidenceType, NominationStatus } from './recognition-kinds';
import {
  accountabilityMeasures,
  commendations,
  typicalCaseNominations as noms,
  type AccountabilityRow,
  type CommendationRow,
  type NominationRow,
} from './recognition.schema';

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

export interface EntryFilters {
  scope: SQL;
  unitPath?: string;
  campaignPath?: string;
  campaignId?: string;
  kind?: string;
  talentPool?: boolean;
}

const personUser = alias(users, 'recognition_person');
const entryCampaign = alias(campaigns, 'recognition_campaign');

function entryWhere(
  t: typeof commendations | typeof accountabilityMeasures,
  f: EntryFilters,
  kindColumn: AnyPgColumn,
): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignId) conds.push(eq(t.campaignId, f.campaignId));
  if (f.campaignPath) conds.push(sql`${t.campaignId} in (${idsInTree(campaigns, f.campaignPath)})`);
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, t.unitId));
  if (f.kind) conds.push(eq(kindColumn, f.kind));
  if (f.talentPool !== undefined && 'talentPool' in t) conds.push(eq(t.talentPool, f.talentPool));
  return and(...conds)!;
}

const commendationColumns = {
  ...getTableColumns(commendations),
  unitName: units.name,
  userName: personUser.displayName,
  campaignName: entryCampaign.name,
};
export type CommendationListRow = CommendationRow & {
  unitName: string;
  userName: string | null;
  campaignName: string;
};
const accountabilityColumns = {
  ...getTableColumns(accountabilityMeasures),
  unitName: units.name,
  userName: personUser.displayName,
  campaignName: entryCampaign.name,
};
export type AccountabilityListRow = AccountabilityRow & {
  unitName: string;
  userName: string | null;
  campaignName: string;
};

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

export function createRecognitionRepository() {
  return {
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

    listCommendations: (db: Db, f: EntryFilters): Promise<CommendationListRow[]> =>
      db
        .select(commendationColumns)
        .from(commendations)
        .innerJoin(units, eq(units.id, commendations.unitId))
        .innerJoin(entryCampaign, eq(entryCampaign.id, commendations.campaignId))
        .leftJoin(personUser, eq(personUser.id, commendations.userId))
        .where(entryWhere(commendations, f, commendations.kind))
        .orderBy(desc(commendations.decidedOn), asc(commendations.id))
        .limit(1000),

    async findCommendation(db: Db, id: string, scope: SQL): Promise<CommendationListRow | undefined> {
      const [row] = await db
        .select(commendationColumns)
        .from(commendations)
        .innerJoin(units, eq(units.id, commendations.unitId))
        .innerJoin(entryCampaign, eq(entryCampaign.id, commendations.campaignId))
        .leftJoin(personUser, eq(personUser.id, commendations.userId))
        .where(and(eq(commendations.id, id), scope));
      return row;
    },

    async insertCommendation(tx: Db, row: typeof commendations.$inferInsert): Promise<CommendationRow> {
      const [created] = await tx.insert(commendations).values(row).returning();
      return created;
    },

    async updateCommendation(tx: Db, id: string, version: number, patch: Partial<typeof commendations.$inferInsert>) {
      const [row] = await tx
        .update(commendations)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(commendations.id, id), eq(commendations.version, version)))
        .returning();
      return row as CommendationRow | undefined;
    },

    async deleteCommendation(tx: Db, id: string, version: number) {
      const [row] = await tx
        .delete(commendations)
        .where(and(eq(commendations.id, id), eq(commendations.version, version)))
        .returning();
      return row as CommendationRow | undefined;
    },

    listAccountability: (db: Db, f: EntryFilters): Promise<AccountabilityListRow[]> =>
      db
        .select(accountabilityColumns)
        .from(accountabilityMeasures)
        .innerJoin(units, eq(units.id, accountabilityMeasures.unitId))
        .innerJoin(entryCampaign, eq(entryCampaign.id, accountabilityMeasures.campaignId))
        .leftJoin(personUser, eq(personUser.id, accountabilityMeasures.userId))
        .where(entryWhere(accountabilityMeasures, f, accountabilityMeasures.measure))
        .orderBy(desc(accountabilityMeasures.decidedOn), asc(accountabilityMeasures.id))
        .limit(1000),

    async findAccountability(db: Db, id: string, scope: SQL): Promise<AccountabilityListRow | undefined> {
      const [row] = await db
        .select(accountabilityColumns)
        .from(accountabilityMeasures)
        .innerJoin(units, eq(units.id, accountabilityMeasures.unitId))
        .innerJoin(entryCampaign, eq(entryCampaign.id, accountabilityMeasures.campaignId))
        .leftJoin(personUser, eq(personUser.id, accountabilityMeasures.userId))
        .where(and(eq(accountabilityMeasures.id, id), scope));
      return row;
    },

    async insertAccountability(tx: Db, row: typeof accountabilityMeasures.$inferInsert): Promise<AccountabilityRow> {
      const [created] = await tx.insert(accountabilityMeasures).values(row).returning();
      return created;
    },

    async updateAccountability(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<typeof accountabilityMeasures.$inferInsert>,
    ) {
      const [row] = await tx
        .update(accountabilityMeasures)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(accountabilityMeasures.id, id), eq(accountabilityMeasures.version, version)))
        .returning();
      return row as AccountabilityRow | undefined;
    },

    async deleteAccountability(tx: Db, id: string, version: number) {
      const [row] = await tx
        .delete(accountabilityMeasures)
        .where(and(eq(accountabilityMeasures.id, id), eq(accountabilityMeasures.version, version)))
        .returning();
      return row as AccountabilityRow | undefined;
    },

    /**
     * The evidence records that exist and are in the actor's scope (`scopeOf` gives the condition on
     * a record's unit column), each with its title and the web app's link; absent ones are left out.
     */
    async evidence(
      db: Db,
      links: EvidenceLink[],
      scopeOf: (unitIdColumn: AnyPgColumn) => SQL,
    ): Promise<Map<string, { title: string; link: string }>> {
      const out = new Map<string, { title: string; link: string }>();
      const ids = (type: EvidenceType) => links.filter((l) => l.type === type).map((l) => l.id);
      const key = (type: EvidenceType, id: string) => `${type}:${id}`;
      const caseIds = ids('case');
      if (caseIds.length)
        for (const r of await db
          .select({ id: cases.id, n: cases.caseNumber, name: cases.name })
          .from(cases)
          .where(and(inArray(cases.id, caseIds), scopeOf(cases.unitId))))
          out.set(key('case', r.id), { title: `${r.name}（${r.n}）`, link: `/cases/${r.id}` });
      const reportIds = ids('report');
      if (reportIds.length)
        for (const r of await db
          .select({
            id: reportSubmissions.id,
            campaignId: reportSubmissions.campaignId,
            unitName: units.name,
            start: reportSubmissions.periodStart,
            end: reportSubmissions.periodEnd,
            late: reportSubmissions.late,
          })
          .from(reportSubmissions)
          .innerJoin(units, eq(units.id, reportSubmissions.unitId))
          .where(and(inArray(reportSubmissions.id, reportIds), scopeOf(reportSubmissions.unitId))))
          out.set(key('report', r.id), {
            title: `${r.unitName} ${r.start}至${r.end}报表${r.late ? '（迟报）' : ''}`,
            link: `/campaigns/${r.campaignId}?tab=reports`,
          });
      const findingIds = ids('rectification');
      if (findingIds.length)
        for (const r of await db
          .select({
            id: supervisionFindings.id,
            d: supervisionFindings.description,
            deadline: supervisionFindings.deadline,
          })
          .from(supervisionFindings)
          .where(and(inArray(supervisionFindings.id, findingIds), scopeOf(supervisionFindings.unitId))))
          out.set(key('rectification', r.id), {
            title: `${r.d.slice(0, 40)}${r.deadline ? `（整改期限${r.deadline}）` : ''}`,
            link: `/rectifications/${r.id}`,
          });
      const eventIds = ids('major_event');
      if (eventIds.length)
        for (const r of await db
          .select({ id: majorEvents.id, title: majorEvents.title, campaignId: majorEvents.campaignId })
          .from(majorEvents)
          .where(and(inArray(majorEvents.id, eventIds), scopeOf(majorEvents.unitId))))
          out.set(key('major_event', r.id), { title: r.title, link: `/campaigns/${r.campaignId}?tab=major-events` });
      const supervisionIds = ids('case_supervision');
      if (supervisionIds.length)
        for (const r of await db
          .select({ id: caseSupervisions.id, caseId: cases.id, name: cases.name })
          .from(caseSupervisions)
          .innerJoin(cases, eq(cases.id, caseSupervisions.caseId))
          .where(and(inArray(caseSupervisions.id, supervisionIds), scopeOf(cases.unitId))))
          out.set(key('case_supervision', r.id), { title: `督办：${r.name}`, link: `/cases/${r.caseId}` });
      return out;
    },
  };
}

export type RecognitionRepository = ReturnType<typeof createRecognitionRepository>;
