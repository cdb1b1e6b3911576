import type { Db } from '../../db/database';
import type { CalendarService } from '../calendar/calendar.service';
import type { NotificationsService } from '../notifications/notifications.service';
import type { NewNotification } from '../notifications/notifications.schema';
import { workingDayRemindersJob } from '../notifications/working-day-reminders';
import { LEAD_DUE_SOON_WORKING_DAYS } from './lead-clock';
import type { LeadsRepository } from './leads.repository';

type DueLead = Awaited<ReturnType<LeadsRepository['clocksDueBy']>>[number];

/** What each handler (经办人) of a lead is told of its verification clock: due within the working days, or overdue. */
export function leadClockNotifications(l: DueLead, today: string): NewNotification[] {
  const due = l.dueDate!;
  const overdue = due < today;
  const label = `线索“${l.partyName}”${l.sourceNumber ? `（${l.sourceNumber}）` : ''}`;
  return l.handlerIds.map((userId) => ({
    userId,
    kind: overdue ? 'lead_clock_overdue' : 'lead_clock_due_soon',
    title: overdue
      ? `${label}已超过核查期限（${due}）`
      : `${label}核查期限 ${due} 将至（${LEAD_DUE_SOON_WORKING_DAYS}个工作日内）`,
    body: overdue ? '请尽快作出立案或不予立案的决定，或依法办理延期审批。' : null,
    link: `/leads/${l.id}`,
    unitId: l.unitId,
    // An extended clock is told again for its new date.
    dedupeKey: `lead-clock:${l.id}:${due}:${overdue ? 'overdue' : 'due_soon'}`,
  }));
}

/**
 * 线索核查期限提醒: every day at 08:00 Beijing time, the handlers of each lead still being verified
 * whose 15-working-day clock (lead-clock.ts) ends within LEAD_DUE_SOON_WORKING_DAYS working days
 * are told once, and once more when it has passed; the same leads as the inbox's 临期/超期. Idempotent.
 */
export function leadClockRemindersJob(deps: {
  db: Db;
  leadsRepository: Pick<LeadsRepository, 'clocksDueBy'>;
  calendarService: Pick<CalendarService, 'calendar'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}) {
  return workingDayRemindersJob({
    ...deps,
    name: 'lead-clock-reminders',
    cron: '5 8 * * *',
    withinWorkingDays: LEAD_DUE_SOON_WORKING_DAYS,
    dueBy: deps.leadsRepository.clocksDueBy,
    notificationsOf: leadClockNotifications,
  });
}
