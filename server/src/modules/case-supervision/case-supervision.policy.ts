import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/** The supervising side's people: the office (专项办) and the leader (局领导) of the unit itself. */
const supervisorOf = (actor: Actor, supervisingUnitId: string) =>
  actor.unitId === supervisingUnitId && (['office', 'leader'] as const).some((r) => actor.roles.includes(r));

/**
 * Who may do what with a 督办件 (the only place roles are checked). The case's side — its handlers,
 * office and leader, in the case's unit or above it but below the supervising unit — asks (报请) and
 * reports progress; the supervising unit's office or leader takes a request up or declines it,
 * takes a case up directly (主动督办), writes 批示 and closes it (办结). Nobody decides his own
 * request (四分离).
 */
export const caseSupervisionPolicy = {
  /** 报请督办: the case's handlers, office or leader (the request goes to the unit above the asker's). */
  canRequest: (actor: Actor, caseUnitPath: string) =>
    !actor.isSystemAdmin && hasRole(actor, 'handler', 'office', 'leader') && isPathInScope(actor, caseUnitPath),
  /** 主动督办: the office or leader of a unit whose subtree holds the case (the unit itself: 本级督办). */
  canInitiate: (actor: Actor, caseUnitPath: string) =>
    actor.unitId !== null && supervisorOf(actor, actor.unitId) && isPathInScope(actor, caseUnitPath),
  /** 立项督办 / 不予督办: the asked unit's office or leader, never the requester himself. */
  canDecide: (actor: Actor, s: { supervisingUnitId: string; requestedBy: string | null }) =>
    supervisorOf(actor, s.supervisingUnitId) && actor.userId !== s.requestedBy,
  /** 批示 and 办结: the supervising unit's office or leader. */
  canSupervise: (actor: Actor, supervisingUnitId: string) => supervisorOf(actor, supervisingUnitId),
  /** 报送进展: the case's side (its unit or above it), not the supervising unit or anyone above it. */
  canReport: (actor: Actor, caseUnitPath: string, supervisingUnitPath: string) =>
    !actor.isSystemAdmin &&
    hasRole(actor, 'handler', 'office', 'leader') &&
    isPathInScope(actor, caseUnitPath) &&
    !isPathInScope(actor, supervisingUnitPath),
  /**
   * Whose inbox holds the case side's due progress reports and passed deadlines: the office and the
   * leader their units' cases, a handler the cases he investigates or asked to have supervised.
   */
  watchesCaseSide: (actor: Actor): 'units' | 'own' | null =>
    (['office', 'leader'] as const).some((r) => actor.roles.includes(r))
      ? 'units'
      : actor.roles.includes('handler')
        ? 'own'
        : null,
  /** Whose inbox holds the requests to decide and the overdue 督办件 of his unit. */
  watchesSupervised: (actor: Actor) => (['office', 'leader'] as const).some((r) => actor.roles.includes(r)),
};
