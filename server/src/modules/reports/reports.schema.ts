import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { attachmentColumns } from '../../platform/attachments/attachment-columns';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

export const SUBMISSION_STATUSES = ['submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** 工作情况 of a report (seed 003): 打假统计数据、重点案件、经验做法、存在问题、下步打算. */
export interface ReportNarrative {
  statistics: string;
  keyCases: string;
  practices: string;
  problems: string;
  nextSteps: string;
}

/** The figures as they were when the unit submitted: the form's rows, values by column key (元 as text). */
export type FiguresSnapshot = {
  category: string;
  label: string;
  subLabel: string | null;
  values: Record<string, number | string>;
}[];

/** A column of the form as it was when the unit submitted (so a later change of the template misreads nothing). */
export interface FormColumnSnapshot {
  key: string;
  name: string;
  unit: string;
  money: boolean;
  kind: 'derived' | 'manual';
}

/**
 * A report a participating unit owes for one period of one of the campaign's schedules (信息报送).
 * A row exists once the unit has submitted; "missing" is a deadline passed without a row. The office
 * returns it with a reason (the unit resubmits) or accepts it, which locks it.
 */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The schedule of the campaign's plan (reportSchedules[].id). */
    scheduleId: text('schedule_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueTime: text('due_time'),
    status: text('status').$type<SubmissionStatus>().notNull(),
    /** First submitted after the deadline (a resubmission after a return keeps the first verdict). */
    late: boolean('late').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    narrative: jsonb('narrative').$type<ReportNarrative>().notNull(),
    figures: jsonb('figures').$type<FiguresSnapshot>().notNull(),
    /** The statistics table submitted (统计表模板 code); null: a snapshot from before forms, annex 2. */
    statTemplate: text('stat_template'),
    /** Its columns as they were then; null with a null statTemplate (annex 2's columns). */
    statColumns: jsonb('stat_columns').$type<FormColumnSnapshot[]>(),
    returnReason: text('return_reason'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('report_submissions_period_uq').on(t.campaignId, t.scheduleId, t.periodEnd, t.unitId),
    index('report_submissions_unit_idx').on(t.unitId),
  ],
);

export type ReportSubmissionRow = typeof reportSubmissions.$inferSelect;

/**
 * 催报: the office of the plan chasing a unit whose report of a period is overdue (逾期未报, or
 * returned and not yet resubmitted). Each chase is kept, with who and when; the board shows the
 * last one per unit and period, the unit's liaison sees it among the reminders.
 */
export const reportChases = pgTable(
  'report_chases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    scheduleId: text('schedule_id').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    chasedBy: uuid('chased_by')
      .notNull()
      .references(() => users.id),
    chasedAt: timestamp('chased_at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [
    index('report_chases_period_idx').on(t.campaignId, t.scheduleId, t.periodEnd),
    index('report_chases_unit_idx').on(t.unitId),
  ],
);

export type ReportChaseRow = typeof reportChases.$inferSelect;

/**
 * Files a unit sends with a report (photos of the work, documents): keyed by the report's period
 * like a submission, since the liaison attaches them while preparing a report that has no row yet.
 * Stored in the database like a case's files (attachment-columns.ts); locked once the report is accepted.
 */
export const reportAttachments = pgTable(
  'report_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    scheduleId: text('schedule_id').notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    ...attachmentColumns(),
  },
  (t) => [
    index('report_attachments_report_idx').on(t.campaignId, t.scheduleId, t.periodEnd, t.unitId),
    index('report_attachments_unit_idx').on(t.unitId),
  ],
);

export type ReportAttachmentRow = typeof reportAttachments.$inferSelect;
