import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { todayInChina } from '../../platform/today';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import { campaignPolicy } from './campaigns.policy';
import type { LiaisonsRepository } from './liaisons.repository';

/**
 * The liaison duty of 我的待办 (seed 004's annex 1): the plans the actor's own unit takes part in
 * whose 分管领导 and 联络员 it has not registered yet, by the plan's deadline for them.
 */
export function createLiaisonInbox(deps: {
  db: Db;
  liaisonsRepository: Pick<LiaisonsRepository, 'unregisteredFor'>;
  today?: () => string;
}): InboxProvider {
  const { db, liaisonsRepository: repo } = deps;
  const todayOf = deps.today ?? (() => todayInChina());
  return async (actor: Actor) => {
    if (!campaignPolicy.registersLiaisonsInInbox(actor) || !actor.unitId) return [];
    const today = todayOf();
    const unitId = actor.unitId;
    // One unit takes part in a handful of plans at a time: the limit only guards the answer's size.
    const rows = await repo.unregisteredFor(db, unitId, INBOX_KIND_LIMIT);
    const items = rows.map((c) => ({
      kind: 'liaison_register',
      recordType: 'campaign',
      recordId: c.id,
      title: `${c.name}：登记本单位分管领导和联络员`,
      dueAt: c.liaisonDeadline,
      unitId,
      link: `/campaigns/${c.id}?tab=liaisons`,
      overdue: c.liaisonDeadline !== null && c.liaisonDeadline < today,
    }));
    return [section('liaison_register', items, items.length)];
  };
}
