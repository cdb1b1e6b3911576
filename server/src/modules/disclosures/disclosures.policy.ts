import { hasRole, type Actor } from '../../platform/actor';
import { isPathInScope } from '../../platform/scope';

/** Who writes the public texts: the 专项办 of a bureau (and administrators). */
const WRITERS = ['office', 'admin'] as const;

/**
 * 曝光 and 消费警示: the office of a bureau writes a disclosure from a decided typical case of its
 * units and submits it; a 局领导 of that bureau approves its publication (approvals module: never
 * the person who submitted it). The office publishes its own 消费警示 / 警示公告 directly. The
 * office or a 局领导 takes a published text down again (撤下). The public reads only what is published.
 */
export const disclosurePolicy = {
  /** Writing a disclosure of a case of a unit in scope. */
  canCreate: (actor: Actor, caseUnitPath: string) => hasRole(actor, ...WRITERS) && isPathInScope(actor, caseUnitPath),
  /** Changing or submitting a draft of the actor's bureau. */
  canEdit: (actor: Actor, unitPath: string) => hasRole(actor, ...WRITERS) && isPathInScope(actor, unitPath),
  /** 撤下: taking a published text down. */
  canWithdraw: (actor: Actor, unitPath: string) =>
    hasRole(actor, 'office', 'leader', 'admin') && isPathInScope(actor, unitPath),
  /** 消费警示 / 警示公告: written and published by the office of a unit in scope. */
  canManageWarnings: (actor: Actor, unitPath: string) => hasRole(actor, ...WRITERS) && isPathInScope(actor, unitPath),
};
