import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  ACCOUNTABILITY_MEASURES,
  COMMENDATION_KINDS,
  NOMINATION_STATUSES,
  type EvidenceLink,
} from './recognition-kinds';

/**
 * 典型案例评选 (seed 000: 评选出针对八类违法行为所查处的典型案例; seed 004: 典型案例查办和上报情况):
 * a unit nominates one of its cases to a plan it takes part in, under the category the case counts
 * in; the plan's office selects it or not, with its reason. One nomination per case and plan.
 */
export const typicalCaseNominations = pgTable(
  'typical_case_nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The plan's category (八类) the case counts in. */
    categoryCode: text('category_code').notNull(),
    /** 推荐单位: the case's unit. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    reason: text('reason').notNull(),
    status: text('status', { enum: NOMINATION_STATUSES }).notNull().default('nominated'),
    nominatedBy: uuid('nominated_by')
      .notNull()
      .references(() => users.id),
    nominatedAt: timestamp('nominated_at', { withTimezone: true }).notNull(),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** 评选日期 (Beijing): what the indicator's period reads. */
    decidedOn: date('decided_on', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('typical_case_nominations_case_uq').on(t.campaignId, t.caseId),
    index('typical_case_nominations_unit_idx').on(t.unitId),
  ],
);

/** 表彰: a 先进集体, 先进个人 or 办案能手 of a plan, with its evidence; flagged ones form the 执法人才库. */
export const commendations = pgTable(
  'commendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    kind: text('kind', { enum: COMMENDATION_KINDS }).notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** The person commended: a user, or a name (someone without an account); null for a 先进集体. */
    userId: uuid('user_id').references(() => users.id),
    personName: text('person_name'),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    /** 纳入执法人才库 (seed 004). */
    talentPool: boolean('talent_pool').notNull().default(false),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    /** 表彰文号, e.g. 崇市监〔2021〕12号. */
    documentNumber: text('document_number'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('commendations_campaign_idx').on(t.campaignId), index('commendations_unit_idx').on(t.unitId)],
);

/** 问责: a measure the plan's office took against a unit (or a person of it), with its evidence. */
export const accountabilityMeasures = pgTable(
  'accountability_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    userId: uuid('user_id').references(() => users.id),
    personName: text('person_name'),
    measure: text('measure', { enum: ACCOUNTABILITY_MEASURES }).notNull(),
    reason: text('reason').notNull(),
    evidence: jsonb('evidence').$type<EvidenceLink[]>().notNull().default([]),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('accountability_measures_campaign_idx').on(t.campaignId),
    index('accountability_measures_unit_idx').on(t.unitId),
  ],
);

export type NominationRow = typeof typicalCaseNominations.$inferSelect;
export type CommendationRow = typeof commendations.$inferSelect;
export type AccountabilityRow = typeof accountabilityMeasures.$inferSelect;
