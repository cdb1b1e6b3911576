import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope, isPathWithin } from '../../platform/scope';
import type { LeadRow } from './leads.schema';
import { casePolicy } from '../cases/cases.policy';

/**
 * Handlers, the campaign office and administrators register and decide leads of units in their
 * scope; the head (局领导) approves the one extension. Only the lead's handlers (经办人) see the
 * complainant's personal data, so who the handlers are is access control, not a field of the lead:
 * only the office (专项办) or leader (局领导) of the handling bureau assigns them — the bureau the
 * lead's unit is or belongs to (a 所, 科室 or 执法大队 belongs to its 局), never a bureau above it,
 * never an administrator — and nobody adds himself.
 */
const registrars = ['handler', 'office', 'admin'] as const;
/** The roles of the handling unit that assign a lead's handlers (指定经办人). */
export const HANDLER_ASSIGNERS = ['office', 'leader'] as const;

export const leadPolicy = {
  /** Importing a 12315 export registers leads: the registrars' roles. */
  canImport: (actor: Actor) => hasRole(actor, ...registrars),
  canCreate: (actor: Actor, unitPath: string) => hasRole(actor, ...registrars) && isPathInScope(actor, unitPath),
  canEdit: (actor: Actor, lead: LeadRow, unitPath: string) =>
    hasRole(actor, ...registrars) && isPathInScope(actor, unitPath) && lead.status === 'verifying',
  /** Files the lead's case at once (登记): who registers a case directly; a handler asks (立案审批). */
  filesDirectly: (actor: Actor, unitPath: string) => casePolicy.canCreate(actor, unitPath),
  canApproveExtension: (actor: Actor, unitPath: string) => hasRole(actor, 'leader') && isPathInScope(actor, unitPath),
  /**
   * The office or leader of the handling bureau (`bureauPath`: the lead's unit, or the nearest bureau
   * above it), acting for that bureau or a unit of it on the lead's line, while the lead is being
   * verified. Not the system administrator, who acts for no unit.
   */
  canAssignHandlers: (actor: Actor, lead: LeadRow, unitPath: string, bureauPath: string) =>
    !actor.isSystemAdmin &&
    actor.unitPath !== null &&
    isPathWithin(unitPath, actor.unitPath) &&
    isPathWithin(actor.unitPath, bureauPath) &&
    HANDLER_ASSIGNERS.some((r) => actor.roles.includes(r)) &&
    lead.status === 'verifying',
  /**
   * A handler (经办人 by role) who registers a lead without naming its handlers handles it himself;
   * the role itself (`hasRole` would also count the system administrator in).
   */
  handlesWhatHeRegisters: (actor: Actor) => actor.roles.includes('handler'),
  /** Whether the actor may become a handler of a lead of this unit by registering it: only a lead of his own unit. */
  mayHandleOwnRegistration: (actor: Actor, unitId: string) => actor.unitId === unitId,
  seesComplainant: (actor: Actor, lead: LeadRow) => lead.handlerIds.includes(actor.userId),
  /** Whose verification clocks the inbox watches: the same people as the cases' decision clocks. */
  watchesClocks: casePolicy.watchesClocks,
  watchesOwnDueSoon: casePolicy.watchesOwnDueSoon,
};
