import { CHINA_OFFSET_MS } from '../../platform/today';
import type { ReportDeadline } from '../campaigns/report-deadlines';
import type { SubmissionStatus } from './reports.schema';

/**
 * Where one unit's report for one period stands (报送情况):
 * 未到期 open → 按时报送 / 逾期报送 (submitted, on time or late) → 已退回 (returned, to resubmit) → 已审核 (accepted, locked);
 * 逾期未报 missing when the deadline has passed with nothing submitted.
 */
export type ReportState = 'open' | 'missing' | 'submitted' | 'returned' | 'accepted';

/** "YYYY-MM-DD HH:mm:ss" in China time, the form deadlines are compared in. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

/** The last second a report may arrive on time: the named time (周四 15:00) or the end of the due day. */
export function deadlineOf(d: Pick<ReportDeadline, 'dueDate' | 'dueTime'>): string {
  return d.dueTime ? `${d.dueDate} ${d.dueTime}:00` : `${d.dueDate} 23:59:59`;
}

export const isLate = (d: Pick<ReportDeadline, 'dueDate' | 'dueTime'>, at: Date) => chinaDateTime(at) > deadlineOf(d);

export function stateOf(
  d: Pick<ReportDeadline, 'dueDate' | 'dueTime'>,
  submission: { status: SubmissionStatus } | undefined,
  now: Date,
): ReportState {
  if (submission) return submission.status;
  return isLate(d, now) ? 'missing' : 'open';
}

/**
 * Whether the office may chase (催报) a unit for a period: its deadline has passed and nothing stands
 * submitted — never sent (逾期未报), or returned and not yet sent again.
 */
export function isOverdue(
  d: Pick<ReportDeadline, 'dueDate' | 'dueTime'>,
  submission: { status: SubmissionStatus } | undefined,
  now: Date,
): boolean {
  return isLate(d, now) && (!submission || submission.status === 'returned');
}

/** Why a report is not overdue, for the office that tried to chase it. */
export function notOverdueWhy(
  d: Pick<ReportDeadline, 'dueDate' | 'dueTime'>,
  submission: { status: SubmissionStatus } | undefined,
): string {
  if (submission?.status === 'submitted') return '已报送、等待审核';
  if (submission?.status === 'accepted') return '已审核通过';
  return `尚未到报送截止时间（${deadlineOf(d)}）`;
}

export interface Timeliness {
  /** Reports whose deadline has passed (应报). */
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  /** 按时报送率 = on time / expected; null when nothing is due yet. */
  onTimeRate: number | null;
}

/** The rates of the board, over the reports already due. */
export function timeliness(cells: { due: boolean; state: ReportState; late: boolean }[]): Timeliness {
  const due = cells.filter((c) => c.due);
  const missing = due.filter((c) => c.state === 'missing').length;
  const late = due.filter((c) => c.state !== 'missing' && c.late).length;
  const onTime = due.length - missing - late;
  return {
    expected: due.length,
    onTime,
    late,
    missing,
    onTimeRate: due.length ? Math.round((onTime / due.length) * 10000) / 10000 : null,
  };
}
