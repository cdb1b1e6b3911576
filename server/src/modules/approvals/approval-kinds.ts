import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import type { ApprovalRequestRow } from './approvals.schema';

/**
 * What a module registers for each kind of request it makes: its label and the effect of an
 * approval. The approvals module knows no record type; the owning module fills this registry
 * (services.ts), so approvals never imports cases, leads or campaigns.
 */
export interface ApprovalKind {
  kind: string;
  recordType: string;
  /** 中文名称, e.g. 延长办案期限30日 */
  label: string;
  /**
   * Applies an approved request, inside the decision's transaction (the decision and its effect
   * commit together or not at all). Throws an AppError when the record no longer allows it.
   */
  apply(tx: Db, request: ApprovalRequestRow, approver: Actor): Promise<void>;
  /**
   * Checks made when approving, before the decision's transaction opens (reads that go through the
   * database handle cannot run inside it on PGlite): throws an AppError when approval must be refused.
   * `apply` still guards what it writes (unique indexes, versions).
   */
  check?(request: ApprovalRequestRow, approver: Actor): Promise<void>;
  /** What approval will do, in words (办案期限延长30日。理由：…), from the request's payload. */
  describe(payload: Record<string, unknown>): string;
  /** The record's page in the web app (a record made on approval has one only once approved). */
  link(request: Pick<ApprovalRequestRow, 'recordId' | 'status'>): string;
}

export function createApprovalRegistry() {
  const kinds = new Map<string, ApprovalKind>();
  return {
    register(...list: ApprovalKind[]) {
      for (const k of list) {
        if (kinds.has(k.kind)) throw new Error(`approval kind ${k.kind} registered twice`);
        kinds.set(k.kind, k);
      }
    },
    get(kind: string): ApprovalKind {
      const k = kinds.get(kind);
      if (!k) throw new Error(`approval kind ${kind} is not registered`);
      return k;
    },
    has: (kind: string) => kinds.has(kind),
  };
}

export type ApprovalRegistry = ReturnType<typeof createApprovalRegistry>;
