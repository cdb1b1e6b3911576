import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * The office, leader, handlers and liaison of a unit (or of a unit above it) record its joint
 * operations; the one who recorded it, or an office or leader, corrects it; everyone in scope reads.
 */
const recorders = ['office', 'leader', 'handler', 'liaison', 'admin'] as const;

export const jointOperationPolicy = {
  canRecord: (actor: Actor, unitPath: string) => hasRole(actor, ...recorders) && isPathInScope(actor, unitPath),
  canEdit: (actor: Actor, row: { createdBy: string }, unitPath: string) =>
    jointOperationPolicy.canRecord(actor, unitPath) &&
    (row.createdBy === actor.userId || hasRole(actor, 'office', 'leader', 'admin')),
};
