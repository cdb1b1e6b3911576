import {
  type AnyPgColumn,
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
import { units } from '../units/units.schema';
import type {
  CampaignKpi,
  ConcentratedWindow,
  LeadershipMember,
  PlanSection,
  Phase,
  ReportSchedule,
} from './campaign-plan.types';

export const CAMPAIGN_STATUSES = ['draft', 'active', 'archived'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/**
 * A campaign (专项行动) and its plan (行动方案). A bureau below implements its superior's campaign
 * with an implementation plan (实施方案): a campaign whose parentCampaignId is the superior's.
 * The parts of the plan that no other record points at are kept as JSON on the row.
 */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The issuing unit (发文单位); the campaign belongs to it for scoping. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    parentCampaignId: uuid('parent_campaign_id').references((): AnyPgColumn => campaigns.id),
    /** "/<root campaign>/…/<self>/": the campaign and its implementation plans below it. */
    path: text('path').notNull(),
    templateKey: text('template_key'),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('draft'),
    name: text('name').notNull(),
    /** 文号, e.g. 沪崇市监执〔2021〕22号 */
    docNumber: text('doc_number'),
    /** 发文机关 as printed in the document. */
    issuingOrgan: text('issuing_organ').notNull(),
    /** 成文日期 */
    issueDate: date('issue_date', { mode: 'string' }),
    /** 主送机关 */
    recipients: text('recipients'),
    /** 依据: superior documents implemented. */
    basis: jsonb('basis').$type<string[]>().notNull(),
    /** 工作目标, paragraphs. */
    goals: jsonb('goals').$type<string[]>().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    phases: jsonb('phases').$type<Phase[]>().notNull(),
    concentratedWindows: jsonb('concentrated_windows').$type<ConcentratedWindow[]>().notNull(),
    kpis: jsonb('kpis').$type<CampaignKpi[]>().notNull(),
    leadership: jsonb('leadership').$type<LeadershipMember[]>().notNull(),
    /** The unit hosting the 领导小组办公室. */
    officeUnitId: uuid('office_unit_id').references(() => units.id),
    /** Deadline for each participating unit to register its liaisons. */
    liaisonDeadline: date('liaison_deadline', { mode: 'string' }),
    /** 工作实施计划报送备案 deadline (seed 003): each owing unit files its plan with the office by it. */
    workPlanDeadline: date('work_plan_deadline', { mode: 'string' }),
    /** 去年同类行动: an earlier plan of the same issuing unit (同比, 结转). */
    predecessorCampaignId: uuid('predecessor_campaign_id').references((): AnyPgColumn => campaigns.id),
    reportSchedules: jsonb('report_schedules').$type<ReportSchedule[]>().notNull(),
    sections: jsonb('sections').$type<PlanSection[]>().notNull(),
    attachments: jsonb('attachments').$type<string[]>().notNull(),
    contact: text('contact'),
    /** When the plan was first published (null: a draft, or a plan published before this was kept). */
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The office's choice on publishing: units owe the reports already due before publication (补报已过期次). */
    owesPastPeriods: boolean('owes_past_periods').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('campaigns_unit_idx').on(t.unitId), index('campaigns_parent_idx').on(t.parentCampaignId)],
);

/** The campaign's violation categories (违法类型): the rows of its statistics table. */
export const campaignCategories = pgTable(
  'campaign_categories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    label: text('label').notNull(),
    /** 违法行为类型 printed under the label (电梯、液化石油气瓶 …). */
    subLabel: text('sub_label'),
    seq: integer('seq').notNull(),
    /** Inherited from the superior's campaign: an implementation plan cannot remove it. */
    inherited: boolean('inherited').notNull().default(false),
  },
  (t) => [unique('campaign_categories_code_uq').on(t.campaignId, t.code)],
);

/** 重点任务. */
export const campaignTasks = pgTable(
  'campaign_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    area: text('area').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    categoryCode: text('category_code').notNull(),
    focusProducts: text('focus_products').array().notNull(),
    focusPlaces: text('focus_places').array().notNull(),
    focusAreas: text('focus_areas').array().notNull(),
    /** Lead / cooperating role names from a template not yet matched to a unit: the office assigns them. */
    pendingLeadRoles: text('pending_lead_roles').array().notNull(),
    pendingCooperatingRoles: text('pending_cooperating_roles').array().notNull(),
    /** The superior's task this one implements; null for the plan's own tasks (自选动作 in a 实施方案). */
    inheritedFromTaskId: uuid('inherited_from_task_id'),
  },
  (t) => [index('campaign_tasks_campaign_idx').on(t.campaignId)],
);

export const TASK_UNIT_ROLES = ['lead', 'cooperating'] as const;
export type TaskUnitRole = (typeof TASK_UNIT_ROLES)[number];

/** 牵头 / 配合 units of a task. */
export const campaignTaskUnits = pgTable(
  'campaign_task_units',
  {
    taskId: uuid('task_id')
      .notNull()
      .references(() => campaignTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role', { enum: TASK_UNIT_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.taskId, t.unitId] })],
);

/** The units taking part; each owes liaisons and reports. */
export const campaignParticipants = pgTable(
  'campaign_participants',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId] }), index('campaign_participants_unit_idx').on(t.unitId)],
);

export const LIAISON_KINDS = ['leader', 'liaison'] as const;
export type LiaisonKind = (typeof LIAISON_KINDS)[number];

/** 分管领导 (leader) and 联络员 (liaison) of each participating unit (annex 1 of seed 004). */
export const campaignLiaisons = pgTable(
  'campaign_liaisons',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: LIAISON_KINDS }).notNull(),
    name: text('name').notNull(),
    /** 职务 */
    position: text('position').notNull(),
    officePhone: text('office_phone'),
    mobile: text('mobile'),
    fax: text('fax'),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.unitId, t.kind] })],
);

export type CampaignRow = typeof campaigns.$inferSelect;
export type CategoryRow = typeof campaignCategories.$inferSelect;
export type TaskRow = typeof campaignTasks.$inferSelect;
export type LiaisonRow = typeof campaignLiaisons.$inferSelect;
