import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { auditPolicy } from './audit.policy';
import { forbidden } from '../../platform/errors';
import { unitIdInScope } from '../../platform/scope';
import { auditKeyId, CHAIN_KEYED, GENESIS_HASH, keyedEntryHash, toPlainJson } from './audit.chain';
import type { AuditAnchor, Checkpoint } from './audit.anchor';
import { createChainWalk, type VerifyResult } from './audit.verify';
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

export type { VerifyResult } from './audit.verify';

/**
 * The audit log. `anchor` holds what lives outside the database: the HMAC key and the checkpoint
 * file (`audit.anchor.ts`).
 */
export function createAuditService(deps: { db: Db; auditRepository: AuditRepository; anchor: AuditAnchor }) {
  const { db, auditRepository, anchor } = deps;
  const keyId = auditKeyId(anchor.key);
  /** Requests that appended an entry and have not answered yet (their transaction then has ended). */
  const appendedBy = new Set<string>();
  let lastWritten: { seq: number; hash: string } | undefined;
  let queued: Promise<Checkpoint | undefined> | undefined;
  let tail: Promise<unknown> = Promise.resolve();

  /** Writes the committed head to the checkpoint file unless it is the one written last. */
  async function writeCheckpoint(): Promise<Checkpoint | undefined> {
    const head = await auditRepository.head(db);
    if (!head || (lastWritten && lastWritten.seq === head.seq && lastWritten.hash === head.hash)) return undefined;
    const c: Checkpoint = { seq: head.seq, hash: head.hash, at: new Date().toISOString(), key: keyId };
    await anchor.checkpoints.append(c);
    lastWritten = head;
    return c;
  }

  /**
   * Anchors the head outside the database: appends (seq, hash, time, key id) of the committed head
   * to the checkpoint file. Runs one at a time; calls made while one waits share it. Called at
   * start-up, at shutdown, after each request that appended, and by a verify that found no fault.
   * A checkpoint lost in a crash only leaves the anchor a little older.
   */
  function checkpoint(): Promise<Checkpoint | undefined> {
    if (queued) return queued;
    const run = tail.then(() => {
      queued = undefined;
      return writeCheckpoint();
    });
    queued = run;
    tail = run.catch(() => undefined);
    return run;
  }

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
      const chained = { ...fields, requestId: actor.requestId ?? null, prevHash: head?.hash ?? GENESIS_HASH };
      await auditRepository.insert(tx, {
        ...chained,
        chainVersion: CHAIN_KEYED,
        hash: keyedEntryHash(anchor.key, chained),
      });
      if (actor.requestId && appendedBy.size < 10_000) appendedBy.add(actor.requestId);
    },

    checkpoint,

    /** The first entry chained with a key (undefined when none is). */
    firstKeyedSeq: (): Promise<number | undefined> => auditRepository.firstKeyedSeq(db),

    /** After a request has answered: a checkpoint when it appended entries (its transaction has ended). */
    async checkpointAfterRequest(requestId: string): Promise<void> {
      if (appendedBy.delete(requestId)) await checkpoint();
    },

    async list(actor: Actor, q: AuditQuery): Promise<{ items: AuditRow[]; total: number }> {
      if (!auditPolicy.canRead(actor)) throw forbidden('只有系统管理员可以查看审计日志');
      return auditRepository.list(db, {
        ...q,
        scope: unitIdInScope(actor, auditLog.unitId),
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
    },

    /**
     * Walks the whole chain and recomputes every hash (keyed entries with the audit key, older ones
     * with the plain SHA-256), then compares it with the checkpoints outside the database: an edited
     * entry breaks its own hash, a removed one leaves a gap, entries cut from the end or rewritten
     * with the key disagree with a checkpoint. brokenAt is the first bad seq.
     */
    async verify(actor: Actor): Promise<VerifyResult> {
      if (!auditPolicy.canVerify(actor)) throw forbidden('只有系统管理员可以校验审计日志');
      const { checkpoints, unreadable, missing } = await anchor.checkpoints.readAll();
      const walk = createChainWalk(anchor.key, checkpoints, { unreadable, missing, where: anchor.checkpoints.where });
      for (let after = 0; ;) {
        const page = await auditRepository.pageAfter(db, after, 1000);
        if (page.length === 0 || !walk.next(page)) break;
        after = page[page.length - 1].seq;
      }
      const result = walk.finish();
      if (result.ok) await checkpoint();
      return result;
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
