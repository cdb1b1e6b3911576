import type { Actor } from '../../platform/actor';
import { todayInChina } from '../../platform/today';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import type { CaseReviewsService } from './case-reviews.service';

/** 待我评查: the case files assigned to the person and not yet submitted, due by the exercise's end. */
export function createCaseReviewInbox(deps: {
  caseReviewsService: Pick<CaseReviewsService, 'pendingOfReviewer'>;
  today?: () => string;
}): InboxProvider {
  const todayOf = deps.today ?? (() => todayInChina());
  return async (actor: Actor) => {
    const rows = await deps.caseReviewsService.pendingOfReviewer(actor.userId);
    if (rows.length === 0) return [];
    const today = todayOf();
    const items = rows.slice(0, INBOX_KIND_LIMIT).map((r) => ({
      kind: 'case_file_review',
      recordType: 'case_review_file',
      recordId: r.file.id,
      title: `${r.exerciseTitle}：${r.caseName}（${r.unitName}）`,
      dueAt: r.endDate,
      unitId: r.file.unitId,
      link: `/case-reviews/${r.file.exerciseId}?file=${r.file.id}`,
      overdue: r.endDate < today,
    }));
    return [section('case_file_review', items, rows.length)];
  };
}
