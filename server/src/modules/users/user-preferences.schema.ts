import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.schema';

/**
 * A person's display preferences (列表的列、密度…), one JSON value per key, so they follow the person
 * across machines. Personal display state: read and written only by the person, not audited.
 */
export const userPreferences = pgTable(
  'user_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** e.g. "table.cases": what the value is for. */
    key: text('key').notNull(),
    value: jsonb('value').notNull().$type<Record<string, unknown>>(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

export type UserPreferenceRow = typeof userPreferences.$inferSelect;
