import type { Actor } from '../../platform/actor';
import { todayInChina } from '../../platform/today';
import { section, type InboxProvider } from '../inbox/inbox';
import { calendarPolicy } from './calendar.policy';
import type { CalendarService } from './calendar.service';

/** From this month on, next year's schedule is due (the State Council publishes it around November). */
const NEXT_YEAR_FROM_MONTH = 11;

/**
 * The calendar's part of 我的待办, for whoever maintains it (the system administrator): a year whose
 * statutory holidays and make-up days (法定节假日和调休) are neither in the maintained package nor
 * entered in full — this year, and next year once its schedule is published. Until then every
 * deadline in it (办案期限, 线索核查, 报表截止) counts ordinary weekends only.
 */
export function createCalendarInbox(deps: {
  calendarService: Pick<CalendarService, 'calendar'>;
  now?: () => Date;
}): InboxProvider {
  const { calendarService, now = () => new Date() } = deps;
  return async (actor: Actor) => {
    if (!calendarPolicy.canMaintain(actor)) return [];
    const today = todayInChina(now());
    const year = Number(today.slice(0, 4));
    const years = Number(today.slice(5, 7)) >= NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year];
    const calendar = await calendarService.calendar();
    const items = years
      .filter((y) => !calendar.isYearCovered(y))
      .map((y) => ({
        kind: 'calendar_year',
        recordType: 'calendar',
        recordId: String(y),
        title: `${y}年法定节假日和调休安排尚未维护：该年的期限暂按普通周末计算`,
        // Next year's must be in before it starts; this year's is already late.
        dueAt: y === year ? null : `${year}-12-31`,
        unitId: null,
        link: `/calendar?year=${y}`,
        overdue: y === year,
      }));
    return [section('calendar_year', items, items.length)];
  };
}
