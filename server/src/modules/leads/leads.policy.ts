import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';
import type { LeadRow } from './leads.schema';

/**
 * Handlers, the campaign office and administrators register and decide leads of units in their
 * scope; the head (局领导) approves the one extension. Only the lead's handlers see the
 * complainant's personal data.
 */
const registrars = ['handler', 'office', 'admin'] as const;

export const leadPolicy = {
  canCreate: (actor: Actor, unitPath: string) => hasRole(actor, ...registrars) && isPathInScope(actor, unitPath),
  canEdit: (actor: Actor, lead: LeadRow, unitPath: string) => hasRole(actor, ...registrars) && isPathInScope(actor, unitPath) && lead.status === 'verifying',
  canApproveExtension: (actor: Actor, unitPath: string) => hasRole(actor, 'leader') && isPathInScope(actor, unitPath),
  seesComplainant: (actor: Actor, lead: LeadRow) => lead.handlerIds.includes(actor.userId),
};
