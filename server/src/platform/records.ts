import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import type { Actor } from './actor';
import { notFound } from './errors';
import { isPathInScope, isUuid, scopeKey, unitIdInScope } from './scope';

/**
 * The scoped-record kernel: what every module whose records belong to a unit (cases, leads,
 * inspections, 双随机, and each one after them) does with scope, written once.
 * - `listScope` turns a list's `{unitId, campaignId}` filters into the conditions its repository
 *   applies: the actor's scope, the chosen unit's subtree (404 when the unit is outside the scope)
 *   and the chosen campaign's tree (404 when the actor may not see the campaign);
 * - `requireRecord` loads one record in scope (with its unit) or answers 404, as if it did not exist;
 * - `requireUnit` loads a unit in scope or answers 404.
 * The SQL itself is in `platform/scope.ts`.
 */
export interface ListScope {
  /** The actor's scope, as a condition on the record's unit id. */
  scope: SQL;
  /**
   * The path of that scope when it is a subtree (not an administrator's whole tree): a hint for how
   * to read a page (newest-in-subtree.ts), never a condition of its own — `scope` is that.
   */
  scopePath?: string;
  /** The chosen unit's materialised path: the list keeps records of its subtree (`unitIdInSubtree`). */
  unitPath?: string;
  /** The chosen campaign's path: the list keeps records of it and of its 实施方案 (`idInTree`). */
  campaignPath?: string;
}

/** A unit as the kernel needs it: its materialised path ("/<root>/…/<unit>/"). */
export interface ScopedUnit {
  id: string;
  path: string;
}

export interface RecordScopeDeps<U extends ScopedUnit> {
  db: Db;
  /** A unit by id, in or out of scope (unitsRepository.findById). */
  findUnit: (db: Db, id: string) => Promise<U | undefined>;
  /** The campaign if the actor may see it, 404 otherwise (campaignsService.requireVisible). */
  requireCampaign: (actor: Actor, campaignId: string) => Promise<{ path: string }>;
}

export function createRecordScope<U extends ScopedUnit>({ db, findUnit, requireCampaign }: RecordScopeDeps<U>) {
  /** A unit in the actor's scope, 404 otherwise (also for an id that is no uuid). */
  async function requireUnit(actor: Actor, unitId: string, what = '单位'): Promise<U> {
    const unit = isUuid(unitId) ? await findUnit(db, unitId) : undefined;
    if (!unit || !isPathInScope(actor, unit.path)) throw notFound(what);
    return unit;
  }

  return {
    requireUnit,

    async listScope(
      actor: Actor,
      unitIdColumn: AnyPgColumn,
      q: { unitId?: string; campaignId?: string },
    ): Promise<ListScope> {
      const f: ListScope = { scope: unitIdInScope(actor, unitIdColumn) };
      if (scopeKey(actor) !== '*') f.scopePath = actor.unitPath!;
      if (q.campaignId) f.campaignPath = (await requireCampaign(actor, q.campaignId)).path;
      if (q.unitId) f.unitPath = (await requireUnit(actor, q.unitId)).path;
      return f;
    },

    /**
     * A record by id with its unit, if that unit is in the actor's scope (`find` applies the
     * condition it is given), 404 naming `what` otherwise.
     */
    async requireRecord<T extends { unitId: string }>(
      actor: Actor,
      id: string,
      what: string,
      unitIdColumn: AnyPgColumn,
      find: (id: string, scope: SQL) => Promise<T | undefined>,
    ): Promise<{ row: T; unit: U }> {
      const row = isUuid(id) ? await find(id, unitIdInScope(actor, unitIdColumn)) : undefined;
      if (!row) throw notFound(what);
      return { row, unit: (await findUnit(db, row.unitId))! };
    },
  };
}
