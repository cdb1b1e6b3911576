import type { Db } from '../../db/database';
import { actorOfUser } from '../../platform/actor';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { NotificationsService } from '../notifications/notifications.service';
import { reportLink } from './report-link';
import type { NewNotification } from '../notifications/notifications.schema';
import type { UsersRepository } from '../users/users.repository';
import type { ReportsService } from './reports.service';

type Reminder = Awaited<ReturnType<ReportsService['reminders']>>[number];

/** The notification a reminder gives its liaison: coming due, or overdue (a returned report is told when returned). */
export function reminderNotification(userId: string, r: Reminder): NewNotification | null {
  const period = `${r.name}（${r.periodStart} 至 ${r.periodEnd}）`;
  const key = `report:${r.campaignId}:${r.scheduleId}:${r.periodEnd}:${r.unitId}`;
  const base = { userId, unitId: r.unitId, link: reportLink(r.campaignId, r) };
  if (r.state === 'open')
    return {
      ...base,
      kind: 'report_due_soon',
      dedupeKey: `${key}:due_soon`,
      title: `${r.unitLabel}的${period}将于 ${r.dueDate}${r.dueTime ? ` ${r.dueTime}` : ''} 截止报送`,
      body: r.campaignName,
    };
  if (r.state === 'missing')
    return {
      ...base,
      kind: 'report_overdue',
      dedupeKey: `${key}:overdue`,
      title: `${r.unitLabel}的${period}已逾期未报（截止 ${r.dueDate}）`,
      body: r.campaignName,
    };
  return null;
}

/**
 * 报送提醒: every day at 08:00 Beijing time, each liaison (and office) is told once of each of the
 * unit's reports coming due within REMINDER_DAYS and once when one is overdue — the same reminders
 * the home page lists, made into notifications in one transaction. Run twice, retried after a
 * restart, or run by two processes, it tells nobody anything twice (the notifications' dedupeKey).
 */
export function reportRemindersJob(deps: {
  db: Db;
  usersRepository: Pick<UsersRepository, 'activeWithRoles'>;
  reportsService: Pick<ReportsService, 'reminders'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
}): JobDefinition & { scan(): Promise<{ notified: number }> } {
  async function scan() {
    const people = await deps.usersRepository.activeWithRoles(deps.db, ['liaison', 'office']);
    const rows: NewNotification[] = [];
    for (const { user, unitPath } of people)
      for (const r of await deps.reportsService.reminders(actorOfUser(user, unitPath))) {
        const row = reminderNotification(user.id, r);
        if (row) rows.push(row);
      }
    const notified = await deps.db.transaction((tx) => deps.notificationsService.notify(tx, rows));
    return { notified };
  }
  return {
    name: 'report-reminders',
    cron: '0 8 * * *',
    scan,
    run: async () => {
      await scan();
    },
  };
}
