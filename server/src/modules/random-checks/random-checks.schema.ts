import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { leads } from '../leads/leads.schema';
import { marketEntities, type RiskLevel } from '../market-entities/market-entities.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

// The register moved to market-entities (经济户口); re-exported for the draws' code.
export {
  marketEntities,
  RISK_LEVELS,
  type MarketEntityRow,
  type RiskLevel,
} from '../market-entities/market-entities.schema';

/** 回避: an inspector tied to an entity (a relative works there, a prior dispute …) is never sent to it. */
export const entityInspectorTies = pgTable(
  'entity_inspector_ties',
  {
    entityId: uuid('entity_id')
      .notNull()
      .references(() => marketEntities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entityId, t.userId] })],
);

/**
 * A draw (抽查任务): its seed and every input are stored, so anyone can re-run it and get the same
 * result. It is never redone in place: a redraw is a new draw pointing at the one it replaces.
 */
export const randomDraws = pgTable(
  'random_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    /** 重点任务 the record serves (task-progress); a default from category and unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    algorithm: text('algorithm').notNull(),
    seed: text('seed').notNull(),
    /** The filters the office chose (industry, risk levels, division), as given. */
    filters: jsonb('filters').notNull().$type<DrawFilters>(),
    /** { share } or { count }. */
    size: jsonb('size').notNull().$type<{ share: number } | { count: number }>(),
    /** The inputs as they were at the draw: candidate entity ids, eligible inspectors, ties. */
    candidateIds: jsonb('candidate_ids').notNull().$type<string[]>(),
    inspectorIds: jsonb('inspector_ids').notNull().$type<string[]>(),
    ties: jsonb('ties').notNull().$type<{ entityId: string; inspectorId: string }[]>(),
    /** A redraw names the draw it replaces, and why. */
    replacesId: uuid('replaces_id'),
    replacedById: uuid('replaced_by_id'),
    reason: text('reason'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('random_draws_task_idx').on(t.taskId),
    index('random_draws_unit_idx').on(t.unitId),
    index('random_draws_campaign_idx').on(t.campaignId),
  ],
);

export interface DrawFilters {
  industry?: string | null;
  riskLevels?: RiskLevel[];
  divisionCode?: string | null;
}

/** 检查结果 as published (一公开). */
export const CHECK_RESULTS = ['no_problem', 'corrected', 'problem_followed_up', 'not_found', 'refused'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

/** One drawn entity with its two inspectors, and the result once recorded and published. */
export const randomDrawItems = pgTable(
  'random_draw_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => randomDraws.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => marketEntities.id),
    inspectorIds: uuid('inspector_ids').array().notNull(),
    checkDate: date('check_date', { mode: 'string' }),
    result: text('result', { enum: CHECK_RESULTS }),
    resultNote: text('result_note'),
    recordedByName: text('recorded_by_name'),
    /** The lead a finding (problem_followed_up) opened, registered in the same transaction. */
    leadId: uuid('lead_id').references(() => leads.id),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    unique('random_draw_items_seq_uq').on(t.drawId, t.seq),
    index('random_draw_items_entity_idx').on(t.entityId),
    index('random_draw_items_published_idx').on(t.published),
  ],
);

export type RandomDrawRow = typeof randomDraws.$inferSelect;
export type RandomDrawItemRow = typeof randomDrawItems.$inferSelect;
