import { shiftDate, type WorkingCalendar } from '../calendar/working-days';

/**
 * 《市场监督管理行政处罚信息公示规定》（国家市场监督管理总局令第45号）: 行政处罚信息 are published
 * through 国家企业信用信息公示系统 within 20 working days of the decision (自作出行政处罚决定之日起
 * 20个工作日内). Pure: the due date, the status on a day, and the decision dates a status covers, so
 * the ledger filters by decision date along an index rather than computing each row's due date in SQL.
 */
export const PUBLICATION_WORKING_DAYS = 20;
/** The office's inbox holds publications falling due within this many working days. */
export const PUBLICATION_DUE_SOON_WORKING_DAYS = 5;

export type PublicationStatus = 'pending' | 'overdue' | 'done';
export const PUBLICATION_STATUS_LABELS: Record<PublicationStatus, string> = {
  pending: '待公示',
  overdue: '逾期未公示',
  done: '已公示',
};

type Cal = Pick<WorkingCalendar, 'addWorkingDays'>;

export const publicationDue = (cal: Cal, decisionDate: string) =>
  cal.addWorkingDays(decisionDate, PUBLICATION_WORKING_DAYS).date;

/** 待公示 until the due date (the due day itself included), then 逾期未公示; 已公示 once published. */
export function publicationStatus(
  cal: Cal,
  c: { decisionDate: string; published: boolean },
  today: string,
): PublicationStatus {
  if (c.published) return 'done';
  return publicationDue(cal, c.decisionDate) < today ? 'overdue' : 'pending';
}

/** Published after its due date (补公示): still 已公示, marked late. */
export const publishedLate = (cal: Cal, decisionDate: string, publishedDate: string) =>
  publishedDate > publicationDue(cal, decisionDate);

/**
 * The latest decision date whose publication is due on or before `lastDue`. The due date never goes
 * down as the decision date goes up, so the decisions due by `lastDue` are exactly those on or
 * before this date.
 */
export function latestDecisionDueBy(cal: Cal, lastDue: string): string {
  let d = shiftDate(lastDue, -PUBLICATION_WORKING_DAYS);
  // Walk forward while the next day's due date still falls by lastDue, back while this one's does not.
  while (publicationDue(cal, shiftDate(d, 1)) <= lastDue) d = shiftDate(d, 1);
  while (publicationDue(cal, d) > lastDue) d = shiftDate(d, -1);
  return d;
}

/** Unpublished decisions on or before this date are overdue on `today` (due before today). */
export const overdueDecisionCutoff = (cal: Cal, today: string) => latestDecisionDueBy(cal, shiftDate(today, -1));

/** Unpublished decisions on or before this date fall due within PUBLICATION_DUE_SOON_WORKING_DAYS of `today`. */
export const dueSoonDecisionCutoff = (cal: Cal, today: string) =>
  latestDecisionDueBy(cal, cal.addWorkingDays(today, PUBLICATION_DUE_SOON_WORKING_DAYS).date);
