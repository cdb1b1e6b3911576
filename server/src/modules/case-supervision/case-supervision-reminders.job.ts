import type { Db } from '../../db/database';
import { shiftDate } from '../calendar/working-days';
import type { NotificationsService } from '../notifications/notifications.service';
import { dailyReminderJob } from '../notifications/reminder-job';
import type { UsersRepository } from '../users/users.repository';
import { PROGRESS_DUE_SOON_DAYS } from './case-supervision-inbox';
import type { CaseSupervisionRepository } from './case-supervision.repository';
import { supervisionReminders } from './case-supervision-notices';

/**
 * 督办提醒: every day at 08:10 Beijing time, for each running 督办件, the case's side (the requester and
 * the case's investigator) is told of a progress report due within PROGRESS_DUE_SOON_DAYS or missed
 * (进展逾期), and both sides — with the supervising unit's office and leader — of a passed deadline
 * (督办逾期); once per date. Idempotent.
 */
export function caseSupervisionRemindersJob(deps: {
  db: Db;
  caseSupervisionRepository: Pick<CaseSupervisionRepository, 'dueBy'>;
  usersRepository: Pick<UsersRepository, 'activeWithRoles'>;
  notificationsService: Pick<NotificationsService, 'notify'>;
  today?: () => string;
}) {
  return dailyReminderJob({
    ...deps,
    name: 'case-supervision-reminders',
    cron: '10 8 * * *',
    collect: async (today) => {
      const rows = await deps.caseSupervisionRepository.dueBy(deps.db, shiftDate(today, PROGRESS_DUE_SOON_DAYS), today);
      const units = [...new Set(rows.map((r) => r.supervisingUnitId))];
      const supervisors = await deps.usersRepository.activeWithRoles(deps.db, ['office', 'leader'], units);
      return rows.flatMap((r) =>
        supervisionReminders(
          r,
          today,
          [r.requestedBy, r.investigatorId].filter((id): id is string => id !== null),
          supervisors.filter((s) => s.user.unitId === r.supervisingUnitId).map((s) => s.user.id),
        ),
      );
    },
  });
}
