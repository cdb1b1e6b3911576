import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict } from '../../platform/errors';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { ApprovalRequestRow } from '../approvals/approvals.schema';
import type { AuditService } from '../audit/audit.service';
import { planInvalid } from './campaign-plan.writer';
import type { CampaignsRepository } from './campaigns.repository';
import type { CampaignRow, CampaignStatus } from './campaigns.schema';

/** 方案签发: the office's publication of a plan, signed by a 局领导 of the issuing unit. */
export const CAMPAIGN_ISSUE_KIND = 'campaign_issue';

export interface StatusChange {
  version: number;
  status: CampaignStatus;
  /** On the first publication: units owe the reports already due before it (补报已过期次). */
  owesPastPeriods?: boolean;
}

interface IssuePayload {
  owesPastPeriods: boolean;
}

const STALE = '该方案已被他人修改，请刷新后再试';

/**
 * Publishing a plan (status → active) by the office is a request a 局领导 of the issuing unit signs
 * (approvals module); on approval the plan is checked again and published as setStatus publishes
 * it — dated, with the office's answer on past periods — in the decision's transaction, audited.
 * A leader publishing it himself signs it as he does.
 */
export function createCampaignIssue(deps: {
  db: Db;
  campaignsRepository: CampaignsRepository;
  auditService: AuditService;
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor'>;
}) {
  const { db, campaignsRepository: repo, auditService, approvals } = deps;

  /** A plan is published only when each task has its lead unit (牵头单位); 400 naming the tasks otherwise. */
  async function checkPublishable(conn: Db, id: string) {
    const tasks = await repo.tasks(conn, id);
    const errors = tasks.flatMap((t, i) =>
      t.units.some((u) => u.role === 'lead')
        ? []
        : [
            {
              path: `tasks.${i}.leadUnitIds`,
              message: `任务“${t.title}”还没有指定牵头单位（${t.pendingLeadRoles.join('、') || '未填写'}）`,
            },
          ],
    );
    if (errors.length) throw planInvalid(errors);
  }

  /** Writes a status change (the first publication dated) with its audit entry, in the caller's transaction. */
  async function writeStatusIn(tx: Db, actor: Actor, c: CampaignRow, input: StatusChange) {
    const publication =
      input.status === 'active' && !c.publishedAt
        ? { publishedAt: new Date(), owesPastPeriods: input.owesPastPeriods ?? false }
        : {};
    const row = await repo.update(tx, c.id, input.version, { status: input.status, ...publication });
    if (!row) throw conflict(STALE);
    await auditService.record(tx, actor, {
      action: 'campaign.status',
      recordId: c.id,
      unitId: c.unitId,
      before: { status: c.status },
      after: { status: row.status, ...publication },
    });
    return row;
  }

  async function apply(tx: Db, request: ApprovalRequestRow, approver: Actor) {
    const c = await repo.findById(tx, request.recordId);
    if (!c) throw conflict('专项行动已不存在');
    if (c.status !== 'draft') throw conflict(c.status === 'active' ? '方案已经发布' : '方案已归档，不能再发布');
    await checkPublishable(tx, c.id);
    const p = request.payload as unknown as IssuePayload;
    await writeStatusIn(tx, approver, c, { version: c.version, status: 'active', owesPastPeriods: p.owesPastPeriods });
  }

  /** The 签发 the plan waits for, if any. */
  const pending = async (conn: Db, id: string) => (await approvals.pendingFor(conn, id, [CAMPAIGN_ISSUE_KIND]))[0];

  return {
    checkPublishable,
    writeStatusIn,
    pending,

    /** The kind services.ts registers with the approvals module. */
    kinds: [
      {
        kind: CAMPAIGN_ISSUE_KIND,
        recordType: 'campaign',
        label: '方案签发',
        apply,
        describe: (payload) =>
          `发布行动方案${(payload as unknown as IssuePayload).owesPastPeriods ? '；已过期的报送期次须补报' : ''}`,
        link: (r) => `/campaigns/${r.recordId}`,
      } satisfies ApprovalKind,
    ],

    /** The office asks a 局领导 of the issuing unit to sign the publication (already checked); the plan stays a draft. */
    async request(actor: Actor, c: CampaignRow, input: StatusChange) {
      if (input.version !== c.version) throw conflict(STALE);
      const payload: IssuePayload = { owesPastPeriods: input.owesPastPeriods ?? false };
      await db.transaction(async (tx) => {
        if (await pending(tx, c.id)) throw conflict('方案已提交签发，请等待局领导审批或撤回后再提交');
        await approvals.request(tx, actor, {
          kind: CAMPAIGN_ISSUE_KIND,
          recordType: 'campaign',
          recordId: c.id,
          unitId: c.unitId,
          title: `《${c.name}》签发`,
          payload: payload as unknown as Record<string, unknown>,
          approverRole: 'leader',
        });
      });
    },
  };
}

export type CampaignIssue = ReturnType<typeof createCampaignIssue>;
