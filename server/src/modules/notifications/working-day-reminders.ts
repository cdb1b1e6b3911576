import type { Db } from '../../db/database';
import type { JobDefinition } from '../../platform/jobs/job-queue';
import type { CalendarService } from '../calendar/calendar.service';
import type { NewNotification } from './notifications.schema';
import { dailyReminderJob } from './reminder-job';
import type { NotificationsService } from './notifications.service';

/**
 * A daily reminder scan on the holiday calendar: every record whose date falls within `withinWorkingDays`
 * working days of today (or has passed) is read (`dueBy`), turned into its notifications (each with
 * a dedupeKey naming the date and whether it passed, so a scan run twice tells nothing twice) and
 * told in one transaction (`reminder-job.ts`). The leads' verification clocks and the rectifications' deadlines use it.
 */
export function workingDayRemindersJob<R>(deps: {
  name: string;
  cron: string;
  withinWorkingDays: number;
  db: Db;
  dueBy: (db: Db, lastDay: string) => Promise<R[]>;
  notificationsOf: (row: R, today: string) => NewNotification[];
  calendarService: Pick<CalendarService, 'calendar'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}): JobDefinition & { scan(): Promise<{ notified: number }> } {
  return dailyReminderJob({
    ...deps,
    collect: async (today) => {
      const last = (await deps.calendarService.calendar()).addWorkingDays(today, deps.withinWorkingDays).date;
      return (await deps.dueBy(deps.db, last)).flatMap((r) => deps.notificationsOf(r, today));
    },
  });
}
