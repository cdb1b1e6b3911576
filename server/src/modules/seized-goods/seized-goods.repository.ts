import { and, asc, desc, eq, getTableColumns, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cappedCount } from '../../platform/db/capped-count';
import { containing, idInTree, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { inspections, inspectionSeizures } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import {
  seizedGoods,
  seizedGoodsAttachments,
  seizedGoodsDisposals,
  type CustodyStatus,
  type DisposalInsert,
  type DisposalRow,
  type SeizedGoodsInsert,
  type SeizedGoodsRow,
  type SeizureMeasure,
} from './seized-goods.schema';

export interface SeizedGoodsFilters {
  scope: SQL;
  campaignPath?: string;
  unitPath?: string;
  status?: CustodyStatus;
  measure?: SeizureMeasure;
  /** 查扣日期 within [from, to]. */
  from?: string;
  to?: string;
  /** 物品名称 containing. */
  q?: string;
  inspectionId?: string;
  caseId?: string;
}

/** Per goods and unit of measure: records and exact sums (numeric as text). */
export interface SeizedGoodsTotal {
  goods: string;
  quantityUnit: string;
  count: number;
  quantity: string;
  disposed: string;
  confiscated: string;
  held: string;
}

function where(f: SeizedGoodsFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.campaignPath) conds.push(idInTree(seizedGoods.campaignId, campaigns, f.campaignPath));
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, seizedGoods.unitId));
  if (f.status) conds.push(eq(seizedGoods.status, f.status));
  if (f.measure) conds.push(eq(seizedGoods.measure, f.measure));
  if (f.from) conds.push(sql`${seizedGoods.seizedDate} >= ${f.from}`);
  if (f.to) conds.push(sql`${seizedGoods.seizedDate} <= ${f.to}`);
  if (f.q) conds.push(ilike(seizedGoods.goods, containing(f.q)));
  if (f.inspectionId) conds.push(eq(seizedGoods.inspectionId, f.inspectionId));
  if (f.caseId) conds.push(eq(seizedGoods.caseId, f.caseId));
  return and(...conds)!;
}

/** An attachment's columns without its content (lists, answers, audit entries). */
const { content: _content, ...attachmentMeta } = getTableColumns(seizedGoodsAttachments);

export function createSeizedGoodsRepository() {
  return {
    /** One page, newest first (read along seized_goods_list_order_idx). */
    page: (db: Db, f: SeizedGoodsFilters & { limit: number; offset: number }): Promise<SeizedGoodsRow[]> =>
      db
        .select()
        .from(seizedGoods)
        .where(where(f))
        .orderBy(desc(seizedGoods.seizedDate), desc(seizedGoods.createdAt))
        .limit(f.limit)
        .offset(f.offset),

    count: (db: Db, f: SeizedGoodsFilters) => cappedCount(db, seizedGoods, where(f)),

    /** The 罚没物品台账's totals: exact sums per goods and unit of measure, summed by PostgreSQL as numeric. */
    totals: (db: Db, f: SeizedGoodsFilters): Promise<SeizedGoodsTotal[]> =>
      db
        .select({
          goods: seizedGoods.goods,
          quantityUnit: seizedGoods.quantityUnit,
          count: sql<number>`count(*)::int`,
          quantity: sql<string>`sum(${seizedGoods.quantity})::text`,
          disposed: sql<string>`sum(${seizedGoods.disposedQuantity})::text`,
          confiscated: sql<string>`sum(${seizedGoods.confiscatedQuantity})::text`,
          held: sql<string>`sum(${seizedGoods.quantity} - ${seizedGoods.disposedQuantity})::text`,
        })
        .from(seizedGoods)
        .where(where(f))
        .groupBy(seizedGoods.goods, seizedGoods.quantityUnit)
        .orderBy(asc(seizedGoods.goods), asc(seizedGoods.quantityUnit))
        .limit(500),

    async findVisible(db: Db, id: string, scope: SQL): Promise<SeizedGoodsRow | undefined> {
      const [row] = await db
        .select()
        .from(seizedGoods)
        .where(and(eq(seizedGoods.id, id), scope));
      return row;
    },

    async insert(tx: Db, row: SeizedGoodsInsert): Promise<SeizedGoodsRow> {
      const [created] = await tx.insert(seizedGoods).values(row).returning();
      return created;
    },

    /** Updates when the stored version is `version`; undefined when someone saved in between. */
    async update(
      tx: Db,
      id: string,
      version: number,
      patch: Partial<SeizedGoodsInsert>,
    ): Promise<SeizedGoodsRow | undefined> {
      const [row] = await tx
        .update(seizedGoods)
        .set({ ...patch, version: version + 1, updatedAt: new Date() })
        .where(and(eq(seizedGoods.id, id), eq(seizedGoods.version, version)))
        .returning();
      return row;
    },

    disposals: (db: Db, seizedGoodsId: string): Promise<DisposalRow[]> =>
      db
        .select()
        .from(seizedGoodsDisposals)
        .where(eq(seizedGoodsDisposals.seizedGoodsId, seizedGoodsId))
        .orderBy(asc(seizedGoodsDisposals.disposalDate), asc(seizedGoodsDisposals.createdAt)),

    /** The disposals of several records (the export's 处置情况). */
    disposalsOf: (db: Db, ids: string[]): Promise<DisposalRow[]> =>
      ids.length === 0
        ? Promise.resolve([])
        : db
            .select()
            .from(seizedGoodsDisposals)
            .where(inArray(seizedGoodsDisposals.seizedGoodsId, ids))
            .orderBy(asc(seizedGoodsDisposals.disposalDate), asc(seizedGoodsDisposals.createdAt)),

    async insertDisposal(tx: Db, row: DisposalInsert): Promise<DisposalRow> {
      const [created] = await tx.insert(seizedGoodsDisposals).values(row).returning();
      return created;
    },

    /** The files of a record, without their content. */
    attachments: (db: Db, seizedGoodsId: string) =>
      db
        .select(attachmentMeta)
        .from(seizedGoodsAttachments)
        .where(eq(seizedGoodsAttachments.seizedGoodsId, seizedGoodsId))
        .orderBy(asc(seizedGoodsAttachments.uploadedAt)),

    async findAttachment(db: Db, seizedGoodsId: string, id: string) {
      const [row] = await db
        .select()
        .from(seizedGoodsAttachments)
        .where(and(eq(seizedGoodsAttachments.id, id), eq(seizedGoodsAttachments.seizedGoodsId, seizedGoodsId)));
      return row;
    },

    async insertAttachment(tx: Db, row: typeof seizedGoodsAttachments.$inferInsert) {
      const [created] = await tx.insert(seizedGoodsAttachments).values(row).returning(attachmentMeta);
      return created;
    },

    deleteAttachment: (tx: Db, id: string) =>
      tx.delete(seizedGoodsAttachments).where(eq(seizedGoodsAttachments.id, id)),

    async findDisposal(db: Db, seizedGoodsId: string, id: string) {
      const [row] = await db
        .select()
        .from(seizedGoodsDisposals)
        .where(and(eq(seizedGoodsDisposals.id, id), eq(seizedGoodsDisposals.seizedGoodsId, seizedGoodsId)));
      return row;
    },

    // --- the sources a record names, each read in the actor's scope ---

    async findInspection(db: Db, id: string, scope: SQL) {
      const [row] = await db
        .select({
          id: inspections.id,
          unitId: inspections.unitId,
          campaignId: inspections.campaignId,
          categoryCode: inspections.categoryCode,
          inspectionDate: inspections.inspectionDate,
        })
        .from(inspections)
        .where(and(eq(inspections.id, id), scope));
      return row;
    },

    /** An outing's 查扣物品 rows, each with the custody record already registered for it, if any. */
    inspectionSeizures: (db: Db, inspectionId: string) =>
      db
        .select({
          id: inspectionSeizures.id,
          goods: inspectionSeizures.goods,
          quantity: inspectionSeizures.quantity,
          unit: inspectionSeizures.unit,
          registeredId: seizedGoods.id,
        })
        .from(inspectionSeizures)
        .leftJoin(seizedGoods, eq(seizedGoods.inspectionSeizureId, inspectionSeizures.id))
        .where(eq(inspectionSeizures.inspectionId, inspectionId))
        .orderBy(asc(inspectionSeizures.seq)),

    async findInspectionSeizure(db: Db, id: string) {
      const [row] = await db.select().from(inspectionSeizures).where(eq(inspectionSeizures.id, id));
      return row;
    },

    async findCase(db: Db, id: string, scope: SQL) {
      const [row] = await db
        .select({ id: cases.id, unitId: cases.unitId, caseNumber: cases.caseNumber, partyName: cases.partyName })
        .from(cases)
        .where(and(eq(cases.id, id), scope));
      return row;
    },

    async findEntity(db: Db, id: string, scope: SQL) {
      const [row] = await db
        .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
        .from(marketEntities)
        .where(and(eq(marketEntities.id, id), scope));
      return row;
    },

    /** What a record's answer names: the outings' dates, the cases' numbers, the entities' names. */
    async sourceNames(db: Db, rows: SeizedGoodsRow[]) {
      const ids = (pick: (r: SeizedGoodsRow) => string | null) => [
        ...new Set(rows.map(pick).filter((x): x is string => x !== null)),
      ];
      const [outings, caseRows, entities] = await Promise.all([
        ids((r) => r.inspectionId).length
          ? db
              .select({ id: inspections.id, date: inspections.inspectionDate })
              .from(inspections)
              .where(
                inArray(
                  inspections.id,
                  ids((r) => r.inspectionId),
                ),
              )
          : [],
        ids((r) => r.caseId).length
          ? db
              .select({ id: cases.id, caseNumber: cases.caseNumber })
              .from(cases)
              .where(
                inArray(
                  cases.id,
                  ids((r) => r.caseId),
                ),
              )
          : [],
        ids((r) => r.entityId).length
          ? db
              .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
              .from(marketEntities)
              .where(
                inArray(
                  marketEntities.id,
                  ids((r) => r.entityId),
                ),
              )
          : [],
      ]);
      return {
        outingDates: new Map(outings.map((o) => [o.id, o.date])),
        caseNumbers: new Map(caseRows.map((c) => [c.id, c.caseNumber])),
        entityNames: new Map(entities.map((e) => [e.id, e.name])),
        entityCodes: new Map(entities.map((e) => [e.id, e.creditCode])),
      };
    },

    /** An entity's seized goods in the actor's scope, newest first, with the unit's name (经济户口). */
    forEntity: (db: Db, entityId: string, scope: SQL, limit: number) =>
      db
        .select({ row: seizedGoods, unitName: units.name })
        .from(seizedGoods)
        .innerJoin(units, eq(units.id, seizedGoods.unitId))
        .where(and(eq(seizedGoods.entityId, entityId), scope))
        .orderBy(desc(seizedGoods.seizedDate), desc(seizedGoods.createdAt))
        .limit(limit),
  };
}

export type SeizedGoodsRepository = ReturnType<typeof createSeizedGoodsRepository>;
