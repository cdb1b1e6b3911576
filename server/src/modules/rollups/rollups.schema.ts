import { bigint, date, integer, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

/** The figures' columns, the same in the daily and the monthly table. */
const figureColumns = () => ({
  /** 立案 (by filing date) */
  casesFiled: integer('cases_filed').notNull().default(0),
  /** 结案 (by closing date) */
  casesClosed: integer('cases_closed').notNull().default(0),
  /**
   * Money in fen. A sum over a big subtree passes 2^53, which no JS number holds: the repository
   * writes these as exact text cast to bigint and reads sums as text into BigInt, never through
   * this column's number mapping (mode 'bigint' would need a 0n default, which drizzle-kit
   * cannot write into its snapshot).
   */
  amountInvolvedFen: bigint('amount_involved_fen', { mode: 'number' }).notNull().default(0),
  fineFen: bigint('fine_fen', { mode: 'number' }).notNull().default(0),
  confiscatedFen: bigint('confiscated_fen', { mode: 'number' }).notNull().default(0),
  lossesRecoveredFen: bigint('losses_recovered_fen', { mode: 'number' }).notNull().default(0),
  transferredToJudiciary: integer('transferred_to_judiciary').notNull().default(0),
  onlineCases: integer('online_cases').notNull().default(0),
  ruralCases: integer('rural_cases').notNull().default(0),
  /** From inspections (by inspection date). */
  outings: integer('outings').notNull().default(0),
  staffDeployed: integer('staff_deployed').notNull().default(0),
  vehicles: integer('vehicles').notNull().default(0),
  entitiesInspected: integer('entities_inspected').notNull().default(0),
  /** Running decision clocks of cases, on the day each ends (by decision due date). */
  decisionClocksDue: integer('decision_clocks_due').notNull().default(0),
  /** Leads being verified, on the day their clock ends (by due date). */
  verificationClocksDue: integer('verification_clocks_due').notNull().default(0),
});

/**
 * The figures of the statistics tables, summed per (campaign, unit, category, day) and kept in the
 * same transaction as the records they come from, so a roll-up is live and reads a handful of rows.
 *
 * A record counts in the row of its own unit AND of every unit above it, and of its own campaign
 * AND of every campaign above it (an implementation plan's cases count in the superior's plan),
 * and of each further campaign it counts toward. So "unit U's subtree, campaign C, days [from, to]"
 * is `unit_id = U and campaign_id = C and day between …`, never a walk over the tree. The records
 * stay the single source of truth: `npm run verify-rollups` recomputes this table from them.
 */
export const rollupDaily = pgTable(
  'rollup_daily',
  {
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    categoryCode: text('category_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    ...figureColumns(),
  },
  // The key also carries every figure column (INCLUDE, migration 0051: drizzle does not model it), so
  // a read of a unit's days is an index-only scan; a new figure column goes into that key too.
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.day, t.categoryCode] })],
);

/**
 * rollup_daily summed per calendar month (`month` is its first day), written in the same
 * transaction by the same deltas: a period's whole months are read here and only its edge days
 * from rollup_daily (month-split.ts), so a year of a unit's figures is 12 rows a category, not 365.
 * `verify` checks it against rollup_daily, as it checks rollup_daily against the records.
 */
export const rollupMonthly = pgTable(
  'rollup_monthly',
  {
    campaignId: uuid('campaign_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    categoryCode: text('category_code').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    ...figureColumns(),
  },
  // Its key carries every figure column too (INCLUDE, as rollup_daily's).
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.month, t.categoryCode] })],
);

export type RollupRow = typeof rollupDaily.$inferSelect;
