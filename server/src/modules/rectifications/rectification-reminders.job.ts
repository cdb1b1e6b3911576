import type { Db } from '../../db/database';
import type { CalendarService } from '../calendar/calendar.service';
import type { NewNotification } from '../notifications/notifications.schema';
import type { NotificationsService } from '../notifications/notifications.service';
import { workingDayRemindersJob } from '../notifications/working-day-reminders';
import { FIELD_FOLLOW_UP_ROLES, RECTIFICATION_ANSWERING_ROLES } from './rectifications.policy';
import type { RectificationsRepository } from './rectifications.repository';

/** How many working days before its deadline a unit is reminded of an open rectification. */
export const RECTIFICATION_DUE_SOON_WORKING_DAYS = 3;

type Due = Awaited<ReturnType<RectificationsRepository['openDueBy']>>[number];

/** What the people who answer for the unit are told of an open rectification: due soon, or overdue. */
export function rectificationDueNotifications(r: Due, today: string): NewNotification[] {
  const due = r.deadline!;
  const overdue = due < today;
  const what = r.description.length > 30 ? `${r.description.slice(0, 30)}…` : r.description;
  return r.recipients.map((userId) => ({
    userId,
    kind: overdue ? 'rectification_overdue' : 'rectification_due_soon',
    title: overdue ? `整改已逾期（期限 ${due}）：${what}` : `整改期限 ${due} 将至：${what}`,
    body: overdue ? '请尽快完成整改并报送整改情况（责令整改的，请督促当事人整改并复查）。' : null,
    link: `/rectifications/${r.id}`,
    unitId: r.unitId,
    // A deadline moved by a return is told again for its new date.
    dedupeKey: `rectification-due:${r.id}:${due}:${overdue ? 'overdue' : 'due_soon'}`,
  }));
}

/**
 * 整改期限提醒: every day at 08:10 Beijing time, the unit of each open rectification whose deadline
 * is within RECTIFICATION_DUE_SOON_WORKING_DAYS working days is told once, and once more when it has
 * passed. Idempotent.
 */
export function rectificationRemindersJob(deps: {
  db: Db;
  rectificationsRepository: Pick<RectificationsRepository, 'openDueBy'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}) {
  return workingDayRemindersJob({
    ...deps,
    name: 'rectification-reminders',
    cron: '10 8 * * *',
    withinWorkingDays: RECTIFICATION_DUE_SOON_WORKING_DAYS,
    dueBy: (db, last) =>
      deps.rectificationsRepository.openDueBy(db, last, RECTIFICATION_ANSWERING_ROLES, FIELD_FOLLOW_UP_ROLES),
    notificationsOf: rectificationDueNotifications,
  });
}
