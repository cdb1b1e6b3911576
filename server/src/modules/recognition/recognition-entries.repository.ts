import { and, asc, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { alias, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idsInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { caseSupervisions } from '../case-supervision/case-supervision.schema';
import { cases } from '../cases/cases.schema';
import { majorEvents } from '../major-events/major-events.schema';
import { reportSubmissions } from '../reports/reports.schema';
import { supervisionFindings } from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import type { EvidenceLink, EvidenceType } from './recognition-kinds';
import { accountabilityMeasures, commendations } from './recognition.schema';

export interface EntryFilters {
  scope: SQL;
  unitPath?: string;
  campaignPath?: string;
  campaignId?: string;
  kind?: string;
  talentPool?: boolean;
}

/** The two tables of plan entries (表彰, 问责): the same lifecycle columns, their own kind column. */
export type EntryTable = typeof commendations | typeof accountabilityMeasures;
/** An entry with the names its views show. */
export type EntryListRow<T extends EntryTable> = T['$inferSelect'] & {
  unitName: string;
  userName: string | null;
  campaignName: string;
};

const personUser = alias(users, 'recognition_person');
const entryCampaign = alias(campaigns, 'recognition_campaign');

/**
 * The data access of one kind of entry: list (by plan, unit subtree, kind, talent pool), find in
 * scope, insert, update and delete at a version. Drizzle cannot type a query on a union of tables,
 * so the queries are written on `commendations`' type (only the columns both tables share are
 * used, plus `talentPool` where the table has it) and typed back to `T`'s rows.
 */
function entryStore<T extends EntryTable>(table: T, kindColumn: AnyPgColumn) {
  const t = table as typeof commendations;
  type Row = T['$inferSelect'];
  type ListRow = EntryListRow<T>;
  const columns = {
    ...getTableColumns(t),
    unitName: units.name,
    userName: personUser.displayName,
    campaignName: entryCampaign.name,
  };
  const select = (db: Db) =>
    db
      .select(columns)
      .from(t)
      .innerJoin(units, eq(units.id, t.unitId))
      .innerJoin(entryCampaign, eq(entryCampaign.id, t.campaignId))
      .leftJoin(personUser, eq(personUser.id, t.userId));
  const where = (f: EntryFilters): SQL => {
    const conds: SQL[] = [f.scope];
    if (f.campaignId) conds.push(eq(t.campaignId, f.campaignId));
    if (f.campaignPath) conds.push(sql`${t.campaignId} in (${idsInTree(campaigns, f.campaignPath)})`);
    if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, t.unitId));
    if (f.kind) conds.push(eq(kindColumn, f.kind));
    if (f.talentPool !== undefined && 'talentPool' in table) conds.push(eq(t.talentPool, f.talentPool));
    return and(...conds)!;
  };

  return {
    list: (db: Db, f: EntryFilters): Promise<ListRow[]> =>
      select(db).where(where(f)).orderBy(desc(t.decidedOn), asc(t.id)).limit(1000) as Promise<ListRow[]>,

    async find(db: Db, id: string, scope: SQL): Promise<ListRow | undefined> {
      const [row] = await select(db).where(and(eq(t.id, id), scope));
      return row as ListRow | undefined;
    },

    async insert(tx: Db, row: T['$inferInsert']): Promise<Row> {
      const [created] = await tx
        .insert(t)
        .values(row as typeof commendations.$inferInsert)
        .returning();
      return created as Row;
    },

    async update(tx: Db, id: string, version: number, patch: Partial<T['$inferInsert']>) {
      const [row] = await tx
        .update(t)
        .set({ ...(patch as Partial<typeof commendations.$inferInsert>), version: version + 1, updatedAt: new Date() })
        .where(and(eq(t.id, id), eq(t.version, version)))
        .returning();
      return row as Row | undefined;
    },

    async delete(tx: Db, id: string, version: number) {
      const [row] = await tx
        .delete(t)
        .where(and(eq(t.id, id), eq(t.version, version)))
        .returning();
      return row as Row | undefined;
    },
  };
}

export type EntryStore<T extends EntryTable> = ReturnType<typeof entryStore<T>>;

/** 表彰 and 问责 of the plans (one store each, the same operations) and the evidence they cite. */
export function createRecognitionEntriesRepository() {
  return {
    commendations: entryStore(commendations, commendations.kind),
    accountability: entryStore(accountabilityMeasures, accountabilityMeasures.measure),

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
