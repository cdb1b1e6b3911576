import type { Db } from '../../db/database';
import type { NotificationsService } from '../notifications/notifications.service';
import type { NewNotification } from '../notifications/notifications.schema';
import { dailyReminderJob } from '../notifications/reminder-job';
import { CASE_DUE_SOON_DAYS } from './case-clock';
import type { CasesRepository } from './cases.repository';
import { shiftDate } from '../calendar/working-days';

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

type DueClock = Awaited<ReturnType<CasesRepository['clocksDueBy']>>[number];

/** What a case's investigator is told of its decision clock: due within CASE_DUE_SOON_DAYS, or overdue. */
export function clockNotification(c: DueClock, today: string): NewNotification {
  const due = c.decisionDueDate!;
  const overdue = due < today;
  const label = `案件“${c.name}”（${c.caseNumber}）`;
  return {
    userId: c.investigatorId!,
    kind: overdue ? 'case_clock_overdue' : 'case_clock_due_soon',
    title: overdue
      ? `${label}已超过作出处理决定的期限（${due}），已超 ${daysBetween(due, today)} 天`
      : `${label}作出处理决定的期限 ${due} 将至，还剩 ${daysBetween(today, due)} 天`,
    body: overdue ? '请尽快作出处理决定，或依法办理延长审批。' : null,
    link: `/cases/${c.id}`,
    unitId: c.unitId,
    // A clock moved by an approved extension is told again for its new date.
    dedupeKey: `case-clock:${c.id}:${due}:${overdue ? 'overdue' : 'due_soon'}`,
  };
}

/**
 * 办案期限提醒: every day at 08:00 Beijing time, the investigator of each case whose decision clock
 * (90 days and its approved extensions, case-clock.ts) is due within CASE_DUE_SOON_DAYS is told once,
 * and once more when it is overdue; the same days as the home page's deadlines card. Idempotent.
 */
export function caseClockRemindersJob(deps: {
  db: Db;
  casesRepository: Pick<CasesRepository, 'clocksDueBy'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}) {
  return dailyReminderJob({
    ...deps,
    name: 'case-clock-reminders',
    cron: '0 8 * * *',
    collect: async (today) =>
      (await deps.casesRepository.clocksDueBy(deps.db, shiftDate(today, CASE_DUE_SOON_DAYS))).map((c) =>
        clockNotification(c, today),
      ),
  });
}
