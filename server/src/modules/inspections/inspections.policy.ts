import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * Handlers (办案人员, who go out), the campaign office and administrators record the outings of
 * units in their scope; everyone in scope reads them.
 */
const recorders = ['handler', 'office', 'admin'] as const;

export const inspectionPolicy = {
  canRecord: (actor: Actor, unitPath: string) => hasRole(actor, ...recorders) && isPathInScope(actor, unitPath),
  canImport: (actor: Actor) => hasRole(actor, ...recorders),
};
