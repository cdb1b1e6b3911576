import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField } from '../../platform/errors';
import { isPathWithin, requireUnitInScope } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import { divisionName } from './division-codes';
import { unitPermissions, unitPolicy } from './units.policy';
import type { UnitsRepository } from './units.repository';
import type { UnitKind, UnitRow } from './units.schema';

export interface CreateUnitInput {
  parentId: string | null;
  name: string;
  code: string;
  kind: UnitKind;
  divisionCode?: string | null;
}

export interface UpdateUnitInput {
  version: number;
  name?: string;
  divisionCode?: string | null;
  /** 案件文号格式 (checked by cases/case-number.ts); null: the default of the unit's name. */
  caseNumberPattern?: string | null;
}

/**
 * Ending the sessions of a unit's people (auth's sessions repository). Declared here, as the one
 * thing this module needs of auth, so that units does not import auth (auth builds on units).
 */
export interface UnitSessions {
  deleteAllOfUnit(tx: Db, unitId: string): Promise<void>;
}

export function createUnitsService(deps: {
  db: Db;
  unitsRepository: UnitsRepository;
  sessionsRepository: UnitSessions;
  auditService: AuditService;
  /** Figures summed up the tree (the roll-ups) are recomputed when a unit moves, in the move's transaction. */
  afterMove?: (tx: Db) => Promise<void>;
  /** After a unit moved or was (de)activated: sessions and scopes kept in memory are forgotten (access-cache.ts). */
  accessChanged?: () => void;
  /**
   * 省级数据汇聚 (issue 22), on a national installation: the root units of the provinces whose tree
   * is replicated here. Their units are read-only here (the database refuses a change), so no
   * change is offered for them.
   */
  federatedRoots?: () => Promise<string[]>;
}) {
  const { db, unitsRepository: repo, sessionsRepository: sessions, auditService, afterMove } = deps;
  /** A change of who sees what, committed: the access kept in memory is forgotten before the answer goes out. */
  const changingAccess = async <T>(change: Promise<T>): Promise<T> => {
    try {
      return await change;
    } finally {
      deps.accessChanged?.();
    }
  };

  const readOnly = async () => {
    const roots = (await deps.federatedRoots?.()) ?? [];
    return (unit: UnitRow) => roots.some((id) => unit.path.includes(`/${id}/`));
  };
  const NO_CHANGE = { createChild: false, update: false, move: false, deactivate: false };
  const viewWith = (isReadOnly: (u: UnitRow) => boolean) => (actor: Actor, unit: UnitRow) => ({
    ...unit,
    can: isReadOnly(unit) ? NO_CHANGE : unitPermissions(actor, unit),
  });
  const view = async (actor: Actor, unit: UnitRow) => viewWith(await readOnly())(actor, unit);

  function checkDivisionCode(kind: UnitKind, divisionCode: string | null | undefined) {
    if (divisionCode == null) return;
    if (kind !== 'bureau') throw invalidField('divisionCode', '只有局（区县局及以上）可以填写行政区划代码');
    if (!divisionName(divisionCode))
      throw invalidField('divisionCode', `“${divisionCode}”不是有效的行政区划代码（GB/T 2260）`);
  }

  function checkParentKind(kind: UnitKind, parent: UnitRow | null) {
    if (parent === null && kind !== 'bureau') throw invalidField('kind', '顶级单位必须是局');
    if (parent && parent.kind !== 'bureau')
      throw invalidField('parentId', '科室、市场监管所和执法大队下不能再设下级单位');
  }

  async function loadForChange(actor: Actor, id: string, allowed: (a: Actor, u: UnitRow) => boolean): Promise<UnitRow> {
    const unit = await requireUnitInScope(db, actor, id);
    if (!allowed(actor, unit)) throw forbidden();
    return unit;
  }

  return {
    async list(actor: Actor, opts: { includeInactive: boolean }) {
      const rows = await repo.listInScope(db, actor, opts.includeInactive);
      const v = viewWith(await readOnly());
      return rows.map((u) => v(actor, u));
    },

    async get(actor: Actor, id: string) {
      return view(actor, await requireUnitInScope(db, actor, id));
    },

    async create(actor: Actor, input: CreateUnitInput) {
      let parent: UnitRow | null = null;
      if (input.parentId === null) {
        if (!unitPolicy.canCreateTopLevel(actor)) throw forbidden('只有系统管理员可以创建顶级单位');
      } else {
        parent = await requireUnitInScope(db, actor, input.parentId, '上级单位');
        if (!unitPolicy.canCreateUnder(actor)) throw forbidden();
        if (!parent.active) throw invalidField('parentId', '上级单位已停用');
      }
      checkParentKind(input.kind, parent);
      checkDivisionCode(input.kind, input.divisionCode);
      const v = viewWith(await readOnly());
      return db.transaction(async (tx) => {
        if (await repo.findByCode(tx, input.code)) throw invalidField('code', `机构编码“${input.code}”已被使用`);
        const id = randomUUID();
        const created = await repo.insert(tx, {
          id,
          parentId: parent?.id ?? null,
          name: input.name,
          code: input.code,
          kind: input.kind,
          divisionCode: input.divisionCode ?? null,
          path: `${parent?.path ?? '/'}${id}/`,
          depth: (parent?.depth ?? -1) + 1,
        });
        await auditService.record(tx, actor, { action: 'unit.create', recordId: id, unitId: id, after: created });
        return v(actor, created);
      });
    },

    async update(actor: Actor, id: string, input: UpdateUnitInput) {
      const unit = await loadForChange(actor, id, unitPolicy.canUpdate);
      if (input.divisionCode !== undefined) checkDivisionCode(unit.kind, input.divisionCode);
      const v = viewWith(await readOnly());
      return db.transaction(async (tx) => {
        const patch = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.divisionCode !== undefined ? { divisionCode: input.divisionCode } : {}),
          ...(input.caseNumberPattern !== undefined ? { caseNumberPattern: input.caseNumberPattern } : {}),
        };
        const updated = await repo.update(tx, id, input.version, patch);
        if (!updated) throw conflict('该单位已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'unit.update',
          recordId: id,
          unitId: id,
          before: unit,
          after: updated,
        });
        return v(actor, updated);
      });
    },

    async move(actor: Actor, id: string, input: { parentId: string; version: number }) {
      const unit = await loadForChange(actor, id, unitPolicy.canMove);
      const parent = await requireUnitInScope(db, actor, input.parentId, '新的上级单位');
      if (isPathWithin(parent.path, unit.path))
        throw invalidField('parentId', '不能把单位移到它自己或它的下级单位之下');
      if (!parent.active) throw invalidField('parentId', '新的上级单位已停用');
      checkParentKind(unit.kind, parent);
      const v = viewWith(await readOnly());
      return changingAccess(
        db.transaction(async (tx) => {
          const newPath = `${parent.path}${unit.id}/`;
          const moved = await repo.update(tx, id, input.version, { parentId: parent.id });
          if (!moved) throw conflict('该单位已被他人修改，请刷新后再试');
          await repo.rewriteSubtreePaths(tx, unit.path, newPath, parent.depth + 1 - unit.depth);
          await afterMove?.(tx);
          const after = (await repo.findById(tx, id))!;
          await auditService.record(tx, actor, { action: 'unit.move', recordId: id, unitId: id, before: unit, after });
          return v(actor, after);
        }),
      );
    },

    async setActive(actor: Actor, id: string, input: { active: boolean; version: number }) {
      const unit = await loadForChange(actor, id, unitPolicy.canDeactivate);
      if (!input.active && (await repo.countActiveChildren(db, id)) > 0) {
        throw invalidField('active', '该单位还有启用的下级单位，请先停用或移走下级单位');
      }
      if (input.active && unit.parentId) {
        const parent = await repo.findById(db, unit.parentId);
        if (parent && !parent.active) throw invalidField('active', '上级单位已停用，请先启用上级单位');
      }
      const v = viewWith(await readOnly());
      return changingAccess(
        db.transaction(async (tx) => {
          const updated = await repo.update(tx, id, input.version, { active: input.active });
          if (!updated) throw conflict('该单位已被他人修改，请刷新后再试');
          // Its people are signed out with it, so a later reactivation brings back no old session.
          if (!input.active) await sessions.deleteAllOfUnit(tx, id);
          const action = input.active ? 'unit.reactivate' : 'unit.deactivate';
          await auditService.record(tx, actor, { action, recordId: id, unitId: id, before: unit, after: updated });
          return v(actor, updated);
        }),
      );
    },

    /** For other modules: a unit by id, within the actor's scope, or 404. */
    requireInScope: (actor: Actor, id: string) => requireUnitInScope(db, actor, id),
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;
