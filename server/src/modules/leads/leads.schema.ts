import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { campaigns, campaignTasks } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { units } from '../units/units.schema';

/** 案源线索 sources (DOMAIN.md "Leads"). */
export const LEAD_SOURCES = [
  'complaint',
  'report',
  'inspection',
  'sampling',
  'monitoring',
  'transfer',
  'cross_region',
  'enterprise',
  'petition',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** 核查中 → 立案 / 不予立案 / 移交其他部门 */
export const LEAD_STATUSES = ['verifying', 'filed', 'not_filed', 'handed_over'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * A lead (案源线索): found or received, classified, assigned to the unit that must verify it, and
 * ended within 15 working days (once extendable) as a filed case, not filed, or handed over.
 * The complainant's personal data are shown only to the lead's handlers (see leads.service).
 */
export const leads = pgTable(
  'leads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The unit that must verify and handle it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    /** 重点任务 the record serves (task-progress); a default from category and unit when created without one. */
    taskId: uuid('task_id').references(() => campaignTasks.id, { onDelete: 'set null' }),
    categoryCode: text('category_code').notNull(),
    source: text('source', { enum: LEAD_SOURCES }).notNull(),
    /** 来源编号, e.g. the 12315 registration number; unique per unit and source when given. */
    sourceNumber: text('source_number'),
    /** 发现/收到日期: the verification clock starts here. */
    receivedDate: date('received_date', { mode: 'string' }).notNull(),
    /** 当事人 (the party complained about). */
    partyName: text('party_name').notNull(),
    description: text('description').notNull(),
    complainantName: text('complainant_name'),
    complainantPhone: text('complainant_phone'),
    complainantIdNumber: text('complainant_id_number'),
    /** 重要线索, reported monthly. */
    important: boolean('important').notNull().default(false),
    status: text('status', { enum: LEAD_STATUSES }).notNull().default('verifying'),
    /** Users who handle it: they alone see the complainant's personal data. */
    handlerIds: uuid('handler_ids').array().notNull().default([]),
    /** One 15-working-day extension approved by the head. */
    extensionApprovedBy: uuid('extension_approved_by'),
    extensionReason: text('extension_reason'),
    /** Verification clock's due date, kept current; null once decided or while stopped. */
    dueDate: date('due_date', { mode: 'string' }),
    decidedDate: date('decided_date', { mode: 'string' }),
    /** 不予立案 reason, or the authority it was handed to. */
    outcomeNote: text('outcome_note'),
    caseId: uuid('case_id').references(() => cases.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leads_task_idx').on(t.taskId),
    unique('leads_unit_source_number_uq').on(t.unitId, t.source, t.sourceNumber),
    index('leads_campaign_received_idx').on(t.campaignId, t.receivedDate),
    // Its unit first, newest received first; the trailing columns are the ones the ticker and the
    // clocks panel test (campaign, due date), so a small subtree's newest leads are read unit by unit
    // from this index alone (newest-in-subtree.ts).
    index('leads_unit_received_idx').on(t.unitId, t.receivedDate, t.createdAt, t.id, t.campaignId, t.dueDate),
    index('leads_due_idx').on(t.dueDate),
    // 重要线索 received in a period (the important-leads quota and KPI): a few leads, found without reading the rest.
    index('leads_important_received_idx')
      .on(t.receivedDate)
      .where(sql`${t.important}`),
    // The list sorted by the verification clock (nearest due first): a page walks this index.
    index('leads_due_order_idx').on(t.dueDate, t.createdAt),
    // The list's order (newest received first, read backwards): a page walks this index instead of sorting every match.
    index('leads_list_order_idx').on(t.receivedDate, t.createdAt),
  ],
);

/** Periods the verification clock stood still (检测、检验、检疫、鉴定). */
export const leadPauses = pgTable(
  'lead_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    leadId: uuid('lead_id')
      .notNull()
      .references(() => leads.id, { onDelete: 'cascade' }),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    reason: text('reason').notNull(),
    actorUserId: uuid('actor_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('lead_pauses_lead_idx').on(t.leadId)],
);

export type LeadRow = typeof leads.$inferSelect;
export type LeadInsert = typeof leads.$inferInsert;
export type LeadPauseRow = typeof leadPauses.$inferSelect;
