import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Days an administrator sets by hand, for a year the holiday package lacks or a local change:
 * 'holiday' (放假) or 'workday' (调休上班). They take precedence over the package.
 */
export const calendarOverrides = pgTable('calendar_overrides', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type CalendarOverrideRow = typeof calendarOverrides.$inferSelect;

/**
 * Years whose holiday schedule an administrator has entered in full (the package lacks them).
 * Until a year is here or in the package, deadlines reaching into it are marked provisional.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  completedBy: uuid('completed_by'),
  completedAt: timestamp('completed_at', { withTimezone: true }).notNull().defaultNow(),
});
