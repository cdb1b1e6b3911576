import type { Db } from '../../db/database';
import { unprocessable } from '../../platform/errors';
import { isSameLine, isUuid } from '../../platform/scope';
import type { UnitsRepository } from '../units/units.repository';
import type { CampaignsRepository } from './campaigns.repository';
import { createTaskDefaulter } from './task-default';

/** A record as its task is chosen: its campaign, category (none for a draw or a visit), unit and the task it names. */
export interface RecordTaskTarget {
  campaignId: string | null;
  categoryCode: string | null;
  unitId: string;
  /** Named on the form; undefined: not named (a create takes the default, an edit keeps the stored one). */
  taskId?: string | null;
}

/**
 * The 重点任务 a record is tagged with, inside the writer's transaction: one the record names must
 * be a task of a plan in its campaign's tree (the plan, a plan above it or one of its 实施方案),
 * else 422 naming 重点任务; a create naming none takes `defaultTaskId`'s choice.
 */
export function createRecordTask(deps: { campaignsRepository: CampaignsRepository; unitsRepository: UnitsRepository }) {
  const { campaignsRepository: repo, unitsRepository } = deps;

  async function check(tx: Db, campaignId: string | null, taskId: string): Promise<string> {
    const campaign = campaignId ? await repo.findById(tx, campaignId) : undefined;
    const owner = isUuid(taskId) ? await repo.taskCampaign(tx, taskId) : undefined;
    if (!campaign || !owner || !isSameLine(owner.path, campaign.path))
      throw unprocessable('taskId', '重点任务不属于该记录所属专项行动（或其实施方案、上级方案）的任务');
    return taskId;
  }

  /** The default rule over a campaign's tasks, loaded once (for one record or a batch of an import). */
  async function defaulter(tx: Db, campaignId: string) {
    const tasks = await repo.tasks(tx, campaignId);
    const named = tasks.length
      ? await unitsRepository.findByIds(tx, [...new Set(tasks.flatMap((t) => t.units.map((u) => u.unitId)))])
      : [];
    const pathOf = new Map(named.map((u) => [u.id, u.path]));
    const decide = createTaskDefaulter(
      tasks.map((t) => ({
        id: t.id,
        seq: t.seq,
        categoryCode: t.categoryCode,
        unitPaths: t.units.map((u) => pathOf.get(u.unitId)).filter((p): p is string => p !== undefined),
      })),
    );
    return (r: { categoryCode: string | null; unitPath: string }) => (tasks.length ? decide(r) : null);
  }

  return {
    /**
     * The default tasks of an import's rows (one campaign), batch after batch: the rule of
     * `forCreate` without a named task, its tasks loaded at the first batch and the units' paths
     * remembered across batches.
     */
    importDefaults(campaignId: string) {
      let rule: ReturnType<typeof defaulter> | undefined;
      const pathOf = new Map<string, string>();
      return async (tx: Db, rows: { categoryCode: string | null; unitId: string }[]) => {
        rule ??= defaulter(tx, campaignId);
        const unknown = [...new Set(rows.map((r) => r.unitId))].filter((id) => !pathOf.has(id));
        for (const u of unknown.length ? await unitsRepository.findByIds(tx, unknown) : []) pathOf.set(u.id, u.path);
        const decide = await rule;
        return rows.map((r) => {
          const unitPath = pathOf.get(r.unitId);
          return unitPath ? decide({ categoryCode: r.categoryCode, unitPath }) : null;
        });
      };
    },

    /** The task of a new record: the named one (checked) or the default; null when none applies. */
    async forCreate(tx: Db, r: RecordTaskTarget): Promise<string | null> {
      if (r.taskId) return check(tx, r.campaignId, r.taskId);
      if (!r.campaignId) return null;
      const unit = await unitsRepository.findById(tx, r.unitId);
      if (!unit) return null;
      return (await defaulter(tx, r.campaignId))({ categoryCode: r.categoryCode, unitPath: unit.path });
    },

    /** The task of an edit: undefined keeps the stored one, null clears it, a named one is checked. */
    async forUpdate(tx: Db, r: RecordTaskTarget): Promise<string | null | undefined> {
      if (r.taskId === undefined || r.taskId === null) return r.taskId;
      return check(tx, r.campaignId, r.taskId);
    },
  };
}

export type RecordTask = ReturnType<typeof createRecordTask>;
