import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { supervisionRounds } from '../supervision/supervision.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/**
 * 案卷评查 (seed 004: 通过交叉检查、执法办案质量评估方式 … 区局将组织开展执法办案质量评估活动，对优秀典型案例
 * 进行表彰). The office of an organising unit keeps a scoring sheet (评查表), runs an exercise (评查活动),
 * draws closed or decided case files of the units below it with the 双随机 kernel, and has them scored
 * by reviewers of other units (交叉检查).
 */

/** One item of a 评查表: its key (stable inside the sheet), name, maximum points and what is checked. */
export interface ReviewSheetItem {
  key: string;
  name: string;
  maxPoints: number;
  description: string;
}

/**
 * 评查表 of a unit, versioned: `revision` counts the sheets of the unit; the current one has no
 * `supersededAt`. A sheet used by a submitted score is frozen: a change then writes a new revision.
 */
export const caseReviewSheets = pgTable(
  'case_review_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    revision: integer('revision').notNull(),
    name: text('name').notNull(),
    items: jsonb('items').$type<ReviewSheetItem[]>().notNull(),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('case_review_sheets_revision_uq').on(t.unitId, t.revision)],
);

/** 评查活动: of a plan, by the office of its organising unit, optionally within a 督查 round. */
export const caseReviewExercises = pgTable(
  'case_review_exercises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    roundId: uuid('round_id').references(() => supervisionRounds.id),
    sheetId: uuid('sheet_id')
      .notNull()
      .references(() => caseReviewSheets.id),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** 每单位抽取案卷数 */
    filesPerUnit: integer('files_per_unit').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('case_review_exercises_campaign_idx').on(t.campaignId),
    index('case_review_exercises_round_idx').on(t.roundId),
  ],
);

/**
 * The draw of an exercise's case files (its own table: supervision_draws needs a round, an exercise
 * may have none). Same columns: seed, algorithm, candidates in the order drawn from, count, picks.
 * Each unit is drawn on its own with the seed `${seed}:${unitId}` (`case-review-draw.ts`).
 */
export const caseReviewDraws = pgTable(
  'case_review_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => caseReviewExercises.id),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    /** Per unit, the closed or decided cases drawn from. */
    candidates: jsonb('candidates').$type<{ unitId: string; caseIds: string[] }[]>().notNull(),
    /** Files asked for per unit (fewer where a unit has fewer). */
    count: integer('count').notNull(),
    /** The case ids drawn, unit by unit, in draw order. */
    picked: jsonb('picked').$type<string[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_review_draws_exercise_uq').on(t.exerciseId)],
);

export const REVIEW_FILE_STATUSES = ['pending', 'submitted'] as const;
export type ReviewFileStatus = (typeof REVIEW_FILE_STATUSES)[number];

/** A reviewer's points for one item and his remark (扣分理由). */
export interface ReviewItemScore {
  key: string;
  points: number;
  remark: string;
}

/** A drawn case file, its reviewer and his scores; submitted scores are locked. */
export const caseReviewFiles = pgTable(
  'case_review_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    exerciseId: uuid('exercise_id')
      .notNull()
      .references(() => caseReviewExercises.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The case's unit when drawn (被评查单位). */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    seq: integer('seq').notNull(),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    status: text('status', { enum: REVIEW_FILE_STATUSES }).notNull().default('pending'),
    scores: jsonb('scores').$type<ReviewItemScore[]>().notNull().default([]),
    /** 总体评价 */
    remarks: text('remarks'),
    total: integer('total'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('case_review_files_case_uq').on(t.exerciseId, t.caseId),
    index('case_review_files_reviewer_idx').on(t.reviewerId, t.status),
    index('case_review_files_unit_idx').on(t.unitId),
  ],
);

export type CaseReviewSheetRow = typeof caseReviewSheets.$inferSelect;
export type CaseReviewExerciseRow = typeof caseReviewExercises.$inferSelect;
export type CaseReviewDrawRow = typeof caseReviewDraws.$inferSelect;
export type CaseReviewFileRow = typeof caseReviewFiles.$inferSelect;
