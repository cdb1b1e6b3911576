import { and, asc, desc, eq, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { LeadSort } from './lead.types';
import type { Db } from '../../db/database';
import { containing, idInTree, unitIdInSubtree } from '../../platform/scope';
import { bulkInsert } from '../../platform/db/bulk-insert';
import { cappedCount } from '../../platform/db/capped-count';
import { listPageConditions } from '../../platform/db/newest-in-subtree';
import { campaigns } from '../campaigns/campaigns.schema';
import { leadPauses, leads, type LeadInsert, type LeadRow, type LeadSource, type LeadStatus } from './leads.schema';
import { rowsOf } from '../../platform/db/rows-of';

export interface LeadFilters {
  scope: SQL;
  /** The actor's scope as a subtree path (records.ts ListScope): how a page is read, not a condition. */
  scopePath?: string;
  campaignPath?: string;
  unitPath?: string;
  q?: string;
  statuses?: LeadStatus[];
  source?: LeadSource;
  important?: boolean;
  /** Leads still being verified whose due date is before this day. */
  overdueOn?: string;
  /** Leads still being verified due on or before this day (and not yet overdue). */
  dueBy?: { today: string; last: string };
  /** Leads this person handles (经办人). */
  handlerId?: string;
  /** These leads only (a page already chosen by id). */
  ids?: string[];
}

function where(f: LeadFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignPath) conds.push(idInTree(leads.campaignId, campaigns, f.campaignPath));
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, leads.unitId));
  if (f.ids) conds.push(f.ids.length ? inArray(leads.id, f.ids) : sql`false`);
  if (f.q)
    conds.push(
      or(
        ilike(leads.partyName, containing(f.q)),
        ilike(leads.description, containing(f.q)),
        ilike(leads.sourceNumber, containing(f.q)),
      )!,
    );
  if (f.statuses?.length) conds.push(inArray(leads.status, f.statuses));
  if (f.important !== undefined) conds.push(eq(leads.important, f.important));
  if (f.source) conds.push(eq(leads.source, f.source));
  if (f.overdueOn) conds.push(lt(leads.dueDate, f.overdueOn));
  if (f.dueBy) conds.push(and(lte(leads.dueDate, f.dueBy.last), sql`${leads.dueDate} >= ${f.dueBy.today}`)!);
  if (f.handlerId) conds.push(sql`${f.handlerId}::uuid = any(${leads.handlerIds})`);
  return and(...conds)!;
}

type PageFilters = LeadFilters & { limit: number; offset: number; sort?: LeadSort };

/** One page of leads matching `conditions`, newest received first (or by the sort asked). */
const leadsPage = (db: Db, conditions: SQL, f: PageFilters) =>
  db
    .select()
    .from(leads)
    .where(conditions)
    .orderBy(
      ...(f.sort === 'receivedDate.asc'
        ? [asc(leads.receivedDate), asc(leads.createdAt)]
        : f.sort === 'dueDate.asc'
          ? [asc(leads.dueDate), asc(leads.createdAt)]
          : [desc(leads.receivedDate), desc(leads.createdAt)]),
    )
    .limit(f.limit)
    .offset(f.offset);

/** The leads list, read unit by unit along leads_unit_received_idx for a small subtree's first pages. */
const leadsByUnit = {
  table: leads,
  id: leads.id,
  unitId: leads.unitId,
  order: [leads.receivedDate, leads.createdAt],
  conditions: where,
};

/** A page's conditions and the filters its statement applies (newest-in-subtree.ts listPageConditions). */
async function leadsPageParts(db: Db, f: PageFilters): Promise<{ conditions: SQL; f: PageFilters }> {
  const newestFirst = f.sort === undefined || f.sort === 'receivedDate.desc';
  const { conditions, offset } = await listPageConditions(db, leadsByUnit, f, newestFirst);
  return { conditions, f: { ...f, offset } };
}

export function createLeadsRepository() {
  return {
    /**
     * VACUUM (ANALYZE), from the nightly maintenance (rollup-maintenance.job.ts): keeps the pages
     * all-visible, so the newest-first reads along leads_unit_received_idx stay index-only. Outside any transaction.
     */
    async vacuum(db: Db) {
      await db.execute(sql`vacuum (analyze) ${leads}`);
    },

    /** One page of leads (leadsPageParts: a small subtree's read unit by unit). */
    async page(db: Db, f: PageFilters): Promise<LeadRow[]> {
      const parts = await leadsPageParts(db, f);
      return leadsPage(db, parts.conditions, parts.f);
    },

    /** The statement a page of leads runs (to EXPLAIN it). */
    async pageStatement(db: Db, f: PageFilters): Promise<SQL> {
      const parts = await leadsPageParts(db, f);
      return leadsPage(db, parts.conditions, parts.f).getSQL();
    },

    /** The first matching leads by their verification clock, the nearest due first (the inbox: 我的待办). */
    byDueDate: (db: Db, f: LeadFilters, limit: number) =>
      db
        .select({
          id: leads.id,
          unitId: leads.unitId,
          partyName: leads.partyName,
          sourceNumber: leads.sourceNumber,
          dueDate: leads.dueDate,
        })
        .from(leads)
        .where(where(f))
        .orderBy(sql`${leads.dueDate} asc nulls last`, asc(leads.id))
        .limit(limit),

    /** Leads still being verified, with handlers, whose clock ends on or before `last` (the overdue too). */
    clocksDueBy: (db: Db, last: string) =>
      db
        .select({
          id: leads.id,
          unitId: leads.unitId,
          partyName: leads.partyName,
          sourceNumber: leads.sourceNumber,
          dueDate: leads.dueDate,
          handlerIds: leads.handlerIds,
        })
        .from(leads)
        .where(and(eq(leads.status, 'verifying'), lte(leads.dueDate, last), sql`cardinality(${leads.handlerIds}) > 0`))
        .orderBy(asc(leads.dueDate), asc(leads.id)),

    /** How many leads match (exact up to COUNT_CAP). */
    count: (db: Db, f: LeadFilters) => cappedCount(db, leads, where(f)),

    async findVisible(db: Db, id: string, scope: SQL): Promise<LeadRow | undefined> {
      const [row] = await db
        .select()
        .from(leads)
        .where(and(eq(leads.id, id), scope));
      return row;
    },
    async sourceNumberTaken(db: Db, unitId: string, source: string, sourceNumber: string, exceptId?: string) {
      const rows = await db
        .select({ id: leads.id })
        .from(leads)
        .where(
          and(
            eq(leads.unitId, unitId),
            eq(leads.source, source as LeadRow['source']),
            eq(leads.sourceNumber, sourceNumber),
          ),
        );
      return rows.some((r) => r.id !== exceptId);
    },
    /** Which of these (unit, source, number) are already registered, as "unitId|source|number". */
    async sourceNumbersTaken(
      db: Db,
      keys: { unitId: string; source: string; sourceNumber: string }[],
    ): Promise<Set<string>> {
      if (keys.length === 0) return new Set();
      // The keys themselves joined to the leads: one probe of leads_unit_source_number_uq each.
      const result = await db.execute(sql`
        select ${leads.unitId} as unit_id, ${leads.source} as source, ${leads.sourceNumber} as source_number
        from unnest(${sql.param(keys.map((k) => k.unitId))}::uuid[], ${sql.param(keys.map((k) => k.source))}::text[], ${sql.param(keys.map((k) => k.sourceNumber))}::text[]) as wanted(unit_id, source, source_number)
        join ${leads} on ${leads.unitId} = wanted.unit_id and ${leads.source} = wanted.source and ${leads.sourceNumber} = wanted.source_number`);
      return new Set(
        rowsOf<{ unit_id: string; source: string; source_number: string }>(result).map(
          (r) => `${r.unit_id}|${r.source}|${r.source_number}`,
        ),
      );
    },

    /** Bulk insert (imports). */
    async insertMany(tx: Db, rows: LeadInsert[]): Promise<void> {
      await bulkInsert(tx, leads, rows);
    },

    async insert(tx: Db, row: LeadInsert): Promise<LeadRow> {
      const [created] = await tx.insert(leads).values(row).returning();
      return created;
    },
    async update(tx: Db, id: string, version: number, patch: Partial<LeadInsert>): Promise<LeadRow | undefined> {
      const [row] = await tx
        .update(leads)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(leads.id, id), eq(leads.version, version)))
        .returning();
      return row;
    },
    pauses: (db: Db, leadId: string) =>
      db.select().from(leadPauses).where(eq(leadPauses.leadId, leadId)).orderBy(asc(leadPauses.fromDate)),
    insertPause: async (tx: Db, row: typeof leadPauses.$inferInsert) => void (await tx.insert(leadPauses).values(row)),
    endPause: async (tx: Db, id: string, toDate: string) =>
      void (await tx.update(leadPauses).set({ toDate }).where(eq(leadPauses.id, id))),
  };
}

export type LeadsRepository = ReturnType<typeof createLeadsRepository>;
