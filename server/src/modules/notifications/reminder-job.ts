import type { Db } from '../../db/database';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import { todayInChina } from '../../platform/today';
import type { NewNotification } from './notifications.schema';
import type { NotificationsService } from './notifications.service';

/**
 * A daily reminder scan (办案期限、线索核查期限、督办进展…): at `cron` (Beijing time) it reads what is
 * due today and notifies it in one transaction; the notifications' dedupe keys make a second run, or
 * a retry after a crash, tell nothing twice. `collect` reads through the db and returns the rows.
 */
export function dailyReminderJob(deps: {
  name: string;
  cron: string;
  db: Db;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
  collect: (today: string) => Promise<NewNotification[]>;
}): JobDefinition & { scan(): Promise<{ notified: number }> } {
  async function scan() {
    const rows = await deps.collect((deps.today ?? (() => todayInChina()))());
    return { notified: await deps.db.transaction((tx) => deps.notificationsService.notify(tx, rows)) };
  }
  return { name: deps.name, cron: deps.cron, scan, run: async () => void (await scan()) };
}
