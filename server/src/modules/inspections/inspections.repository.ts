import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { InspectionSort } from './inspection.types';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
import { bulkInsert } from '../../platform/db/bulk-insert';
import { cappedCount } from '../../platform/db/capped-count';
import { campaigns } from '../campaigns/campaigns.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import {
  inspectionEntities,
  inspectionSeizures,
  inspections,
  type InspectionInsert,
  type InspectionEntityRow,
  type InspectionRow,
  type InspectionType,
  type SeizureRow,
} from './inspections.schema';

export interface InspectionFilters {
  scope: SQL;
  campaignPath?: string;
  unitPath?: string;
  categoryCode?: string;
  inspectionType?: InspectionType;
  from?: string;
  to?: string;
}

function where(f: InspectionFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignPath) conds.push(idInTree(inspections.campaignId, campaigns, f.campaignPath));
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, inspections.unitId));
  if (f.categoryCode) conds.push(eq(inspections.categoryCode, f.categoryCode));
  if (f.inspectionType) conds.push(eq(inspections.inspectionType, f.inspectionType));
  if (f.from) conds.push(sql`${inspections.inspectionDate} >= ${f.from}`);
  if (f.to) conds.push(sql`${inspections.inspectionDate} <= ${f.to}`);
  return and(...conds)!;
}

type Seizure = Omit<SeizureRow, 'id' | 'inspectionId'>;

export function createInspectionsRepository() {
  return {
    /** One page of outings, newest first (read along inspections_list_order_idx). */
    page: (
      db: Db,
      f: InspectionFilters & { limit: number; offset: number; sort?: InspectionSort },
    ): Promise<InspectionRow[]> =>
      db
        .select()
        .from(inspections)
        .where(where(f))
        .orderBy(
          ...(f.sort === 'inspectionDate.asc'
            ? [asc(inspections.inspectionDate), asc(inspections.createdAt)]
            : [desc(inspections.inspectionDate), desc(inspections.createdAt)]),
        )
        .limit(f.limit)
        .offset(f.offset),

    /** How many outings match (exact up to COUNT_CAP). */
    count: (db: Db, f: InspectionFilters) => cappedCount(db, inspections, where(f)),

    /** Sums per unit and category over the filtered outings (the totals table). */
    async totals(db: Db, f: InspectionFilters) {
      const n = (c: AnyPgColumn) => sql<number>`coalesce(sum(${c}), 0)::int`;
      return db
        .select({
          unitId: inspections.unitId,
          categoryCode: inspections.categoryCode,
          outings: sql<number>`count(*)::int`,
          staffDeployed: n(inspections.staffDeployed),
          vehicles: n(inspections.vehicles),
          entitiesInspected: n(inspections.entitiesInspected),
          unlicensedBanned: n(inspections.unlicensedBanned),
          rapidTestBatches: n(inspections.rapidTestBatches),
          rapidTestFailed: n(inspections.rapidTestFailed),
          samplingBatches: n(inspections.samplingBatches),
          samplingFailed: n(inspections.samplingFailed),
          rectificationOrders: n(inspections.rectificationOrders),
        })
        .from(inspections)
        .where(where(f))
        .groupBy(inspections.unitId, inspections.categoryCode);
    },

    /** The outing whose finding opened a lead. */
    async ofLead(db: Db, leadId: string) {
      const [row] = await db
        .select({ id: inspections.id, inspectionDate: inspections.inspectionDate, unitId: inspections.unitId })
        .from(inspections)
        .where(eq(inspections.leadId, leadId))
        .limit(1);
      return row;
    },

    async findVisible(db: Db, id: string, scope: SQL): Promise<InspectionRow | undefined> {
      const [row] = await db
        .select()
        .from(inspections)
        .where(and(eq(inspections.id, id), scope));
      return row;
    },

    seizures: (db: Db, ids: string[]) =>
      ids.length
        ? db
            .select()
            .from(inspectionSeizures)
            .where(inArray(inspectionSeizures.inspectionId, ids))
            .orderBy(asc(inspectionSeizures.seq))
        : Promise.resolve([] as SeizureRow[]),

    /** The entities an outing checked (检查对象), with their names, in the order they were named. */
    entities: (db: Db, inspectionId: string) =>
      db
        .select({
          entityId: inspectionEntities.entityId,
          name: marketEntities.name,
          creditCode: marketEntities.creditCode,
          address: marketEntities.address,
          result: inspectionEntities.result,
          finding: inspectionEntities.finding,
        })
        .from(inspectionEntities)
        .innerJoin(marketEntities, eq(marketEntities.id, inspectionEntities.entityId))
        .where(eq(inspectionEntities.inspectionId, inspectionId))
        .orderBy(asc(marketEntities.name)),

    /** Replaces the entities an outing checked (in the outing's transaction). */
    async setEntities(tx: Db, inspectionId: string, rows: Omit<InspectionEntityRow, 'inspectionId'>[]) {
      await tx.delete(inspectionEntities).where(eq(inspectionEntities.inspectionId, inspectionId));
      if (rows.length) await tx.insert(inspectionEntities).values(rows.map((r) => ({ ...r, inspectionId })));
    },

    async insert(tx: Db, row: InspectionInsert, seizures: Seizure[]): Promise<InspectionRow> {
      const [created] = await tx.insert(inspections).values(row).returning();
      if (seizures.length)
        await tx.insert(inspectionSeizures).values(seizures.map((s) => ({ ...s, inspectionId: created.id })));
      return created;
    },

    /** Bulk insert (imports); seizures are not part of the import file. */
    async insertMany(tx: Db, rows: InspectionInsert[]): Promise<void> {
      await bulkInsert(tx, inspections, rows);
    },

    /** Updates when the stored version is `version`; undefined when someone saved in between. */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<InspectionInsert>,
      seizures?: Seizure[],
    ): Promise<InspectionRow | undefined> {
      const [row] = await tx
        .update(inspections)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(inspections.id, id), eq(inspections.version, version)))
        .returning();
      if (row && seizures) {
        await tx.delete(inspectionSeizures).where(eq(inspectionSeizures.inspectionId, id));
        if (seizures.length)
          await tx.insert(inspectionSeizures).values(seizures.map((s) => ({ ...s, inspectionId: id })));
      }
      return row;
    },
  };
}

export type InspectionsRepository = ReturnType<typeof createInspectionsRepository>;
