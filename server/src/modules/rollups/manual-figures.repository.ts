import { and, between, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idInTree, unitIdInSubtree } from '../../platform/scope';
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
