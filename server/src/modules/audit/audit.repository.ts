import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { CHAIN_KEYED } from './audit.chain';
import { auditLog, type AuditRow } from './audit.schema';

/** Serialises appends to the chain: every audited transaction takes this lock before it writes. */
const CHAIN_LOCK_KEY = 72_610_001;

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  scope: SQL;
  limit: number;
  offset: number;
}

export function createAuditRepository() {
  return {
    async lockChainAndGetHead(tx: Db): Promise<{ seq: number; hash: string } | undefined> {
      await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK_KEY})`);
      const [head] = await tx
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return head;
    },

    /** The newest committed entry (for a checkpoint), without taking the chain lock. */
    async head(db: Db): Promise<{ seq: number; hash: string } | undefined> {
      const [head] = await db
        .select({ seq: auditLog.seq, hash: auditLog.hash })
        .from(auditLog)
        .orderBy(desc(auditLog.seq))
        .limit(1);
      return head;
    },

    async firstKeyedSeq(db: Db): Promise<number | undefined> {
      const [row] = await db
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(eq(auditLog.chainVersion, CHAIN_KEYED))
        .orderBy(asc(auditLog.seq))
        .limit(1);
      return row?.seq;
    },

    async insert(tx: Db, row: typeof auditLog.$inferInsert): Promise<void> {
      await tx.insert(auditLog).values(row);
    },

    async list(db: Db, f: AuditFilter): Promise<{ items: AuditRow[]; total: number }> {
      const conds: SQL[] = [f.scope];
      if (f.recordType) conds.push(eq(auditLog.recordType, f.recordType));
      if (f.recordId) conds.push(eq(auditLog.recordId, f.recordId));
      if (f.actorUserId) conds.push(eq(auditLog.actorUserId, f.actorUserId));
      if (f.from) conds.push(gte(auditLog.at, f.from));
      if (f.to) conds.push(lte(auditLog.at, f.to));
      const where = and(...conds);
      const items = await db
        .select()
        .from(auditLog)
        .where(where)
        .orderBy(desc(auditLog.seq))
        .limit(f.limit)
        .offset(f.offset);
      const [{ total }] = await db
        .select({ total: sql<number>`count(*)::int` })
        .from(auditLog)
        .where(where);
      return { items, total };
    },

    /** Entries in chain order, a page at a time (for verification). */
    async pageAfter(db: Db, afterSeq: number, size: number): Promise<AuditRow[]> {
      return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(size);
    },
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
