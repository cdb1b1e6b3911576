import { and, between, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { rowsOf } from '../../platform/db/rows-of';
import { idInTree, idsInTree, pathIdsSql, unitIdInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { manualFigures, type ManualFigureRow } from './manual-figures.schema';

export interface ManualScope {
  campaignPath: string;
  unitPath: string;
  from: string;
  to: string;
}

const inScope = (q: ManualScope) =>
  and(
    unitIdInSubtree(q.unitPath, manualFigures.unitId),
    idInTree(manualFigures.campaignId, campaigns, q.campaignPath),
    between(manualFigures.day, q.from, q.to),
  );

/** 手工填报: figures entered by hand, summed over a unit's subtree and a campaign's tree like the records. */
export function createManualFiguresRepository() {
  return {
    async insert(db: Db, row: typeof manualFigures.$inferInsert): Promise<ManualFigureRow> {
      const [created] = await db.insert(manualFigures).values(row).returning();
      return created;
    },

    /** Sums per category and column, summed in PostgreSQL and read as exact text into BigInt (fen past 2^53 stay exact). */
    async sums(db: Db, q: ManualScope): Promise<Map<string, bigint>> {
      const rows = await db
        .select({
          categoryCode: manualFigures.categoryCode,
          columnKey: manualFigures.columnKey,
          total: sql<string>`sum(${manualFigures.amount})::text`,
        })
        .from(manualFigures)
        .where(inScope(q))
        .groupBy(manualFigures.categoryCode, manualFigures.columnKey);
      return new Map(rows.map((r) => [`${r.categoryCode}|${r.columnKey}`, BigInt(r.total)]));
    },

    /**
     * The same sums for several units at once (单位对比: the units below and their parent), each over
     * its own subtree: one query, every entry counted toward each listed unit on its unit's path.
     */
    async sumsByUnit(
      db: Db,
      q: { campaignPath: string; unitIds: string[]; from: string; to: string },
    ): Promise<Map<string, Map<string, bigint>>> {
      const byUnit = new Map<string, Map<string, bigint>>(q.unitIds.map((id) => [id, new Map()]));
      if (q.unitIds.length === 0) return byUnit;
      const rows = rowsOf<{ unit_id: string; category_code: string; column_key: string; total: string }>(
        await db.execute(sql`
          select a.id as unit_id, m.category_code, m.column_key, sum(m.amount)::text as total
            from ${manualFigures} m
            join ${units} mu on mu.id = m.unit_id
           cross join lateral ${pathIdsSql(sql.raw('mu.path'))} as a(id)
           where a.id = any(${sql.param(q.unitIds)}::uuid[])
             and m.campaign_id in (${idsInTree(campaigns, q.campaignPath)})
             and m.day between ${q.from} and ${q.to}
           group by a.id, m.category_code, m.column_key`),
      );
      for (const r of rows) byUnit.get(String(r.unit_id))!.set(`${r.category_code}|${r.column_key}`, BigInt(r.total));
      return byUnit;
    },

    /** The entries behind a manual figure (穿透), newest first. */
    async entries(db: Db, q: ManualScope & { columnKey?: string; categoryCode?: string }) {
      return db
        .select({
          id: manualFigures.id,
          unitName: units.name,
          categoryCode: manualFigures.categoryCode,
          columnKey: manualFigures.columnKey,
          day: manualFigures.day,
          amount: manualFigures.amount,
          reason: manualFigures.reason,
          createdByName: users.displayName,
          createdAt: manualFigures.createdAt,
        })
        .from(manualFigures)
        .innerJoin(units, eq(units.id, manualFigures.unitId))
        .innerJoin(users, eq(users.id, manualFigures.createdBy))
        .where(
          and(
            inScope(q),
            q.columnKey ? eq(manualFigures.columnKey, q.columnKey) : undefined,
            q.categoryCode ? eq(manualFigures.categoryCode, q.categoryCode) : undefined,
          ),
        )
        .orderBy(desc(manualFigures.day), desc(manualFigures.createdAt))
        .limit(500);
    },
  };
}

export type ManualFiguresRepository = ReturnType<typeof createManualFiguresRepository>;
