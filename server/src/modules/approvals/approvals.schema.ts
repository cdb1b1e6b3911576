import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role } from '../../platform/roles';
import { units } from '../units/units.schema';
import { users } from '../users/users.schema';

import { APPROVAL_STATUSES } from './approval-statuses';

export { APPROVAL_STATUSES, type ApprovalStatus } from './approval-statuses';

/**
 * 审批: a request that something happen to a record (a case's extension, later a filing, a plan's
 * 签发), decided by a holder of the approving role in the record's line. What the request asks is
 * its `payload`; the owning module's effect (approval-kinds.ts) applies it when approved, in the
 * same transaction as the decision.
 */
export const approvalRequests = pgTable(
  'approval_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What is asked (case_extension, case_collective_extension, …): the registered kind. */
    kind: text('kind').notNull(),
    /** The record the request is about (case, lead, campaign …) and its id. */
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** The record's unit: who sees and who may decide the request follows from it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    /** One line naming the request for lists (案件编号、名称 and what is asked). */
    title: text('title').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    /** What will happen on approval, as the owning module reads it (e.g. {days: 30, reason}). */
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    /** The role that decides (局领导 'leader' for the case clocks). */
    approverRole: text('approver_role').notNull().$type<Role>(),
    /** A person named to decide (optional): then only that person does. */
    namedApproverId: uuid('named_approver_id').references(() => users.id),
    status: text('status', { enum: APPROVAL_STATUSES }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** 审批意见 */
    decisionComment: text('decision_comment'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('approval_requests_record_idx').on(t.recordType, t.recordId),
    index('approval_requests_pending_idx').on(t.status, t.unitId),
    // One open request of a kind per record at a time.
    uniqueIndex('approval_requests_one_pending_idx')
      .on(t.kind, t.recordId)
      .where(sql`status = 'pending'`),
  ],
);

export type ApprovalRequestRow = typeof approvalRequests.$inferSelect;
export type ApprovalRequestInsert = typeof approvalRequests.$inferInsert;
