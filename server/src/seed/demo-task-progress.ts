import type { Actor } from '../platform/actor';
import { systemActor } from '../platform/actor';
import { todayInChina } from '../platform/today';
import type { Services } from '../services';
import { addDays } from '../modules/task-progress/task-progress-grid';

/** What a unit reports of its work on a task, by the kind of task. */
const NOTE_TEXTS = [
  (task: string) => `围绕“${task}”召开专题推进会，明确责任人和时间节点，梳理案源线索并建立工作台账。`,
  (task: string) => `落实“${task}”：本周联合相关所队开展集中检查，发现问题均已登记，待核查后移交立案。`,
  (task: string) => `“${task}”按计划推进，已完成阶段性排查，下步将对重点区域开展回头看。`,
];

/**
 * 任务进展 of the demo: the 牵头 units of the city's plan and of 崇明's 实施方案 write their 进展情况
 * (each by its own liaison; a unit without one gets its 联络员 account), so the grid shows progress,
 * and one 牵头 unit is left without any — 崇明's 知识产权科 on its task — for the flag and the office's inbox.
 */
export async function seedDemoTaskProgress(services: Services, campaignIds: string[], password: string) {
  const today = todayInChina();
  const units = await services.unitsService.list(systemActor, { includeInactive: false });
  const writers = new Map<string, Actor>();
  const writerOf = async (unitId: string): Promise<Actor> => {
    const known = writers.get(unitId);
    if (known) return known;
    const unit = units.find((u) => u.id === unitId)!;
    const user = await services.usersService.create(
      systemActor,
      {
        username: `liaison_${unit.code.toLowerCase().replace(/-/g, '_')}`,
        password,
        displayName: `${unit.name}联络员`,
        unitId,
        roles: ['liaison'],
      },
      { mustChangePassword: false },
    );
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      unitId,
      unitPath: unit.path,
      roles: user.roles,
      isSystemAdmin: false,
    };
    writers.set(unitId, actor);
    return actor;
  };
  let n = 0;
  for (const campaignId of campaignIds) {
    const grid = await services.taskProgressService.grid(systemActor, campaignId, { inactiveWeeks: 4 });
    for (const row of grid.rows)
      for (const cell of row.cells) {
        if (!cell.inactive) continue;
        const unit = units.find((u) => u.id === cell.unitId)!;
        if (unit.code === 'CM-ZSCQ') continue; // left inactive: N周无进展 on the grid and in 我的待办
        await services.taskProgressService.addNote(await writerOf(unit.id), campaignId, {
          taskId: row.id,
          unitId: unit.id,
          noteDate: addDays(today, -((n % 20) + 2)),
          text: NOTE_TEXTS[n % NOTE_TEXTS.length](row.title),
        });
        n++;
      }
  }
}
