import type { Actor } from '../../platform/actor';
import type { Role } from '../../platform/roles';
import type { ApprovalRequestRow } from './approvals.schema';

const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  office: '专项办',
  liaison: '联络员',
  handler: '办案人员',
  reviewer: '法制审核人员',
  leader: '局领导',
  supervisor: '督查组',
};

type Decidable = Pick<ApprovalRequestRow, 'approverRole' | 'requestedBy' | 'namedApproverId' | 'status'>;

/**
 * Who decides a request: a holder of its approving role (the role itself: an administrator is no
 * 局领导) whose scope holds the record's unit — the unit itself or a unit above it — and who is
 * not the requester (四分离: nobody approves what he asked for). A named approver alone decides
 * the request naming him. Only the requester withdraws his request.
 */
export const approvalPolicy = {
  /** Why the actor (already seeing the request) may not decide it, or null. */
  decideProblem(actor: Actor, r: Decidable): string | null {
    if (!actor.roles.includes(r.approverRole))
      return `只有${ROLE_NAMES[r.approverRole] ?? r.approverRole}可以审批此申请`;
    if (r.requestedBy === actor.userId) return '不能审批本人提出的申请（申请与审批须由不同人员办理）';
    if (r.namedApproverId && r.namedApproverId !== actor.userId) return '此申请已指定由其他审批人审批';
    return null;
  },
  /** For a request the actor sees (its unit in his scope, as every query of requests asks). */
  canDecide: (actor: Actor, r: Decidable) => r.status === 'pending' && approvalPolicy.decideProblem(actor, r) === null,
  canWithdraw: (actor: Actor, r: Decidable) => r.status === 'pending' && r.requestedBy === actor.userId,
};
