import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 信息报送: a participating unit's liaison (or the office or administrator above it) submits the
 * unit's reports; the campaign office of the issuing bureau returns or accepts them.
 */
export const reportPolicy = {
  canSubmit: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'liaison', 'office', 'admin') && isPathInScope(actor, unitPath),
  /**
   * 代报: submitting for a unit one is not of (the office or administrator above it) must be chosen
   * explicitly and is audited as such; the unit's own liaison simply submits.
   */
  submitsOnBehalf: (actor: Pick<Actor, 'unitId'>, unitId: string) => actor.unitId !== unitId,
  canReview: (actor: Actor, issuingUnitPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, issuingUnitPath),
  /**
   * 审核 by someone other than the sender: whoever sent a report (a 代报 above all) does not accept
   * or return it himself — another member of the office does (申报与审核分离).
   */
  reviewsOwnSubmission: (actor: Pick<Actor, 'userId'>, submission: { submittedBy: string }) =>
    submission.submittedBy === actor.userId,
  /** 催报: the same office that reviews the plan's reports chases its late units. */
  canChase: (actor: Actor, issuingUnitPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, issuingUnitPath),
  /** Who gets reminders: those who submit. */
  getsReminders: (actor: Actor) => !actor.isSystemAdmin && hasRole(actor, 'liaison', 'office'),
  /** 待审核 in the inbox: the office (专项办) of the unit that issued the plan, by role (not the administrator). */
  reviewsInInbox: (actor: Actor) => actor.roles.includes('office') && actor.unitId !== null,
};
