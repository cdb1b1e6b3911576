import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 考核评分: the office (专项办) of the bureau that issued the plan, or an office or administrator
 * above it, keeps the plan's schemes and publishes results; everyone who sees the plan reads the
 * scorecard, limited to the units in his scope.
 */
export const scorecardPolicy = {
  canManage: (actor: Actor, issuerPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, issuerPath),
  flags: (actor: Actor, issuerPath: string) => ({ manage: scorecardPolicy.canManage(actor, issuerPath) }),
};
