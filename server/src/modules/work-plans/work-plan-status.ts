export const WORK_PLAN_STATUSES = ['filed', 'acknowledged', 'returned'] as const;
export type WorkPlanStatus = (typeof WORK_PLAN_STATUSES)[number];

/**
 * The 备案 board's status of an owing unit (pure): 已备案 once the office acknowledged its plan,
 * 已报送 while filed and waiting, else 逾期未报 after the deadline (Beijing day, inclusive) or 未到期.
 * A returned plan counts as not filed (it is to be refiled).
 */
export type WorkPlanBoardStatus = 'acknowledged' | 'filed' | 'overdue' | 'notDue';

export const WORK_PLAN_BOARD_LABELS: Record<WorkPlanBoardStatus, string> = {
  acknowledged: '已备案',
  filed: '已报送',
  overdue: '逾期未报',
  notDue: '未到期',
};

export function workPlanBoardStatus(
  plan: { status: 'filed' | 'acknowledged' | 'returned' } | undefined,
  deadline: string | null,
  today: string,
): WorkPlanBoardStatus {
  if (plan?.status === 'acknowledged') return 'acknowledged';
  if (plan?.status === 'filed') return 'filed';
  return deadline !== null && today > deadline ? 'overdue' : 'notDue';
}

/** Filed after the deadline's day (Beijing): 迟报, shown beside 已报送 / 已备案. */
export const filedLate = (filedOn: string, deadline: string | null) => deadline !== null && filedOn > deadline;
