import { or, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/actor';
import { unitIdInScope } from '../../platform/scope';
import { supervisionFindings } from '../supervision/supervision.schema';
import { fieldRectificationPolicy, rectificationPolicy, type GroupPeople } from './rectifications.policy';
import { fieldInspector, visitOfGroupPerson, type FindingListRow } from './rectifications.repository';

export {
  RECTIFICATION_EVENT_KINDS,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
} from '../supervision/supervision.schema';

export const RECTIFICATION_SOURCE_LABELS = {
  supervision: '督查',
  inspection: '执法检查',
  random_check: '双随机抽查',
} as const;

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
  or(unitIdInScope(actor, supervisionFindings.unitId), visitOfGroupPerson(actor.userId), fieldInspector(actor))!;

/**
 * What the actor may do with a rectification, whatever its status: a 督查's finding by its group
 * (`people`), an entity's 责令整改 by its source's inspectors and the ordering unit's line.
 */
export function abilities(actor: Actor, r: FindingListRow, people: GroupPeople | null) {
  if (r.visitId === null || !people) {
    const s = { inspectorIds: r.inspectorIds, unitPath: r.unitPath };
    return {
      record: fieldRectificationPolicy.canOrder(actor, s),
      reply: fieldRectificationPolicy.canRecordReply(actor, s),
      return: fieldRectificationPolicy.canReturn(actor, s),
      close: fieldRectificationPolicy.canClose(actor, s),
    };
  }
  const review = rectificationPolicy.canReview(actor, people);
  return {
    record: rectificationPolicy.canRecord(actor, people),
    reply: rectificationPolicy.canReply(actor, r.unitId),
    return: review,
    close: review,
  };
}

/** A finding as the API answers it: its names, the overdue flag and what the caller may do with it. */
export function presentFinding(actor: Actor, r: FindingListRow, people: GroupPeople | null, today: string) {
  const editable = r.status === 'noted' || (r.status === 'open' && r.returnCount === 0 && !r.repliedAt);
  const may = abilities(actor, r, people);
  return {
    ...r,
    statusLabel: RECTIFICATION_STATUS_LABELS[r.status],
    sourceLabel: RECTIFICATION_SOURCE_LABELS[r.source],
    overdue: isOverdue(r, today),
    can: {
      // An entity's 责令整改 is not corrected in place (not built): only a 督查's finding is.
      edit: editable && r.visitId !== null && may.record,
      reply: r.status === 'open' && may.reply,
      review: r.status === 'replied' && may.return,
      close: r.status === 'replied' && may.close,
    },
  };
}
