import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, invalidField } from '../../platform/errors';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { ApprovalRequestRow } from '../approvals/approvals.schema';
import { EXTENSION_WORKING_DAYS } from './lead-clock';
import type { LeadsRepository } from './leads.repository';
import type { LeadInsert, LeadRow } from './leads.schema';

/** 线索核查延期: the one extension of the verification clock, asked for by the lead's handler or office. */
export const LEAD_EXTENSION_KIND = 'lead_extension';

interface LeadExtensionPayload {
  reason: string;
}

const describe = (p: LeadExtensionPayload) => `核查期限延长${EXTENSION_WORKING_DAYS}个工作日。理由：${p.reason}`;

/**
 * The handler (or the office) asks for the one 15-working-day extension of a lead's verification;
 * it takes effect only when a 局领导 of the lead's line approves (approvals module): the approver is
 * recorded as the one who approved it and the due date moves, in the approval's transaction,
 * through the leads service's own save (audited as lead.clock).
 */
export function createLeadExtensions(deps: {
  db: Db;
  leadsRepository: LeadsRepository;
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor'>;
  /** leads.service's save, inside the caller's transaction. */
  saveIn: (
    tx: Db,
    actor: Actor,
    before: LeadRow,
    changes: Partial<LeadInsert>,
    version: number,
    action: 'lead.clock',
  ) => Promise<LeadRow>;
}) {
  const { db, leadsRepository: repo, approvals, saveIn } = deps;

  async function apply(tx: Db, request: ApprovalRequestRow, approver: Actor) {
    const row = await repo.findVisible(tx, request.recordId, sql`true`);
    if (!row) throw conflict('线索已不存在');
    if (row.status !== 'verifying') throw conflict('线索已办结，核查期限不再计算，不能再批准延期');
    if (row.extensionApprovedBy) throw conflict('核查期限已经延长过，只能延长一次');
    const p = request.payload as unknown as LeadExtensionPayload;
    await saveIn(
      tx,
      approver,
      row,
      { extensionApprovedBy: approver.userId, extensionReason: p.reason },
      row.version,
      'lead.clock',
    );
  }

  /** Whether the lead has an extension waiting for a leader (no second request, no direct extension meanwhile). */
  const pending = async (tx: Db, leadId: string) =>
    (await approvals.pendingFor(tx, leadId, [LEAD_EXTENSION_KIND])).length > 0;

  return {
    /** The kind services.ts registers with the approvals module. */
    kinds: [
      {
        kind: LEAD_EXTENSION_KIND,
        recordType: 'lead',
        label: `延长线索核查期限${EXTENSION_WORKING_DAYS}个工作日`,
        apply,
        describe: (payload) => describe(payload as unknown as LeadExtensionPayload),
        link: (r) => `/leads/${r.recordId}`,
      } satisfies ApprovalKind,
    ],

    pending,

    /** Asks for the extension: checked now, granted only on approval (the due date stays until then). */
    async request(actor: Actor, row: LeadRow, reason: string) {
      if (await pending(db, row.id)) throw conflict('本线索已有待审批的延期申请，请等待局领导审批或撤回后再申请');
      if (row.extensionApprovedBy) throw invalidField('kind', '核查期限只能延长一次');
      const payload: LeadExtensionPayload = { reason };
      await db.transaction((tx) =>
        approvals.request(tx, actor, {
          kind: LEAD_EXTENSION_KIND,
          recordType: 'lead',
          recordId: row.id,
          unitId: row.unitId,
          title: `线索“${row.partyName}”：延长核查期限${EXTENSION_WORKING_DAYS}个工作日`,
          payload: payload as unknown as Record<string, unknown>,
          approverRole: 'leader',
        }),
      );
    },
  };
}
