import type { Actor } from '../../platform/actor';
import { conflict, forbidden, invalidField, notFound } from '../../platform/errors';
import { createRecordScope } from '../../platform/records';
import { isPathInScope, isPathWithin, isUuid, unitIdInScope } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { SupervisionAccess, SupervisionDeps } from './supervision-access';
import { supervisionPolicy } from './supervision.policy';
import { visitVisibleTo } from './supervision.repository';
import {
  supervisionVisits,
  VISIT_METHOD_LABELS,
  VISIT_METHODS,
  type SupervisionGroupRow,
  type SupervisionRoundRow,
  type VisitMethod,
} from './supervision.schema';

/** The methods a visit may name (for the routes, which do not read the schema). */
export { VISIT_METHODS };

export interface VisitInput {
  unitId: string;
  visitDate: string;
  method: VisitMethod;
  unannounced: boolean;
  checkedItems: string;
  summary?: string | null;
  drawId?: string | null;
  /** 重点任务 the visit serves; omitted on create: the default from its unit (task-progress). */
  taskId?: string | null;
}

/**
 * Methods whose unit need not be in the group's own 片区: 交叉检查 and 互查 look at units of another
 * area on purpose (seed 004: 交叉检查; seed 000: 互查), so the unit need only be in the organiser's
 * subtree. 自查 is a unit checking itself, which the group of its area records and reviews: the
 * unit must be in the group's area like a visit.
 */
const OUTSIDE_AREA_METHODS: readonly VisitMethod[] = ['cross', 'mutual'];

type VisitListRow = Awaited<ReturnType<SupervisionDeps['supervisionRepository']['findVisit']>> & {};

/** 督查记录: a group at a unit on a day, who may record it, and who may read it. */
export function createSupervisionVisits(
  deps: SupervisionDeps & { auditService: AuditService; today?: () => string },
  access: SupervisionAccess,
) {
  const { db, supervisionRepository: repo, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());
  const records = createRecordScope({
    db,
    findUnit: deps.unitsRepository.findById,
    requireCampaign: deps.campaignsService.requireVisiblePath,
  });

  /** The `can` of each group's visits (its people and organiser), loaded once per group. */
  function flagsOf(actor: Actor) {
    const memo = new Map<string, Promise<{ edit: boolean }>>();
    return (groupId: string) => {
      if (!memo.has(groupId))
        memo.set(
          groupId,
          (async () => {
            const g = (await repo.findGroup(db, groupId))!;
            const organizer = await access.unitOf(g.organizerUnitId);
            return supervisionPolicy.visitFlags(actor, organizer.path, await access.peopleOf(g));
          })(),
        );
      return memo.get(groupId)!;
    };
  }

  const view = (r: VisitListRow, can: { edit: boolean }) => {
    const { createdBy: _by, ...v } = r.visit;
    return {
      ...v,
      methodLabel: VISIT_METHOD_LABELS[v.method],
      unitName: r.unitName,
      groupName: r.groupName,
      roundNumber: r.roundNumber,
      roundTitle: r.roundTitle,
      can,
    };
  };

  /** The rules of a visit, checked before anything is stored; each names its field. */
  async function check(round: SupervisionRoundRow, group: SupervisionGroupRow, input: VisitInput) {
    const organizer = await access.unitOf(group.organizerUnitId);
    const unit = isUuid(input.unitId) ? await deps.unitsRepository.findById(db, input.unitId) : undefined;
    if (!unit) throw invalidField('unitId', '被督查单位不存在');
    const area = (await repo.areasOf(db, [group.id])).map((a) => a.unitId);
    if (OUTSIDE_AREA_METHODS.includes(input.method)) {
      if (!isPathWithin(unit.path, organizer.path))
        throw invalidField('unitId', `被督查单位应为${organizer.name}或其下级单位`);
    } else if (!area.includes(unit.id)) throw invalidField('unitId', '被督查单位不在本组片区内');
    if (input.visitDate > today()) throw invalidField('visitDate', '督查日期不能晚于今天');
    if (input.visitDate < round.startDate || input.visitDate > round.endDate)
      throw invalidField('visitDate', `督查日期应在本轮督查期间内（${round.startDate} 至 ${round.endDate}）`);
    if (input.drawId) {
      if (input.method !== 'random') throw invalidField('drawId', '只有随机专项督查可以关联随机抽取');
      const d = isUuid(input.drawId) ? await repo.findDraw(db, input.drawId) : undefined;
      if (!d || d.roundId !== round.id || d.groupId !== group.id)
        throw invalidField('drawId', '所选随机抽取不属于本轮本组');
      if (!d.picked.includes(unit.id)) throw invalidField('drawId', `${unit.name}不在所选随机抽取的结果中`);
    }
    return { organizer, unit };
  }

  async function requireVisit(actor: Actor, id: string) {
    const { row } = await records.requireRecord(actor, id, '督查记录', supervisionVisits.unitId, async (vid, scope) => {
      const r = await repo.findVisit(db, vid, visitVisibleTo(scope, actor.userId));
      return r && { ...r, unitId: r.visit.unitId };
    });
    return row;
  }

  const fields = (input: VisitInput) => ({
    unitId: input.unitId,
    visitDate: input.visitDate,
    method: input.method,
    unannounced: input.unannounced,
    checkedItems: input.checkedItems,
    summary: input.summary ?? null,
    drawId: input.drawId ?? null,
  });

  return {
    async list(
      actor: Actor,
      q: {
        campaignId?: string;
        roundId?: string;
        groupId?: string;
        unitId?: string;
        method?: VisitMethod;
        page: number;
        pageSize: number;
      },
    ) {
      if (q.campaignId) await access.campaignFor(actor, q.campaignId);
      let unitPath: string | undefined;
      if (q.unitId) {
        const unit = isUuid(q.unitId) ? await deps.unitsRepository.findById(db, q.unitId) : undefined;
        const mine = unit && !isPathInScope(actor, unit.path) ? await repo.myGroups(db, actor.userId) : [];
        const inMyArea =
          mine.length > 0 &&
          (
            await repo.areasOf(
              db,
              mine.map((g) => g.id),
            )
          ).some((a) => a.unitId === unit!.id);
        if (!unit || (!isPathInScope(actor, unit.path) && !inMyArea)) throw notFound('单位');
        unitPath = unit.path;
      }
      const { items, total } = await repo.listVisits(db, {
        visible: visitVisibleTo(unitIdInScope(actor, supervisionVisits.unitId), actor.userId),
        campaignId: q.campaignId,
        roundId: q.roundId,
        groupId: q.groupId,
        unitPath,
        method: q.method,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      });
      const flags = flagsOf(actor);
      return {
        items: await Promise.all(items.map(async (r) => view(r, await flags(r.visit.groupId)))),
        total,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    async get(actor: Actor, id: string) {
      const row = await requireVisit(actor, id);
      return view(row, await flagsOf(actor)(row.visit.groupId));
    },

    async create(actor: Actor, input: VisitInput & { roundId: string; groupId: string }) {
      const { round } = await access.roundFor(actor, input.roundId).catch(() => {
        throw invalidField('roundId', '督查轮次不存在或不在您的权限范围内');
      });
      const { group, people, organizer } = await access.groupFor(actor, input.groupId).catch(() => {
        throw invalidField('groupId', '督查组不存在或不在您的权限范围内');
      });
      if (group.campaignId !== round.campaignId || group.organizerUnitId !== round.organizerUnitId)
        throw invalidField('groupId', '该督查组不属于本轮督查的方案和组织单位');
      if (!supervisionPolicy.canRecordVisit(actor, organizer.path, people))
        throw forbidden('只有本组组长、组员或组织单位的专项办、局领导可以登记督查记录');
      await check(round, group, input);
      const row = await db.transaction(async (tx) => {
        const v = await repo.insertVisit(tx, {
          ...fields(input),
          taskId: await deps.campaignsService.recordTask.forCreate(tx, {
            ...input,
            campaignId: round.campaignId,
            categoryCode: null,
          }),
          roundId: round.id,
          groupId: group.id,
          campaignId: round.campaignId,
          createdBy: actor.userId,
        });
        await auditService.record(tx, actor, {
          action: 'supervision_visit.create',
          recordId: v.id,
          unitId: v.unitId,
          after: v,
        });
        return v;
      });
      return this.get(actor, row.id);
    },

    /** Changes a visit (its round and group stay); 409 when someone else changed it first. */
    async update(actor: Actor, id: string, input: VisitInput & { version: number }) {
      const before = await requireVisit(actor, id);
      const { group, people, organizer } = await access.groupOfVisible(before.visit.groupId);
      if (!supervisionPolicy.canRecordVisit(actor, organizer.path, people))
        throw forbidden('只有本组组长、组员或组织单位的专项办、局领导可以修改督查记录');
      if (before.visit.version !== input.version) throw conflict('该督查记录已被他人修改，请刷新后再试');
      const round = (await repo.findRound(db, before.visit.roundId))!;
      await check(round, group, input);
      await db.transaction(async (tx) => {
        const taskId = await deps.campaignsService.recordTask.forUpdate(tx, {
          ...input,
          campaignId: round.campaignId,
          categoryCode: null,
        });
        const v = await repo.updateVisit(tx, id, input.version, { ...fields(input), taskId });
        if (!v) throw conflict('该督查记录已被他人修改，请刷新后再试');
        await auditService.record(tx, actor, {
          action: 'supervision_visit.update',
          recordId: id,
          unitId: v.unitId,
          before: before.visit,
          after: v,
        });
      });
      return this.get(actor, id);
    },
  };
}
