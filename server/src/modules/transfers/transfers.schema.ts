import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUTHORITY_KINDS } from '../../platform/authorities';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { leads } from '../leads/leads.schema';
import { units } from '../units/units.schema';
import { TRANSFER_OUTCOMES, TRANSFER_STATUSES } from './transfer-rules';

/**
 * 移送: a case (行刑衔接: 涉嫌犯罪案件移送公安机关、检察院) or a lead (移交其他部门) sent to another
 * organ, with the 移送书's number, the materials, and a date to chase the answer. The unit is the
 * record's unit (its scope); the answers are `transfer_replies`, the status their latest.
 */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    caseId: uuid('case_id').references(() => cases.id),
    leadId: uuid('lead_id').references(() => leads.id),
    receiverKind: text('receiver_kind', { enum: AUTHORITY_KINDS }).notNull(),
    /** 接收机关名称, e.g. 上海市公安局崇明分局 */
    receiverName: text('receiver_name').notNull(),
    transferDate: date('transfer_date', { mode: 'string' }).notNull(),
    /** 移送书文号 */
    documentNumber: text('document_number'),
    /** 移送理由（涉嫌犯罪的事实） */
    reason: text('reason').notNull().default(''),
    /** 移送材料: 案件调查终结报告, 涉案物品清单, 检验报告 … */
    materials: text('materials')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** 催办日期: when the answer is expected (editable; a default per organ, transfer-rules.ts). */
    replyDueDate: date('reply_due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: TRANSFER_STATUSES }).notNull().default('sent'),
    /** Who (no foreign key: the system actor of the seed is no user row). */
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('transfers_one_subject_ck', sql`(${t.caseId} is null) <> (${t.leadId} is null)`),
    index('transfers_case_idx').on(t.caseId),
    index('transfers_lead_idx').on(t.leadId),
    index('transfers_list_order_idx').on(t.unitId, t.transferDate),
    index('transfers_waiting_idx').on(t.status, t.replyDueDate),
  ],
);

/** The receiver's answers, in order: the history of a transfer. */
export const transferReplies = pgTable(
  'transfer_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    transferId: uuid('transfer_id')
      .notNull()
      .references(() => transfers.id),
    replyDate: date('reply_date', { mode: 'string' }).notNull(),
    outcome: text('outcome', { enum: TRANSFER_OUTCOMES }).notNull(),
    /** 不立案 / 退回 的理由, or a note. */
    reason: text('reason'),
    /** Who (no foreign key: the system actor of the seed is no user row). */
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('transfer_replies_transfer_idx').on(t.transferId)],
);

/**
 * 涉刑移送标准: per violation category, the 涉案金额 from which a case is presumed to meet the
 * prosecution standard (立案追诉标准) and must be transferred; the source is named. National
 * (the standards are 最高人民检察院 and 公安部's), kept by the system administrator.
 */
export const criminalThresholds = pgTable('criminal_thresholds', {
  id: uuid('id').primaryKey().defaultRandom(),
  categoryCode: text('category_code').notNull().unique('criminal_thresholds_category_uq'),
  minAmountFen: bigint('min_amount_fen', { mode: 'number' }).notNull(),
  description: text('description').notNull(),
  /** 依据 */
  source: text('source').notNull(),
  version: integer('version').notNull().default(1),
  /** Who (no foreign key: the system actor of the seed is no user row). */
  updatedBy: uuid('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type TransferRow = typeof transfers.$inferSelect;
export type TransferInsert = typeof transfers.$inferInsert;
export type TransferReplyRow = typeof transferReplies.$inferSelect;
export type CriminalThresholdRow = typeof criminalThresholds.$inferSelect;
