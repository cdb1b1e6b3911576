import type { Actor } from '../../platform/actor';
import { section, type InboxProvider } from '../inbox/inbox';
import type { ApprovalsService } from './approvals.service';

/** 待我审批 in 我的待办: the pending requests the actor may decide (not his own), oldest first. */
export function createApprovalInbox(deps: { approvalsService: Pick<ApprovalsService, 'list'> }): InboxProvider {
  return async (actor: Actor) => {
    const { items } = await deps.approvalsService.list(actor, { status: 'pending', mine: true });
    const decidable = items
      .filter((r) => r.can.decide)
      .sort((a, b) => a.requestedAt.getTime() - b.requestedAt.getTime())
      .map((r) => ({
        kind: 'approval',
        recordType: r.recordType,
        recordId: r.recordId,
        title: `${r.requestedByName}申请${r.kindLabel}：${r.title}`,
        dueAt: null,
        unitId: r.unitId,
        link: r.link,
        overdue: false,
      }));
    return decidable.length ? [section('approval', decidable, decidable.length)] : [];
  };
}
