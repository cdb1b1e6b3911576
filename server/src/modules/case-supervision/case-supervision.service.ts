import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { badRequest, conflict, forbidden, invalidField, unprocessable, type FieldError } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { todayInChina } from '../../platform/today';
import type { AuditAction } from '../audit/audit.events';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import { shiftDate } from '../calendar/working-days';
import type { CampaignsService } from '../campaigns/campaigns.service';
import { isDecided, STAGE_LABELS, stageIndex } from '../cases/cases.rules';
import { cases, type CaseStage } from '../cases/cases.schema';
import type { CasesService } from '../cases/cases.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UsersRepository } from '../users/users.repository';
import { caseSupervisionPolicy as policy } from './case-supervision.policy';
import type { CaseSupervisionRepository, SupervisionListRow } from './case-supervision.repository';
import type { CaseSupervisionInsert, ProgressIntervalKind, SupervisionStatus } from './case-supervision.schema';
import { supervisionNotice } from './case-supervision-notices';

/** What taking a 督办 up sets (立项督办, 主动督办). */
export interface TakeUpInput {
  instruction: string;
  deadline: string;
  progressInterval: number;
  progressIntervalKind: ProgressIntervalKind;
}

export interface SupervisionListQuery {
  campaignId?: string;
  unitId?: string;
  supervisingUnitId?: string;
  status?: SupervisionStatus;
  overdue?: boolean;
}

/** A past act (the demo's history): the day it happened, in Beijing; the act is checked and dated as of then. */
export interface History {
  on: string;
}
const at = (h?: History) => (h ? new Date(`${h.on}T02:00:00Z`) : new Date());

const STALE = '督办件已被他人办理或修改，请刷新后再试（您填写的内容仍保留在页面上）';
const OPEN_EXISTS = '本案已有待立项或督办中的督办件';

export const STATUS_LABELS: Record<SupervisionStatus, string> = {
  requested: '待立项',
  declined: '不予督办',
  active: '督办中',
  closed: '已办结',
};

/**
 * 督办 of major cases (seed 000 加强督办，严查大案要案; seed 004 重大案件报请市局督办、上级督办的进行记录，
 * 实时跟踪查办进展): 报请督办 → 立项督办 (or 不予督办), or 主动督办; then 进展报告 at the interval
 * set, 批示, and 办结 once the case is decided. Its own status machine rather than the approvals
 * kernel: the decision carries its own form (督办意见, 办结期限, 报送周期), it belongs to the office or
 * the leader of one unit (the one asked), and the record lives on after it. Taking up sets the
 * case's 督办 fields through casesService.setSupervision in the same transaction.
 */
export function createCaseSupervisionService(deps: {
  db: Db;
  caseSupervisionRepository: CaseSupervisionRepository;
  casesService: Pick<CasesService, 'requireVisible' | 'setSupervision'>;
  campaignsService: Pick<CampaignsService, 'requireVisible' | 'requireVisiblePath'>;
  unitsRepository: UnitsRepository;
  usersRepository: Pick<UsersRepository, 'activeWithRoles'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  auditService: AuditService;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}) {
  const { db, caseSupervisionRepository: repo, casesService, unitsRepository, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });
  const requireRow = (actor: Actor, id: string) =>
    records.requireRecord(actor, id, '督办件', cases.unitId, (id, scope) => repo.findVisible(db, id, scope));

  const overdueOf = (r: SupervisionListRow, on: string) => ({
    progressOverdue: r.status === 'active' && r.nextProgressDue !== null && r.nextProgressDue < on,
    deadlineOverdue: r.status === 'active' && r.deadline !== null && r.deadline < on,
  });

  /** A 督办件 as the API answers it, with its flags and what the caller may do. */
  const view = (actor: Actor, r: SupervisionListRow) => {
    const { unitPath, supervisingUnitPath, investigatorId: _i, ...rest } = r;
    return {
      ...rest,
      statusLabel: STATUS_LABELS[r.status],
      ...overdueOf(r, today()),
      can: {
        takeUp: r.status === 'requested' && policy.canDecide(actor, r),
        decline: r.status === 'requested' && policy.canDecide(actor, r),
        report: r.status === 'active' && policy.canReport(actor, unitPath, supervisingUnitPath),
        instruct: r.status === 'active' && policy.canSupervise(actor, r.supervisingUnitId),
        close: r.status === 'active' && isDecided(r.caseStage) && policy.canSupervise(actor, r.supervisingUnitId),
      },
    };
  };

  async function detail(actor: Actor, id: string) {
    const { row } = await requireRow(actor, id);
    const entries = await repo.entries(db, [row.id]);
    return { ...view(actor, row), entries };
  }

  /** The problems of a take-up's fields, each on its field; 400 listing them, nothing stored. */
  function checkTakeUp(input: TakeUpInput, day: string) {
    const errors: FieldError[] = [];
    if (!input.instruction.trim()) errors.push({ path: 'instruction', message: '请填写督办意见' });
    if (input.deadline < day) errors.push({ path: 'deadline', message: `办结期限不能早于今天（${day}）` });
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
  }

  /** 本级督办 when the case's own unit supervises it, 上级督办 for any unit above (as the case form has it). */
  const levelOf = (caseUnitId: string, supervisingUnitId: string): 'self' | 'superior' =>
    supervisingUnitId === caseUnitId ? 'self' : 'superior';

  /**
   * Whether the case was closed (结案, 归档) by `day`: 督办 is asked or taken up until then (a decided
   * case's 执行 may still be supervised); a past act is judged as of its day.
   */
  const finishedBy = (c: { stage: CaseStage; closingDate: string | null }, day: string) =>
    stageIndex(c.stage) >= stageIndex('closed') && (c.closingDate === null || c.closingDate <= day);

  /** Whether the case had its decision by `day` (a past act is judged as of its day). */
  const decidedBy = (c: { stage: CaseStage; decisionDate: string | null }, day: string) =>
    isDecided(c.stage) && (c.decisionDate === null || c.decisionDate <= day);

  /** The next progress report's due date from a day: N working days (the holiday calendar) or N days. */
  async function nextDue(tx: Db, from: string, n: number, kind: ProgressIntervalKind) {
    return kind === 'days'
      ? shiftDate(from, n)
      : (await deps.calendarService.calendar(tx)).addWorkingDays(from, n).date;
  }

  async function takeUpPatch(tx: Db, input: TakeUpInput, level: 'self' | 'superior', actor: Actor, history?: History) {
    const day = history?.on ?? today();
    return {
      status: 'active' as const,
      decidedBy: actor.userId,
      decidedAt: at(history),
      startDate: day,
      level,
      instruction: input.instruction.trim(),
      deadline: input.deadline,
      progressInterval: input.progressInterval,
      progressIntervalKind: input.progressIntervalKind,
      nextProgressDue: await nextDue(tx, day, input.progressInterval, input.progressIntervalKind),
    };
  }

  const supervisorsOf = async (tx: Db, unitId: string) =>
    (await deps.usersRepository.activeWithRoles(tx, ['office', 'leader'], [unitId])).map((u) => u.user.id);
  const caseSideOf = (r: SupervisionListRow) =>
    [r.requestedBy, r.investigatorId].filter((id): id is string => id !== null);

  /** Re-reads the row with its names inside the transaction, audits the change and tells whom it concerns. */
  async function finish(
    tx: Db,
    actor: Actor,
    id: string,
    action: AuditAction,
    before: unknown,
    tell: (r: SupervisionListRow) => Promise<Parameters<typeof deps.notificationsService.notify>[1]>,
  ) {
    const after = (await repo.findVisible(tx, id, sql`true`))!;
    await auditService.record(tx, actor, { action, recordId: id, unitId: after.unitId, before, after });
    await deps.notificationsService.notify(tx, await tell(after));
  }

  /** Loads a 督办件 in scope that is in `status` (409 otherwise: someone acted first). */
  async function requireIn(actor: Actor, id: string, status: SupervisionStatus, version: number) {
    const { row, unit } = await requireRow(actor, id);
    return { row, unit, stale: row.status !== status || row.version !== version };
  }

  async function change(
    actor: Actor,
    row: SupervisionListRow,
    version: number,
    patch: (tx: Db) => Promise<Partial<CaseSupervisionInsert>>,
    action: AuditAction,
    tell: (tx: Db, r: SupervisionListRow) => Promise<Parameters<typeof deps.notificationsService.notify>[1]>,
    extra?: (tx: Db) => Promise<void>,
  ) {
    await db.transaction(async (tx) => {
      const updated = await repo.update(tx, row.id, version, await patch(tx));
      if (!updated) throw conflict(STALE);
      await extra?.(tx);
      await finish(tx, actor, row.id, action, row, (r) => tell(tx, r));
    });
  }

  return {
    get: detail,

    /** The case page's card: its 督办件 (the open one first), and whether the caller may ask or take it up. */
    async forCase(actor: Actor, caseId: string) {
      const { row, unit } = await casesService.requireVisible(actor, caseId);
      const rows = await repo.forCase(db, row.id);
      const entries = await repo.entries(
        db,
        rows.map((r) => r.id),
      );
      const open = rows.some((r) => r.status === 'requested' || r.status === 'active');
      const canAct = !open && !finishedBy(row, today());
      return {
        items: rows.map((r) => ({ ...view(actor, r), entries: entries.filter((e) => e.supervisionId === r.id) })),
        can: {
          request: canAct && policy.canRequest(actor, unit.path),
          initiate: canAct && policy.canInitiate(actor, unit.path),
        },
      };
    },

    /** 督办件台账: in the caller's scope (on the case's unit), newest first. */
    async list(actor: Actor, q: SupervisionListQuery & { page: number; pageSize: number }) {
      const f = {
        ...(await records.listScope(actor, cases.unitId, q)),
        supervisingUnitId: q.supervisingUnitId,
        status: q.status,
        overdueOn: q.overdue ? today() : undefined,
      };
      const [rows, total] = await Promise.all([
        repo.page(db, { ...f, limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
        repo.count(db, f),
      ]);
      return { items: rows.map((r) => view(actor, r)), total };
    },

    /** Every matching 督办件 for the .xlsx ledger (tens or hundreds: one read). */
    async ledger(actor: Actor, q: SupervisionListQuery) {
      const f = {
        ...(await records.listScope(actor, cases.unitId, q)),
        supervisingUnitId: q.supervisingUnitId,
        status: q.status,
        overdueOn: q.overdue ? today() : undefined,
      };
      return (await repo.page(db, { ...f, limit: 10_000, offset: 0 })).map((r) => view(actor, r));
    },

    /** 报请督办: the case's side asks the unit above the asker's unit to supervise the case. */
    async request(actor: Actor, caseId: string, input: { reason: string }, history?: History) {
      const day = history?.on ?? today();
      const { row: c, unit } = await casesService.requireVisible(actor, caseId);
      if (!policy.canRequest(actor, unit.path))
        throw forbidden('只有承办单位（或其上级）的办案人员、专项办或局领导可以报请督办');
      const own = actor.unitId ? await unitsRepository.findById(db, actor.unitId) : undefined;
      if (!own?.parentId) throw invalidField('caseId', '您所在单位没有上级单位，无法报请督办');
      if (!input.reason.trim()) throw invalidField('reason', '请填写报请督办的理由');
      if (finishedBy(c, day)) throw unprocessable('caseId', `案件已${STAGE_LABELS[c.stage]}，无需报请督办`);
      if (await repo.openForCase(db, c.id)) throw conflict(OPEN_EXISTS);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          caseId: c.id,
          supervisingUnitId: own.parentId!,
          origin: 'requested',
          status: 'requested',
          requestReason: input.reason.trim(),
          requestedBy: actor.userId,
          requestedAt: at(history),
        });
        await finish(tx, actor, row.id, 'case_supervision.request', undefined, async (r) =>
          supervisionNotice(r, 'requested', await supervisorsOf(tx, r.supervisingUnitId), 'requested', r.requestReason),
        );
        return row;
      });
      return detail(actor, created.id);
    },

    /** 主动督办: the office or leader of a unit above (or of the case's own bureau) takes the case up directly. */
    async initiate(actor: Actor, caseId: string, input: TakeUpInput, history?: History) {
      const day = history?.on ?? today();
      const { row: c, unit } = await casesService.requireVisible(actor, caseId);
      if (!policy.canInitiate(actor, unit.path))
        throw forbidden('只有承办单位的上级单位（或本局）的专项办、局领导可以主动督办');
      checkTakeUp(input, day);
      if (finishedBy(c, day)) throw unprocessable('caseId', `案件已${STAGE_LABELS[c.stage]}，无需督办`);
      if (await repo.openForCase(db, c.id)) throw conflict(OPEN_EXISTS);
      const level = levelOf(unit.id, actor.unitId!);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          caseId: c.id,
          supervisingUnitId: actor.unitId!,
          origin: 'initiated',
          ...(await takeUpPatch(tx, input, level, actor, history)),
        });
        await casesService.setSupervision(tx, actor, c.id, {
          level,
          supervisingUnitId: actor.unitId!,
          deadline: input.deadline,
        });
        await finish(tx, actor, row.id, 'case_supervision.take_up', undefined, async (r) =>
          supervisionNotice(r, 'taken_up', caseSideOf(r), 'taken_up', r.instruction),
        );
        return row;
      });
      return detail(actor, created.id);
    },

    /** 立项督办: the asked unit's office or leader takes a request up (never the requester: 四分离). */
    async takeUp(actor: Actor, id: string, input: TakeUpInput & { version: number }, history?: History) {
      const { row, unit, stale } = await requireIn(actor, id, 'requested', input.version);
      if (!policy.canDecide(actor, row))
        throw forbidden(
          actor.userId === row.requestedBy
            ? '报请人不能对自己的报请立项督办（四分离）'
            : '只有被报请单位的专项办或局领导可以立项督办',
        );
      if (stale) throw conflict(STALE);
      checkTakeUp(input, history?.on ?? today());
      const level = levelOf(unit.id, row.supervisingUnitId);
      await change(
        actor,
        row,
        input.version,
        (tx) => takeUpPatch(tx, input, level, actor, history),
        'case_supervision.take_up',
        async (_tx, r) => supervisionNotice(r, 'taken_up', caseSideOf(r), 'taken_up', r.instruction),
        (tx) =>
          casesService
            .setSupervision(tx, actor, row.caseId, {
              level,
              supervisingUnitId: row.supervisingUnitId,
              deadline: input.deadline,
            })
            .then(() => undefined),
      );
      return detail(actor, id);
    },

    /** 不予督办: the asked unit answers a request with its reason. */
    async decline(actor: Actor, id: string, input: { reason: string; version: number }) {
      const { row, stale } = await requireIn(actor, id, 'requested', input.version);
      if (!policy.canDecide(actor, row))
        throw forbidden(
          actor.userId === row.requestedBy
            ? '报请人不能答复自己的报请（四分离）'
            : '只有被报请单位的专项办或局领导可以答复',
        );
      if (stale) throw conflict(STALE);
      if (!input.reason.trim()) throw invalidField('reason', '请填写不予督办的理由');
      await change(
        actor,
        row,
        input.version,
        async () => ({
          status: 'declined',
          decidedBy: actor.userId,
          decidedAt: new Date(),
          declineReason: input.reason.trim(),
        }),
        'case_supervision.decline',
        async (_tx, r) => supervisionNotice(r, 'declined', caseSideOf(r), 'declined', r.declineReason),
      );
      return detail(actor, id);
    },

    /** 报送进展: the case's side reports progress; the next report falls due one interval after today. */
    async progress(actor: Actor, id: string, input: { text: string; version: number }, history?: History) {
      const day = history?.on ?? today();
      const { row, stale } = await requireIn(actor, id, 'active', input.version);
      if (!policy.canReport(actor, row.unitPath, row.supervisingUnitPath))
        throw forbidden('进展报告由承办单位报送，督办单位不能代报');
      if (stale) throw conflict(STALE);
      if (!input.text.trim()) throw invalidField('text', '请填写进展情况');
      await change(
        actor,
        row,
        input.version,
        async (tx) => ({
          nextProgressDue: await nextDue(tx, day, row.progressInterval ?? 10, row.progressIntervalKind ?? 'days'),
        }),
        'case_supervision.progress',
        async (tx, r) =>
          supervisionNotice(
            r,
            'progress',
            [...(r.decidedBy ? [r.decidedBy] : []), ...(await supervisorsOf(tx, r.supervisingUnitId))],
            `progress:${r.version}`,
            input.text.trim(),
          ),
        async (tx) =>
          void (await repo.insertEntry(tx, {
            supervisionId: row.id,
            kind: 'progress',
            text: input.text.trim(),
            authorId: actor.userId,
            entryDate: day,
            createdAt: at(history),
          })),
      );
      return detail(actor, id);
    },

    /** 批示: the supervising unit adds a further instruction. */
    async instruct(actor: Actor, id: string, input: { text: string; version: number }, history?: History) {
      const { row, stale } = await requireIn(actor, id, 'active', input.version);
      if (!policy.canSupervise(actor, row.supervisingUnitId)) throw forbidden('只有督办单位的专项办或局领导可以批示');
      if (stale) throw conflict(STALE);
      if (!input.text.trim()) throw invalidField('text', '请填写批示内容');
      await change(
        actor,
        row,
        input.version,
        async () => ({}),
        'case_supervision.instruct',
        async (_tx, r) =>
          supervisionNotice(r, 'instruction', caseSideOf(r), `instruction:${r.version}`, input.text.trim()),
        async (tx) =>
          void (await repo.insertEntry(tx, {
            supervisionId: row.id,
            kind: 'instruction',
            text: input.text.trim(),
            authorId: actor.userId,
            entryDate: history?.on ?? today(),
            createdAt: at(history),
          })),
      );
      return detail(actor, id);
    },

    /** 办结: the supervising unit closes the 督办 with its conclusion, once the case is decided (422 before). */
    async close(actor: Actor, id: string, input: { conclusion: string; version: number }, history?: History) {
      const { row, stale } = await requireIn(actor, id, 'active', input.version);
      if (!policy.canSupervise(actor, row.supervisingUnitId))
        throw forbidden('只有督办单位的专项办或局领导可以办结督办');
      if (stale) throw conflict(STALE);
      if (!input.conclusion.trim()) throw invalidField('conclusion', '请填写办结意见');
      if (!decidedBy({ stage: row.caseStage, decisionDate: row.caseDecisionDate }, history?.on ?? today()))
        throw unprocessable(
          'conclusion',
          `案件尚未作出处理决定（当前阶段：${STAGE_LABELS[row.caseStage]}），不能办结督办`,
        );
      await change(
        actor,
        row,
        input.version,
        async () => ({
          status: 'closed',
          closedBy: actor.userId,
          closedAt: at(history),
          conclusion: input.conclusion.trim(),
          nextProgressDue: null,
        }),
        'case_supervision.close',
        async (_tx, r) => supervisionNotice(r, 'closed', caseSideOf(r), 'closed', r.conclusion),
      );
      return detail(actor, id);
    },
  };
}

export type CaseSupervisionService = ReturnType<typeof createCaseSupervisionService>;
