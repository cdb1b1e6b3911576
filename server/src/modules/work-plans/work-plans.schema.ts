import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { attachmentColumns } from '../../platform/attachments/attachment-columns';
import { campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { WORK_PLAN_STATUSES } from './work-plan-status';

/**
 * 工作实施计划 (seed 003: 区局各有关业务股室、执法大队要结合职能，制定具体的工作实施计划 … 报送备案):
 * one per unit owing the plan (reports/owing-units.ts), filed with the plan's office, which
 * acknowledges it (已备案) or returns it with a reason; the unit refiles it (version).
 */
export const unitWorkPlans = pgTable(
  'unit_work_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    title: text('title').notNull(),
    /** 主要内容（摘要） */
    summary: text('summary').notNull(),
    status: text('status', { enum: WORK_PLAN_STATUSES }).notNull().default('filed'),
    filedBy: uuid('filed_by')
      .notNull()
      .references(() => users.id),
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    /** 退回理由 */
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('unit_work_plans_unit_uq').on(t.campaignId, t.unitId), index('unit_work_plans_unit_idx').on(t.unitId)],
);

/** The plan's document (one file; a refiling may replace it). */
export const unitWorkPlanFiles = pgTable('unit_work_plan_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  workPlanId: uuid('work_plan_id')
    .notNull()
    .unique('unit_work_plan_files_plan_uq')
    .references(() => unitWorkPlans.id, { onDelete: 'cascade' }),
  ...attachmentColumns(),
});

export type UnitWorkPlanRow = typeof unitWorkPlans.$inferSelect;
export type UnitWorkPlanInsert = typeof unitWorkPlans.$inferInsert;
