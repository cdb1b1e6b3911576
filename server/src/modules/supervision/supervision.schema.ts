import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { attachmentColumns, photoColumns } from '../../platform/attachments/attachment-columns';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { inspections } from '../inspections/inspections.schema';
import { marketEntities } from '../market-entities/market-entities.schema';
import { randomDrawItems } from '../random-checks/random-checks.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

/**
 * 督查 (seed 001: 区局将组成四个督查组，采取全面检查、重点抽查、随机专项督查等方式 … 组织两次督查;
 * seed 000: 各单位也应采取自查和互查的方式; seed 004: 交叉检查). The office of the unit that issued a
 * plan forms its groups, gives each its 片区, runs rounds; a group visits the units of its area and
 * records what it found; a finding may demand 整改 from the unit concerned.
 */

/** 督查方式 */
export const VISIT_METHODS = ['comprehensive', 'key_spot_check', 'random', 'cross', 'self', 'mutual'] as const;
export type VisitMethod = (typeof VISIT_METHODS)[number];
export const VISIT_METHOD_LABELS: Record<VisitMethod, string> = {
  comprehensive: '全面检查',
  key_spot_check: '重点抽查',
  random: '随机专项督查',
  cross: '交叉检查',
  self: '自查',
  mutual: '互查',
};

/** 督查组: formed for one plan by the office of the unit that organises the supervision. */
export const supervisionGroups = pgTable(
  'supervision_groups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 组织单位: whose office forms the group (the plan's issuing unit, or a unit running its 实施方案). */
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    /** 第一督查组 … */
    name: text('name').notNull(),
    /** 组长 (seed 000: 由局领导带队). */
    leaderId: uuid('leader_id')
      .notNull()
      .references(() => users.id),
    /** 联系电话 printed on the 分片督查表. */
    phone: text('phone'),
    note: text('note'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('supervision_groups_name_uq').on(t.campaignId, t.organizerUnitId, t.name),
    index('supervision_groups_campaign_idx').on(t.campaignId),
  ],
);

/** 组员: people of the units, the leader not repeated here. */
export const supervisionGroupMembers = pgTable(
  'supervision_group_members',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => supervisionGroups.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('supervision_group_members_user_idx').on(t.userId)],
);

/** 片区: the units a group supervises; a unit lies in one group's area of a plan and organiser. */
export const supervisionAreaUnits = pgTable(
  'supervision_area_units',
  {
    groupId: uuid('group_id')
      .notNull()
      .references(() => supervisionGroups.id, { onDelete: 'cascade' }),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.groupId, t.unitId] }),
    uniqueIndex('supervision_area_units_unit_uq').on(t.campaignId, t.organizerUnitId, t.unitId),
    index('supervision_area_units_unit_idx').on(t.unitId),
  ],
);

/** 督查轮次: 第一次督查, 第二次督查 … of a plan, with the dates it runs. */
export const supervisionRounds = pgTable(
  'supervision_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    organizerUnitId: uuid('organizer_unit_id')
      .notNull()
      .references(() => units.id),
    /** 第N次 */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    /** 督查重点 */
    focus: text('focus'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('supervision_rounds_number_uq').on(t.campaignId, t.organizerUnitId, t.number)],
);

/** What a verifiable draw picked: the units a group visits (随机专项督查) or the case files reviewed (案卷评查). */
export const SUPERVISION_DRAW_KINDS = ['units', 'case_files'] as const;
export type SupervisionDrawKind = (typeof SUPERVISION_DRAW_KINDS)[number];

/**
 * A draw with the same kernel as 双随机 (`random-checks/random-draw.ts`): the seed, the algorithm
 * and the candidates in the order they were drawn from are stored, so anyone can run it again
 * and get the same picks.
 */
export const supervisionDraws = pgTable(
  'supervision_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => supervisionRounds.id),
    /** The group the units were drawn for; null for a draw of case files of the whole round. */
    groupId: uuid('group_id').references(() => supervisionGroups.id),
    kind: text('kind', { enum: SUPERVISION_DRAW_KINDS }).notNull(),
    seed: text('seed').notNull(),
    algorithm: text('algorithm').notNull(),
    /** Candidate ids (units or cases) in the order they were drawn from. */
    candidates: jsonb('candidates').$type<string[]>().notNull(),
    /** How many were asked for. */
    count: integer('count').notNull(),
    /** The ids drawn, in draw order. */
    picked: jsonb('picked').$type<string[]>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('supervision_draws_round_idx').on(t.roundId)],
);

/** 督查 (a visit): a group at a unit on a day, how, what it checked and what it saw overall. */
export const supervisionVisits = pgTable(
  'supervision_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => supervisionRounds.id),
    groupId: uuid('group_id')
      .notNull()
      .references(() => supervisionGroups.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 重点任务 the record serves (task-progress); a default from category and unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    /** 被督查单位 */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    visitDate: date('visit_date', { mode: 'string' }).notNull(),
    method: text('method', { enum: VISIT_METHODS }).notNull(),
    /** 明查 or 暗访 (seed 001: 适时通过明查暗访的形式). */
    unannounced: boolean('unannounced').notNull().default(false),
    /** 督查内容: what was checked. */
    checkedItems: text('checked_items').notNull(),
    /** 总体情况: what the group saw overall (good practice goes here too: the 通报's 表扬). */
    summary: text('summary'),
    /** The draw that picked this unit, for 随机专项督查. */
    drawId: uuid('draw_id').references(() => supervisionDraws.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('supervision_visits_task_idx').on(t.taskId),
    index('supervision_visits_round_idx').on(t.roundId, t.visitDate),
    index('supervision_visits_unit_idx').on(t.unitId),
    index('supervision_visits_group_idx').on(t.groupId),
  ],
);

/**
 * 整改 status of a finding: none demanded (`noted`), demanded and awaiting the unit's 整改报告
 * (`open`, also after a return), answered and awaiting 复查 (`replied`), 销号 (`closed`).
 */
export const RECTIFICATION_STATUSES = ['noted', 'open', 'replied', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/**
 * Where a rectification comes from: a 督查 (a visit finds a problem of a unit), an outing's 责令整改
 * (执法检查: a market entity must correct something) or a 双随机 check's finding about the drawn entity.
 */
export const RECTIFICATION_SOURCES = ['supervision', 'inspection', 'random_check'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/**
 * 发现问题, with its 整改通知 when one is demanded: a 督查's finding about a unit, or a 责令整改 of a
 * market entity ordered on an outing or a 双随机 check (the same engine: reply, 复查, 销号, reminders).
 * Exactly one source is set (CHECK); an entity's rectification names the entity and, as `unitId`,
 * the unit that ordered it and follows it up.
 */
export const supervisionFindings = pgTable(
  'supervision_findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    visitId: uuid('visit_id').references(() => supervisionVisits.id),
    /** 责令整改 on an outing (执法检查). */
    inspectionId: uuid('inspection_id').references(() => inspections.id),
    /** 责令整改 after a 双随机 check of a drawn entity. */
    drawItemId: uuid('draw_item_id').references(() => randomDrawItems.id),
    /** The market entity that must correct (an outing's or a draw's); null for a 督查's finding about a unit. */
    entityId: uuid('entity_id').references(() => marketEntities.id),
    /** The plan; a 双随机 draw outside any plan leaves it empty. */
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    /** The unit concerned: the one visited or one below it; for an entity, the unit that ordered and follows it up. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    description: text('description').notNull(),
    /** What the unit must do (整改要求); null when nothing is demanded. */
    requirement: text('requirement'),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull(),
    /** 整改期限 in working days from the visit, and the date it gives (kept for the overdue index). */
    deadlineWorkingDays: integer('deadline_working_days'),
    deadline: date('deadline', { mode: 'string' }),
    /** How often the group sent an answer back (退回). */
    returnCount: integer('return_count').notNull().default(0),
    repliedAt: timestamp('replied_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check(
      'supervision_findings_one_source',
      sql`num_nonnulls(${t.visitId}, ${t.inspectionId}, ${t.drawItemId}) = 1 and (${t.visitId} is null) = (${t.entityId} is not null) and (${t.drawItemId} is not null or ${t.campaignId} is not null)`,
    ),
    index('supervision_findings_visit_idx').on(t.visitId),
    index('supervision_findings_inspection_idx').on(t.inspectionId),
    index('supervision_findings_draw_item_idx').on(t.drawItemId),
    index('supervision_findings_entity_idx').on(t.entityId),
    index('supervision_findings_unit_idx').on(t.unitId, t.status),
    index('supervision_findings_due_idx').on(t.status, t.deadline),
  ],
);

/** The history of a rectification: the unit's 整改报告 (reply), the group's 退回 (return) or 销号 (close). */
export const RECTIFICATION_EVENT_KINDS = ['reply', 'return', 'close'] as const;
export type RectificationEventKind = (typeof RECTIFICATION_EVENT_KINDS)[number];

export const rectificationEvents = pgTable(
  'rectification_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => supervisionFindings.id),
    kind: text('kind', { enum: RECTIFICATION_EVENT_KINDS }).notNull(),
    /** 整改情况 of a reply, 复查意见 of a return or a close. */
    text: text('text').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    actorName: text('actor_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rectification_events_finding_idx').on(t.findingId, t.createdAt)],
);

/** Files of a 整改报告 (photos with their EXIF time and place, the unit's written report), stored like a case's files. */
export const rectificationAttachments = pgTable(
  'rectification_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => supervisionFindings.id),
    /** The reply it came with; null while uploaded ahead of the reply. */
    eventId: uuid('event_id').references(() => rectificationEvents.id),
    ...attachmentColumns(),
    ...photoColumns(),
  },
  (t) => [index('rectification_attachments_finding_idx').on(t.findingId)],
);

export type SupervisionGroupRow = typeof supervisionGroups.$inferSelect;
export type SupervisionRoundRow = typeof supervisionRounds.$inferSelect;
export type SupervisionVisitRow = typeof supervisionVisits.$inferSelect;
export type SupervisionDrawRow = typeof supervisionDraws.$inferSelect;
export type SupervisionFindingRow = typeof supervisionFindings.$inferSelect;
export type RectificationEventRow = typeof rectificationEvents.$inferSelect;
