import { and, asc, desc, eq, ilike, inArray, isNotNull, lt, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { containing, idsInTree, unitIdInSubtree } from '../../platform/scope';
import { bulkInsert } from '../../platform/db/bulk-insert';
import { timeOrderedId } from '../../platform/db/time-ordered-id';
import { cappedCount } from '../../platform/db/capped-count';
import { pageIdsUnitByUnit } from '../../platform/db/newest-in-subtree';
import { campaignCategories, campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { clockRuns } from './cases.rules';
import {
  caseCampaigns,
  caseClockEvents,
  caseStageEvents,
  cases,
  type CaseInsert,
  type CaseRow,
  type CaseStage,
} from './cases.schema';
import { rowsOf } from '../../platform/db/rows-of';
import type { CaseSort } from './case.types';

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

function where(f: CaseFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignPath) {
    // Its own campaign, or a further one it counts toward (and the implementation plans below either).
    const inCampaign = idsInTree(campaigns, f.campaignPath);
    conds.push(
      or(
        sql`${cases.campaignId} in (${inCampaign})`,
        sql`${cases.id} in (select ${caseCampaigns.caseId} from ${caseCampaigns} where ${caseCampaigns.campaignId} in (${inCampaign}))`,
      )!,
    );
  }
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, cases.unitId));
  if (f.ids) conds.push(f.ids.length ? inArray(cases.id, f.ids) : sql`false`);
  if (f.q)
    conds.push(
      or(
        ilike(cases.partyName, containing(f.q)),
        ilike(cases.name, containing(f.q)),
        ilike(cases.caseNumber, containing(f.q)),
      )!,
    );
  if (f.stages?.length) conds.push(inArray(cases.stage, f.stages));
  if (f.categoryCode) conds.push(eq(cases.categoryCode, f.categoryCode));
  if (f.overdueOn) {
    conds.push(lt(cases.decisionDueDate, f.overdueOn));
    // Only a running clock can be overdue (decisionDueDate is null from 决定 on): with stages that
    // all come after it nothing matches, and saying so spares PostgreSQL reading the ledger to find out.
    if (f.stages?.length && !f.stages.some(clockRuns)) conds.push(sql`false`);
  }
  if (f.supervised !== undefined)
    conds.push(f.supervised ? isNotNull(cases.supervisionLevel) : sql`${cases.supervisionLevel} is null`);
  if (f.typical !== undefined) conds.push(eq(cases.typical, f.typical));
  if (f.online !== undefined) conds.push(eq(cases.online, f.online));
  if (f.rural !== undefined) conds.push(eq(cases.rural, f.rural));
  if (f.filedFrom) conds.push(sql`${cases.filingDate} >= ${f.filedFrom}`);
  if (f.filedTo) conds.push(sql`${cases.filingDate} <= ${f.filedTo}`);
  if (f.closedFrom) conds.push(sql`${cases.closingDate} >= ${f.closedFrom}`);
  if (f.closedTo) conds.push(sql`${cases.closingDate} <= ${f.closedTo}`);
  if (f.dueBetween)
    conds.push(
      sql`${cases.decisionDueDate} >= ${f.dueBetween.from}`,
      sql`${cases.decisionDueDate} <= ${f.dueBetween.to}`,
    );
  if (f.investigatorId) conds.push(eq(cases.investigatorId, f.investigatorId));
  if (f.executorId) conds.push(eq(cases.executorId, f.executorId));
  if (f.notDutyOf)
    conds.push(
      sql`${cases.investigatorId} is distinct from ${f.notDutyOf}`,
      sql`${cases.filingApproverId} is distinct from ${f.notDutyOf}`,
    );
  return and(...conds)!;
}

/**
 * One page of the ledger, newest filing first: the columns the ledger shows (not the whole case)
 * and the names beside its ids, in one query — the page is cut first, then only its rows are joined.
 */
async function ledgerPage(
  db: Db,
  f: CaseFilters & { limit: number; offset: number; sort?: CaseSort },
): Promise<CaseLedgerRow[]> {
  const sort = f.sort ?? 'filingDate.desc';
  const pageRows = db
    .select({ ...LEDGER_COLUMNS, createdAt: cases.createdAt })
    .from(cases)
    .where(where(f))
    .orderBy(
      ...(sort === 'filingDate.asc'
        ? [asc(cases.filingDate), asc(cases.createdAt)]
        : sort === 'decisionDueDate.asc'
          ? [asc(cases.decisionDueDate), asc(cases.createdAt)]
          : [desc(cases.filingDate), desc(cases.createdAt)]),
    )
    .limit(f.limit)
    .offset(f.offset)
    .as('ledger_page');
  const columns = Object.fromEntries(
    Object.keys(LEDGER_COLUMNS).map((k) => [k, pageRows[k as keyof typeof LEDGER_COLUMNS]]),
  ) as { [K in keyof typeof LEDGER_COLUMNS]: (typeof pageRows)[K] };
  return db
    .select({
      ...columns,
      unitName: units.name,
      campaignName: campaigns.name,
      categoryLabel: campaignCategories.label,
    })
    .from(pageRows)
    .leftJoin(units, eq(units.id, pageRows.unitId))
    .leftJoin(campaigns, eq(campaigns.id, pageRows.campaignId))
    .leftJoin(
      campaignCategories,
      and(eq(campaignCategories.campaignId, pageRows.campaignId), eq(campaignCategories.code, pageRows.categoryCode)),
    )
    .orderBy(
      ...(sort === 'filingDate.asc'
        ? [asc(pageRows.filingDate), asc(pageRows.createdAt)]
        : sort === 'decisionDueDate.asc'
          ? [asc(pageRows.decisionDueDate), asc(pageRows.createdAt)]
          : [desc(pageRows.filingDate), desc(pageRows.createdAt)]),
    );
}

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

    /**
     * One page of the ledger (see ledgerPage). A page of a small subtree among its first 20, newest filing first
     * (a 所's or a district's ledger, the 大屏's ticker, the home page's panels), is chosen unit by
     * unit along cases_unit_filing_idx: walking the ledger's order index for it would read nearly
     * the whole table (newest-in-subtree.ts).
     */
    async page(db: Db, f: CaseFilters & { limit: number; offset: number; sort?: CaseSort }): Promise<CaseLedgerRow[]> {
      const newestFirst = (f.sort ?? 'filingDate.desc') === 'filingDate.desc';
      const ids =
        newestFirst && !f.ids
          ? await pageIdsUnitByUnit(db, {
              table: cases,
              id: cases.id,
              unitId: cases.unitId,
              order: [cases.filingDate, cases.createdAt],
              where: where({ ...f, unitPath: undefined }),
              // A subtree chosen in the list, else the actor's own (a district's people): the same read.
              unitPath: f.unitPath ?? f.scopePath,
              offset: f.offset,
              limit: f.limit,
            })
          : undefined;
      return ledgerPage(db, ids ? { ...f, ids, offset: 0 } : f);
    },

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
    count: (db: Db, f: CaseFilters) => cappedCount(db, cases, where(f)),

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
        .where(where(f))
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
        ? and(where(f), sql`(${cases.filingDate}, ${cases.id}) < (${after.filingDate}, ${after.id})`)!
        : where(f);
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
        .where(where(f))
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
