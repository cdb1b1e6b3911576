import type { NewNotification } from '../notifications/notifications.schema';
import type { SupervisionListRow } from './case-supervision.repository';

type Row = Pick<
  SupervisionListRow,
  'id' | 'caseId' | 'caseName' | 'caseNumber' | 'unitId' | 'deadline' | 'nextProgressDue' | 'supervisingUnitName'
>;

const label = (r: Row) => `案件“${r.caseName}”（${r.caseNumber}）`;

/** What a 督办 event tells each person: request, 立项/不予督办, 进展, 批示, 办结 (kind `case_supervision`). */
export function supervisionNotice(
  r: Row,
  event: 'requested' | 'taken_up' | 'declined' | 'progress' | 'instruction' | 'closed',
  userIds: string[],
  key: string,
  body: string | null = null,
): NewNotification[] {
  const title = {
    requested: `${label(r)}报请${r.supervisingUnitName}督办，待您立项或答复`,
    taken_up: `${r.supervisingUnitName}已对${label(r)}立项督办，办结期限 ${r.deadline ?? ''}`,
    declined: `${r.supervisingUnitName}对${label(r)}不予督办`,
    progress: `${label(r)}报送了督办进展`,
    instruction: `${r.supervisingUnitName}对督办${label(r)}作出批示`,
    closed: `${r.supervisingUnitName}对${label(r)}的督办已办结`,
  }[event];
  return [...new Set(userIds)].map((userId) => ({
    userId,
    kind: 'case_supervision' as const,
    title,
    body,
    link: `/cases/${r.caseId}`,
    unitId: r.unitId,
    dedupeKey: `case-supervision:${r.id}:${key}`,
  }));
}

/**
 * The daily reminder of a running 督办件: its next progress report due (临期) or missed (进展逾期),
 * and its deadline passed (督办逾期) — told once per date to each person named.
 */
export function supervisionReminders(r: Row, today: string, caseSide: string[], supervisors: string[]) {
  const out: NewNotification[] = [];
  const tell = (userIds: string[], title: string, key: string) =>
    out.push(
      ...[...new Set(userIds)].map((userId) => ({
        userId,
        kind: 'case_supervision_overdue' as const,
        title,
        body: null,
        link: `/cases/${r.caseId}`,
        unitId: r.unitId,
        dedupeKey: `case-supervision:${r.id}:${key}`,
      })),
    );
  const due = r.nextProgressDue;
  if (due && due < today)
    tell(caseSide, `督办${label(r)}的进展报告已逾期（应于 ${due} 前报送）`, `progress-overdue:${due}`);
  else if (due) tell(caseSide, `督办${label(r)}应于 ${due} 前报送进展`, `progress-due:${due}`);
  if (r.deadline && r.deadline < today)
    tell(
      [...caseSide, ...supervisors],
      `督办${label(r)}已超过办结期限（${r.deadline}）`,
      `deadline-overdue:${r.deadline}`,
    );
  return out;
}
