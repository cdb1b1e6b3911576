import { or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { supervisionFindings } from '../supervision/supervision.schema';
import { rectificationPolicy, type GroupPeople } from './rectifications.policy';
import { visitOfGroupPerson, type FindingListRow } from './rectifications.repository';

export { RECTIFICATION_EVENT_KINDS, RECTIFICATION_STATUSES } from '../supervision/supervision.schema';

export const RECTIFICATION_STATUS_LABELS = {
  noted: '无需整改',
  open: '待整改',
  replied: '待复查',
  closed: '已销号',
} as const;

/** Open and past its deadline on `today` (China). */
export const isOverdue = (r: { status: string; deadline: string | null }, today: string) =>
  r.status === 'open' && r.deadline !== null && r.deadline < today;

/**
 * Who sees a finding: the units in the actor's scope see those about themselves and below; the
 * leader and members of a group see the findings of their group's visits, wherever the unit is.
 */
export const visibleTo = (actor: Actor): SQL =>
  or(unitIdInScope(actor, supervisionFindings.unitId), visitOfGroupPerson(actor.userId))!;

/** A finding as the API answers it: its names, the overdue flag and what the caller may do with it. */
export function presentFinding(actor: Actor, r: FindingListRow, people: GroupPeople, today: string) {
  const editable = r.status === 'noted' || (r.status === 'open' && r.returnCount === 0 && !r.repliedAt);
  return {
    ...r,
    statusLabel: RECTIFICATION_STATUS_LABELS[r.status],
    overdue: isOverdue(r, today),
    can: {
      edit: editable && rectificationPolicy.canRecord(actor, people),
      reply: r.status === 'open' && rectificationPolicy.canReply(actor, r.unitId),
      review: r.status === 'replied' && rectificationPolicy.canReview(actor, people),
    },
  };
}
