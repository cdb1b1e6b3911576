import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { alias } from 'drizzle-orm/pg-core';
import { containing, idInTree, startingWith, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  entityInspectorTies,
  marketEntities,
  randomDrawItems,
  randomDraws,
  type DrawFilters,
  type MarketEntityRow,
  type RandomDrawItemRow,
  type RandomDrawRow,
} from './random-checks.schema';

export function createRandomChecksRepository() {
  return {
    findEntity: async (db: Db, id: string, scope: SQL) =>
      (
        await db
          .select()
          .from(marketEntities)
          .where(and(eq(marketEntities.id, id), scope))
      )[0],
    entitiesByIds: (db: Db, ids: string[]) =>
      ids.length
        ? db.select().from(marketEntities).where(inArray(marketEntities.id, ids))
        : Promise.resolve([] as MarketEntityRow[]),

    /** The active entities of a unit's subtree that match the filters, sorted by id (the draw's candidates). */
    async candidates(db: Db, unitPath: string, f: DrawFilters): Promise<string[]> {
      const conds = [unitIdInSubtree(unitPath, marketEntities.unitId), eq(marketEntities.active, true)];
      if (f.industry) conds.push(eq(marketEntities.industry, f.industry));
      if (f.riskLevels?.length) conds.push(inArray(marketEntities.riskLevel, f.riskLevels));
      if (f.divisionCode) conds.push(like(marketEntities.divisionCode, startingWith(f.divisionCode)));
      return (
        await db
          .select({ id: marketEntities.id })
          .from(marketEntities)
          .where(and(...conds))
          .orderBy(asc(marketEntities.id))
      ).map((r) => r.id);
    },

    /** Active entities of the register whose unit meets `units` (a scope condition on marketEntities.unitId). */
    countRegistered: async (db: Db, units: SQL) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(marketEntities)
          .where(and(units, eq(marketEntities.active, true)))
      )[0].n,

    /** Active law-enforcement officers (role 办案人员) of a unit's subtree, sorted by id. */
    async eligibleInspectors(db: Db, unitPath: string): Promise<string[]> {
      const rows = await db
        .select({ id: users.id })
        .from(users)
        .where(
          and(unitIdInSubtree(unitPath, users.unitId), eq(users.active, true), sql`'handler' = any(${users.roles})`),
        )
        .orderBy(asc(users.id));
      return rows.map((r) => r.id);
    },

    async ties(db: Db, entityIds: string[]) {
      if (entityIds.length === 0) return [];
      return db
        .select({ entityId: entityInspectorTies.entityId, inspectorId: entityInspectorTies.userId })
        .from(entityInspectorTies)
        .where(inArray(entityInspectorTies.entityId, entityIds));
    },
    addTie: async (tx: Db, row: typeof entityInspectorTies.$inferInsert) =>
      void (await tx
        .insert(entityInspectorTies)
        .values(row)
        .onConflictDoUpdate({
          target: [entityInspectorTies.entityId, entityInspectorTies.userId],
          set: { reason: row.reason },
        })),

    async insertDraw(
      tx: Db,
      draw: typeof randomDraws.$inferInsert,
      items: { seq: number; entityId: string; inspectorIds: string[] }[],
    ): Promise<RandomDrawRow> {
      const [created] = await tx.insert(randomDraws).values(draw).returning();
      for (let i = 0; i < items.length; i += 1000)
        await tx.insert(randomDrawItems).values(items.slice(i, i + 1000).map((it) => ({ ...it, drawId: created.id })));
      return created;
    },
    markReplaced: async (tx: Db, id: string, replacedById: string) =>
      void (await tx.update(randomDraws).set({ replacedById }).where(eq(randomDraws.id, id))),
    findDraw: async (db: Db, id: string, scope: SQL): Promise<RandomDrawRow | undefined> =>
      (
        await db
          .select()
          .from(randomDraws)
          .where(and(eq(randomDraws.id, id), scope))
      )[0],
    listDraws: (db: Db, scope: SQL, campaignId?: string) =>
      db
        .select()
        .from(randomDraws)
        .where(campaignId ? and(scope, eq(randomDraws.campaignId, campaignId)) : scope)
        .orderBy(desc(randomDraws.createdAt))
        .limit(200),
    items: (db: Db, drawId: string): Promise<RandomDrawItemRow[]> =>
      db.select().from(randomDrawItems).where(eq(randomDrawItems.drawId, drawId)).orderBy(asc(randomDrawItems.seq)),
    /** The drawn entity whose finding opened a lead, with its draw and the entity's name. */
    async itemOfLead(db: Db, leadId: string) {
      const [row] = await db
        .select({
          drawId: randomDrawItems.drawId,
          seq: randomDrawItems.seq,
          drawName: randomDraws.name,
          entityName: marketEntities.name,
        })
        .from(randomDrawItems)
        .innerJoin(randomDraws, eq(randomDraws.id, randomDrawItems.drawId))
        .innerJoin(marketEntities, eq(marketEntities.id, randomDrawItems.entityId))
        .where(eq(randomDrawItems.leadId, leadId))
        .limit(1);
      return row;
    },
    findItem: async (db: Db, drawId: string, id: string) =>
      (
        await db
          .select()
          .from(randomDrawItems)
          .where(and(eq(randomDrawItems.drawId, drawId), eq(randomDrawItems.id, id)))
      )[0],
    async updateItem(tx: Db, id: string, version: number, patch: Partial<RandomDrawItemRow>) {
      const [row] = await tx
        .update(randomDrawItems)
        .set({ ...patch, version: version + 1 })
        .where(and(eq(randomDrawItems.id, id), eq(randomDrawItems.version, version)))
        .returning();
      return row;
    },
    async publish(tx: Db, drawId: string, at: Date): Promise<number> {
      const rows = await tx
        .update(randomDrawItems)
        .set({ published: true, publishedAt: at })
        .where(
          and(
            eq(randomDrawItems.drawId, drawId),
            isNotNull(randomDrawItems.result),
            eq(randomDrawItems.published, false),
          ),
        )
        .returning({ id: randomDrawItems.id });
      return rows.length;
    },

    /**
     * Checks of the current draws (replaced draws do not count) made under a campaign and its 实施方案
     * (`campaignPath`, the tree) by the units `drawUnits` admits (a scope condition on
     * randomDraws.unitId): drawn counts the items of the draws made in [from, to] (China time), the
     * rest count results whose check date falls in it. The inspected entities (coverage's numerator)
     * count only entities of the register `entityUnits` admits, the same condition as the
     * denominator's, so coverage never divides one unit's checks by another's register.
     */
    async campaignChecks(
      db: Db,
      q: { campaignPath: string; from: string; to: string },
      drawUnits: SQL,
      entityUnits: SQL,
    ) {
      const inPeriod = sql`${randomDrawItems.checkDate} between ${q.from} and ${q.to}`;
      const drawnInPeriod = sql`(${randomDraws.createdAt} at time zone 'Asia/Shanghai')::date between ${q.from} and ${q.to}`;
      const [row] = await db
        .select({
          drawn: sql<number>`count(*) filter (where ${drawnInPeriod})::int`,
          completed: sql<number>`count(*) filter (where ${randomDrawItems.result} is not null and ${inPeriod})::int`,
          inspectedEntities: sql<number>`count(distinct case when ${randomDrawItems.result} is not null and ${inPeriod} and ${entityUnits} then ${randomDrawItems.entityId} end)::int`,
          published: sql<number>`count(*) filter (where ${randomDrawItems.published} and ${inPeriod})::int`,
        })
        .from(randomDrawItems)
        .innerJoin(randomDraws, eq(randomDraws.id, randomDrawItems.drawId))
        .innerJoin(marketEntities, eq(marketEntities.id, randomDrawItems.entityId))
        .where(
          and(idInTree(randomDraws.campaignId, campaigns, q.campaignPath), isNull(randomDraws.replacedById), drawUnits),
        );
      return row;
    },

    /**
     * Every recorded result of the current draws under a campaign's tree whose check date falls in
     * [from, to], with the draw's unit and the entity's unit (the KPIs attribute coverage to the
     * register's unit and publication to the drawing unit).
     */
    async resultsInTree(db: Db, q: { campaignPath: string; from: string; to: string; drawUnits?: SQL }) {
      const entityUnit = alias(units, 'entity_unit');
      return db
        .select({
          itemId: randomDrawItems.id,
          drawId: randomDraws.id,
          drawName: randomDraws.name,
          drawUnitPath: units.path,
          drawUnitName: units.name,
          entityId: marketEntities.id,
          entityName: marketEntities.name,
          entityUnitPath: entityUnit.path,
          result: randomDrawItems.result,
          checkDate: randomDrawItems.checkDate,
          published: randomDrawItems.published,
        })
        .from(randomDrawItems)
        .innerJoin(randomDraws, eq(randomDraws.id, randomDrawItems.drawId))
        .innerJoin(units, eq(units.id, randomDraws.unitId))
        .innerJoin(marketEntities, eq(marketEntities.id, randomDrawItems.entityId))
        .innerJoin(entityUnit, eq(entityUnit.id, marketEntities.unitId))
        .where(
          and(
            idInTree(randomDraws.campaignId, campaigns, q.campaignPath),
            isNull(randomDraws.replacedById),
            isNotNull(randomDrawItems.result),
            sql`${randomDrawItems.checkDate} between ${q.from} and ${q.to}`,
            q.drawUnits,
          ),
        )
        .orderBy(asc(randomDrawItems.checkDate), asc(marketEntities.name));
    },

    /** The active register counted by supervising unit (each unit's path), for per-subtree denominators. */
    async registerByUnit(db: Db, entityUnits?: SQL) {
      return db
        .select({ unitPath: units.path, n: sql<number>`count(*)::int` })
        .from(marketEntities)
        .innerJoin(units, eq(units.id, marketEntities.unitId))
        .where(and(eq(marketEntities.active, true), entityUnits))
        .groupBy(units.path);
    },

    /** 一公开: published results, newest first, with no one's personal data. */
    async publicResults(db: Db, f: { q?: string; limit: number; offset: number }) {
      const conds = [eq(randomDrawItems.published, true)];
      if (f.q)
        conds.push(or(ilike(marketEntities.name, containing(f.q)), ilike(marketEntities.creditCode, containing(f.q)))!);
      const w = and(...conds)!;
      const items = await db
        .select({
          entityName: marketEntities.name,
          creditCode: marketEntities.creditCode,
          address: marketEntities.address,
          checkDate: randomDrawItems.checkDate,
          result: randomDrawItems.result,
          unitName: units.name,
          drawName: randomDraws.name,
        })
        .from(randomDrawItems)
        .innerJoin(randomDraws, eq(randomDraws.id, randomDrawItems.drawId))
        .innerJoin(marketEntities, eq(marketEntities.id, randomDrawItems.entityId))
        .innerJoin(units, eq(units.id, randomDraws.unitId))
        .where(w)
        .orderBy(desc(randomDrawItems.checkDate), asc(marketEntities.name))
        .limit(f.limit)
        .offset(f.offset);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(randomDrawItems)
        .innerJoin(marketEntities, eq(marketEntities.id, randomDrawItems.entityId))
        .where(w);
      return { items, total };
    },
  };
}

export type RandomChecksRepository = ReturnType<typeof createRandomChecksRepository>;
