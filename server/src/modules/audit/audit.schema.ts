import { bigint, index, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The audit log: one entry per change, written in the same transaction as the change.
 * Entries form a hash chain, seq without gaps: since version 2, hash = HMAC-SHA256 with the audit key
 * (kept outside the database) over every column; entries of version 1 (written before the upgrade)
 * keep their plain SHA-256 (`audit.chain.ts`).
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
    /** 1: plain SHA-256 (entries from before the upgrade get it from the default); 2: keyed. */
    chainVersion: smallint('chain_version').notNull().default(1),
  },
  (t) => [
    index('audit_record_idx').on(t.recordType, t.recordId),
    index('audit_actor_idx').on(t.actorUserId),
    index('audit_unit_idx').on(t.unitId),
    index('audit_at_idx').on(t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
