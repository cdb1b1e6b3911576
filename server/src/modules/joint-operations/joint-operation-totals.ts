import type { JointOperationSums } from './joint-operations.repository';

/** 联合执法行动 and 联席会议 totals: how many of each, and the actions' figures. */
export function totalsOf(sums: JointOperationSums[]) {
  const action = sums.find((s) => s.kind === 'joint_action');
  return {
    actions: action?.count ?? 0,
    meetings: sums.find((s) => s.kind === 'joint_meeting')?.count ?? 0,
    staffDeployed: action?.staffDeployed ?? 0,
    entitiesInspected: action?.entitiesInspected ?? 0,
    problemsFound: action?.problemsFound ?? 0,
    casesFiled: action?.casesFiled ?? 0,
  };
}
