import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/**
 * 移送: the case side of the record's unit (handlers, the office, the leader, administrators above
 * it) sends a case or lead and records the receiver's answers; 涉刑移送标准 are national (the
 * prosecution standards of 最高人民检察院 and 公安部), kept by the system administrator as the
 * working-day calendar is.
 */
const senders = ['handler', 'office', 'leader', 'admin'] as const;

export const transferPolicy = {
  canTransfer: (actor: Actor, unitPath: string) => hasRole(actor, ...senders) && isPathInScope(actor, unitPath),
  canReply: (actor: Actor, unitPath: string) => hasRole(actor, ...senders) && isPathInScope(actor, unitPath),
  canMaintainThresholds: (actor: Actor) => actor.isSystemAdmin,
  /** 涉刑不移 and 移送逾期未答复 in the inbox: the office and the leader of the units in scope. */
  watchesInInbox: (actor: Actor) => (['office', 'leader'] as const).some((r) => actor.roles.includes(r)),
};
