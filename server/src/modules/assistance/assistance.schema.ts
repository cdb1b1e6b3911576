import { check, index, integer, pgTable, text, timestamp, uuid, date } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { attachmentColumns } from '../../platform/attachments/attachment-columns';
import { campaigns } from '../campaigns/campaigns.schema';
import { cases } from '../cases/cases.schema';
import { leads } from '../leads/leads.schema';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES } from './assistance-status';

/**
 * 协查函 and 线索通报 between bureaus (issue 20), possibly outside the sender's tree. A row is seen
 * from either end's scope; `campaignId`, `caseId` and `leadId` are the sender's and are never
 * answered to the receiving side (assistance.service.ts `view`).
 */
export const assistanceRequests = pgTable(
  'assistance_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ASSISTANCE_KINDS }).notNull(),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => units.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => units.id),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    caseId: uuid('case_id').references(() => cases.id),
    leadId: uuid('lead_id').references(() => leads.id),
    /** 文号 */
    documentNumber: text('document_number'),
    title: text('title').notNull(),
    /** 基本情况: what the sender chooses to share. */
    facts: text('facts').notNull(),
    /** 协查事项 */
    requestedItems: text('requested_items').notNull(),
    replyDueDate: date('reply_due_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ASSISTANCE_STATUSES }).notNull().default('sent'),
    declineReason: text('decline_reason'),
    /** The receiver's own lead registered from a 线索通报 on acceptance: answered to the receiving side only. */
    receiverLeadId: uuid('receiver_lead_id').references(() => leads.id),
    acceptedBy: uuid('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assistance_requests_from_idx').on(t.fromUnitId, t.createdAt),
    index('assistance_requests_to_idx').on(t.toUnitId, t.createdAt),
    check('assistance_requests_other_unit', sql`${t.fromUnitId} <> ${t.toUnitId}`),
  ],
);

/** The receiver's answers (答复): more than one while the request is accepted or answered. */
export const assistanceReplies = pgTable(
  'assistance_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => assistanceRequests.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    repliedOn: date('replied_on', { mode: 'string' }).notNull(),
    repliedBy: uuid('replied_by')
      .notNull()
      .references(() => users.id),
    repliedByName: text('replied_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assistance_replies_request_idx').on(t.requestId)],
);

/** Files of a request: the sender's (side sender) and the receiver's with its answers (side receiver). */
export const assistanceAttachments = pgTable(
  'assistance_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => assistanceRequests.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['sender', 'receiver'] }).notNull(),
    ...attachmentColumns(),
  },
  (t) => [index('assistance_attachments_request_idx').on(t.requestId)],
);

export type AssistanceRequestRow = typeof assistanceRequests.$inferSelect;
export type AssistanceRequestInsert = typeof assistanceRequests.$inferInsert;
