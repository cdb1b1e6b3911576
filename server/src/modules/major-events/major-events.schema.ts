import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { MAJOR_EVENT_KINDS, MAJOR_EVENT_STATUSES } from './major-event-kinds';

/**
 * 重大情况报告: a participating unit tells the office of the plan it reports to (owing-units.ts) what
 * happened, what it has done and what it needs from above; the office acknowledges it with its
 * 批示. The reporting unit may correct it until then.
 */
export const majorEvents = pgTable(
  'major_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 报告单位 */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: MAJOR_EVENT_KINDS }).notNull(),
    title: text('title').notNull(),
    /** 发生日期 */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    /** 基本情况 */
    summary: text('summary').notNull(),
    /** 已采取措施 */
    measuresTaken: text('measures_taken').notNull(),
    /** 需上级协调事项 */
    requests: text('requests'),
    /** 涉及案件: a case of the campaign in the reporting unit's subtree. */
    caseId: uuid('case_id').references(() => cases.id),
    reportedBy: uuid('reported_by')
      .notNull()
      .references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: MAJOR_EVENT_STATUSES }).notNull().default('reported'),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    /** 阅示意见: the office's 批示. */
    acknowledgement: text('acknowledgement'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('major_events_campaign_idx').on(t.campaignId, t.reportedAt),
    index('major_events_unit_idx').on(t.unitId),
  ],
);

export type MajorEventRow = typeof majorEvents.$inferSelect;
export type MajorEventInsert = typeof majorEvents.$inferInsert;
