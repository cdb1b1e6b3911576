import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log: one entry per change, written in the same transaction as the change.
 * Entries form a hash chain: hash = SHA-256(prevHash + canonical entry), seq has no gaps.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name').notNull(),
    /** The unit the changed record belongs to: the audit log is scoped like the records. */
    unitId: uuid('unit_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_record_idx').on(t.recordType, t.recordId),
    index('audit_actor_idx').on(t.actorUserId),
    index('audit_unit_idx').on(t.unitId),
    index('audit_at_idx').on(t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
