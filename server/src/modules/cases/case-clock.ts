import { shiftDate } from '../calendar/working-days';

/**
 * The decision clock of a case under the ordinary procedure (《市场监督管理行政处罚程序规定》):
 * decided within 90 days of filing (立案); extendable by 30 days with the head's approval; beyond
 * that only by a collective decision of the leadership (集体讨论决定延长); suspension, hearings,
 * public notices and testing stop the clock. Days here are calendar days.
 */
export const DECISION_DAYS = 90;
export const APPROVED_EXTENSION_DAYS = 30;
/** Cases due within this many days are listed as due soon (临期). */
export const CASE_DUE_SOON_DAYS = 10;

export interface ClockExtension {
  kind: 'approved' | 'collective';
  days: number;
}

/** A period the clock stood still: from `from` (the first stopped day) to `to` (the day it ran again), null while stopped. */
export interface ClockPause {
  from: string;
  to: string | null;
}

/** The stored clock events (case_clock_events) as the clock's extensions and pauses. */
export function clockHistory(
  events: {
    kind: 'approved_extension' | 'collective_extension' | 'pause';
    days: number | null;
    fromDate: string | null;
    toDate: string | null;
  }[],
) {
  return {
    extensions: events
      .filter((e) => e.kind !== 'pause')
      .map((e): ClockExtension => ({
        kind: e.kind === 'approved_extension' ? 'approved' : 'collective',
        days: e.days ?? 0,
      })),
    pauses: events.filter((e) => e.kind === 'pause').map((e): ClockPause => ({ from: e.fromDate!, to: e.toDate })),
  };
}

export type ClockState = 'running' | 'due_soon' | 'overdue' | 'paused' | 'stopped';

export interface DecisionClock {
  /** The last day to decide; null while the clock is paused (it moves on when the pause ends). */
  dueDate: string | null;
  /** Days from `today` to the due date (negative when overdue); while paused, the days that were left. */
  daysLeft: number;
  allowedDays: number;
  pausedDays: number;
  state: ClockState;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function decisionClock(input: {
  filingDate: string;
  decisionDate?: string | null;
  extensions: ClockExtension[];
  pauses: ClockPause[];
  today: string;
}): DecisionClock {
  const allowedDays = DECISION_DAYS + input.extensions.reduce((n, e) => n + e.days, 0);
  const open = input.pauses.find((p) => p.to === null);
  const end = input.decisionDate ?? input.today;
  // Stopped days count up to the decision (or today) only.
  const pausedDays = input.pauses.reduce(
    (n, p) => n + Math.max(0, Math.min(dayNumber(p.to ?? end), dayNumber(end)) - dayNumber(p.from)),
    0,
  );
  const due = shiftDate(input.filingDate, allowedDays + pausedDays);
  if (input.decisionDate) {
    return {
      dueDate: due,
      daysLeft: dayNumber(due) - dayNumber(input.decisionDate),
      allowedDays,
      pausedDays,
      state: 'stopped',
    };
  }
  const daysLeft = dayNumber(due) - dayNumber(input.today);
  if (open) return { dueDate: null, daysLeft, allowedDays, pausedDays, state: 'paused' };
  const state: ClockState = daysLeft < 0 ? 'overdue' : daysLeft <= CASE_DUE_SOON_DAYS ? 'due_soon' : 'running';
  return { dueDate: due, daysLeft, allowedDays, pausedDays, state };
}

/** Whether one more extension of this kind is allowed: the approved 30 days once, then collective ones. */
export function extensionProblem(existing: ClockExtension[], next: ClockExtension): string | null {
  const approved = existing.filter((e) => e.kind === 'approved').length;
  if (next.kind === 'approved' && approved > 0) return '经负责人批准的30日延期只能申请一次，再延长须经集体讨论决定';
  if (next.kind === 'collective' && approved === 0)
    return '须先经负责人批准延长30日，仍不能作出决定的，方可集体讨论决定延长';
  if (next.kind === 'approved' && next.days !== APPROVED_EXTENSION_DAYS) return '经负责人批准的延期为30日';
  if (next.days < 1 || next.days > 365) return '延长天数应在1至365日之间';
  return null;
}
