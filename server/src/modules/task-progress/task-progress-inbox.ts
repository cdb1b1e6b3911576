import type { Actor } from '../../platform/actor';
import { INBOX_KIND_LIMIT, section, type InboxProvider } from '../inbox/inbox';
import type { TaskProgressService } from './task-progress.service';

/**
 * 我的待办 of a plan's office: the 牵头 units of its unit's published plans with no tagged record and
 * no 进展情况 for four weeks (严防推诿扯皮，落实不力), each opening the plan's 任务进展 grid.
 */
export function createTaskProgressInbox(deps: {
  taskProgressService: Pick<TaskProgressService, 'inactiveLeads'>;
}): InboxProvider {
  return async (actor: Actor) => {
    const rows = await deps.taskProgressService.inactiveLeads(actor);
    if (rows.length === 0) return [];
    const items = rows.slice(0, INBOX_KIND_LIMIT).map((r) => ({
      kind: 'task_inactive',
      recordType: 'campaign_task',
      recordId: r.task.id,
      title: `${r.campaign.name}：任务${r.task.seq}“${r.task.title}”牵头单位${r.unitName} ${r.weeks}周无进展`,
      dueAt: null,
      unitId: r.unitId,
      link: `/campaigns/${r.campaign.id}?tab=task-progress&taskId=${r.task.id}&unitId=${r.unitId}`,
      overdue: true,
    }));
    return [section('task_inactive', items, rows.length)];
  };
}
