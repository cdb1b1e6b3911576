import type { Db } from '../../db/database';
import { systemActor } from '../../platform/actor';
import type { NewNotification } from '../notifications/notifications.schema';
import type { NotificationsService } from '../notifications/notifications.service';
import { dailyReminderJob } from '../notifications/reminder-job';
import type { TaskProgressRepository } from './task-progress.repository';
import type { TaskProgressService } from './task-progress.service';

/**
 * 任务无进展提醒: every day at 08:20 Beijing time, the office of each published plan's issuing unit
 * is told of each 牵头 unit that has had neither a tagged record nor a 进展情况 for four weeks —
 * once per idle stretch (the key names the last activity, so new activity and a new silence tell again).
 */
export function taskProgressRemindersJob(deps: {
  db: Db;
  taskProgressRepository: Pick<TaskProgressRepository, 'activePlans' | 'officeUserIds'>;
  taskProgressService: Pick<TaskProgressService, 'inactiveOf'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}) {
  return dailyReminderJob({
    ...deps,
    name: 'task-progress-reminders',
    cron: '20 8 * * *',
    async collect() {
      const rows: NewNotification[] = [];
      for (const plan of await deps.taskProgressRepository.activePlans(deps.db)) {
        const inactive = await deps.taskProgressService.inactiveOf(systemActor, plan);
        if (inactive.length === 0) continue;
        const recipients = await deps.taskProgressRepository.officeUserIds(deps.db, plan.unitId);
        for (const r of inactive)
          for (const userId of recipients)
            rows.push({
              userId,
              kind: 'task_inactive',
              title: `${plan.name}：任务${r.task.seq + 1}“${r.task.title}”牵头单位${r.unitName} ${r.weeks}周无进展`,
              body: null,
              link: `/campaigns/${plan.id}?tab=task-progress&taskId=${r.task.id}&unitId=${r.unitId}`,
              unitId: r.unitId,
              dedupeKey: `task-inactive:${r.task.id}:${r.unitId}:${r.lastActivity ?? 'none'}`,
            });
      }
      return rows;
    },
  });
}
