import type { Db } from '../../db/database';
import { actorOfUser, type Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { isUuid, unitIdInScope, unitIdsOnPath } from '../../platform/scope';
import type { Role } from '../../platform/roles';
import type { AuditService } from '../audit/audit.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import type { ApprovalRegistry } from './approval-kinds';
import { approvalPolicy } from './approvals.policy';
import type { ApprovalListRow, ApprovalsRepository } from './approvals.repository';
import { approvalRequests, type ApprovalRequestRow, type ApprovalStatus } from './approvals.schema';

/** What a module asks for, inside its own transaction. */
export interface NewApprovalRequest {
  kind: string;
  recordType: string;
  recordId: string;
  unitId: string;
  title: string;
  payload: Record<string, unknown>;
  approverRole: Role;
  namedApproverId?: string | null;
}

const STALE = '申请已被他人处理或修改，请刷新后再试';
const DONE = '该申请已经处理（已批准、已退回或已撤回），不能再审批';

/**
 * 审批: requests made by the modules (`request`, in their transaction) and decided by the approver
 * (`decide`): the approval and its effect (the kind's `apply`) commit together, audited.
 */
export function createApprovalsService(deps: {
  db: Db;
  approvalsRepository: ApprovalsRepository;
  registry: ApprovalRegistry;
  auditService: AuditService;
  /** Who is told: the people who may decide a new request, and the requester of a decision. */
  usersRepository: Pick<UsersRepository, 'activeWithRoles'>;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  now?: () => Date;
}) {
  const { db, approvalsRepository: repo, registry, auditService, usersRepository, unitsRepository } = deps;
  const { notificationsService } = deps;

  /** A new request is told to whoever may decide it: the named approver, or the role's holders in the unit's line upwards. */
  async function tellApprovers(tx: Db, row: ApprovalRequestRow, requesterName: string) {
    const unit = await unitsRepository.findById(tx, row.unitId);
    const holders = unit ? await usersRepository.activeWithRoles(tx, [row.approverRole], unitIdsOnPath(unit.path)) : [];
    const kind = registry.get(row.kind);
    await notificationsService.notify(
      tx,
      holders
        .filter(({ user, unitPath }) => approvalPolicy.decideProblem(actorOfUser(user, unitPath), row) === null)
        .map(({ user }) => ({
          userId: user.id,
          kind: 'approval_requested' as const,
          title: `${requesterName}申请${kind.label}：${row.title}`,
          body: kind.describe(row.payload),
          link: kind.link(row),
          unitId: row.unitId,
          dedupeKey: `approval:${row.id}:requested`,
        })),
    );
  }

  /** A decision is told to the requester, with the approver's comment. */
  async function tellRequester(tx: Db, row: ApprovalRequestRow) {
    const kind = registry.get(row.kind);
    const verdict = row.status === 'approved' ? '已批准' : '未获批准';
    await notificationsService.notify(tx, [
      {
        userId: row.requestedBy,
        kind: 'approval_decided',
        title: `${kind.label}申请${verdict}：${row.title}`,
        body: row.decisionComment,
        link: kind.link(row),
        unitId: row.unitId,
        dedupeKey: `approval:${row.id}:${row.status}`,
      },
    ]);
  }
  const now = deps.now ?? (() => new Date());

  const view = (actor: Actor, r: ApprovalListRow) => {
    const kind = registry.get(r.kind);
    return {
      id: r.id,
      kind: r.kind,
      kindLabel: kind.label,
      description: kind.describe(r.payload),
      recordType: r.recordType,
      recordId: r.recordId,
      link: kind.link(r),
      unitId: r.unitId,
      unitName: r.unitName ?? '',
      title: r.title,
      payload: r.payload,
      approverRole: r.approverRole,
      namedApproverId: r.namedApproverId,
      requestedBy: r.requestedBy,
      requestedByName: r.requestedByName ?? '',
      requestedAt: r.requestedAt,
      status: r.status,
      decidedBy: r.decidedBy,
      decidedByName: r.decidedByName,
      decidedAt: r.decidedAt,
      decisionComment: r.decisionComment,
      version: r.version,
      can: { decide: approvalPolicy.canDecide(actor, r), withdraw: approvalPolicy.canWithdraw(actor, r) },
    };
  };

  /** A request whose record's unit is in the actor's scope, 404 otherwise. */
  async function requireVisible(actor: Actor, id: string): Promise<ApprovalListRow> {
    const row = isUuid(id) ? await repo.findVisible(db, id, unitIdInScope(actor, approvalRequests.unitId)) : undefined;
    if (!row) throw notFound('审批申请');
    return row;
  }

  /** Ends a pending request (decided or withdrawn) at the version the actor saw; `effect` runs in the same transaction. */
  async function close(
    actor: Actor,
    row: ApprovalRequestRow,
    version: number,
    status: Exclude<ApprovalStatus, 'pending'>,
    comment: string | null,
    effect?: (tx: Db, closed: ApprovalRequestRow) => Promise<void>,
  ) {
    if (row.status !== 'pending') throw conflict(status === 'withdrawn' ? '该申请已经处理，不能撤回' : DONE);
    if (version !== row.version) throw conflict(STALE);
    await db.transaction(async (tx) => {
      const closed = await repo.close(tx, row.id, version, {
        status,
        decidedBy: actor.userId,
        decidedAt: now(),
        decisionComment: comment,
      });
      if (!closed) throw conflict(STALE);
      await effect?.(tx, closed);
      if (status !== 'withdrawn') await tellRequester(tx, closed);
      await auditService.record(tx, actor, {
        action:
          status === 'approved' ? 'approval.approve' : status === 'rejected' ? 'approval.reject' : 'approval.withdraw',
        recordId: row.id,
        unitId: row.unitId,
        before: { status: row.status, version: row.version },
        after: closed,
      });
    });
  }

  return {
    /** Makes a request inside the caller's transaction (one open request of a kind per record), audited. */
    async request(tx: Db, actor: Actor, input: NewApprovalRequest): Promise<ApprovalRequestRow> {
      registry.get(input.kind); // a kind nobody registered is a programming error
      if ((await repo.pendingFor(tx, input.recordId, [input.kind])).length > 0)
        throw conflict(`已有待审批的“${registry.get(input.kind).label}”申请，请等待审批或撤回后再申请`);
      const row = await repo.insert(tx, { ...input, requestedBy: actor.userId, requestedAt: now() });
      await tellApprovers(tx, row, actor.displayName);
      await auditService.record(tx, actor, {
        action: 'approval.request',
        recordId: row.id,
        unitId: row.unitId,
        after: row,
      });
      return row;
    },

    /** Pending requests of the given kinds for a record (the module refuses a clashing one). */
    pendingFor: (tx: Db, recordId: string, kinds: string[]) => repo.pendingFor(tx, recordId, kinds),

    /** Pending requests of a kind in a unit (a module refuses a second request for the same thing). */
    pendingInUnit: (tx: Db, kind: string, unitId: string) => repo.pendingInUnit(tx, kind, unitId),

    /** The requests of a record the actor sees, newest first (shown on the record's page). */
    async forRecord(actor: Actor, recordType: string, recordId: string) {
      const rows = await repo.list(db, {
        scope: unitIdInScope(actor, approvalRequests.unitId),
        record: { recordType, recordId },
      });
      return rows.map((r) => view(actor, r));
    },

    /** Requests in the actor's scope; `mine`: only those he may decide (待我审批). */
    async list(actor: Actor, q: { status?: ApprovalStatus; mine?: boolean }) {
      const rows = await repo.list(db, {
        scope: unitIdInScope(actor, approvalRequests.unitId),
        status: q.status,
        decidableBy: q.mine ? { userId: actor.userId, roles: actor.roles } : undefined,
      });
      return { items: rows.map((r) => view(actor, r)) };
    },

    async get(actor: Actor, id: string) {
      return view(actor, await requireVisible(actor, id));
    },

    /** 审批: approve (the effect happens now, in the same transaction) or reject with a comment. */
    async decide(
      actor: Actor,
      id: string,
      body: { decision: 'approve' | 'reject'; comment?: string | null; version: number },
    ) {
      const row = await requireVisible(actor, id);
      const problem = approvalPolicy.decideProblem(actor, row);
      if (problem) throw forbidden(problem);
      const comment = body.comment?.trim() || null;
      if (body.decision === 'reject' && !comment && row.status === 'pending')
        throw invalidField('comment', '不予批准时请填写审批意见');
      const kind = registry.get(row.kind);
      if (body.decision === 'approve' && row.status === 'pending' && body.version === row.version)
        await kind.check?.(row, actor);
      await close(
        actor,
        row,
        body.version,
        body.decision === 'approve' ? 'approved' : 'rejected',
        comment,
        body.decision === 'approve' ? (tx, closed) => kind.apply(tx, closed, actor) : undefined,
      );
      return this.get(actor, id);
    },

    /** The requester takes back a request not yet decided. */
    async withdraw(actor: Actor, id: string, body: { version: number }) {
      const row = await requireVisible(actor, id);
      if (row.requestedBy !== actor.userId) throw forbidden('只有申请人可以撤回申请');
      await close(actor, row, body.version, 'withdrawn', null);
      return this.get(actor, id);
    },
  };
}

export type ApprovalsService = ReturnType<typeof createApprovalsService>;
