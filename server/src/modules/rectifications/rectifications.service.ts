import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import {
  AppError,
  badRequest,
  conflict,
  forbidden,
  invalidField,
  notFound,
  type FieldError,
} from '../../platform/errors';
import { isPathInScope, isPathWithin, isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { UnitsRepository } from '../units/units.repository';
import type { RectificationStatus, SupervisionFindingRow } from '../supervision/supervision.schema';
import { rectificationNotices } from './rectification-notices';
import { abilities, presentFinding, visibleTo } from './rectification-views';
import { rectificationPolicy, type GroupPeople } from './rectifications.policy';
import type { FindingListRow, RectificationsRepository } from './rectifications.repository';

/** 发现问题 as the group writes it: with a 整改要求 and its 期限 (working days from the visit, or a date), or only noted. */
export interface FindingInput {
  unitId: string;
  description: string;
  requirement?: string | null;
  deadlineWorkingDays?: number | null;
  deadline?: string | null;
}

const unprocessable = (path: string, message: string) => new AppError(422, '无法处理', message, [{ path, message }]);

/**
 * 整改 to closure: a finding on a visit (noted, or demanding 整改 by a deadline), the unit's 整改报告
 * (open → replied), the group's 复查 (销号: closed; 退回: open again, perhaps with a later deadline).
 * Each step is one transaction with its event row, audit entry and notifications.
 */
export function createRectificationsService(deps: {
  db: Db;
  rectificationsRepository: RectificationsRepository;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  auditService: AuditService;
  today?: () => string;
  now?: () => Date;
}) {
  const { db, rectificationsRepository: repo, unitsRepository, calendarService, notificationsService } = deps;
  const { auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const now = deps.now ?? (() => new Date());
  const notices = rectificationNotices({ db, repo });

  /** The visit with its group, if the actor sees its unit or is of its group; 404 otherwise. */
  async function requireVisit(actor: Actor, visitId: string) {
    const ctx = isUuid(visitId) ? await repo.visitContext(db, visitId) : undefined;
    const group = ctx && { leaderId: ctx.group.leaderId, memberIds: ctx.memberIds, organizerPath: ctx.organizerPath };
    if (!ctx || !group) throw notFound('督查记录');
    const inGroup = actor.userId === group.leaderId || group.memberIds.includes(actor.userId);
    if (!inGroup && !isPathInScope(actor, ctx.unitPath)) throw notFound('督查记录');
    return { ...ctx, people: group };
  }

  /** What is stored from the input: the unit checked against the visit, the deadline computed; 400/422 with nothing stored. */
  async function checked(visit: Awaited<ReturnType<typeof requireVisit>>, input: FindingInput) {
    const errors: FieldError[] = [];
    const unit = isUuid(input.unitId) ? await unitsRepository.findById(db, input.unitId) : undefined;
    if (!unit || !isPathWithin(unit.path, visit.unitPath))
      errors.push({ path: 'unitId', message: `问题所涉单位应为被督查单位“${visit.unitName}”或其下级单位` });
    const requirement = input.requirement?.trim() || null;
    const days = input.deadlineWorkingDays ?? null;
    let deadline = input.deadline ?? null;
    if (requirement && days === null && !deadline)
      errors.push({ path: 'deadline', message: '提出整改要求时请填写整改期限（工作日数或日期）' });
    if (!requirement && (days !== null || deadline))
      errors.push({ path: 'requirement', message: '填写整改期限时请写明整改要求' });
    if (errors.length) throw badRequest(errors.map((e) => e.message).join('；'), errors);
    if (requirement && days !== null)
      deadline = (await calendarService.calendar()).addWorkingDays(visit.visit.visitDate, days).date;
    if (deadline && deadline < visit.visit.visitDate) throw unprocessable('deadline', '整改期限不能早于督查日期');
    return {
      unitId: unit!.id,
      description: input.description.trim(),
      requirement,
      status: (requirement ? 'open' : 'noted') as RectificationStatus,
      deadlineWorkingDays: requirement ? days : null,
      deadline: requirement ? deadline : null,
    };
  }

  /** A finding the actor sees (his scope or his group), with the group's people; 404 otherwise. */
  async function requireFinding(actor: Actor, id: string) {
    const row = isUuid(id) ? await repo.find(db, id, visibleTo(actor)) : undefined;
    if (!row) throw notFound('整改事项');
    const visit = row.visitId ? await repo.visitContext(db, row.visitId) : undefined;
    const people: GroupPeople | null = visit
      ? { leaderId: visit.group.leaderId, memberIds: visit.memberIds, organizerPath: visit.organizerPath }
      : null;
    return { row, people, may: abilities(actor, row, people) };
  }

  const stored = (r: FindingListRow): SupervisionFindingRow => {
    const { unitName: _u, unitPath: _up, visitDate: _d, visitUnitId: _vi, visitUnitName: _vn, groupId: _g } = r;
    const { groupName: _gn, groupLeaderId: _l, organizerUnitId: _o, roundId: _r, roundTitle: _rt } = r;
    const { createdByName: _c, closedByName: _cb, latestReply: _lr, source: _s, entityName: _en } = r;
    const { entityCreditCode: _ec, sourceDate: _sd, inspectorIds: _ii, drawId: _di, drawName: _dn, ...row } = r;
    return row;
  };

  async function present(actor: Actor, id: string) {
    const { row, people } = await requireFinding(actor, id);
    return presentFinding(actor, row, people, today());
  }

  /** One step of the 整改's life: the update at `version`, its event, audit entry and notices in one transaction. */
  async function step(
    actor: Actor,
    row: FindingListRow,
    version: number,
    from: RectificationStatus[],
    patch: Partial<SupervisionFindingRow>,
    event: { kind: 'reply' | 'return' | 'close'; text: string; attachmentIds?: string[] },
  ) {
    await db.transaction(async (tx) => {
      const updated = await repo.update(tx, row.id, version, from, patch);
      if (!updated) throw conflict('该整改事项已被他人处理或修改，请刷新后查看（您填写的内容仍保留在页面上）');
      const ev = await repo.insertEvent(tx, {
        findingId: row.id,
        kind: event.kind,
        text: event.text,
        actorId: actor.userId,
        actorName: actor.displayName,
        createdAt: now(),
      });
      const ids = event.attachmentIds ?? [];
      const tied = await repo.attachToEvent(tx, row.id, ids, ev.id);
      if (tied.length !== new Set(ids).size)
        throw invalidField('attachmentIds', '附件不存在或已随之前的整改报告报送，请重新上传');
      await auditService.record(tx, actor, {
        action: `rectification.${event.kind}`,
        recordId: row.id,
        unitId: row.unitId,
        before: stored(row),
        after: { ...updated, event: ev, attachmentIds: tied },
      });
      await notificationsService.notify(tx, await notices.of(tx, event.kind, { ...row, ...updated }, ev.text));
    });
  }

  return {
    requireFinding,
    requireVisit,

    /** The findings of a visit, with what the caller may do with each, and whether he may add one. */
    async listForVisit(actor: Actor, visitId: string) {
      const visit = await requireVisit(actor, visitId);
      const rows = await repo.list(db, { visible: visibleTo(actor), visitId }, today(), { limit: 500, offset: 0 });
      const canRecord = rectificationPolicy.canRecord(actor, visit.people);
      return {
        visit: {
          id: visit.visit.id,
          unitId: visit.visit.unitId,
          unitName: visit.unitName,
          visitDate: visit.visit.visitDate,
          groupName: visit.group.name,
        },
        items: rows.map((r) => presentFinding(actor, r, visit.people, today())),
        canRecord,
        /** The units a new finding may concern (the visited unit and below), for whoever may record one. */
        units: canRecord ? await repo.unitsBelow(db, visit.unitPath) : [],
      };
    },

    async get(actor: Actor, id: string) {
      const answer = await present(actor, id);
      const [events, attachments] = await Promise.all([repo.events(db, id), repo.attachments(db, id)]);
      return { ...answer, events, attachments };
    },

    /** 发现问题 (with its 整改通知 when a requirement is given): the group or the organiser's office. */
    async create(actor: Actor, visitId: string, input: FindingInput) {
      const visit = await requireVisit(actor, visitId);
      if (!rectificationPolicy.canRecord(actor, visit.people))
        throw forbidden('只有督查组组长、组员或组织单位的专项办可以记录发现的问题');
      const fields = await checked(visit, input);
      const created = await db.transaction(async (tx) => {
        const row = await repo.insert(tx, {
          ...fields,
          visitId: visit.visit.id,
          campaignId: visit.visit.campaignId,
          createdBy: actor.userId,
          createdAt: now(),
        });
        await auditService.record(tx, actor, {
          action: 'rectification.create',
          recordId: row.id,
          unitId: row.unitId,
          after: row,
        });
        if (row.status === 'open')
          await notificationsService.notify(tx, await notices.demanded(tx, row, visit.unitName));
        return row;
      });
      return this.get(actor, created.id);
    },

    /** Corrects a finding while nothing has been answered on it (noted, or open and never replied). */
    async edit(actor: Actor, id: string, input: FindingInput & { version: number }) {
      const { row, people } = await requireFinding(actor, id);
      if (!row.visitId) throw conflict('责令整改请在执法检查或双随机抽查中修改');
      if (!people || !rectificationPolicy.canRecord(actor, people))
        throw forbidden('只有督查组组长、组员或组织单位的专项办可以修改发现的问题');
      if (!(row.status === 'noted' || (row.status === 'open' && row.returnCount === 0 && !row.repliedAt)))
        throw conflict('该问题的整改已经报送或复查，不能再修改');
      const visit = await requireVisit(actor, row.visitId);
      const fields = await checked(visit, input);
      await db.transaction(async (tx) => {
        const updated = await repo.update(tx, row.id, input.version, ['noted', 'open'], fields);
        if (!updated) throw conflict('该问题已被他人修改或已报送整改情况，请刷新后查看（您填写的内容仍保留在页面上）');
        await auditService.record(tx, actor, {
          action: 'rectification.edit',
          recordId: row.id,
          unitId: row.unitId,
          before: stored(row),
          after: updated,
        });
        if (updated.status === 'open' && row.status === 'noted')
          await notificationsService.notify(tx, await notices.demanded(tx, updated, visit.unitName));
      });
      return this.get(actor, id);
    },

    /** 整改报告: the unit concerned answers what it did, with the files it uploaded before. */
    async reply(actor: Actor, id: string, input: { text: string; attachmentIds?: string[]; version: number }) {
      const { row, may } = await requireFinding(actor, id);
      if (!may.reply)
        throw forbidden(
          row.visitId
            ? '只有被要求整改的单位可以报送整改情况'
            : '只有检查的执法人员或责令整改单位的办案人员、专项办可以记录整改情况',
        );
      if (row.status !== 'open')
        throw conflict(row.status === 'noted' ? '该问题未提出整改要求' : '该整改事项当前不在待整改状态');
      const text = input.text.trim();
      if (!text) throw invalidField('text', '请填写整改情况');
      await step(
        actor,
        row,
        input.version,
        ['open'],
        { status: 'replied', repliedAt: now() },
        {
          kind: 'reply',
          text,
          attachmentIds: input.attachmentIds,
        },
      );
      return this.get(actor, id);
    },

    /** 复查 → 销号: the group or the organiser's office closes an answered rectification. */
    async close(actor: Actor, id: string, input: { text?: string | null; version: number }) {
      const { row, may } = await requireFinding(actor, id);
      if (!may.close)
        throw forbidden(
          row.visitId
            ? '只有督查组组长、组员或组织单位的专项办可以复查销号'
            : '只有责令整改单位或上级的专项办、局领导可以销号',
        );
      if (row.status !== 'replied') throw conflict('只有已报送整改情况、待复查的事项可以销号');
      const text = input.text?.trim() || '经复查，整改到位，予以销号。';
      await step(
        actor,
        row,
        input.version,
        ['replied'],
        { status: 'closed', closedAt: now(), closedBy: actor.userId },
        {
          kind: 'close',
          text,
        },
      );
      return this.get(actor, id);
    },

    /** 复查 → 退回: the answer does not suffice; open again, perhaps with a later deadline (not before today). */
    async return(actor: Actor, id: string, input: { reason: string; deadline?: string | null; version: number }) {
      const { row, may } = await requireFinding(actor, id);
      if (!may.return)
        throw forbidden(
          row.visitId
            ? '只有督查组组长、组员或组织单位的专项办可以退回整改报告'
            : '只有检查的执法人员或责令整改单位的办案人员、专项办、局领导可以退回整改情况',
        );
      if (row.status !== 'replied') throw conflict('只有已报送整改情况、待复查的事项可以退回');
      const reason = input.reason.trim();
      if (!reason) throw invalidField('reason', '请填写退回理由');
      if (input.deadline && input.deadline < today()) throw invalidField('deadline', '新的整改期限不能早于今天');
      const patch: Partial<SupervisionFindingRow> = { status: 'open', returnCount: row.returnCount + 1 };
      if (input.deadline) Object.assign(patch, { deadline: input.deadline, deadlineWorkingDays: null });
      await step(actor, row, input.version, ['replied'], patch, { kind: 'return', text: reason });
      return this.get(actor, id);
    },
  };
}

export type RectificationsService = ReturnType<typeof createRectificationsService>;
