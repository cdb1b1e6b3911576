import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * The campaign office (专项办) and administrators keep the register, draw and publish; the two
 * inspectors a draw sent (or the office) record the result of their check.
 */
export const randomCheckPolicy = {
  canManage: (actor: Actor, unitPath: string) => hasRole(actor, 'office', 'admin') && isPathInScope(actor, unitPath),
  canImportRegister: (actor: Actor) => hasRole(actor, 'office', 'admin'),
  /** The drawn inspectors may work in a unit below the drawing bureau: being drawn is what entitles them. */
  canRecordResult: (actor: Actor, inspectorIds: string[], unitPath: string) =>
    inspectorIds.includes(actor.userId) || (hasRole(actor, 'office', 'admin') && isPathInScope(actor, unitPath)),
  /**
   * A finding's lead is registered for the drawing unit, as an outing's is: by its handlers, office or
   * administrator (a drawn inspector of a unit below asks the bureau's office to register it).
   */
  canOpenLead: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'handler', 'office', 'admin') && isPathInScope(actor, unitPath),
};
