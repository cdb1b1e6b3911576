import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * 导入进度: how far a running import has got, on PostgreSQL, so that the browser's poll is answered
 * by whichever server process it reaches (import-progress.ts). Keyed by the browser's random token;
 * rows untouched for ten minutes are deleted when the next import starts.
 */
export const importProgress = pgTable(
  'import_progress',
  {
    token: text('token').primaryKey(),
    rowsRead: integer('rows_read').notNull(),
    finished: boolean('finished').notNull(),
    touchedAt: timestamp('touched_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('import_progress_touched_idx').on(t.touchedAt)],
);
