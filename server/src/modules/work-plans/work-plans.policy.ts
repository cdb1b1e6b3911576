import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';
import { reportPolicy } from '../reports/reports.policy';

/**
 * 工作实施计划备案: a unit owing the plan files its own plan — its liaison, office or leader (or the
 * administrator above it); the office of the plan's issuing unit acknowledges (备案) or returns it.
 */
export const workPlanPolicy = {
  canFile: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'liaison', 'office', 'leader', 'admin') && isPathInScope(actor, unitPath),
  canReview: (actor: Actor, issuingUnitPath: string) => reportPolicy.canReview(actor, issuingUnitPath),
  /** 待备案 in the inbox: the office by role (not the administrator). */
  reviewsInInbox: (actor: Actor) => reportPolicy.reviewsInInbox(actor),
  /** 待报送 in the inbox: the unit's own liaison, office or leader. */
  filesInInbox: (actor: Actor) =>
    actor.unitId !== null && (['liaison', 'office', 'leader'] as const).some((r) => actor.roles.includes(r)),
};
