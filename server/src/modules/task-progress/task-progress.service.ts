import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, invalidField, notFound } from '../../platform/errors';
import { isPathInScope, unitIdInScope, unitIdInScopeWithin } from '../../platform/scope';
import { todayInChina } from '../../platform/today';
import type { AuditService } from '../audit/audit.service';
import type { CampaignsService } from '../campaigns/campaigns.service';
import type { CampaignRow } from '../campaigns/campaigns.schema';
import type { UnitsRepository } from '../units/units.repository';
import { buildGrid, type GridTask } from './task-progress-grid';
import { taskProgressPolicy } from './task-progress.policy';
import type { RecordKind, TaskProgressRepository } from './task-progress.repository';

export interface TaskProgressDeps {
  db: Db;
  taskProgressRepository: TaskProgressRepository;
  campaignsService: Pick<CampaignsService, 'requireVisible'>;
  unitsRepository: UnitsRepository;
  auditService: AuditService;
  today?: () => string;
}

const LINKS: Record<RecordKind, (id: string) => string> = {
  case: (id) => `/cases/${id}`,
  lead: (id) => `/leads/${id}`,
  inspection: (id) => `/inspections/${id}`,
  draw: (id) => `/random-checks/draws/${id}`,
  visit: (id) => `/supervision/visits/${id}`,
};

/** 任务进展: records tagged to the plan's tasks, per task and 牵头/配合 unit, with the units' notes. */
export function createTaskProgressService(deps: TaskProgressDeps) {
  const { db, taskProgressRepository: repo, campaignsService, unitsRepository, auditService } = deps;
  const today = deps.today ?? (() => todayInChina());

  async function tasksOf(campaign: CampaignRow): Promise<GridTask[]> {
    const rows = await repo.treeTasks(db, campaign.path);
    const taskIds = rows.map((r) => r.task.id);
    const links = taskIds.length ? await campaignTaskUnits(taskIds) : [];
    return rows
      .filter((r) => r.status !== 'draft' || r.campaignId === campaign.id)
      .map((r) => ({
        id: r.task.id,
        campaignId: r.campaignId,
        campaignName: r.campaignName,
        startDate: r.startDate,
        seq: r.task.seq,
        title: r.task.title,
        categoryCode: r.task.categoryCode,
        inheritedFromTaskId: r.task.inheritedFromTaskId,
        units: links.filter((l) => l.taskId === r.task.id).map((l) => ({ unitId: l.unitId, role: l.role })),
      }));
  }
  const campaignTaskUnits = (taskIds: string[]) => repo.taskUnits(db, taskIds);

  /** The grid of a plan for the actor: cells of units in his scope, counts of records in it. */
  async function gridOf(actor: Actor, campaign: CampaignRow, inactiveWeeks: number) {
    const tasks = await tasksOf(campaign);
    const taskIds = tasks.map((t) => t.id);
    const [counts, notes] = await Promise.all([
      repo.counts(db, { taskIds, campaignPath: campaign.path, scope: (col) => unitIdInScope(actor, col) }),
      repo.noteCounts(db, taskIds),
    ]);
    const unitIds = new Set([...tasks.flatMap((t) => t.units.map((u) => u.unitId)), ...counts.map((c) => c.unitId)]);
    const units = await unitsRepository.findByIds(db, [...unitIds]);
    const rows = buildGrid({
      tasks,
      unitPaths: new Map(units.map((u) => [u.id, u.path])),
      counts,
      notes: notes.map((n) => ({ ...n, last: n.last ?? null })),
      showsUnit: (path) => isPathInScope(actor, path),
      today: today(),
      inactiveWeeks,
    });
    const shown = new Set(rows.flatMap((r) => r.cells.map((c) => c.unitId)));
    return {
      campaignId: campaign.id,
      campaignName: campaign.name,
      today: today(),
      inactiveWeeks,
      units: units.filter((u) => shown.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
      rows,
    };
  }

  /** A cell the actor may open: the task in the plan's tree, the unit one of its 牵头/配合 units and in scope; else 404. */
  async function requireCell(actor: Actor, campaignId: string, taskId: string, unitId: string) {
    const campaign = await campaignsService.requireVisible(actor, campaignId);
    const task = (await tasksOf(campaign)).find((t) => t.id === taskId);
    if (!task) throw notFound('重点任务');
    const link = task.units.find((u) => u.unitId === unitId);
    const unit = link ? await unitsRepository.findById(db, unitId) : undefined;
    if (!link || !unit || !isPathInScope(actor, unit.path)) throw notFound('任务单位');
    return { campaign, task, unit, role: link.role };
  }

  /** The 牵头 cells of a plan (in the actor's scope) without progress for N weeks. */
  async function inactiveOf(actor: Actor, c: CampaignRow, inactiveWeeks = 4) {
    const grid = await gridOf(actor, c, inactiveWeeks);
    const names = new Map(grid.units.map((u) => [u.id, u.name]));
    return grid.rows.flatMap((task) =>
      task.cells
        .filter((cell) => cell.inactive)
        .map((cell) => ({
          task,
          unitId: cell.unitId,
          unitName: names.get(cell.unitId) ?? '',
          weeks: cell.weeksInactive!,
          lastActivity: cell.lastActivity,
        })),
    );
  }

  return {
    async grid(actor: Actor, campaignId: string, q: { inactiveWeeks: number }) {
      return gridOf(actor, await campaignsService.requireVisible(actor, campaignId), q.inactiveWeeks);
    },

    /** 穿透: the records behind a cell (the unit's subtree within the actor's scope) and its notes. */
    async cell(actor: Actor, campaignId: string, q: { taskId: string; unitId: string }) {
      const { campaign, task, unit, role } = await requireCell(actor, campaignId, q.taskId, q.unitId);
      const [records, notes] = await Promise.all([
        repo.records(db, {
          taskId: task.id,
          campaignPath: campaign.path,
          where: (col) => unitIdInScopeWithin(actor, unit.path, col),
          limit: 200,
        }),
        repo.notes(db, task.id, unit.id),
      ]);
      const names = new Map(
        (await unitsRepository.findByIds(db, [...new Set(records.map((r) => r.unitId))])).map((u) => [u.id, u.name]),
      );
      return {
        task: {
          id: task.id,
          seq: task.seq,
          title: task.title,
          campaignId: task.campaignId,
          campaignName: task.campaignName,
        },
        unit: { id: unit.id, name: unit.name },
        role,
        records: records.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '', link: LINKS[r.kind](r.id) })),
        notes: notes.map((n) => ({
          id: n.id,
          noteDate: n.noteDate,
          text: n.text,
          authorName: n.authorName,
          createdAt: n.createdAt,
        })),
        can: { addNote: taskProgressPolicy.canWriteNote(actor, unit.id) },
      };
    },

    /** 添加进展: the unit's own liaison, office or leader (403 otherwise), audited. */
    async addNote(
      actor: Actor,
      campaignId: string,
      input: { taskId: string; unitId: string; noteDate: string; text: string },
    ) {
      const { unit } = await requireCell(actor, campaignId, input.taskId, input.unitId);
      if (!taskProgressPolicy.canWriteNote(actor, unit.id))
        throw forbidden('只有该牵头或配合单位的联络员、专项办或局领导可以填报进展情况');
      if (input.noteDate > today()) throw invalidField('noteDate', `进展日期不能晚于今天（${today()}）`);
      const note = await db.transaction(async (tx) => {
        const created = await repo.insertNote(tx, { ...input, authorId: actor.userId, authorName: actor.displayName });
        await auditService.record(tx, actor, {
          action: 'task_progress_note.create',
          recordId: created.id,
          unitId: unit.id,
          after: created,
        });
        return created;
      });
      return {
        id: note.id,
        noteDate: note.noteDate,
        text: note.text,
        authorName: note.authorName,
        createdAt: note.createdAt,
      };
    },

    inactiveOf,

    /** The 牵头 cells without progress for N weeks in the plans the actor's unit issued (the office's inbox). */
    async inactiveLeads(actor: Actor, inactiveWeeks = 4) {
      if (!taskProgressPolicy.watchesInactivity(actor)) return [];
      const out = [];
      for (const c of await repo.issuedBy(db, actor.unitId!))
        out.push(...(await inactiveOf(actor, c, inactiveWeeks)).map((r) => ({ ...r, campaign: c })));
      return out;
    },
  };
}

export type TaskProgressService = ReturnType<typeof createTaskProgressService>;
