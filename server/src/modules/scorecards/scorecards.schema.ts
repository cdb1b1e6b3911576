import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { users } from '../users/users.schema';
import type { SchemeIndicator } from './scorecard';

/**
 * 考核方案 of a plan (seed 004: 本次行动落实情况及相关案件查办情况将纳入本局年度执法办案业务考核;
 * 典型案例查办和上报情况将作为评估各部门“铁拳”行动成效的主要依据): its indicators with their weights and
 * scoring rules. `revision` counts the versions of the scheme that results were published under: an
 * edit after a publication starts the next revision, the publication keeps its own frozen copy.
 */
export const assessmentSchemes = pgTable(
  'assessment_schemes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    name: text('name').notNull(),
    indicators: jsonb('indicators').$type<SchemeIndicator[]>().notNull(),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('assessment_schemes_campaign_idx').on(t.campaignId)],
);

/** The scheme as it was published (its revision, name and indicators). */
export interface FrozenScheme {
  revision: number;
  name: string;
  indicators: SchemeIndicator[];
}

/** One unit's line of a published scorecard. */
export interface FrozenResult {
  unitId: string;
  unitName: string;
  unitPath: string;
  values: Record<string, number>;
  scores: Record<string, number>;
  total: number;
  rank: number;
  previousTotal?: number | null;
  previousRank?: number | null;
}

/** 考核结果公布: a scorecard frozen with the scheme it was computed by. */
export const assessmentPublications = pgTable(
  'assessment_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    schemeId: uuid('scheme_id')
      .notNull()
      .references(() => assessmentSchemes.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    scheme: jsonb('scheme').$type<FrozenScheme>().notNull(),
    results: jsonb('results').$type<FrozenResult[]>().notNull(),
    note: text('note'),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_publications_scheme_idx').on(t.schemeId)],
);

export type AssessmentSchemeRow = typeof assessmentSchemes.$inferSelect;
export type AssessmentPublicationRow = typeof assessmentPublications.$inferSelect;
