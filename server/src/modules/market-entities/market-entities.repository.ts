import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { cappedCount } from '../../platform/db/capped-count';
import { containing, unitIdInSubtree } from '../../platform/scope';
import { units } from '../units/units.schema';
import {
  inspectionFrequencyRules,
  marketEntities,
  type EntityKind,
  type FrequencyRuleRow,
  type MarketEntityRow,
  type RiskLevel,
} from './market-entities.schema';

export type EntityUpsert = Pick<
  MarketEntityRow,
  'unitId' | 'name' | 'creditCode' | 'address' | 'industry' | 'divisionCode' | 'riskLevel' | 'licence'
> &
  Partial<Pick<MarketEntityRow, 'entityKind' | 'operatorName'>>;
export type EntityInsert = typeof marketEntities.$inferInsert;
export type RuleInsert = typeof inspectionFrequencyRules.$inferInsert;

export interface EntityFilters {
  scope: SQL;
  unitPath?: string;
  q?: string;
  industry?: string;
  entityKind?: EntityKind;
  riskLevel?: RiskLevel;
  /** true: only active ones; false: only deactivated; undefined: both. */
  active?: boolean;
}

function where(f: EntityFilters): SQL {
  const conds: SQL[] = [f.scope];
  if (f.unitPath) conds.push(unitIdInSubtree(f.unitPath, marketEntities.unitId));
  if (f.q)
    conds.push(or(ilike(marketEntities.name, containing(f.q)), ilike(marketEntities.creditCode, containing(f.q)))!);
  if (f.industry) conds.push(eq(marketEntities.industry, f.industry));
  if (f.entityKind) conds.push(eq(marketEntities.entityKind, f.entityKind));
  if (f.riskLevel) conds.push(eq(marketEntities.riskLevel, f.riskLevel));
  if (f.active !== undefined) conds.push(eq(marketEntities.active, f.active));
  return and(...conds)!;
}

const withUnit = { entity: marketEntities, unitName: units.name } as const;

export function createMarketEntitiesRepository() {
  return {
    /** One page of the register by name (read along market_entities_list_order_idx), with each unit's name. */
    page: (db: Db, f: EntityFilters & { limit: number; offset: number }) =>
      db
        .select(withUnit)
        .from(marketEntities)
        .innerJoin(units, eq(units.id, marketEntities.unitId))
        .where(where(f))
        .orderBy(asc(marketEntities.name), asc(marketEntities.id))
        .limit(f.limit)
        .offset(f.offset),

    count: (db: Db, f: EntityFilters) => cappedCount(db, marketEntities, where(f)),

    findVisible: async (db: Db, id: string, scope: SQL): Promise<MarketEntityRow | undefined> =>
      (
        await db
          .select()
          .from(marketEntities)
          .where(and(eq(marketEntities.id, id), scope))
      )[0],

    findByCreditCode: async (db: Db, code: string): Promise<MarketEntityRow | undefined> =>
      (await db.select().from(marketEntities).where(eq(marketEntities.creditCode, code)))[0],

    /** Of `ids`, the entities supervised within the subtree at `unitPath`. */
    async idsInSubtree(db: Db, ids: string[], unitPath: string): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db
        .select({ id: marketEntities.id })
        .from(marketEntities)
        .where(and(inArray(marketEntities.id, ids), unitIdInSubtree(unitPath, marketEntities.unitId)));
      return new Set(rows.map((r) => r.id));
    },

    async byCreditCodes(db: Db, codes: string[]) {
      if (codes.length === 0) return [];
      return db
        .select({ id: marketEntities.id, creditCode: marketEntities.creditCode, unitId: marketEntities.unitId })
        .from(marketEntities)
        .where(inArray(marketEntities.creditCode, codes));
    },

    /** Entities of the register with these credit codes within `scope` (an import naming an entity by its code). */
    namedByCreditCodes: (db: Db, codes: string[], scope: SQL) =>
      codes.length
        ? db
            .select({ id: marketEntities.id, name: marketEntities.name, creditCode: marketEntities.creditCode })
            .from(marketEntities)
            .where(and(inArray(marketEntities.creditCode, codes), scope))
        : Promise.resolve([]),

    /** Inserts new entities and updates known ones (by credit code): the register kept current by re-import. */
    async upsertEntities(tx: Db, rows: EntityUpsert[]) {
      if (rows.length === 0) return;
      await tx
        .insert(marketEntities)
        .values(rows)
        .onConflictDoUpdate({
          target: marketEntities.creditCode,
          set: {
            unitId: sql`excluded.unit_id`,
            name: sql`excluded.name`,
            address: sql`excluded.address`,
            industry: sql`excluded.industry`,
            divisionCode: sql`excluded.division_code`,
            riskLevel: sql`excluded.risk_level`,
            licence: sql`excluded.licence`,
            entityKind: sql`excluded.entity_kind`,
            operatorName: sql`excluded.operator_name`,
            active: true,
            version: sql`${marketEntities.version} + 1`,
            updatedAt: new Date(),
          },
        });
    },

    insert: async (tx: Db, row: EntityInsert): Promise<MarketEntityRow> =>
      (await tx.insert(marketEntities).values(row).returning())[0],

    insertMany: (tx: Db, rows: EntityInsert[]): Promise<MarketEntityRow[]> =>
      rows.length ? tx.insert(marketEntities).values(rows).returning() : Promise.resolve([]),

    /** Updates when the stored version is `version`; undefined when someone saved in between. */
    update: async (
      tx: Db,
      id: string,
      version: number,
      patch: Partial<EntityInsert>,
    ): Promise<MarketEntityRow | undefined> =>
      (
        await tx
          .update(marketEntities)
          .set({ ...patch, version: version + 1, updatedAt: new Date() })
          .where(and(eq(marketEntities.id, id), eq(marketEntities.version, version)))
          .returning()
      )[0],

    /** Every frequency rule with its unit's path and name (a handful per bureau). */
    rules: (db: Db) =>
      db
        .select({ rule: inspectionFrequencyRules, unitPath: units.path, unitName: units.name })
        .from(inspectionFrequencyRules)
        .innerJoin(units, eq(units.id, inspectionFrequencyRules.unitId))
        .orderBy(asc(units.path), asc(inspectionFrequencyRules.createdAt)),

    findRule: async (db: Db, id: string): Promise<FrequencyRuleRow | undefined> =>
      (await db.select().from(inspectionFrequencyRules).where(eq(inspectionFrequencyRules.id, id)))[0],

    insertRule: async (tx: Db, row: RuleInsert): Promise<FrequencyRuleRow> =>
      (await tx.insert(inspectionFrequencyRules).values(row).returning())[0],

    updateRule: async (
      tx: Db,
      id: string,
      version: number,
      patch: Partial<RuleInsert>,
    ): Promise<FrequencyRuleRow | undefined> =>
      (
        await tx
          .update(inspectionFrequencyRules)
          .set({ ...patch, version: version + 1, updatedAt: new Date() })
          .where(and(eq(inspectionFrequencyRules.id, id), eq(inspectionFrequencyRules.version, version)))
          .returning()
      )[0],

    /**
     * The active entities matching a rule (in `entities`, a scope condition on their unit) whose
     * outings counted by `outings` fall below `minCount`, fewest first, with the count.
     */
    async underInspected(
      db: Db,
      f: {
        entities: SQL;
        industry: string | null;
        entityKind: EntityKind | null;
        minCount: number;
        outings: SQL<number>;
        limit: number;
      },
    ) {
      const conds: SQL[] = [f.entities, eq(marketEntities.active, true)];
      if (f.industry) conds.push(eq(marketEntities.industry, f.industry));
      if (f.entityKind) conds.push(eq(marketEntities.entityKind, f.entityKind));
      const outings = sql<number>`(${f.outings})::int`;
      return db
        .select({ ...withUnit, outings })
        .from(marketEntities)
        .innerJoin(units, eq(units.id, marketEntities.unitId))
        .where(and(...conds, sql`${f.outings} < ${f.minCount}`))
        .orderBy(asc(outings), asc(marketEntities.name), asc(marketEntities.id))
        .limit(f.limit);
    },
  };
}

export type MarketEntitiesRepository = ReturnType<typeof createMarketEntitiesRepository>;
