import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';
import type { UnitRow } from './units.schema';

/**
 * Who may change the organisation tree: administrators, inside their own subtree. Moving or
 * deactivating one's own unit would take it out of one's scope, so only a system administrator may.
 */
export const unitPolicy = {
  /** Adding a unit under a parent in scope (the parent's kind and state are checked as input). */
  canCreateUnder: (actor: Actor) => hasRole(actor, 'admin'),
  canCreateTopLevel: (actor: Actor) => actor.isSystemAdmin,
  canCreateChild: (actor: Actor, unit: UnitRow) =>
    hasRole(actor, 'admin') && unit.active && unit.kind === 'bureau' && isPathInScope(actor, unit.path),
  canUpdate: (actor: Actor, unit: UnitRow) => hasRole(actor, 'admin') && isPathInScope(actor, unit.path),
  canMove: (actor: Actor, unit: UnitRow) =>
    hasRole(actor, 'admin') && isPathInScope(actor, unit.path) && (actor.isSystemAdmin || unit.id !== actor.unitId),
  canDeactivate: (actor: Actor, unit: UnitRow) =>
    hasRole(actor, 'admin') && isPathInScope(actor, unit.path) && (actor.isSystemAdmin || unit.id !== actor.unitId),
};

export function unitPermissions(actor: Actor, unit: UnitRow) {
  return {
    createChild: unitPolicy.canCreateChild(actor, unit),
    update: unitPolicy.canUpdate(actor, unit),
    move: unitPolicy.canMove(actor, unit),
    deactivate: unitPolicy.canDeactivate(actor, unit),
  };
}
