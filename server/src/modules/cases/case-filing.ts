import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField } from '../../platform/errors';
import { isPathWithin } from '../../platform/scope';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { ApprovalRequestRow } from '../approvals/approvals.schema';
import type { AuditService } from '../audit/audit.service';
import type { CaseFacts } from '../rollups/rollup-contributions';
import type { Change } from '../rollups/rollups.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UsersRepository } from '../users/users.repository';
import { caseFacts, columns, dueDateOf } from './case-rows';
import { casePatternPrefix, defaultCasePattern, nextCaseNumber } from './case-number';
import type { CaseInput } from './case.types';
import { casePolicy } from './cases.policy';
import type { CasesRepository } from './cases.repository';
import type { CaseRow } from './cases.schema';

/** 立案审批: the approval kind of a case asked to be filed. */
export const CASE_FILING_KIND = 'case_filing';

/** Who fills in the filing: the case's id, the origin lead, and who registered it (the requester, when approved). */
export interface FilingOptions {
  id?: string;
  originLeadId?: string | null;
  createdBy?: string;
}

const PARTY = { company: '单位', person: '个人' } as const;

/** What approval will file, in words (the approvals page). */
/** The request's case in words; `categoryLabel` is the plan's name of its category, kept with the request. */
export const describeFiling = (p: Partial<CaseInput>, categoryLabel?: unknown) =>
  [
    `立案：${p.caseNumber ?? ''} ${p.name ?? ''}`.trim(),
    `当事人：${p.partyName ?? ''}${p.partyKind ? `（${PARTY[p.partyKind]}）` : ''}`,
    `违法类型：${typeof categoryLabel === 'string' ? categoryLabel : (p.categoryCode ?? '')}`,
    p.summary
      ? `案情：${p.summary.length > 120 ? `${p.summary.slice(0, 120)}…` : p.summary.replace(/[。；]$/, '')}`
      : null,
    '立案日期以批准之日为准',
  ]
    .filter(Boolean)
    .join('；');

/**
 * 立案: a case is inserted with its first stage, further campaigns, roll-ups and audit entry in one
 * transaction (`insertIn`). A handler does not file alone: he asks (`request`), and the case is filed
 * only when the named 局领导 (or, none named, a 局领导 of the unit's line) approves, in the decision's
 * transaction, dated the day of approval (approvals module). Registering a case already approved
 * elsewhere (登记、补录) stays a direct insert for the office, the leader and administrators.
 */
export function createCaseFiling(deps: {
  db: Db;
  casesRepository: CasesRepository;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  usersRepository: Pick<UsersRepository, 'findById'>;
  auditService: AuditService;
  rollups: { recordCases(tx: Db, changes: Change<CaseFacts>[]): Promise<void> };
  approvals: Pick<ApprovalsService, 'request' | 'pendingInUnit'>;
  /** cases.service's checks of a case's fields and references (400 listing every problem). */
  check: (actor: Actor, input: CaseInput) => Promise<UnitRow>;
  /** The plan's name of a category (违法类型), for the request's words. */
  categoryLabel: (campaignId: string, categoryCode: string) => Promise<string | undefined>;
  today: () => string;
  /** The 重点任务 a new case is tagged with (campaigns' record-task.ts): the named one, checked, or the default. */
  taskFor: (tx: Db, r: CaseInput) => Promise<string | null>;
}) {
  const { db, casesRepository: repo, unitsRepository, usersRepository, auditService, rollups, approvals } = deps;
  const { check, today } = deps;

  /**
   * The unit's next automatic case number (案件文号) for a filing in `year`, from its pattern (or the
   * default of its name). Inside a filing transaction, `lock` first holds the unit's numbering until
   * the commit, so two filings at once never read the same highest number.
   */
  async function nextNumber(tx: Db, unitId: string, year: number, lock: boolean): Promise<string> {
    const unit = await unitsRepository.findById(tx, unitId);
    if (!unit) throw invalidField('unitId', '承办单位不存在');
    const pattern = unit.caseNumberPattern ?? defaultCasePattern(unit.name);
    if (lock) await repo.lockNumbering(tx, unitId);
    const inUse = await repo.numbersStartingWith(tx, unitId, casePatternPrefix(pattern, year));
    return nextCaseNumber(pattern, year, inUse);
  }

  async function insertIn(tx: Db, actor: Actor, given: CaseInput, opts: FilingOptions = {}): Promise<CaseRow> {
    // No number on the form: the unit's next one of the filing year, counted inside this transaction.
    const input = given.caseNumber
      ? given
      : { ...given, caseNumber: await nextNumber(tx, given.unitId, Number(given.filingDate.slice(0, 4)), true) };
    const row = await repo.insert(tx, {
      ...columns(input),
      taskId: await deps.taskFor(tx, input),
      ...(opts.id ? { id: opts.id } : {}),
      originLeadId: opts.originLeadId ?? null,
      stage: 'filed',
      createdBy: opts.createdBy ?? actor.userId,
      decisionDueDate: dueDateOf({ stage: 'filed', filingDate: input.filingDate }, [], today()),
    });
    await repo.insertStageEvent(tx, {
      caseId: row.id,
      fromStage: null,
      toStage: 'filed',
      actorUserId: actor.userId,
      actorName: actor.displayName,
    });
    if (input.alsoCountsToward?.length) await repo.replaceCampaignLinks(tx, row.id, input.alsoCountsToward);
    await rollups.recordCases(tx, [{ before: null, after: caseFacts(row, input.alsoCountsToward ?? []) }]);
    await auditService.record(tx, actor, {
      action: 'case.create',
      recordId: row.id,
      unitId: row.unitId,
      after: { ...row, alsoCountsToward: input.alsoCountsToward ?? [] },
    });
    return row;
  }

  /** The pending filing request of this case number in the unit, if any. */
  const pendingWithNumber = async (tx: Db, unitId: string, caseNumber: string) =>
    (await approvals.pendingInUnit(tx, CASE_FILING_KIND, unitId)).find(
      (r) => (r.payload as Partial<CaseInput>).caseNumber === caseNumber,
    );

  /** The input as approved: dated the day of approval, the approver as 批准立案的负责人. */
  const approvedInput = (payload: Record<string, unknown>, approver: Actor): CaseInput => {
    const { categoryLabel: _words, ...input } = payload;
    return { ...(input as unknown as CaseInput), filingDate: today(), filingApproverId: approver.userId };
  };

  /**
   * The checks of a request to file (立案申请, a case or a lead becoming its case): those of filing,
   * the requester's role, and the named approver a 局领导 who sees the unit and is not the requester.
   */
  async function checkRequest(actor: Actor, input: CaseInput): Promise<UnitRow> {
    const unit = await check(actor, input);
    if (!casePolicy.canRequestFiling(actor, unit.path)) throw forbidden('只有办案人员、专项办或管理员可以提交立案申请');
    if (input.filingApproverId === actor.userId)
      throw invalidField('filingApproverId', '不能指定本人审批自己的立案申请（申请与审批须由不同人员办理）');
    const approver = await usersRepository.findById(db, input.filingApproverId);
    const approverUnit = approver?.unitId ? await unitsRepository.findById(db, approver.unitId) : undefined;
    if (!approverUnit || !isPathWithin(unit.path, approverUnit.path))
      throw invalidField('filingApproverId', `批准立案的负责人应为${unit.name}或其上级单位的局领导`);
    return unit;
  }

  const kind: ApprovalKind = {
    kind: CASE_FILING_KIND,
    recordType: 'case',
    label: '立案审批',
    // The world may have changed since the request: the same checks again, as the approver sees it.
    check: async (request, approver) => void (await check(approver, approvedInput(request.payload, approver))),
    async apply(tx, request, approver) {
      const input = approvedInput(request.payload, approver);
      if (input.caseNumber && (await repo.numberTaken(tx, request.unitId, input.caseNumber)))
        throw conflict(`已有案件编号为“${input.caseNumber}”的案件，不能再立案`);
      await insertIn(tx, approver, input, { id: request.recordId, createdBy: request.requestedBy });
    },
    describe: (payload) => describeFiling(payload as Partial<CaseInput>, payload.categoryLabel),
    // The case exists once approved (its id is the request's record id); before, the request is its view.
    link: (r) => (r.status === 'approved' ? `/cases/${r.recordId}` : '/approvals'),
  };

  return {
    insertIn,
    nextNumber,
    kind,
    checkRequest,
    approvedInput,
    categoryLabel: deps.categoryLabel,
    /** The checks of filing again when approving, as the approver sees the unit. */
    checkApproval: async (approver: Actor, input: CaseInput) => void (await check(approver, input)),

    /**
     * 立案申请: every check of filing runs now (dated today); the case is filed only on approval. The
     * named approver must be a 局领导 who sees the unit (its own or a unit above) and not the requester.
     */
    async request(actor: Actor, body: CaseInput): Promise<ApprovalRequestRow> {
      const input: CaseInput = { ...body, filingDate: today() };
      const unit = await checkRequest(actor, input);
      const categoryLabel = await deps.categoryLabel(input.campaignId, input.categoryCode);
      return db.transaction(async (tx) => {
        if (input.caseNumber && (await pendingWithNumber(tx, unit.id, input.caseNumber)))
          throw conflict(`${unit.name}已有案件编号为“${input.caseNumber}”的立案申请待审批，请等待审批或撤回后再申请`);
        return approvals.request(tx, actor, {
          kind: CASE_FILING_KIND,
          recordType: 'case',
          recordId: randomUUID(),
          unitId: unit.id,
          title: `${input.caseNumber || '（自动编号）'} ${input.name}`,
          payload: {
            ...(input as unknown as Record<string, unknown>),
            categoryLabel,
          },
          approverRole: 'leader',
          namedApproverId: input.filingApproverId,
        });
      });
    },
  };
}

export type CaseFiling = ReturnType<typeof createCaseFiling>;
