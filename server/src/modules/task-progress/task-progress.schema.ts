import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaignTasks } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/** 进展情况: what a 牵头/配合 unit reports of its work on a plan task (重点任务), dated. */
export const taskProgressNotes = pgTable(
  'task_progress_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => campaignTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The day the progress is reported for (not after today). */
    noteDate: date('note_date', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorName: text('author_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('task_progress_notes_cell_idx').on(t.taskId, t.unitId, t.noteDate)],
);

export type TaskProgressNoteRow = typeof taskProgressNotes.$inferSelect;
