import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { DISCLOSURE_STATUSES, WARNING_KINDS, WARNING_STATUSES } from './disclosure-kinds';

export * from './disclosure-kinds';

/**
 * 典型案件曝光 (seeds 003, 004): the public, redacted text of a decided typical case, written by the
 * office of the bureau that publishes it, published on the approval of a 局领导 of that bureau.
 */
export const caseDisclosures = pgTable(
  'case_disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** 发布单位: the bureau whose office writes it (its 局领导 approves); the case's unit or one above. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    title: text('title').notNull(),
    /** The public text. */
    body: text('body').notNull(),
    /** 当事人 as the public reads it: a company's name when its penalty is public, a person as 张某. */
    partyDisplayName: text('party_display_name').notNull(),
    /** 违法类型 and 处罚决定日期, taken from the case (the public page shows them). */
    categoryLabel: text('category_label').notNull(),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: DISCLOSURE_STATUSES }).notNull().default('draft'),
    /** The approval request that published it. */
    approvalRequestId: uuid('approval_request_id'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('case_disclosures_case_idx').on(t.caseId),
    index('case_disclosures_unit_idx').on(t.unitId),
    index('case_disclosures_public_idx').on(t.status, t.publishedAt),
  ],
);

export type CaseDisclosureRow = typeof caseDisclosures.$inferSelect;
export type CaseDisclosureInsert = typeof caseDisclosures.$inferInsert;

/** 消费警示 / 警示公告 (及时发布消费预警提示): a bureau's notice to consumers, published by its office. */
export const consumerWarnings = pgTable(
  'consumer_warnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: WARNING_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** 发布日期 */
    issuedDate: date('issued_date', { mode: 'string' }),
    status: text('status', { enum: WARNING_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('consumer_warnings_unit_idx').on(t.unitId),
    index('consumer_warnings_public_idx').on(t.status, t.publishedAt),
  ],
);

export type ConsumerWarningRow = typeof consumerWarnings.$inferSelect;
export type ConsumerWarningInsert = typeof consumerWarnings.$inferInsert;
