import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { idInTree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import type { Db } from '../../db/database';
import { units } from '../units/units.schema';
import { kpiManualFigures, type KpiManualFigureRow } from './kpis.schema';

export type KpiFigureInsert = typeof kpiManualFigures.$inferInsert;

export function createKpisRepository() {
  return {
    /** The figures of a plan's KPI for a period, each with its unit's name and path. */
    async figures(db: Db, q: { campaignId: string; kpiIndex: number; periodLabel: string }) {
      return db
        .select({ figure: kpiManualFigures, unitName: units.name, unitPath: units.path })
        .from(kpiManualFigures)
        .innerJoin(units, eq(units.id, kpiManualFigures.unitId))
        .where(
          and(
            eq(kpiManualFigures.campaignId, q.campaignId),
            eq(kpiManualFigures.kpiIndex, q.kpiIndex),
            eq(kpiManualFigures.periodLabel, q.periodLabel),
          ),
        )
        .orderBy(asc(units.path));
    },

    /**
     * The figures of a KPI (by its name) for a period across a plan's tree: the plan's own and its
     * 实施方案's (a derived plan carries its parent's KPIs), the viewed plan's first, then the newest.
     */
    async treeFigures(db: Db, q: { campaignId: string; campaignPath: string; kpiName: string; periodLabel: string }) {
      return db
        .select({ figure: kpiManualFigures, unitName: units.name, unitPath: units.path })
        .from(kpiManualFigures)
        .innerJoin(units, eq(units.id, kpiManualFigures.unitId))
        .where(
          and(
            idInTree(kpiManualFigures.campaignId, campaigns, q.campaignPath),
            eq(kpiManualFigures.kpiName, q.kpiName),
            eq(kpiManualFigures.periodLabel, q.periodLabel),
          ),
        )
        .orderBy(
          sql`case when ${kpiManualFigures.campaignId} = ${q.campaignId} then 0 else 1 end`,
          desc(kpiManualFigures.enteredAt),
        );
    },

    async find(
      db: Db,
      q: { campaignId: string; kpiIndex: number; unitId: string; periodLabel: string },
    ): Promise<KpiManualFigureRow | undefined> {
      const [row] = await db
        .select()
        .from(kpiManualFigures)
        .where(
          and(
            eq(kpiManualFigures.campaignId, q.campaignId),
            eq(kpiManualFigures.kpiIndex, q.kpiIndex),
            eq(kpiManualFigures.unitId, q.unitId),
            eq(kpiManualFigures.periodLabel, q.periodLabel),
          ),
        );
      return row;
    },

    async insert(tx: Db, row: KpiFigureInsert): Promise<KpiManualFigureRow> {
      const [saved] = await tx.insert(kpiManualFigures).values(row).returning();
      return saved;
    },

    /** Optimistic: undefined when the stored version is no longer `version`. */
    async update(
      tx: Db,
      id: string,
      version: number,
      change: Pick<
        KpiManualFigureRow,
        'kpiName' | 'numerator' | 'denominator' | 'reason' | 'enteredBy' | 'enteredByName' | 'enteredAt'
      >,
    ): Promise<KpiManualFigureRow | undefined> {
      const [saved] = await tx
        .update(kpiManualFigures)
        .set({ ...change, version: version + 1 })
        .where(and(eq(kpiManualFigures.id, id), eq(kpiManualFigures.version, version)))
        .returning();
      return saved;
    },
  };
}

export type KpisRepository = ReturnType<typeof createKpisRepository>;
