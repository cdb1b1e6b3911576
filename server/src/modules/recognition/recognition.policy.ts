import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 典型案例评选, 表彰 and 问责.
 * - A unit nominates its own cases: its liaison, office or leader (or an office or administrator
 *   above it, who may act for it), the case's unit being in their scope.
 * - The plan's office (the issuing unit's office, or an administrator above it) selects or declines;
 *   never the person who nominated the case (回避: nobody judges his own proposal), so an office that
 *   nominated for a unit below it leaves the decision to a colleague.
 * - 表彰 and 问责 are decisions of the plan's issuing unit: its office or leader records them.
 *   They are read by the units concerned and those above (the scope of the list), which includes
 *   the issuing unit.
 */
export const recognitionPolicy = {
  canNominate: (actor: Actor, caseUnitPath: string) =>
    hasRole(actor, 'liaison', 'office', 'leader', 'admin') && isPathInScope(actor, caseUnitPath),
  canWithdraw: (actor: Actor, n: { nominatedBy: string; status: string }, unitPath: string) =>
    n.status === 'nominated' && recognitionPolicy.canNominate(actor, unitPath),
  /** Whether the actor is the plan's office (may decide in general). */
  isPlanOffice: (actor: Actor, issuerPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, issuerPath),
  canDecide: (actor: Actor, n: { nominatedBy: string }, issuerPath: string) =>
    recognitionPolicy.isPlanOffice(actor, issuerPath) && actor.userId !== n.nominatedBy,
  canRecord: (actor: Actor, issuerPath: string) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, issuerPath),
};
