import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { AppError, conflict, forbidden, notFound, type FieldError } from '../../platform/errors';
import { isPathWithin, isUuid } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CalendarService } from '../calendar/calendar.service';
import type { InspectionsService } from '../inspections/inspections.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { RandomChecksService } from '../random-checks/random-checks.service';
import type { InspectionFacts } from '../rollups/rollup-contributions';
import type { Change } from '../rollups/rollups.service';
import type { SupervisionFindingRow } from '../supervision/supervision.schema';
import { rectificationNotices } from './rectification-notices';
import { presentFinding, visibleTo } from './rectification-views';
import { fieldRectificationPolicy, type FieldSource } from './rectifications.policy';
import type { FindingFilters, RectificationsRepository } from './rectifications.repository';
import type { RectificationsService } from './rectifications.service';

/** 责令整改 as the inspectors write it: the entity, what was found, what it must do, by when. */
export interface FieldOrderInput {
  entityId?: string | null;
  description: string;
  requirement: string;
  deadlineWorkingDays?: number | null;
  deadline?: string | null;
}

const refused = (errors: FieldError[]) =>
  new AppError(422, '无法处理', errors.map((e) => e.message).join('；'), errors);

/** Where an entity's 责令整改 was ordered: an outing or a 双随机 draw item, with who follows it up. */
interface OrderSource extends FieldSource {
  kind: 'inspection' | 'random_check';
  unitId: string;
  unitName: string;
  campaignId: string | null;
  /** The outing's day or the 双随机 check's: the deadline counts from it. */
  date: string;
  filters: Pick<FindingFilters, 'inspectionId' | 'drawItemId'>;
  link: { inspectionId: string } | { drawItemId: string };
  /** The drawn entity (a draw's order names no other). */
  fixedEntityId?: string;
}

/**
 * 责令整改 on the spot: an outing (执法检查) or a 双随机 check orders a market entity to correct
 * what was found, by a deadline; the same engine as 督查's findings then carries it (the entity's
 * 整改情况 recorded by the inspectors, 复查 退回 or 销号, reminders, inbox, ledger). An outing's
 * 责令整改份数 is kept at least the number ordered on it (raised with its roll-up in the order's
 * transaction; an edit of the outing below it is refused by the inspections service).
 */
export function createFieldRectificationsService(deps: {
  db: Db;
  rectificationsRepository: RectificationsRepository;
  rectificationsService: Pick<RectificationsService, 'get'>;
  inspectionsService: Pick<InspectionsService, 'get'>;
  randomChecksService: Pick<RandomChecksService, 'requireDraw'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  auditService: AuditService;
  rollups: { recordInspections(tx: Db, changes: Change<InspectionFacts>[]): Promise<void> };
  today?: () => string;
  now?: () => Date;
}) {
  const { db, rectificationsRepository: repo, rectificationsService, calendarService } = deps;
  const { notificationsService, auditService, rollups } = deps;
  const today = deps.today ?? (() => todayInChina());
  const now = deps.now ?? (() => new Date());
  const notices = rectificationNotices({ db, repo });

  /** The outing, in the actor's scope (404 otherwise), as an order's source. */
  async function outing(actor: Actor, inspectionId: string): Promise<OrderSource> {
    await deps.inspectionsService.get(actor, inspectionId);
    const ctx = (await repo.inspectionContext(db, inspectionId))!;
    const i = ctx.inspection;
    return {
      kind: 'inspection',
      unitId: i.unitId,
      unitName: ctx.unitName,
      unitPath: ctx.unitPath,
      inspectorIds: i.inspectorIds,
      campaignId: i.campaignId,
      date: i.inspectionDate,
      filters: { inspectionId },
      link: { inspectionId },
    };
  }

  /** The drawn entity of a draw the actor sees (404 otherwise), as an order's source. */
  async function drawItem(actor: Actor, drawId: string, itemId: string): Promise<OrderSource & { checked: boolean }> {
    await deps.randomChecksService.requireDraw(actor, drawId);
    const ctx = isUuid(itemId) ? await repo.drawItemContext(db, drawId, itemId) : undefined;
    if (!ctx) throw notFound('抽查对象');
    return {
      kind: 'random_check',
      unitId: ctx.draw.unitId,
      unitName: ctx.unitName,
      unitPath: ctx.unitPath,
      inspectorIds: ctx.item.inspectorIds,
      campaignId: ctx.draw.campaignId,
      date: ctx.item.checkDate ?? todayInChina(ctx.draw.createdAt),
      filters: { drawItemId: itemId },
      link: { drawItemId: itemId },
      fixedEntityId: ctx.item.entityId,
      checked: ctx.item.result === 'corrected' || ctx.item.result === 'problem_followed_up',
    };
  }

  async function list(actor: Actor, source: OrderSource) {
    const day = today();
    const rows = await repo.list(db, { visible: visibleTo(actor), ...source.filters }, day, { limit: 500, offset: 0 });
    const canOrder = fieldRectificationPolicy.canOrder(actor, source);
    return {
      items: rows.map((r) => presentFinding(actor, r, null, day)),
      canOrder,
      /** The entities an order may name: those the unit and the units below it supervise. */
      entities: canOrder && !source.fixedEntityId ? await repo.entitiesBelow(db, source.unitPath) : [],
    };
  }

  /** The stored fields of an order, every problem 422 on its field, nothing written. */
  async function checked(source: OrderSource, input: FieldOrderInput) {
    const errors: FieldError[] = [];
    const entityId = source.fixedEntityId ?? input.entityId ?? '';
    const entity = isUuid(entityId) ? await repo.entity(db, entityId) : undefined;
    if (!entity || !isPathWithin(entity.unitPath, source.unitPath))
      errors.push({ path: 'entityId', message: `被责令整改的主体应为“${source.unitName}”或其下级单位监管的市场主体` });
    const requirement = input.requirement.trim();
    if (!requirement) errors.push({ path: 'requirement', message: '请填写整改要求' });
    const days = input.deadlineWorkingDays ?? null;
    let deadline = input.deadline ?? null;
    if (days === null && !deadline) errors.push({ path: 'deadline', message: '请填写整改期限（工作日数或日期）' });
    if (days !== null) deadline = (await calendarService.calendar()).addWorkingDays(source.date, days).date;
    if (deadline && deadline < source.date)
      errors.push({
        path: 'deadline',
        message: `整改期限不能早于${source.kind === 'inspection' ? '检查' : '抽查'}日期`,
      });
    if (errors.length) throw refused(errors);
    return {
      entity: entity!,
      fields: {
        entityId: entity!.id,
        unitId: source.unitId,
        campaignId: source.campaignId,
        description: input.description.trim(),
        requirement,
        status: 'open' as const,
        deadlineWorkingDays: days,
        deadline,
      },
    };
  }

  async function order(actor: Actor, source: OrderSource, input: FieldOrderInput) {
    if (!fieldRectificationPolicy.canOrder(actor, source))
      throw forbidden('只有检查的执法人员或该单位的办案人员、专项办可以责令整改');
    const { entity, fields } = await checked(source, input);
    const created = await db.transaction(async (tx) => {
      const row: SupervisionFindingRow = await repo.insert(tx, {
        ...fields,
        ...source.link,
        createdBy: actor.userId,
        createdAt: now(),
      });
      await auditService.record(tx, actor, {
        action: 'rectification.create',
        recordId: row.id,
        unitId: row.unitId,
        after: row,
      });
      if (source.kind === 'inspection') await keepOrdersCounted(tx, actor, source.filters.inspectionId!);
      await notificationsService.notify(tx, await notices.ordered(tx, row, entity.name, source.inspectorIds));
      return row;
    });
    return rectificationsService.get(actor, created.id);
  }

  /** 责令整改份数 at least the number ordered on the outing: raised with its roll-up and audit entry. */
  async function keepOrdersCounted(tx: Db, actor: Actor, inspectionId: string) {
    const raised = await repo.raiseOrders(tx, inspectionId, await repo.orderedOn(tx, inspectionId));
    if (!raised) return;
    await rollups.recordInspections(tx, [raised]);
    await auditService.record(tx, actor, {
      action: 'inspection.update',
      recordId: inspectionId,
      unitId: raised.after.unitId,
      before: { rectificationOrders: raised.before.rectificationOrders, version: raised.before.version },
      after: { rectificationOrders: raised.after.rectificationOrders, version: raised.after.version },
    });
  }

  return {
    /** The 责令整改 of an outing, whether the actor may order one and the entities it may name. */
    async listForInspection(actor: Actor, inspectionId: string) {
      const source = await outing(actor, inspectionId);
      return { ...(await list(actor, source)), orderedCount: await repo.orderedOn(db, inspectionId) };
    },

    async orderForInspection(actor: Actor, inspectionId: string, input: FieldOrderInput) {
      return order(actor, await outing(actor, inspectionId), input);
    },

    /** The 责令整改 of a drawn entity. */
    async listForDrawItem(actor: Actor, drawId: string, itemId: string) {
      const source = await drawItem(actor, drawId, itemId);
      const answer = await list(actor, source);
      return { ...answer, canOrder: answer.canOrder && source.checked };
    },

    /** 责令整改 after a 双随机 check that found a problem (检查结果 corrected 责令改正, or problem_followed_up). */
    async orderForDrawItem(actor: Actor, drawId: string, itemId: string, input: FieldOrderInput) {
      const source = await drawItem(actor, drawId, itemId);
      if (!fieldRectificationPolicy.canOrder(actor, source))
        throw forbidden('只有抽中的执法人员或该单位的办案人员、专项办可以责令整改');
      if (!source.checked)
        throw conflict('请先登记检查结果为“发现问题已责令改正”或“发现问题，已移交或立案处理”，再责令整改');
      return order(actor, source, input);
    },
  };
}

export type FieldRectificationsService = ReturnType<typeof createFieldRectificationsService>;
