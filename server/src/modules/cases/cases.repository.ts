import { and, asc, desc, eq, inArray, isNotNull, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { bulkInsert } from '../../platform/db/bulk-insert';
import { rowsOf } from '../../platform/db/rows-of';
import { timeOrderedId } from '../../platform/db/time-ordered-id';
import { units } from '../units/units.schema';
import {
  caseConditions,
  ledgerCount,
  ledgerPage,
  ledgerPageStatement,
  type CaseFilters,
} from './case-ledger.repository';
import { caseCampaigns, caseClockEvents, caseStageEvents, cases, type CaseInsert, type CaseRow } from './cases.schema';

export type { CaseFilters, CaseLedgerRow } from './case-ledger.repository';

/** The trigram (gin) indexes of the cases (cases.schema.ts), which an import fills in bulk. */
const TRIGRAM_INDEXES = ['cases_party_name_trgm_idx', 'cases_name_trgm_idx', 'cases_case_number_trgm_idx'];

export function createCasesRepository() {
  return {
    /**
     * VACUUM (ANALYZE), from the nightly maintenance (rollup-maintenance.job.ts): keeps the pages
     * all-visible, so the newest-first reads along cases_unit_filing_idx stay index-only. Outside any transaction.
     */
    async vacuum(db: Db) {
      await db.execute(sql`vacuum (analyze) ${cases}`);
    },

    /** One page of the ledger (case-ledger.repository.ts). */
    page: ledgerPage,

    /** The statement a page of the ledger runs, its values inline (to EXPLAIN it). */
    pageStatement: ledgerPageStatement,

    /**
     * Serialises the automatic numbering of one unit's cases until the transaction ends: a second
     * filing at the same time waits here and then sees the first one's number (case-number.ts).
     */
    async lockNumbering(tx: Db, unitId: string): Promise<void> {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`case-number:${unitId}`}))`);
    },

    /** The unit's case numbers that start with `prefix` (those of one pattern and year). */
    async numbersStartingWith(db: Db, unitId: string, prefix: string): Promise<string[]> {
      const rows = await db
        .select({ caseNumber: cases.caseNumber })
        .from(cases)
        .where(and(eq(cases.unitId, unitId), sql`starts_with(${cases.caseNumber}, ${prefix})`));
      return rows.map((r) => r.caseNumber);
    },

    /** How many cases match (exact up to COUNT_CAP). */
    count: ledgerCount,

    /** The first matching cases by their decision clock, the nearest due first (the inbox: 我的待办). */
    byDueDate: (db: Db, f: CaseFilters, limit: number) =>
      db
        .select({
          id: cases.id,
          unitId: cases.unitId,
          caseNumber: cases.caseNumber,
          name: cases.name,
          decisionDueDate: cases.decisionDueDate,
        })
        .from(cases)
        .where(caseConditions(f))
        .orderBy(sql`${cases.decisionDueDate} asc nulls last`, asc(cases.id))
        .limit(limit),

    /** The next page after a row, in ledger order (filing date, then id, both descending): keyset paging for exports. */
    async listAfter(
      db: Db,
      f: CaseFilters,
      after: { filingDate: string; id: string } | null,
      limit: number,
    ): Promise<CaseRow[]> {
      const w = after
        ? and(caseConditions(f), sql`(${cases.filingDate}, ${cases.id}) < (${after.filingDate}, ${after.id})`)!
        : caseConditions(f);
      return db.select().from(cases).where(w).orderBy(desc(cases.filingDate), desc(cases.id)).limit(limit);
    },

    /**
     * The filtered cases (结转: a predecessor plan's unfinished ones) with whether each already counts
     * toward `campaignId` (a further campaign of it), oldest filing first; at most 2,000.
     */
    carryCandidates: (db: Db, f: CaseFilters, campaignId: string) =>
      db
        .select({
          id: cases.id,
          unitId: cases.unitId,
          unitName: units.name,
          campaignId: cases.campaignId,
          categoryCode: cases.categoryCode,
          caseNumber: cases.caseNumber,
          name: cases.name,
          partyName: cases.partyName,
          stage: cases.stage,
          filingDate: cases.filingDate,
          carried: sql<boolean>`exists (select 1 from ${caseCampaigns} where ${caseCampaigns.caseId} = ${cases.id} and ${caseCampaigns.campaignId} = ${campaignId})`,
        })
        .from(cases)
        .leftJoin(units, eq(units.id, cases.unitId))
        .where(caseConditions(f))
        .orderBy(asc(cases.filingDate), asc(cases.id))
        .limit(2000),

    async findVisible(db: Db, id: string, scope: SQL): Promise<CaseRow | undefined> {
      const [row] = await db
        .select()
        .from(cases)
        .where(and(eq(cases.id, id), scope));
      return row;
    },

    /** Cases with these 案件编号 within `scope`, with their units' paths (an import naming a case by its number). */
    byNumbers: (db: Db, numbers: string[], scope: SQL) =>
      numbers.length
        ? db
            .select({ id: cases.id, caseNumber: cases.caseNumber, unitPath: units.path })
            .from(cases)
            .innerJoin(units, eq(units.id, cases.unitId))
            .where(and(inArray(cases.caseNumber, numbers), scope))
        : Promise.resolve([]),

    async numberTaken(db: Db, unitId: string, caseNumber: string, exceptId?: string): Promise<boolean> {
      const conds = [eq(cases.unitId, unitId), eq(cases.caseNumber, caseNumber)];
      if (exceptId) conds.push(ne(cases.id, exceptId));
      const [row] = await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(...conds))
        .limit(1);
      return Boolean(row);
    },

    /** Which of these (unit, case number) pairs are already in the ledger, as "unitId|caseNumber". */
    async numbersTaken(db: Db, pairs: { unitId: string; caseNumber: string }[]): Promise<Set<string>> {
      if (pairs.length === 0) return new Set();
      // The pairs themselves, each probing cases_unit_number_uq: `offset 0` keeps the lookup of a
      // pair a query of its own (not merged into a join), which only that index answers in one
      // probe. As a join PostgreSQL preferred the case-number trigram index (it answers "=" too,
      // through a bitmap scan) and spent 3 s on a batch of 500; turning bitmap scans off around
      // it instead cost an import two more statements per batch.
      const unitIds = pairs.map((p) => p.unitId);
      const numbers = pairs.map((p) => p.caseNumber);
      const result = await db.execute(sql`
        select c.unit_id, c.case_number
          from unnest(${sql.param(unitIds)}::uuid[], ${sql.param(numbers)}::text[]) as wanted(unit_id, case_number)
         cross join lateral (
           select ${cases.unitId} as unit_id, ${cases.caseNumber} as case_number from ${cases}
            where ${cases.unitId} = wanted.unit_id and ${cases.caseNumber} = wanted.case_number offset 0) c`);
      return new Set(
        rowsOf<{ unit_id: string; case_number: string }>(result).map((r) => `${r.unit_id}|${r.case_number}`),
      );
    },

    /**
     * Before an import's inserts (in its transaction): the trigram indexes gather the new cases'
     * entries in their pending lists instead of merging each case's into the index as it comes;
     * endBulkInsert merges them all at once, which costs the import about a fifth less.
     */
    async beginBulkInsert(tx: Db): Promise<void> {
      await tx.execute(sql`set local gin_pending_list_limit = '256MB'`);
    },

    /** After an import's inserts: merges the pending entries, so no later request finds them there. */
    async endBulkInsert(tx: Db): Promise<void> {
      await tx.execute(
        sql`select ${sql.join(
          TRIGRAM_INDEXES.map((name) => sql`gin_clean_pending_list(${name}::regclass)`),
          sql`, `,
        )}`,
      );
    },

    /**
     * Bulk insert (imports): the cases, and each one's first stage event, in one statement; the new
     * cases' ids, and the places of the rows not stored because their unit already has their case
     * number (cases_unit_number_uq: the insert finds them itself, no lookup before it). Both tables
     * take time-ordered ids, so the import appends to their primary keys.
     */
    async insertMany(
      tx: Db,
      rows: CaseInsert[],
      event: { actorUserId: string; actorName: string; note: string },
    ): Promise<{ ids: string[]; refused: number[] }> {
      if (rows.length === 0) return { ids: [], refused: [] };
      const withIds = rows.map((r) => ({ ...r, id: timeOrderedId() }));
      const ids = withIds.map((r) => r.id);
      const stored = await bulkInsert(tx, cases, withIds, ['id'], {
        onConflict: 'on conflict (unit_id, case_number) do nothing',
        then: {
          text: `insert into case_stage_events (id, case_id, from_stage, to_stage, actor_user_id, actor_name, note)
               select e.id, e.case_id, null, e.stage, $@4, $@5, $@6
                 from unnest($@1::uuid[], $@2::uuid[], $@3::text[]) as e(id, case_id, stage)
                 join inserted on inserted.id = e.case_id
               returning case_id as id`,
          values: [
            ids.map(() => timeOrderedId()),
            ids,
            rows.map((r) => r.stage ?? 'filed'),
            event.actorUserId,
            event.actorName,
            event.note,
          ],
        },
      });
      if (stored.length === ids.length) return { ids, refused: [] };
      const kept = new Set(stored.map((r) => r.id as string));
      return { ids: ids.filter((id) => kept.has(id)), refused: ids.flatMap((id, i) => (kept.has(id) ? [] : [i])) };
    },

    /**
     * Running decision clocks due on or before `lastDay` that have an investigator (the daily clock
     * reminders): a decided or stopped case has no due date, so this is a range scan of the index.
     */
    clocksDueBy: (db: Db, lastDay: string) =>
      db
        .select({
          id: cases.id,
          name: cases.name,
          caseNumber: cases.caseNumber,
          unitId: cases.unitId,
          decisionDueDate: cases.decisionDueDate,
          investigatorId: cases.investigatorId,
        })
        .from(cases)
        .where(and(isNotNull(cases.investigatorId), lte(cases.decisionDueDate, lastDay)))
        .orderBy(asc(cases.decisionDueDate), asc(cases.id)),

    async insert(tx: Db, row: CaseInsert): Promise<CaseRow> {
      const [created] = await tx.insert(cases).values(row).returning();
      return created;
    },

    /** Updates when the stored version is `version`; undefined when someone saved in between. */
    async update(tx: Db, id: string, version: number, patch: Partial<CaseInsert>): Promise<CaseRow | undefined> {
      const [row] = await tx
        .update(cases)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(cases.id, id), eq(cases.version, version)))
        .returning();
      return row;
    },

    campaignLinks: (db: Db, caseId: string) =>
      db.select().from(caseCampaigns).where(eq(caseCampaigns.caseId, caseId)).orderBy(asc(caseCampaigns.campaignId)),
    async replaceCampaignLinks(tx: Db, caseId: string, links: { campaignId: string; categoryCode: string }[]) {
      await tx.delete(caseCampaigns).where(eq(caseCampaigns.caseId, caseId));
      if (links.length) await tx.insert(caseCampaigns).values(links.map((l) => ({ caseId, ...l })));
    },

    /**
     * Cases that count more than once in one campaign tree: two of their campaigns (the own one and
     * the further ones) under one root, so the roll-ups add them twice to that root (verify-rollups).
     * Only cases with further campaigns can; the rule is campaign-trees.ts.
     */
    async countedTwiceInATree(
      db: Db,
      limit = 100,
    ): Promise<
      {
        caseId: string;
        caseNumber: string;
        unitId: string;
        rootCampaignId: string;
        campaignIds: string[];
        campaignNames: string[];
      }[]
    > {
      const result = await db.execute(sql`
        with linked as (select distinct case_id from case_campaigns),
        counted as (
          select c.id as case_id, c.campaign_id from cases c join linked on linked.case_id = c.id
          union all
          select l.case_id, l.campaign_id from case_campaigns l
        )
        select k.case_id, c.case_number, c.unit_id, split_part(p.path, '/', 2) as root_campaign_id,
               json_agg(p.id order by p.path) as campaign_ids, json_agg(p.name order by p.path) as campaign_names
          from counted k join campaigns p on p.id = k.campaign_id join cases c on c.id = k.case_id
         group by k.case_id, c.case_number, c.unit_id, split_part(p.path, '/', 2)
        having count(*) > 1
         order by c.case_number, k.case_id
         limit ${limit}`);
      return rowsOf<{
        case_id: string;
        case_number: string;
        unit_id: string;
        root_campaign_id: string;
        campaign_ids: string[];
        campaign_names: string[];
      }>(result).map((r) => ({
        caseId: r.case_id,
        caseNumber: r.case_number,
        unitId: r.unit_id,
        rootCampaignId: r.root_campaign_id,
        campaignIds: r.campaign_ids,
        campaignNames: r.campaign_names,
      }));
    },

    stageEvents: (db: Db, caseId: string) =>
      db.select().from(caseStageEvents).where(eq(caseStageEvents.caseId, caseId)).orderBy(asc(caseStageEvents.at)),
    insertStageEvent: async (tx: Db, row: typeof caseStageEvents.$inferInsert) => {
      await tx.insert(caseStageEvents).values(row);
    },

    clockEvents: (db: Db, caseId: string) =>
      db.select().from(caseClockEvents).where(eq(caseClockEvents.caseId, caseId)).orderBy(asc(caseClockEvents.at)),
    insertClockEvent: async (tx: Db, row: typeof caseClockEvents.$inferInsert) => {
      const [created] = await tx.insert(caseClockEvents).values(row).returning();
      return created;
    },
    endPause: async (tx: Db, eventId: string, toDate: string) => {
      await tx.update(caseClockEvents).set({ toDate }).where(eq(caseClockEvents.id, eventId));
    },
  };
}

export type CasesRepository = ReturnType<typeof createCasesRepository>;
