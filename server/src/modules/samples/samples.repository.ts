import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { bulkInsert } from '../../platform/db/bulk-insert';
import { cappedCount } from '../../platform/db/capped-count';
import { containing, idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { inspections } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import {
  sampleFollowUps,
  samples,
  type SampleFollowUpInsert,
  type SampleFollowUpRow,
  type SampleInsert,
  type SampleResult,
  type SampleRow,
} from './samples.schema';

export interface SampleFilters {
  scope: SQL;
  campaignPath?: string;
  unitPath?: string;
  categoryCode?: string;
  result?: SampleResult;
  /** 样品名称 containing it. */
  q?: string;
  /** 样品名称 exactly (the pass rates' drill-down). */
  product?: string;
  entityId?: string;
  /** 抽样日期 within [from, to]. */
  from?: string;
  to?: string;
  /** Only samples whose follow-up is open past its deadline on this day. */
  overdueOn?: string;
}

function where(f: SampleFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignPath) conds.push(idInTree(samples.campaignId, campaigns, f.campaignPath));
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, samples.unitId));
  if (f.categoryCode) conds.push(eq(samples.categoryCode, f.categoryCode));
  if (f.result) conds.push(eq(samples.result, f.result));
  if (f.q) conds.push(sql`${samples.product} ilike ${containing(f.q)}`);
  if (f.product) conds.push(eq(samples.product, f.product));
  if (f.entityId) conds.push(eq(samples.entityId, f.entityId));
  if (f.from) conds.push(sql`${samples.sampledDate} >= ${f.from}`);
  if (f.to) conds.push(sql`${samples.sampledDate} <= ${f.to}`);
  if (f.overdueOn)
    conds.push(
      sql`exists (select 1 from ${sampleFollowUps} where ${sampleFollowUps.sampleId} = ${samples.id} and ${sampleFollowUps.status} = 'open' and ${sampleFollowUps.deadline} < ${f.overdueOn})`,
    );
  return and(...conds)!;
}

const counts = {
  tested: sql<number>`count(*) filter (where ${samples.result} <> 'pending')::int`,
  failed: sql<number>`count(*) filter (where ${samples.result} = 'fail')::int`,
  pending: sql<number>`count(*) filter (where ${samples.result} = 'pending')::int`,
};

export function createSamplesRepository() {
  return {
    /** One page, newest first (read along samples_list_order_idx). */
    page: (db: Db, f: SampleFilters & { limit: number; offset: number }): Promise<SampleRow[]> =>
      db
        .select()
        .from(samples)
        .where(where(f))
        .orderBy(desc(samples.sampledDate), desc(samples.createdAt))
        .limit(f.limit)
        .offset(f.offset),

    count: (db: Db, f: SampleFilters) => cappedCount(db, samples, where(f)),

    /** Batches by result over every match (the list's totals). */
    totals: async (db: Db, f: SampleFilters) => {
      const [row] = await db
        .select({ all: sql<number>`count(*)::int`, ...counts })
        .from(samples)
        .where(where(f));
      return row;
    },

    /** Tested, failed and pending batches per product (样品名称). */
    byProduct: (db: Db, f: SampleFilters) =>
      db
        .select({ product: samples.product, ...counts })
        .from(samples)
        .where(where(f))
        .groupBy(samples.product)
        .orderBy(asc(samples.product)),

    /** Tested, failed and pending batches per campaign category. */
    byCategory: (db: Db, f: SampleFilters) =>
      db
        .select({ campaignId: samples.campaignId, categoryCode: samples.categoryCode, ...counts })
        .from(samples)
        .where(where(f))
        .groupBy(samples.campaignId, samples.categoryCode),

    async findVisible(db: Db, id: string, scope: SQL): Promise<SampleRow | undefined> {
      const [row] = await db
        .select()
        .from(samples)
        .where(and(eq(samples.id, id), scope));
      return row;
    },

    /** An outing (its unit) if the scope condition admits it. */
    async inspectionInScope(db: Db, id: string, scope: SQL) {
      const [row] = await db
        .select({ id: inspections.id, unitId: inspections.unitId })
        .from(inspections)
        .where(and(eq(inspections.id, id), scope));
      return row;
    },

    /** An entity of the register with its supervising unit's path. */
    async entity(db: Db, id: string) {
      const [row] = await db
        .select({ id: marketEntities.id, name: marketEntities.name, unitPath: units.path })
        .from(marketEntities)
        .innerJoin(units, eq(units.id, marketEntities.unitId))
        .where(eq(marketEntities.id, id));
      return row;
    },

    /** The register's entities by credit code with their units' paths (the import). */
    entitiesByCreditCode: (db: Db, codes: string[]) =>
      codes.length
        ? db
            .select({
              id: marketEntities.id,
              name: marketEntities.name,
              creditCode: marketEntities.creditCode,
              unitPath: units.path,
            })
            .from(marketEntities)
            .innerJoin(units, eq(units.id, marketEntities.unitId))
            .where(inArray(marketEntities.creditCode, codes))
        : Promise.resolve([]),

    entityNames: async (db: Db, ids: string[]) =>
      ids.length
        ? db
            .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
            .from(marketEntities)
            .where(inArray(marketEntities.id, ids))
        : [],

    followUps: (db: Db, sampleIds: string[]): Promise<SampleFollowUpRow[]> =>
      sampleIds.length
        ? db.select().from(sampleFollowUps).where(inArray(sampleFollowUps.sampleId, sampleIds))
        : Promise.resolve([]),

    async insert(tx: Db, row: SampleInsert): Promise<SampleRow> {
      const [created] = await tx.insert(samples).values(row).returning();
      return created;
    },

    /** Bulk insert (imports), answering the rows with their ids. */
    insertMany: (tx: Db, rows: SampleInsert[]): Promise<SampleRow[]> =>
      rows.length ? tx.insert(samples).values(rows).returning() : Promise.resolve([]),

    /** Updates when the stored version is `version`; undefined when someone saved in between. */
    async update(tx: Db, id: string, version: number, patch: Partial<SampleInsert>): Promise<SampleRow | undefined> {
      const [row] = await tx
        .update(samples)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(samples.id, id), eq(samples.version, version)))
        .returning();
      return row;
    },

    async insertFollowUp(tx: Db, row: SampleFollowUpInsert): Promise<SampleFollowUpRow> {
      const [created] = await tx.insert(sampleFollowUps).values(row).returning();
      return created;
    },

    insertFollowUps: (tx: Db, rows: SampleFollowUpInsert[]) => bulkInsert(tx, sampleFollowUps, rows),

    async updateFollowUp(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<SampleFollowUpInsert>,
    ): Promise<SampleFollowUpRow | undefined> {
      const [row] = await tx
        .update(sampleFollowUps)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(sampleFollowUps.id, id), eq(sampleFollowUps.version, version)))
        .returning();
      return row;
    },

    /** Open follow-ups past their deadline in scope, the oldest deadline first (the inbox). */
    overdueFollowUps: (db: Db, scope: SQL, today: string, limit: number) =>
      db
        .select({
          sampleId: samples.id,
          unitId: samples.unitId,
          product: samples.product,
          batch: samples.batch,
          deadline: sampleFollowUps.deadline,
        })
        .from(sampleFollowUps)
        .innerJoin(samples, eq(samples.id, sampleFollowUps.sampleId))
        .where(and(eq(sampleFollowUps.status, 'open'), lt(sampleFollowUps.deadline, today), scope))
        .orderBy(asc(sampleFollowUps.deadline))
        .limit(limit),

    overdueFollowUpCount: async (db: Db, scope: SQL, today: string) => {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(sampleFollowUps)
        .innerJoin(samples, eq(samples.id, sampleFollowUps.sampleId))
        .where(and(eq(sampleFollowUps.status, 'open'), lt(sampleFollowUps.deadline, today), scope));
      return row.n;
    },

    /** An entity's samples in scope, newest first, with the sampling unit's name (经济户口). */
    ofEntity: (db: Db, entityId: string, scope: SQL, limit: number) =>
      db
        .select({
          id: samples.id,
          product: samples.product,
          batch: samples.batch,
          sampledDate: samples.sampledDate,
          sampleKind: samples.sampleKind,
          result: samples.result,
          unitName: units.name,
        })
        .from(samples)
        .innerJoin(units, eq(units.id, samples.unitId))
        .where(and(eq(samples.entityId, entityId), scope))
        .orderBy(desc(samples.sampledDate), desc(samples.createdAt))
        .limit(limit),
  };
}

export type SamplesRepository = ReturnType<typeof createSamplesRepository>;
