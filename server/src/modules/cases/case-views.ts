import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { fenToYuan } from '../../platform/money';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UsersRepository } from '../users/users.repository';
import { clockHistory, decisionClock } from './case-clock';
import { casePolicy } from './cases.policy';
import type { CaseLedgerRow, CasesRepository } from './cases.repository';
import { clockRuns, nextStage } from './cases.rules';
import type { CaseRow } from './cases.schema';
import type { ApprovalsService } from '../approvals/approvals.service';
import { CASE_SIGN_OFF_KINDS, isSignedStage } from './case-closing';

type ApprovalView = Awaited<ReturnType<ApprovalsService['forRecord']>>[number];

/** The names beside a case's ids (empty when gone, the code for an unknown category) and whether its decision is overdue on `today`. */
function namesAndOverdue(
  r: Pick<CaseRow, 'categoryCode' | 'decisionDueDate'>,
  found: { unitName?: string | null; campaignName?: string | null; categoryLabel?: string | null },
  today: string,
) {
  return {
    unitName: found.unitName ?? '',
    campaignName: found.campaignName ?? '',
    categoryLabel: found.categoryLabel ?? r.categoryCode,
    overdue: isOverdue(r.decisionDueDate, today),
  };
}

/** 已超期: the decision clock ended before today. */
const isOverdue = (decisionDueDate: string | null, today: string) =>
  Boolean(decisionDueDate && decisionDueDate < today);

/** What the API answers for cases: amounts in 元 (exact text), names beside ids, the clock, and what the caller may do. */
export function createCaseViews(deps: {
  db: Db;
  casesRepository: CasesRepository;
  campaignsRepository: CampaignsRepository;
  unitsRepository: UnitsRepository;
  usersRepository: UsersRepository;
  /** The approval requests of a case the actor sees (its extensions asked for and decided). */
  approvalsFor: (actor: Actor, caseId: string) => Promise<ApprovalView[]>;
  today: () => string;
}) {
  const { db, casesRepository: repo, campaignsRepository, unitsRepository, usersRepository, today } = deps;

  const money = (row: CaseRow) => ({
    amountInvolved: fenToYuan(row.amountInvolvedFen),
    fine: fenToYuan(row.fineFen),
    confiscated: fenToYuan(row.confiscatedFen),
    /** 罚没款 = 罚款 + 没收违法所得 */
    finesAndConfiscations: fenToYuan(row.fineFen + row.confiscatedFen),
    lossesRecovered: fenToYuan(row.lossesRecoveredFen),
    compensation: fenToYuan(row.compensationFen),
  });

  const withoutFen = (row: CaseRow) => {
    const {
      amountInvolvedFen: _a,
      fineFen: _f,
      confiscatedFen: _c,
      lossesRecoveredFen: _l,
      compensationFen: _m,
      ...rest
    } = row;
    return { ...rest, ...money(row) };
  };

  /** The names beside a row's ids, and whether its decision is overdue. */
  async function named<R extends Pick<CaseRow, 'unitId' | 'campaignId' | 'categoryCode' | 'decisionDueDate'>>(
    rows: R[],
  ) {
    const [units, { names, labels }] = await Promise.all([
      unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]),
      campaignsRepository.namesAndCategories(db, [...new Set(rows.map((r) => r.campaignId))]),
    ]);
    const unitNames = new Map(units.map((u) => [u.id, u.name]));
    const now = today();
    return (r: R) =>
      namesAndOverdue(
        r,
        {
          unitName: unitNames.get(r.unitId),
          campaignName: names.get(r.campaignId),
          categoryLabel: labels.get(`${r.campaignId}:${r.categoryCode}`),
        },
        now,
      );
  }

  return {
    /** Whole cases with their names (the case page, the ledger export). */
    async summaries(rows: CaseRow[]) {
      const names = await named(rows);
      return rows.map((r) => ({ ...withoutFen(r), ...names(r) }));
    },

    /** Rows of the ledger page: what the ledger shows, amounts in 元 (the names came with the rows). */
    ledgerRows(rows: CaseLedgerRow[]) {
      const now = today();
      // Each row written out once, field by field (the ledger's hot path: issue 22).
      return rows.map((r) => ({
        id: r.id,
        unitId: r.unitId,
        campaignId: r.campaignId,
        categoryCode: r.categoryCode,
        caseNumber: r.caseNumber,
        name: r.name,
        partyKind: r.partyKind,
        partyName: r.partyName,
        stage: r.stage,
        filingDate: r.filingDate,
        decisionDate: r.decisionDate,
        decisionDueDate: r.decisionDueDate,
        closingDate: r.closingDate,
        transferredToJudiciary: r.transferredToJudiciary,
        online: r.online,
        rural: r.rural,
        supervisionLevel: r.supervisionLevel,
        typical: r.typical,
        version: r.version,
        unitName: r.unitName ?? '',
        campaignName: r.campaignName ?? '',
        categoryLabel: r.categoryLabel ?? r.categoryCode,
        overdue: isOverdue(r.decisionDueDate, now),
        amountInvolved: fenToYuan(r.amountInvolvedFen),
        fine: fenToYuan(r.fineFen),
        confiscated: fenToYuan(r.confiscatedFen),
        /** 罚没款 = 罚款 + 没收违法所得 */
        finesAndConfiscations: fenToYuan(r.fineFen + r.confiscatedFen),
        lossesRecovered: fenToYuan(r.lossesRecoveredFen),
      }));
    },

    /** One case with its history, clock and permissions. */
    async detail(actor: Actor, row: CaseRow, unit: UnitRow) {
      const [[summary], stageEvents, clockEvents, links, approvals] = await Promise.all([
        this.summaries([row]),
        repo.stageEvents(db, row.id),
        repo.clockEvents(db, row.id),
        repo.campaignLinks(db, row.id),
        deps.approvalsFor(actor, row.id),
      ]);
      const linked = await campaignsRepository.namesAndCategories(
        db,
        links.map((l) => l.campaignId),
      );
      const personIds = [row.filingApproverId, row.investigatorId, row.reviewerId, row.executorId];
      const people = await Promise.all(
        personIds.map(async (id) => (id ? await usersRepository.findById(db, id) : undefined)),
      );
      const person = (i: number) => (people[i] ? { id: people[i]!.id, displayName: people[i]!.displayName } : null);
      const running = clockRuns(row.stage) || Boolean(row.decisionDate);
      const clock = running
        ? decisionClock({
            filingDate: row.filingDate,
            decisionDate: row.decisionDate,
            ...clockHistory(clockEvents),
            today: today(),
          })
        : null;
      const next = nextStage(row.stage);
      const signing = approvals.some(
        (a) => a.status === 'pending' && (Object.values(CASE_SIGN_OFF_KINDS) as string[]).includes(a.kind),
      );
      return {
        ...summary,
        people: { filingApprover: person(0), investigator: person(1), reviewer: person(2), executor: person(3) },
        clock,
        stageHistory: stageEvents.map((e) => ({
          fromStage: e.fromStage,
          toStage: e.toStage,
          actorName: e.actorName,
          note: e.note,
          at: e.at,
        })),
        clockEvents: clockEvents.map((e) => ({
          id: e.id,
          kind: e.kind,
          days: e.days,
          fromDate: e.fromDate,
          toDate: e.toDate,
          reason: e.reason,
          at: e.at,
        })),
        alsoCountsToward: links.map((l) => ({
          campaignId: l.campaignId,
          campaignName: linked.names.get(l.campaignId) ?? '',
          categoryCode: l.categoryCode,
          categoryLabel: linked.labels.get(`${l.campaignId}:${l.categoryCode}`) ?? l.categoryCode,
        })),
        approvals,
        nextStage: next,
        can: {
          edit: casePolicy.canEdit(actor, row, unit.path),
          advance: Boolean(next && !signing && casePolicy.canMoveTo(actor, row, next, unit.path)),
          // The next move (结案, 归档) is a request a 局领导 signs, not the move itself.
          askSignOff: Boolean(next && isSignedStage(next) && !casePolicy.signsClosing(actor)),
          manageClock: casePolicy.canManageClock(actor, unit.path) && clockRuns(row.stage),
        },
      };
    },
  };
}
