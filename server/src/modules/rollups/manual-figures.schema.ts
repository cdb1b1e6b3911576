import { bigint, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/**
 * A figure the records cannot give (捣毁窝点, 宣传报道 …), entered by a unit for a category and a
 * day with the reason it says so. Summed over a unit's subtree and a campaign's tree for any
 * dates, like the derived figures. Amounts of money in fen, counts as themselves.
 */
export const manualFigures = pgTable(
  'manual_figures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    categoryCode: text('category_code').notNull(),
    /** The column of the statistics table (its key in the template). */
    columnKey: text('column_key').notNull(),
    /** The day the figure belongs to (counted in the periods that contain it). */
    day: date('day', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('manual_figures_campaign_day_idx').on(t.campaignId, t.day)],
);

export type ManualFigureRow = typeof manualFigures.$inferSelect;
