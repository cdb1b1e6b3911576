import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, badRequest, conflict } from '../../platform/errors';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { AuditService } from '../audit/audit.service';
import { describeFiling } from '../cases/case-filing';
import type { CaseInput } from '../cases/case.types';
import type { CasesService } from '../cases/cases.service';
import { leadFacts, type LeadRollups } from './lead-facts';
import type { LeadsRepository } from './leads.repository';
import type { LeadRow } from './leads.schema';

/** 线索立案审批: the approval kind of a lead a handler asks to turn into its case. */
export const LEAD_FILING_KIND = 'lead_filing';

/** The case's fields are nested under "case." in the lead's form: its errors are named so. */
export function nestedUnderCase(e: unknown): never {
  if (e instanceof AppError && e.errors)
    throw badRequest(
      e.detail,
      e.errors.map((x) => ({ ...x, path: x.path ? `case.${x.path}` : x.path })),
    );
  throw e;
}

const FINISHED = '线索已办结，不能再立案';

/**
 * A handler does not turn a lead into a case alone: he asks (立案申请), and on the approval of the
 * 局领导 he named the case is filed and the lead closed as 已立案 together, in the decision's
 * transaction, dated the day of approval. One request per lead at a time (the kernel's rule).
 */
export function createLeadFiling(deps: {
  db: Db;
  leadsRepository: LeadsRepository;
  casesService: Pick<CasesService, 'filing'>;
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor'>;
  auditService: AuditService;
  rollups: LeadRollups;
  /** The lead as the audit log keeps it (complainant masked). */
  forAudit: (row: LeadRow) => Record<string, unknown>;
}) {
  const { db, leadsRepository: repo, casesService, approvals, auditService, rollups, forAudit } = deps;
  const { filing } = casesService;
  const caseOf = (payload: Record<string, unknown>) => payload.case as Record<string, unknown>;

  /** The lead, still being verified (anything else: it was ended meanwhile). */
  const openLead = async (tx: Db, id: string) => {
    const lead = await repo.findVisible(tx, id, sql`true`);
    if (!lead || lead.status !== 'verifying') throw conflict(FINISHED);
    return lead;
  };

  const kind: ApprovalKind = {
    kind: LEAD_FILING_KIND,
    recordType: 'lead',
    label: '线索立案审批',
    async check(request, approver) {
      await openLead(db, request.recordId);
      await filing.checkApproval(approver, filing.approvedInput(caseOf(request.payload), approver));
    },
    async apply(tx, request, approver) {
      const lead = await openLead(tx, request.recordId);
      const input = filing.approvedInput(caseOf(request.payload), approver);
      const created = await filing.insertIn(tx, approver, input, {
        originLeadId: lead.id,
        createdBy: request.requestedBy,
      });
      const updated = await repo.update(tx, lead.id, lead.version, {
        status: 'filed',
        decidedDate: input.filingDate,
        caseId: created.id,
        dueDate: null,
      });
      if (!updated) throw conflict('线索已被他人修改，请刷新后再试');
      await rollups.recordLeads(tx, [{ before: leadFacts(lead), after: leadFacts(updated) }]);
      await auditService.record(tx, approver, {
        action: 'lead.decide',
        recordId: lead.id,
        unitId: lead.unitId,
        before: forAudit(lead),
        after: forAudit(updated),
      });
    },
    describe: (payload) =>
      `线索转为案件。${describeFiling(caseOf(payload) as Partial<CaseInput>, payload.categoryLabel)}`,
    link: (r) => `/leads/${r.recordId}`,
  };

  return {
    kind,
    /** Whether the lead has a filing request awaiting approval (立案审批中). */
    pending: async (leadId: string) => (await approvals.pendingFor(db, leadId, [LEAD_FILING_KIND])).length > 0,

    /** 立案申请 of a lead: the checks of filing now (dated today); case and lead change on approval. */
    async request(actor: Actor, lead: LeadRow, input: CaseInput) {
      const unit = await filing.checkRequest(actor, input).catch(nestedUnderCase);
      const categoryLabel = await filing.categoryLabel(input.campaignId, input.categoryCode);
      await db.transaction((tx) =>
        approvals.request(tx, actor, {
          kind: LEAD_FILING_KIND,
          recordType: 'lead',
          recordId: lead.id,
          unitId: unit.id,
          title: `${input.caseNumber} ${input.name}（线索：${lead.partyName}）`,
          payload: {
            case: input as unknown as Record<string, unknown>,
            categoryLabel,
          },
          approverRole: 'leader',
          namedApproverId: input.filingApproverId,
        }),
      );
    },
  };
}
