import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/** A group as the policy needs it: its leader, its members and the path of its organising unit. */
export interface GroupPeople {
  leaderId: string;
  memberIds: string[];
  organizerPath: string;
}

const inGroup = (actor: Actor, g: GroupPeople) => actor.userId === g.leaderId || g.memberIds.includes(actor.userId);
/** The office (or administrator) of the unit that organises the supervision, or of one above it. */
const organizerOffice = (actor: Actor, g: GroupPeople) =>
  hasRole(actor, 'office', 'admin') && isPathInScope(actor, g.organizerPath);

/**
 * 整改: the group that visited (its leader and members) or the organising unit's office records
 * what it found and demands 整改, and re-checks the answer (复查: 销号 or 退回); the unit concerned
 * itself — its liaison, office, leader or administrator, not a unit above, below or beside it —
 * answers with its 整改报告.
 */
export const rectificationPolicy = {
  canRecord: (actor: Actor, g: GroupPeople) => inGroup(actor, g) || organizerOffice(actor, g),
  canReview: (actor: Actor, g: GroupPeople) => inGroup(actor, g) || organizerOffice(actor, g),
  canReply: (actor: Actor, unitId: string) =>
    actor.unitId === unitId && hasRole(actor, 'liaison', 'office', 'leader', 'admin'),
  /** Whose inbox holds the unit's open rectifications: the people who answer them. */
  answersForOwnUnit: (actor: Actor) => actor.unitId !== null && hasRole(actor, 'liaison', 'office', 'leader'),
};

/** The roles of a unit told of a demand, a return or a 销号 (who answers it). */
export const RECTIFICATION_ANSWERING_ROLES = ['liaison', 'office', 'leader'];
