import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/**
 * A hand-entered figure of a `manual` KPI (明厨亮灶 coverage: units with 明厨亮灶 / licensed caterers):
 * one per plan, KPI, unit and period, with the reason (where the figure comes from). The KPI is
 * named by its index in the plan and its name at entry, so a figure is never read against another
 * KPI after the plan was edited.
 */
export const kpiManualFigures = pgTable(
  'kpi_manual_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    kpiIndex: integer('kpi_index').notNull(),
    kpiName: text('kpi_name').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The KPI period: '2026', '2026-05' or '全程'. */
    periodLabel: text('period_label').notNull(),
    numerator: integer('numerator').notNull(),
    denominator: integer('denominator').notNull(),
    reason: text('reason').notNull(),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    enteredByName: text('entered_by_name').notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('kpi_manual_figures_key_uq').on(t.campaignId, t.kpiIndex, t.unitId, t.periodLabel),
    index('kpi_manual_figures_unit_idx').on(t.unitId),
  ],
);

export type KpiManualFigureRow = typeof kpiManualFigures.$inferSelect;
