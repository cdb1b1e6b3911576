import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { hasRole } from '../../platform/actor';
import { forbidden } from '../../platform/errors';
import { unitIdInScope } from '../../platform/scope';
import { entryHash, GENESIS_HASH, toPlainJson } from './audit.chain';
import { AUDIT_ACTIONS, type AuditEvent } from './audit.events';
import type { AuditRepository } from './audit.repository';
import { auditLog, type AuditRow } from './audit.schema';

export interface AuditQuery {
  recordType?: string;
  recordId?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

export type VerifyResult = { ok: true; entries: number } | { ok: false; brokenAt: number; entries: number };

export function createAuditService(deps: { db: Db; auditRepository: AuditRepository }) {
  const { db, auditRepository } = deps;

  return {
    /**
     * Appends one entry to the chain. Call it inside the transaction that makes the change, so the
     * change and its entry commit or roll back together.
     */
    async record(tx: Db, actor: Actor, event: AuditEvent): Promise<void> {
      const head = await auditRepository.lockChainAndGetHead(tx);
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        at: new Date(),
        actorUserId: actor.isSystemAdmin && actor.username === 'system' ? null : actor.userId,
        actorName: actor.displayName,
        unitId: event.unitId,
        action: event.action,
        recordType: AUDIT_ACTIONS[event.action],
        recordId: event.recordId,
        before: toPlainJson(event.before),
        after: toPlainJson(event.after),
      };
      const prevHash = head?.hash ?? GENESIS_HASH;
      await auditRepository.insert(tx, {
        ...fields,
        requestId: actor.requestId ?? null,
        prevHash,
        hash: entryHash(prevHash, fields),
      });
    },

    async list(actor: Actor, q: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
      if (!hasRole(actor, 'admin')) throw forbidden('只有系统管理员可以查看审计日志');
      return auditRepository.list(db, {
        ...q,
        scope: unitIdInScope(actor, auditLog.unitId),
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
    },

    /**
     * Walks the whole chain and recomputes every hash. An edited entry breaks its own hash; a removed
     * one leaves a gap in seq and breaks the next entry's link. brokenAt is the first bad seq.
     */
    async verify(actor: Actor): Promise<VerifyResult> {
      if (!hasRole(actor, 'admin')) throw forbidden('只有系统管理员可以校验审计日志');
      let prevHash = GENESIS_HASH;
      let expectedSeq = 1;
      let entries = 0;
      for (;;) {
        const page = await auditRepository.pageAfter(db, expectedSeq - 1, 1000);
        if (page.length === 0) return { ok: true, entries };
        for (const e of page) {
          if (e.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, entries };
          const recomputed = entryHash(prevHash, {
            seq: e.seq,
            at: e.at,
            actorUserId: e.actorUserId,
            actorName: e.actorName,
            unitId: e.unitId,
            action: e.action,
            recordType: e.recordType,
            recordId: e.recordId,
            before: e.before,
            after: e.after,
          });
          if (e.prevHash !== prevHash || e.hash !== recomputed) return { ok: false, brokenAt: e.seq, entries };
          prevHash = e.hash;
          expectedSeq += 1;
          entries += 1;
        }
      }
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
