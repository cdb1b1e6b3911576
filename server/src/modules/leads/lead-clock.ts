import type { WorkingCalendar } from '../calendar/working-days';
import type { ClockPause, ClockState } from '../cases/case-clock';

/**
 * The verification clock of a lead: a filing decision within 15 working days of finding the lead,
 * extendable once by 15 working days with the head's approval; time spent on testing, inspection
 * and appraisal (检测、检验、检疫、鉴定) does not count.
 */
export const VERIFICATION_WORKING_DAYS = 15;
export const EXTENSION_WORKING_DAYS = 15;
/** Leads due within this many working days are listed as due soon. */
export const LEAD_DUE_SOON_WORKING_DAYS = 3;

/** 核查期限 on one day: overdue before `today`, due soon from it to `dueSoonLast` (the list's filters). */
export interface LeadClockWindow {
  today: string;
  dueSoonLast: string;
}

export interface VerificationClock {
  dueDate: string | null;
  /** Working days left until the due date (negative when overdue); frozen while paused. */
  workingDaysLeft: number;
  pausedWorkingDays: number;
  /** True when the due date falls in a year whose holidays are not yet known. */
  provisional: boolean;
  state: ClockState;
}

export function verificationClock(
  calendar: WorkingCalendar,
  input: { receivedDate: string; extended: boolean; pauses: ClockPause[]; decidedDate?: string | null; today: string },
): VerificationClock {
  const end = input.decidedDate ?? input.today;
  const pausedWorkingDays = input.pauses.reduce((n, p) => {
    const to = p.to === null || p.to > end ? end : p.to;
    // Working days from the first stopped day up to (not including) the day it ran again.
    return to > p.from
      ? n +
          calendar.workingDaysBetween(p.from, to).days +
          (calendar.isWorkingDay(p.from) ? 1 : 0) -
          (calendar.isWorkingDay(to) ? 1 : 0)
      : n;
  }, 0);
  const allowed = VERIFICATION_WORKING_DAYS + (input.extended ? EXTENSION_WORKING_DAYS : 0) + pausedWorkingDays;
  const due = calendar.addWorkingDays(input.receivedDate, allowed);
  const left = (to: string) =>
    to <= due.date ? calendar.workingDaysBetween(to, due.date).days : -calendar.workingDaysBetween(due.date, to).days;
  if (input.decidedDate) {
    return {
      dueDate: due.date,
      workingDaysLeft: left(input.decidedDate),
      pausedWorkingDays,
      provisional: due.provisional,
      state: 'stopped',
    };
  }
  const workingDaysLeft = left(input.today);
  if (input.pauses.some((p) => p.to === null))
    return { dueDate: null, workingDaysLeft, pausedWorkingDays, provisional: due.provisional, state: 'paused' };
  const state: ClockState =
    input.today > due.date ? 'overdue' : workingDaysLeft <= LEAD_DUE_SOON_WORKING_DAYS ? 'due_soon' : 'running';
  return { dueDate: due.date, workingDaysLeft, pausedWorkingDays, provisional: due.provisional, state };
}
