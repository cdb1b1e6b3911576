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

/**
 * An outing's or a 双随机 check's 责令整改 (the entity is not a user, so nobody answers for it in
 * the system): the source's inspectors (执法人员) and the ordering unit's handlers, office or
 * administrator (the unit in scope) order it, record the entity's 整改情况 and send it back at 复查
 * (退回); the office or a leader of the unit or above (or an administrator) closes it (销号).
 */
export interface FieldSource {
  /** The outing's or draw item's inspectors. */
  inspectorIds: string[];
  /** The path of the unit that ordered it (the outing's or the drawing unit). */
  unitPath: string;
}

const fieldInspector = (actor: Actor, s: FieldSource) => s.inspectorIds.includes(actor.userId);

export const fieldRectificationPolicy = {
  canOrder: (actor: Actor, s: FieldSource) =>
    fieldInspector(actor, s) || (hasRole(actor, 'handler', 'office', 'admin') && isPathInScope(actor, s.unitPath)),
  canRecordReply: (actor: Actor, s: FieldSource) =>
    fieldInspector(actor, s) || (hasRole(actor, 'handler', 'office', 'admin') && isPathInScope(actor, s.unitPath)),
  canReturn: (actor: Actor, s: FieldSource) =>
    fieldInspector(actor, s) ||
    (hasRole(actor, 'handler', 'office', 'leader', 'admin') && isPathInScope(actor, s.unitPath)),
  canClose: (actor: Actor, s: FieldSource) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, s.unitPath),
  /** Whose inbox holds the unit's open 责令整改 (its handlers; the inspectors by name). */
  followsUpForOwnUnit: (actor: Actor) => actor.unitId !== null && hasRole(actor, 'handler'),
  /** Whose inbox holds the unit's answered 责令整改 awaiting 销号. */
  closesForOwnUnit: (actor: Actor) => actor.unitId !== null && hasRole(actor, 'office', 'leader'),
};

/** The roles of the ordering unit told of and reminded about an entity's 责令整改 (besides the inspectors). */
export const FIELD_FOLLOW_UP_ROLES = ['handler'];
/** The roles of the ordering unit told of an answer awaiting 销号. */
export const FIELD_CLOSING_ROLES = ['office', 'leader'];
