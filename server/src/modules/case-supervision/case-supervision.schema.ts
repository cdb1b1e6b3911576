import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cases, SUPERVISION_LEVELS } from '../cases/cases.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import {
  PROGRESS_INTERVAL_KINDS,
  SUPERVISION_ENTRY_KINDS,
  SUPERVISION_ORIGINS,
  SUPERVISION_STATUSES,
} from './case-supervision-kinds';

export * from './case-supervision-kinds';

/**
 * 督办件: a unit above a case's unit supervises it (seed 000 加强督办; seed 004 重大案件报请市局督办):
 * asked for by the case's side (报请督办) and taken up or declined by the unit above, or taken up
 * by it directly (主动督办); then an instruction, a deadline and progress reports at an interval
 * until the supervising unit closes it (办结) once the case is decided. The case's own 督办 fields
 * (level, unit, deadline) are set from here through casesService.setSupervision.
 */
export const caseSupervisions = pgTable(
  'case_supervisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** 督办单位: the unit asked (or taking it up), strictly above the case's unit. */
    supervisingUnitId: uuid('supervising_unit_id')
      .notNull()
      .references(() => units.id),
    origin: text('origin', { enum: SUPERVISION_ORIGINS }).notNull(),
    status: text('status', { enum: SUPERVISION_STATUSES }).notNull(),
    /** 报请理由 */
    requestReason: text('request_reason'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    /** Who took it up or declined it, and when. */
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    /** 督办日期 (Beijing) */
    startDate: date('start_date', { mode: 'string' }),
    level: text('level', { enum: SUPERVISION_LEVELS }),
    /** 督办意见 */
    instruction: text('instruction'),
    /** 办结期限 */
    deadline: date('deadline', { mode: 'string' }),
    progressInterval: integer('progress_interval'),
    progressIntervalKind: text('progress_interval_kind', { enum: PROGRESS_INTERVAL_KINDS }),
    /** The next progress report's due date, recomputed by every report (null unless active). */
    nextProgressDue: date('next_progress_due', { mode: 'string' }),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** 办结意见 */
    conclusion: text('conclusion'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open 督办 (asked or running) per case at a time.
    uniqueIndex('case_supervisions_open_uq')
      .on(t.caseId)
      .where(sql`${t.status} in ('requested', 'active')`),
    index('case_supervisions_supervisor_idx').on(t.supervisingUnitId, t.status),
    index('case_supervisions_case_idx').on(t.caseId),
  ],
);

/** 进展报告 and 批示 of a 督办件, oldest first. */
export const caseSupervisionEntries = pgTable(
  'case_supervision_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    supervisionId: uuid('supervision_id')
      .notNull()
      .references(() => caseSupervisions.id),
    kind: text('kind', { enum: SUPERVISION_ENTRY_KINDS }).notNull(),
    text: text('text').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The day it was reported (Beijing). */
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_supervision_entries_idx').on(t.supervisionId, t.createdAt)],
);

export type CaseSupervisionRow = typeof caseSupervisions.$inferSelect;
export type CaseSupervisionInsert = typeof caseSupervisions.$inferInsert;
export type CaseSupervisionEntryRow = typeof caseSupervisionEntries.$inferSelect;
