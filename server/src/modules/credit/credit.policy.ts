import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 信用监管: the office and the leader (and the administrator) record penalty publications and the
 * credit listings of the units in their scope; everyone who sees the unit (handlers, liaisons) reads.
 */
export const creditPolicy = {
  canRecord: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, unitPath),
  /** Whose inbox holds the publications falling due or overdue: the office of the units in scope. */
  watchesPublications: (actor: Actor) => hasRole(actor, 'office'),
};
