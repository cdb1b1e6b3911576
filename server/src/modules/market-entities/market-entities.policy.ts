import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 经济户口: the office, the leader and the administrator of the supervising unit's line (the unit
 * or a unit above it) keep the register; handlers, who go out, may register an entity they meet
 * while recording an outing (the outing's own rights, inspections.policy.ts). Everyone in scope
 * reads. The frequency rules are the office's (and the administrator's) of the unit that sets them.
 */
export const marketEntityPolicy = {
  canEdit: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, unitPath),
  canImport: (actor: Actor) => hasRole(actor, 'office', 'leader', 'admin'),
  /** Registering a new entity on an outing: whoever records outings of that unit. */
  canRegisterOnOuting: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'handler', 'office', 'leader', 'admin') && isPathInScope(actor, unitPath),
  canKeepRules: (actor: Actor, unitPath: string) => hasRole(actor, 'office', 'admin') && isPathInScope(actor, unitPath),
};
