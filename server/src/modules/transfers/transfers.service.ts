import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { isJudicialAuthority, type AuthorityKind } from '../../platform/authorities';
import { AppError, conflict, forbidden, unprocessable, type FieldError } from '../../platform/errors';
import { fenToYuan } from '../../platform/money';
import { createRecordScope } from '../../platform/records';
import { unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CasesService } from '../cases/cases.service';
import { cases } from '../cases/cases.schema';
import type { UnitsRepository } from '../units/units.repository';
import {
  awaitsAnswer,
  defaultReplyWorkingDays,
  meetsThreshold,
  outcomeNeedsReason,
  replyOverdue,
  replyProblem,
  TRANSFER_STATUS_LABELS,
} from './transfer-rules';
import type { TransferInput, TransferListQuery, TransferReplyInput } from './transfer.types';
import { transferDocument, transferFileName } from './transfer-docx';
import { transferPolicy } from './transfers.policy';
import type { TransferListRow, TransfersRepository } from './transfers.repository';
import { transfers, type TransferInsert, type TransferRow } from './transfers.schema';

export interface TransfersDeps {
  db: Db;
  transfersRepository: TransfersRepository;
  casesService: Pick<CasesService, 'requireVisible' | 'markTransferredIn'>;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  today?: () => string;
}

const STALE = '移送记录已被他人修改，请刷新后再登记';

/** 移送 (行刑衔接, 线索移交): the transfers of cases and leads, the answers, the 移送书 and the 台账. */
export function createTransfersService(deps: TransfersDeps) {
  const { db, transfersRepository: repo, casesService, calendarService, unitsRepository, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });

  /** The receiving organ is required: 422 naming each missing field, nothing stored. */
  function receiverOf(input: { receiverKind?: AuthorityKind; receiverName?: string }, prefix = '') {
    const errors: FieldError[] = [];
    if (!input.receiverKind) errors.push({ path: `${prefix}receiverKind`, message: '请选择接收机关类别' });
    if (!input.receiverName) errors.push({ path: `${prefix}receiverName`, message: '请填写接收机关名称' });
    if (errors.length)
      throw new AppError(422, '无法办理', `移送须写明接收机关：${errors.map((e) => e.message).join('；')}`, errors);
    return { receiverKind: input.receiverKind!, receiverName: input.receiverName! };
  }

  /** The chase date: the one entered (not before the transfer), else N working days after it. */
  async function replyDueOf(tx: Db, kind: AuthorityKind, transferDate: string, entered?: string) {
    if (entered) {
      if (entered < transferDate) throw unprocessable('replyDueDate', '催办日期不能早于移送日期');
      return entered;
    }
    return (await calendarService.calendar(tx)).addWorkingDays(transferDate, defaultReplyWorkingDays(kind)).date;
  }

  /** Inserts a transfer with its audit entry (and, for a case to a judicial organ, its 移送司法 mark), inside tx. */
  async function insertIn(tx: Db, actor: Actor, row: Omit<TransferInsert, 'replyDueDate'>, enteredDue?: string) {
    const replyDueDate = await replyDueOf(tx, row.receiverKind, row.transferDate, enteredDue);
    const created = await repo.insert(tx, { ...row, replyDueDate });
    if (created.caseId && isJudicialAuthority(created.receiverKind))
      await casesService.markTransferredIn(tx, actor, created.caseId, {
        toPolice: created.receiverKind === 'police',
        date: created.transferDate,
      });
    await auditService.record(tx, actor, {
      action: 'transfer.create',
      recordId: created.id,
      unitId: created.unitId,
      after: created,
    });
    return created;
  }

  async function view(actor: Actor, rows: TransferListRow[], unitPaths: Map<string, string>) {
    const replies = await repo.replies(
      db,
      rows.map((r) => r.id),
    );
    const t = today();
    return rows.map((r) => ({
      ...r,
      statusLabel: TRANSFER_STATUS_LABELS[r.status],
      judicial: isJudicialAuthority(r.receiverKind),
      overdue: replyOverdue(r, t),
      subject: r.caseId
        ? { kind: 'case' as const, id: r.caseId, title: `${r.caseName ?? ''}（${r.caseNumber ?? ''}）` }
        : { kind: 'lead' as const, id: r.leadId!, title: r.leadPartyName ?? '' },
      replies: replies.filter((x) => x.transferId === r.id),
      can: {
        reply: awaitsAnswer(r.status) && transferPolicy.canReply(actor, unitPaths.get(r.unitId) ?? ''),
      },
    }));
  }

  async function pathsOf(rows: { unitId: string }[]) {
    const units = await unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))]);
    return new Map(units.map((u) => [u.id, u.path]));
  }

  const requireVisible = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '移送记录', transfers.unitId, (id, scope) => repo.findVisible(db, id, scope));

  /** The 涉刑不移 guard of one case: its category's threshold and whether the case meets it untransferred. */
  async function guardOf(row: { categoryCode: string; amountInvolvedFen: number; transferredToJudiciary: boolean }) {
    const threshold = await repo.thresholdFor(db, row.categoryCode);
    if (!threshold) return null;
    return {
      flagged: meetsThreshold(row.amountInvolvedFen, threshold.minAmountFen, row.transferredToJudiciary),
      minAmount: fenToYuan(threshold.minAmountFen),
      amountInvolved: fenToYuan(row.amountInvolvedFen),
      description: threshold.description,
      source: threshold.source,
    };
  }

  return {
    /** Inside the lead's decision (leads' LeadHandovers, lead-handovers.ts). */
    insertIn,

    /** A case's transfers, its 涉刑不移 guard and whether the caller may transfer it (the case page's card). */
    async ofCase(actor: Actor, caseId: string) {
      const { row, unit } = await casesService.requireVisible(actor, caseId);
      const items = await repo.ofCase(db, caseId);
      return {
        items: await view(actor, items, new Map([[unit.id, unit.path]])),
        guard: await guardOf(row),
        can: { transfer: transferPolicy.canTransfer(actor, unit.path) && row.stage !== 'archived' },
      };
    },

    /** 移送: a case to the police, the procuratorate or another organ; 422 without a receiving organ. */
    async transferCase(actor: Actor, caseId: string, input: TransferInput) {
      const { row, unit } = await casesService.requireVisible(actor, caseId);
      if (!transferPolicy.canTransfer(actor, unit.path))
        throw forbidden('只有本单位的办案人员、专项办、局领导或管理员可以移送案件');
      const receiver = receiverOf(input);
      if (input.transferDate > today()) throw unprocessable('transferDate', `移送日期不能晚于今天（${today()}）`);
      if (input.transferDate < row.filingDate) throw unprocessable('transferDate', '移送日期不能早于立案日期');
      const created = await db.transaction((tx) =>
        insertIn(
          tx,
          actor,
          {
            unitId: row.unitId,
            campaignId: row.campaignId,
            caseId: row.id,
            ...receiver,
            transferDate: input.transferDate,
            documentNumber: input.documentNumber || null,
            reason: input.reason,
            materials: input.materials,
            createdBy: actor.userId,
          },
          input.replyDueDate,
        ),
      );
      return this.get(actor, created.id);
    },

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return (await view(actor, [row], new Map([[unit.id, unit.path]])))[0];
    },

    /** 登记答复: 受理, 立案, 不立案 (reason), 退回 (reason); each answer kept as a row. */
    async reply(actor: Actor, id: string, input: TransferReplyInput) {
      const { row, unit } = await requireVisible(actor, id);
      if (!transferPolicy.canReply(actor, unit.path))
        throw forbidden('只有移送单位的办案人员、专项办、局领导或管理员可以登记答复');
      if (input.version !== row.version) throw conflict(STALE);
      const problem = replyProblem(row.status, input.outcome);
      if (problem) throw unprocessable('outcome', problem);
      if (outcomeNeedsReason(input.outcome) && !input.reason)
        throw unprocessable('reason', input.outcome === 'returned' ? '请填写退回理由' : '请填写不立案理由');
      if (input.replyDate < row.transferDate) throw unprocessable('replyDate', '答复日期不能早于移送日期');
      if (input.replyDate > today()) throw unprocessable('replyDate', `答复日期不能晚于今天（${today()}）`);
      await db.transaction(async (tx) => {
        const updated = await repo.update(tx, row.id, row.version, { status: input.outcome });
        if (!updated) throw conflict(STALE);
        const reply = await repo.insertReply(tx, {
          transferId: row.id,
          replyDate: input.replyDate,
          outcome: input.outcome,
          reason: input.reason || null,
          recordedBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'transfer.reply',
          recordId: row.id,
          unitId: row.unitId,
          before: { status: row.status, version: row.version },
          after: { status: updated.status, version: updated.version, reply },
        });
      });
      return this.get(actor, id);
    },

    /** 移送台账: transfers in scope, newest first, filtered by organ, status, overdue. */
    async list(actor: Actor, q: TransferListQuery) {
      const f = {
        ...(await records.listScope(actor, transfers.unitId, q)),
        receiverKind: q.receiverKind,
        statuses: q.status ? [q.status] : undefined,
        subject: q.subject,
        overdueOn: q.overdue ? today() : undefined,
      };
      const [rows, total] = await Promise.all([
        repo.page(db, f, q.pageSize, (q.page - 1) * q.pageSize),
        repo.count(db, f),
      ]);
      return { items: await view(actor, rows, await pathsOf(rows)), total, page: q.page, pageSize: q.pageSize };
    },

    /** 移送书 (.docx, GB/T 9704). */
    async docx(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      // The 移送书 goes out in the name of the bureau (行政执法机关), not of its 大队 or 所.
      const doc = transferDocument({ transfer: row, unitName: (await unitsRepository.bureauOf(db, unit)).name });
      return { fileName: transferFileName(row), content: await doc };
    },

    /** 涉刑不移: the cases in the actor's scope that meet a threshold untransferred (the inbox). */
    flaggedCases: (actor: Actor, limit: number) =>
      Promise.all([
        repo.flaggedCases(db, unitIdInScope(actor, cases.unitId), limit),
        repo.countFlaggedCases(db, unitIdInScope(actor, cases.unitId)),
      ]),

    /** Waiting transfers past their chase date in the actor's scope (the inbox). */
    overdue: (actor: Actor, limit: number) =>
      Promise.all([
        repo.overdue(db, unitIdInScope(actor, transfers.unitId), today(), limit),
        repo.count(db, { scope: unitIdInScope(actor, transfers.unitId), overdueOn: today() }),
      ]),
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
export type { TransferRow };
