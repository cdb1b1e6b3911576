import { hasRole, type Actor } from '../../platform/actor';
import type { AssistanceSide, AssistanceStatus } from './assistance-status';

/**
 * 协查与通报: the sending bureau's office, leader or handler sends (and withdraws before acceptance,
 * and files the request's attachments); the receiving bureau's office or leader accepts, declines
 * and answers. The side comes from scope (the service): a bureau outside both ends never gets here (404).
 */
const SENDERS = ['office', 'leader', 'handler', 'admin'] as const;
const RECEIVERS = ['office', 'leader', 'admin'] as const;

export const assistancePolicy = {
  canSend: (actor: Actor) => hasRole(actor, ...SENDERS),
  canReceive: (actor: Actor) => hasRole(actor, ...RECEIVERS),
  can: (actor: Actor, side: AssistanceSide, status: AssistanceStatus) => {
    const sends = side.sender && hasRole(actor, ...SENDERS);
    const receives = side.receiver && hasRole(actor, ...RECEIVERS);
    return {
      withdraw: sends && status === 'sent',
      attachSender: sends && status === 'sent',
      accept: receives && status === 'sent',
      decline: receives && status === 'sent',
      answer: receives && (status === 'accepted' || status === 'answered'),
      attachReceiver: receives && (status === 'accepted' || status === 'answered'),
    };
  },
  /** 待受理 / 待答复 in the receiving office's inbox (by role, not the administrator). */
  receivesInInbox: (actor: Actor) => actor.unitId !== null && actor.roles.some((r) => r === 'office' || r === 'leader'),
  /** 答复已到 / 逾期未复 in the sender's inbox. */
  sendsInInbox: (actor: Actor) =>
    actor.unitId !== null && actor.roles.some((r) => r === 'office' || r === 'leader' || r === 'handler'),
};
