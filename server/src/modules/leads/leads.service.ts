import type { Db } from '../../db/database';
import type { LeadSort } from './lead.types';
import { createPagedTotals } from '../../platform/paged-totals';
import type { Actor } from '../../platform/actor';
import { AppError, badRequest, conflict, forbidden, invalidField, type FieldError } from '../../platform/errors';
import { maskIdNumber, maskName, maskPhone } from '../../platform/masking';
import { createRecordScope } from '../../platform/records';
import { isPathWithin, scopeKey } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CasesService } from '../cases/cases.service';
import type { UnitsRepository } from '../units/units.repository';
import type { UnitRow } from '../units/units.schema';
import type { UserLineCheck } from '../users/user-line';
import type { UsersRepository } from '../users/users.repository';
import { LEAD_DUE_SOON_WORKING_DAYS, verificationClock, type LeadClockWindow } from './lead-clock';
import { leadFacts, type LeadRollups } from './lead-facts';
import { createLeadFiling, nestedUnderCase } from './lead-filing';
import { createLeadViews } from './lead-views';
import {
  type LeadClockChange,
  type LeadDecision,
  type LeadHandlersInput,
  type LeadInput,
  type LeadUpdateInput,
} from './lead.types';
import { leadPolicy } from './leads.policy';
import type { LeadFilters, LeadsRepository } from './leads.repository';
import { leads, type LeadInsert, type LeadRow, type LeadSource, type LeadStatus } from './leads.schema';
import { todayInChina } from '../../platform/today';
import type { ApprovalsService } from '../approvals/approvals.service';
import { createLeadExtensions } from './lead-extensions';
import { checkHandover, type LeadHandovers, type LeadOrigin } from './lead-handover';

type LeadSaveAction = 'lead.update' | 'lead.decide' | 'lead.clock' | 'lead.assign_handlers';

export type LeadListQuery = {
  campaignId?: string;
  unitId?: string;
  q?: string;
  statuses?: LeadStatus[];
  source?: LeadSource;
  important?: boolean;
  /** 'overdue' or 'due_soon' (within 3 working days). */
  due?: 'overdue' | 'due_soon';
  page: number;
  pageSize: number;
  sort?: LeadSort;
};

const STALE = '线索已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）';

/** The audit log keeps no complainant's personal data in clear (administrators read it, not handlers). */
const forAudit = (row: LeadRow) => ({
  ...row,
  complainantName: maskName(row.complainantName),
  complainantPhone: maskPhone(row.complainantPhone),
  complainantIdNumber: maskIdNumber(row.complainantIdNumber),
});

/** 案源线索: registered, verified against the 15-working-day clock, and ended as a case, not filed, or handed over. */
export function createLeadsService(deps: {
  db: Db;
  leadsRepository: LeadsRepository;
  campaignsService: CampaignsService;
  casesService: CasesService;
  calendarService: CalendarService;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  userLine: UserLineCheck;
  usersRepository: UsersRepository;
  /** A handler's filing (lead-filing.ts) and the extension (lead-extensions.ts) are requests a 局领导 approves. */
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor' | 'forRecord'>;
  /** 移交: the transfer of a handed-over lead and its answer (transfers module, wired in services.ts). */
  handovers?: LeadHandovers;
  /** 来源记录: the outing or 双随机 check whose finding opened the lead (wired in services.ts). */
  origins?: (db: Db, leadId: string) => Promise<LeadOrigin | null>;
  /** The roll-up's clocks (核查期限), written with each change of a lead's due date. */
  rollups: LeadRollups;
  /** The 大屏's and dashboards' ticker pages read here (DATABASE_READ_URL, db/read-replica.ts); `db` when not given. */
  reader?: Db;
  today?: () => string;
}) {
  const {
    db,
    leadsRepository: repo,
    campaignsService,
    casesService,
    calendarService,
    unitsRepository,
    auditService,
    userLine,
    usersRepository,
    approvals,
    rollups,
  } = deps;
  const today = deps.today ?? (() => todayInChina());
  const leadFiling = createLeadFiling({
    db,
    leadsRepository: repo,
    casesService,
    approvals: deps.approvals,
    auditService,
    rollups,
    forAudit,
  });
  const records = createRecordScope({
    db,
    findUnit: unitsRepository.findById,
    requireCampaign: campaignsService.requireVisiblePath,
  });

  const { shown, bureauPathOf, detail } = createLeadViews({
    db,
    leadsRepository: repo,
    usersRepository,
    unitsRepository,
    calendarService,
    filingPending: leadFiling.pending,
    approvals,
    today,
  });

  const handoverStates = (ids: string[]) =>
    deps.handovers && ids.length ? deps.handovers.statesOf(db, ids) : Promise.resolve(new Map());
  /** The lead's page: its detail and, once handed over, to whom and the answer (移交). */
  async function detailWithHandover(actor: Actor, row: LeadRow, unit: UnitRow) {
    const handed = row.status === 'handed_over' ? await handoverStates([row.id]) : new Map();
    const origin = deps.origins ? await deps.origins(db, row.id) : null;
    return { ...(await detail(actor, row, unit)), handover: handed.get(row.id) ?? null, origin };
  }

  async function requireVisible(actor: Actor, id: string) {
    return records.requireRecord(actor, id, '线索', leads.unitId, (id, scope) => repo.findVisible(db, id, scope));
  }

  /**
   * Problems with people named as handlers of a lead of `unit`: each belongs to the unit's line and,
   * when assigned to an existing lead (`mustSee`), works where he can open it (the unit or above).
   */
  async function handlerProblems(handlerIds: string[], unit: UnitRow | null, mustSee = false): Promise<FieldError[]> {
    const errors: FieldError[] = [];
    for (const [i, id] of handlerIds.entries()) {
      let problem = unit ? await userLine(id, unit, '经办人') : '请先选择承办单位';
      if (!problem && unit && mustSee) {
        const user = (await usersRepository.findById(db, id))!;
        const userUnit = (await unitsRepository.findById(db, user.unitId!))!;
        if (!isPathWithin(unit.path, userUnit.path))
          problem = `经办人“${user.displayName}”所在的${userUnit.name}看不到${unit.name}的线索，请指定${unit.name}或其上级单位的人员`;
      }
      if (problem) errors.push({ path: `handlerIds.${i}`, message: problem });
    }
    return errors;
  }

  /**
   * Every problem with a lead's references, each on its field. A new lead's handlers: those named,
   * or the registering handler; a registrant never becomes a handler of another unit's lead (he is
   * left out). An existing lead keeps its handlers: they change only through assignHandlers.
   */
  async function check(
    actor: Actor,
    input: LeadInput,
    existing?: LeadRow,
  ): Promise<{ unit: UnitRow; handlerIds: string[] }> {
    const target = await campaignsService.recordTargetProblems(actor, input);
    const errors: FieldError[] = [...target.errors];
    const unit = target.unit;
    let handlerIds: string[];
    if (existing) handlerIds = existing.handlerIds;
    else {
      handlerIds = input.handlerIds ?? (leadPolicy.handlesWhatHeRegisters(actor) ? [actor.userId] : []);
      if (unit && !leadPolicy.mayHandleOwnRegistration(actor, unit.id))
        handlerIds = handlerIds.filter((id) => id !== actor.userId);
      errors.push(...(await handlerProblems(handlerIds, unit)));
    }
    if (
      unit &&
      input.sourceNumber &&
      (await repo.sourceNumberTaken(db, unit.id, input.source, input.sourceNumber, existing?.id))
    ) {
      errors.push({ path: 'sourceNumber', message: `${unit.name}已登记来源编号为“${input.sourceNumber}”的线索` });
    }
    if (input.receivedDate > today()) errors.push({ path: 'receivedDate', message: '发现（收到）日期不能晚于今天' });
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
    return { unit: unit!, handlerIds };
  }

  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));

  /** Writes a change with the due date recomputed and its audit entry, inside the caller's transaction (409 when stale). */
  async function saveIn(
    tx: Db,
    actor: Actor,
    before: LeadRow,
    changes: Partial<LeadInsert>,
    version: number,
    action: LeadSaveAction,
    extra?: (tx: Db) => Promise<Partial<LeadInsert> | void>,
  ) {
    const calendar = await calendarService.calendar(tx);
    const patch = { ...changes, ...((await extra?.(tx)) ?? {}) };
    const next = { ...before, ...patch } as LeadRow;
    const pauses = await repo.pauses(tx, before.id);
    const clock = verificationClock(calendar, {
      receivedDate: next.receivedDate,
      extended: Boolean(next.extensionApprovedBy),
      pauses: pauses.map((p) => ({ from: p.fromDate, to: p.toDate })),
      decidedDate: next.decidedDate,
      today: today(),
    });
    const updated = await repo.update(tx, before.id, version, {
      ...patch,
      dueDate: next.status === 'verifying' ? clock.dueDate : null,
    });
    if (!updated) throw conflict(STALE);
    await rollups.recordLeads(tx, [{ before: leadFacts(before), after: leadFacts(updated) }]);
    await auditService.record(tx, actor, {
      action,
      recordId: before.id,
      unitId: updated.unitId,
      before: forAudit(before),
      after: forAudit(updated),
    });
    return updated;
  }

  /** saveIn in a transaction of its own. */
  const save = (...args: Parameters<typeof saveIn> extends [Db, ...infer R] ? R : never) =>
    db.transaction((tx) => saveIn(tx, ...args));

  const extensions = createLeadExtensions({ db, leadsRepository: repo, approvals, saveIn });

  const pageWithTotal = createPagedTotals();

  /** 核查期限 today: overdue before `today`, due soon from it to `dueSoonLast` (3 working days on). */
  async function clockWindow(): Promise<LeadClockWindow> {
    const day = today();
    const dueSoonLast = (await calendarService.calendar()).addWorkingDays(day, LEAD_DUE_SOON_WORKING_DAYS).date;
    return { today: day, dueSoonLast };
  }

  /** The list's 超期 / 临期 filter (none without `due`), in the window given or today's. */
  async function dueFilters(
    due?: 'overdue' | 'due_soon',
    window?: LeadClockWindow,
  ): Promise<Pick<LeadFilters, 'overdueOn' | 'dueBy'>> {
    if (!due) return {};
    const w = window ?? (await clockWindow());
    return due === 'overdue' ? { overdueOn: w.today } : { dueBy: { today: w.today, last: w.dueSoonLast } };
  }

  return {
    /** The approval kinds of the extension and of filing, for services.ts to register. */
    approvalKinds: [...extensions.kinds, leadFiling.kind],

    /** A page of leads and how many match (pages after the first reuse page 1's count for 30 s). */
    async list(actor: Actor, q: LeadListQuery) {
      const filters: LeadFilters = {
        ...(await records.listScope(actor, leads.unitId, q)),
        q: q.q,
        statuses: q.statuses,
        source: q.source,
        important: q.important,
      };
      Object.assign(filters, await dueFilters(q.due));
      const { page, pageSize, sort, ...filterQuery } = q;
      const key = [scopeKey(actor), filters.overdueOn ?? null, filters.dueBy ?? null, filterQuery];
      const { items, ...total } = await pageWithTotal(
        key,
        page,
        () => repo.page(db, { ...filters, sort, limit: pageSize, offset: (page - 1) * pageSize }),
        () => repo.count(db, filters),
      );
      const names = new Map(
        (await unitsRepository.findByIds(db, [...new Set(items.map((i) => i.unitId))])).map((u) => [u.id, u.name]),
      );
      const handed = await handoverStates(items.filter((r) => r.status === 'handed_over').map((r) => r.id));
      return {
        items: items.map((r) => ({
          ...shown(actor, r, names.get(r.unitId) ?? ''),
          handover: handed.get(r.id) ?? null,
        })),
        ...total,
      };
    },

    /**
     * The newest leads of a campaign's tree in a unit's subtree, newest received first, without a
     * count and without any complainant data (the 大屏's ticker). With `due`, those of the clock
     * window given (a caller that has read it already: the dashboard's clocks), else of today's.
     */
    async latest(
      actor: Actor,
      q: { campaignId: string; unitId: string; due?: 'overdue' | 'due_soon' },
      limit: number,
      window?: LeadClockWindow,
    ) {
      const filters = { ...(await records.listScope(actor, leads.unitId, q)), ...(await dueFilters(q.due, window)) };
      const rows = await repo.page(deps.reader ?? db, { ...filters, limit, offset: 0 });
      const names = new Map(
        (await unitsRepository.findByIds(db, [...new Set(rows.map((r) => r.unitId))])).map((u) => [u.id, u.name]),
      );
      return rows.map((r) => ({
        id: r.id,
        unitId: r.unitId,
        unitName: names.get(r.unitId) ?? '',
        campaignId: r.campaignId,
        categoryCode: r.categoryCode,
        source: r.source,
        sourceNumber: r.sourceNumber,
        receivedDate: r.receivedDate,
        important: r.important,
        status: r.status,
        partyName: r.partyName,
        dueDate: r.dueDate,
      }));
    },

    clockWindow,

    async get(actor: Actor, id: string) {
      const { row, unit } = await requireVisible(actor, id);
      return detailWithHandover(actor, row, unit);
    },

    async create(actor: Actor, input: LeadInput) {
      // Naming oneself the handler of another unit's lead would open its complainants' data to oneself.
      if (input.handlerIds?.includes(actor.userId) && !leadPolicy.mayHandleOwnRegistration(actor, input.unitId)) {
        throw forbidden('不能将自己指定为其他单位线索的经办人，经办人由承办单位的专项办或局领导指定');
      }
      const { insert, unit } = await this.prepareRegistration(actor, input);
      return detailWithHandover(actor, await db.transaction(insert), unit);
    },

    /**
     * Checks a registration now and returns the insert to run inside the caller's transaction (an
     * inspection's finding opening its lead: both are written together or neither is).
     */
    async prepareRegistration(actor: Actor, input: LeadInput) {
      if (input.complainantPhone?.includes('*')) throw invalidField('complainantPhone', '请填写完整的电话号码');
      if (input.complainantIdNumber?.includes('*')) throw invalidField('complainantIdNumber', '请填写完整的身份证号码');
      const { unit, handlerIds } = await check(actor, input);
      if (!leadPolicy.canCreate(actor, unit.path)) throw forbidden('只有办案人员、专项办或管理员可以登记线索');
      const calendar = await calendarService.calendar();
      const due = verificationClock(calendar, {
        receivedDate: input.receivedDate,
        extended: false,
        pauses: [],
        today: today(),
      }).dueDate;
      const insert = async (tx: Db): Promise<LeadRow> => {
        const taskId = await campaignsService.recordTask.forCreate(tx, input);
        const created = await repo.insert(tx, { ...input, taskId, handlerIds, dueDate: due, createdBy: actor.userId });
        await rollups.recordLeads(tx, [{ before: null, after: leadFacts(created) }]);
        await auditService.record(tx, actor, {
          action: 'lead.create',
          recordId: created.id,
          unitId: created.unitId,
          after: forAudit(created),
        });
        return created;
      };
      return { insert, unit };
    },

    async update(actor: Actor, id: string, input: LeadUpdateInput) {
      const { row, unit: current } = await requireVisible(actor, id);
      if (!leadPolicy.canEdit(actor, row, current.path))
        throw forbidden(
          row.status === 'verifying' ? '只有办案人员、专项办或管理员可以修改线索' : '已办结的线索不能修改',
        );
      if (input.handlerIds && !sameSet(input.handlerIds, row.handlerIds)) {
        throw invalidField(
          'handlerIds',
          '修改线索时不能变更经办人：经办人由承办单位的专项办或局领导通过“指定经办人”指定',
        );
      }
      const { unit } = await check(actor, { ...input, handlerIds: undefined }, row);
      const { version, handlerIds: _same, ...fields } = input;
      // Someone who sees the complainant masked cannot change it: the stored data stay as they are.
      // (The masked form "138****1234" comes back from such an editor; '*' is refused from anyone else.)
      if (leadPolicy.seesComplainant(actor, row)) {
        if (fields.complainantPhone?.includes('*')) throw invalidField('complainantPhone', '请填写完整的电话号码');
        if (fields.complainantIdNumber?.includes('*'))
          throw invalidField('complainantIdNumber', '请填写完整的身份证号码');
      } else {
        fields.complainantName = row.complainantName;
        fields.complainantPhone = row.complainantPhone;
        fields.complainantIdNumber = row.complainantIdNumber;
      }
      fields.taskId = await campaignsService.recordTask.forUpdate(db, input);
      const updated = await save(actor, row, fields, version, 'lead.update');
      return detailWithHandover(actor, updated, unit);
    },

    /**
     * 指定经办人: the handling unit's office or leader names who handles the lead (and so who sees the
     * complainant's data). Nobody adds himself; each handler belongs to the unit's line. Audited as its own event.
     */
    async assignHandlers(actor: Actor, id: string, input: LeadHandlersInput) {
      const { row, unit } = await requireVisible(actor, id);
      if (!leadPolicy.canAssignHandlers(actor, row, unit.path, await bureauPathOf(unit))) {
        throw forbidden(
          row.status === 'verifying'
            ? `只有承办单位（${unit.name}）所在局的专项办或局领导可以指定本线索的经办人`
            : '已办结的线索不能再指定经办人',
        );
      }
      const handlerIds = [...new Set(input.handlerIds)];
      const self = handlerIds.indexOf(actor.userId);
      if (self >= 0 && !row.handlerIds.includes(actor.userId)) {
        throw new AppError(403, '无权操作', '不能指定自己为经办人，请由承办单位的其他专项办人员或局领导指定', [
          { path: `handlerIds.${self}`, message: '不能指定自己为经办人' },
        ]);
      }
      const errors = await handlerProblems(handlerIds, unit, true);
      if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
      const updated = await save(actor, row, { handlerIds }, input.version, 'lead.assign_handlers');
      return detailWithHandover(actor, updated, unit);
    },

    /**
     * Ends the verification: file a case (诉转案 from a complaint), do not file, or hand over. A
     * handler's filing is a request (立案审批): the lead closes when the 局领导 approves.
     */
    async decide(actor: Actor, id: string, decision: LeadDecision) {
      const { row, unit } = await requireVisible(actor, id);
      if (!leadPolicy.canEdit(actor, row, unit.path))
        throw forbidden(row.status === 'verifying' ? '只有办案人员、专项办或管理员可以处理线索' : '线索已办结');
      if (await leadFiling.pending(row.id)) throw conflict('线索立案审批中，请等待局领导审批或撤回立案申请后再处理');
      if (decision.outcome === 'file') {
        const caseInput = { ...decision.case, unitId: row.unitId, campaignId: row.campaignId };
        if (!leadPolicy.filesDirectly(actor, unit.path)) {
          // 立案审批: dated the day of approval; the lead stays being verified until then.
          if (decision.version !== row.version)
            throw conflict('线索已被他人修改，请刷新后再保存（您填写的内容仍保留在页面上）');
          await leadFiling.request(actor, row, { ...caseInput, filingDate: today() });
          return detailWithHandover(actor, row, unit);
        }
        if (caseInput.filingDate < row.receivedDate)
          throw invalidField('case.filingDate', '立案日期不能早于线索发现（收到）日期');
        const insertCase = await casesService.prepareFiling(actor, caseInput, row.id).catch(nestedUnderCase);
        const updated = await save(
          actor,
          row,
          { status: 'filed', decidedDate: caseInput.filingDate },
          decision.version,
          'lead.decide',
          async (tx) => ({
            caseId: (await insertCase(tx)).id,
          }),
        );
        return detailWithHandover(actor, updated, unit);
      }
      if (decision.decidedDate < row.receivedDate)
        throw invalidField('decidedDate', '决定日期不能早于线索发现（收到）日期');
      const status: LeadStatus = decision.outcome === 'not_file' ? 'not_filed' : 'handed_over';
      const handover = decision.outcome === 'hand_over' ? checkHandover(decision.handover) : null;
      const note = handover ? decision.note || handover.receiverName : decision.note;
      const updated = await db.transaction(async (tx) => {
        const saved = await saveIn(
          tx,
          actor,
          row,
          { status, decidedDate: decision.decidedDate, outcomeNote: note },
          decision.version,
          'lead.decide',
        );
        if (handover) await deps.handovers?.handOverIn(tx, actor, row, handover, decision.decidedDate);
        return saved;
      });
      return detailWithHandover(actor, updated, unit);
    },

    /** The one extension (head's approval), and pauses for testing, inspection and appraisal. */
    async changeClock(actor: Actor, id: string, change: LeadClockChange) {
      const { row, unit } = await requireVisible(actor, id);
      if (row.status !== 'verifying') throw invalidField('kind', '线索已办结，核查期限不再计算');
      const pauses = await repo.pauses(db, row.id);
      const open = pauses.find((p) => p.toDate === null);
      if (change.kind === 'extend') {
        // 局领导 signs it himself; the handler or office asks him (lead-extensions.ts).
        if (!leadPolicy.canApproveExtension(actor, unit.path)) {
          if (!leadPolicy.canEdit(actor, row, unit.path))
            throw forbidden('只有线索的经办人员、专项办或局领导可以申请延长核查期限');
          if (change.version !== row.version) throw conflict(STALE);
          await extensions.request(actor, row, change.reason);
          return detailWithHandover(actor, row, unit);
        }
        if (row.extensionApprovedBy) throw invalidField('kind', '核查期限只能延长一次');
        if (await extensions.pending(db, row.id))
          throw conflict('本线索已有待审批的延期申请，请在审批中批准或不予批准');
        const updated = await save(
          actor,
          row,
          { extensionApprovedBy: actor.userId, extensionReason: change.reason },
          change.version,
          'lead.clock',
        );
        return detailWithHandover(actor, updated, unit);
      }
      if (!leadPolicy.canEdit(actor, row, unit.path)) throw forbidden('只有办案人员、专项办或管理员可以中止或恢复计时');
      let write: (tx: Db) => Promise<void>;
      if (change.kind === 'pause') {
        if (open) throw invalidField('kind', '核查期限已在中止计时中');
        if (change.fromDate < row.receivedDate) throw invalidField('fromDate', '中止日期不能早于线索发现（收到）日期');
        write = (tx) =>
          repo.insertPause(tx, {
            leadId: row.id,
            fromDate: change.fromDate,
            reason: change.reason,
            actorUserId: actor.userId,
          });
      } else {
        if (!open) throw invalidField('kind', '核查期限未中止计时');
        if (change.toDate < open.fromDate) throw invalidField('toDate', '恢复日期不能早于中止日期');
        write = (tx) => repo.endPause(tx, open.id, change.toDate);
      }
      const updated = await save(actor, row, {}, change.version, 'lead.clock', write);
      return detailWithHandover(actor, updated, unit);
    },
  };
}

export type LeadsService = ReturnType<typeof createLeadsService>;
