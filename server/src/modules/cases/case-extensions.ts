import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict, invalidField } from '../../platform/errors';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { ApprovalRequestRow } from '../approvals/approvals.schema';
import { clockHistory, extensionProblem, type ClockExtension } from './case-clock';
import type { CasesRepository } from './cases.repository';
import { clockRuns } from './cases.rules';
import type { CaseRow } from './cases.schema';
import type { CaseSaveIn } from './case-stages';

/** The approval kinds of the decision clock: the head's 30 days (负责人批准) and the collective extension (集体讨论). */
export const CASE_EXTENSION_KINDS = {
  approved_extension: 'case_extension',
  collective_extension: 'case_collective_extension',
} as const;
const EVENT_KIND_OF = {
  case_extension: 'approved_extension',
  case_collective_extension: 'collective_extension',
} as const;

export type ExtensionRequest = { reason: string } & (
  | { kind: 'approved_extension'; days: number }
  | { kind: 'collective_extension'; days: number; meetingDate: string; participants: string[] }
);

interface ExtensionPayload {
  days: number;
  reason: string;
  /** 集体讨论: the meeting's date and who took part. */
  meetingDate?: string;
  participants?: string[];
}

const clockKind = (k: ExtensionRequest['kind']): ClockExtension['kind'] =>
  k === 'approved_extension' ? 'approved' : 'collective';

const describe = (p: ExtensionPayload) =>
  [
    `办案期限延长${p.days}日。理由：${p.reason}`,
    p.meetingDate ? `集体讨论日期：${p.meetingDate}` : null,
    p.participants?.length ? `参加人员：${p.participants.join('、')}` : null,
  ]
    .filter(Boolean)
    .join('；');

/**
 * Extensions of a case's decision clock are asked for by the handler and take effect only when a
 * 局领导 of the case's line approves them (approvals module): the clock event is written, and the
 * case's due date and roll-ups moved, in the approval's transaction, through the same save as any
 * clock change.
 */
export function createCaseExtensions(deps: {
  db: Db;
  casesRepository: CasesRepository;
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor'>;
  /** cases.service's save, inside the caller's transaction. */
  saveIn: CaseSaveIn<'case.clock'>;
  today: () => string;
}) {
  const { db, casesRepository: repo, approvals, saveIn, today } = deps;

  /** Why this extension cannot be granted on top of the clock's events, or null. */
  const problemWith = async (tx: Db, caseId: string, kind: ExtensionRequest['kind'], days: number) => {
    const existing = clockHistory(await repo.clockEvents(tx, caseId)).extensions;
    return extensionProblem(existing, { kind: clockKind(kind), days });
  };

  async function apply(tx: Db, request: ApprovalRequestRow, approver: Actor) {
    const row = await repo.findVisible(tx, request.recordId, sql`true`);
    if (!row) throw conflict('案件已不存在');
    if (!clockRuns(row.stage)) throw conflict('案件已作出决定，办案期限不再计算，不能再批准延期');
    const kind = EVENT_KIND_OF[request.kind as keyof typeof EVENT_KIND_OF];
    const p = request.payload as unknown as ExtensionPayload;
    const problem = await problemWith(tx, row.id, kind, p.days);
    if (problem) throw conflict(problem);
    const reason = p.meetingDate
      ? `${p.reason}（集体讨论 ${p.meetingDate}，参加人员：${p.participants?.join('、') ?? ''}）`
      : p.reason;
    await saveIn(tx, approver, row, {}, row.version, 'case.clock', async (t) => {
      await repo.insertClockEvent(t, { caseId: row.id, kind, days: p.days, reason, actorUserId: approver.userId });
    });
  }

  const kind = (k: keyof typeof EVENT_KIND_OF, label: string): ApprovalKind => ({
    kind: k,
    recordType: 'case',
    label,
    apply,
    describe: (payload) => describe(payload as unknown as ExtensionPayload),
    link: (r) => `/cases/${r.recordId}`,
  });

  return {
    /** The kinds services.ts registers with the approvals module. */
    kinds: [
      kind('case_extension', '经负责人批准延长办案期限30日'),
      kind('case_collective_extension', '集体讨论决定延长办案期限'),
    ],

    /** The handler asks for an extension: checked now, granted only on approval (the due date stays). */
    async request(actor: Actor, row: CaseRow, change: ExtensionRequest) {
      if ((await approvals.pendingFor(db, row.id, Object.values(CASE_EXTENSION_KINDS))).length > 0)
        throw conflict('本案已有待审批的延期申请，请等待局领导审批或撤回后再申请');
      const problem = await problemWith(db, row.id, change.kind, change.days);
      if (problem) throw invalidField('kind', problem);
      const payload: ExtensionPayload = { days: change.days, reason: change.reason };
      if (change.kind === 'collective_extension') {
        if (change.meetingDate < row.filingDate) throw invalidField('meetingDate', '集体讨论日期不能早于立案日期');
        if (change.meetingDate > today()) throw invalidField('meetingDate', `集体讨论日期不能晚于今天（${today()}）`);
        payload.meetingDate = change.meetingDate;
        payload.participants = change.participants;
      }
      const kindName = CASE_EXTENSION_KINDS[change.kind];
      await db.transaction((tx) =>
        approvals.request(tx, actor, {
          kind: kindName,
          recordType: 'case',
          recordId: row.id,
          unitId: row.unitId,
          title: `${row.caseNumber} ${row.name}：${change.kind === 'approved_extension' ? '延长办案期限30日' : `集体讨论延长${change.days}日`}`,
          payload: payload as unknown as Record<string, unknown>,
          approverRole: 'leader',
        }),
      );
    },
  };
}
