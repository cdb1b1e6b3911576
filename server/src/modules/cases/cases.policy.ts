import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';
import type { CaseRow, CaseStage } from './cases.schema';

/**
 * Who may do what with a case. Handlers (办案人员) and the campaign office register and edit cases
 * of units in their scope; the legal reviewer (法制审核) moves a case out of 核审; the head (局领导) or
 * the office records the decision. The four-person rule is checked in the service, on people.
 */
const registrars = ['handler', 'office', 'admin'] as const;

export const casePolicy = {
  /** 结转: the office of the plan's issuing unit carries its predecessor's unfinished cases forward. */
  canCarryForward: (actor: Actor, issuingUnitPath: string) =>
    hasRole(actor, 'office', 'admin') && isPathInScope(actor, issuingUnitPath),
  /** Importing a ledger registers cases: the registrars' roles (each row's unit is checked by canImportFor). */
  canImport: (actor: Actor) => hasRole(actor, ...registrars),
  /**
   * 登记案件: registering a case whose filing was approved (补录) — the office, the leader and
   * administrators; a handler asks for filing instead (立案审批, canRequestFiling).
   */
  canCreate: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, unitPath),
  /** 立案申请: the registrars ask a 局领导 to approve filing a case of a unit in scope. */
  canRequestFiling: (actor: Actor, unitPath: string) => hasRole(actor, ...registrars) && isPathInScope(actor, unitPath),
  /** Importing rows is the registrars' (the import's own rule, unchanged by 立案审批). */
  canImportFor: (actor: Actor, unitPath: string) => hasRole(actor, ...registrars) && isPathInScope(actor, unitPath),
  canEdit: (actor: Actor, c: CaseRow, unitPath: string) =>
    hasRole(actor, ...registrars) && isPathInScope(actor, unitPath) && c.stage !== 'archived',
  /** Whether the actor may move the case into `to` (its next stage). */
  canMoveTo: (actor: Actor, c: CaseRow, to: CaseStage, unitPath: string) => {
    if (!isPathInScope(actor, unitPath)) return false;
    switch (to) {
      case 'notice':
        // Leaving 核审 is the legal reviewer's act (and records who reviewed).
        return actor.roles.includes('reviewer') || actor.isSystemAdmin;
      case 'decided':
        return hasRole(actor, 'leader', 'office');
      case 'closed':
      case 'archived':
        // The registrars ask a 局领导 to sign (结案审批, 归档); he moves it himself.
        return hasRole(actor, ...registrars, 'leader');
      default:
        return (
          hasRole(actor, ...registrars) ||
          (actor.userId === c.investigatorId && ['investigation', 'review'].includes(to))
        );
    }
  },
  /** 结案 and 归档 are signed by a 局领导 (the role itself): he moves the case himself, anyone else asks him. */
  signsClosing: (actor: Actor) => actor.roles.includes('leader'),
  canManageClock: (actor: Actor, unitPath: string) =>
    hasRole(actor, ...registrars, 'leader') && isPathInScope(actor, unitPath),
  /** 待我核审: a legal reviewer (by role; the administrator reviews nothing by default) is asked for the cases at 核审. */
  reviewsInInbox: (actor: Actor) => actor.roles.includes('reviewer'),
  /**
   * Whose decision clocks the inbox watches: the office, the leader and the supervision group
   * (督查组) their units' overdue cases (督办, extensions), a handler the cases he investigates;
   * null for anyone else.
   */
  watchesClocks: (actor: Actor): 'units' | 'own' | null =>
    (['office', 'leader', 'supervisor'] as const).some((r) => actor.roles.includes(r))
      ? 'units'
      : actor.roles.includes('handler')
        ? 'own'
        : null,
  /** A handler is told of his own cases coming due (临期) and of the decisions he is named to execute (执行). */
  watchesOwnDueSoon: (actor: Actor) => actor.roles.includes('handler'),
};
