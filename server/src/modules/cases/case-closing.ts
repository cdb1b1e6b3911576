import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { conflict } from '../../platform/errors';
import type { ApprovalKind } from '../approvals/approval-kinds';
import type { ApprovalsService } from '../approvals/approvals.service';
import type { ApprovalRequestRow } from '../approvals/approvals.schema';
import type { UnitsRepository } from '../units/units.repository';
import type { StageMoves } from './case-stages';
import type { StageMove } from './case.types';
import type { CasesRepository } from './cases.repository';
import { nextStage, STAGE_LABELS } from './cases.rules';
import type { CaseRow } from './cases.schema';

/** 结案审批 and 归档 sign-off: the stages a 局领导 signs. */
export const CASE_SIGN_OFF_KINDS = { closed: 'case_closing', archived: 'case_archiving' } as const;
export type SignedStage = keyof typeof CASE_SIGN_OFF_KINDS;
const KINDS = Object.values(CASE_SIGN_OFF_KINDS);

export const isSignedStage = (to: string): to is SignedStage => to in CASE_SIGN_OFF_KINDS;

/** The move as asked: approval replays it. */
interface SignOffPayload {
  to: SignedStage;
  closingDate?: string | null;
  note?: string | null;
}

const describe = (p: SignOffPayload) =>
  [p.to === 'closed' ? `案件结案，结案日期：${p.closingDate ?? ''}` : '案件归档', p.note ? `说明：${p.note}` : null]
    .filter(Boolean)
    .join('；');

/**
 * A case's move to 结案 or 归档 by anyone but a 局领导 is a request a 局领导 of the case's line
 * signs (approvals module). On approval the move is re-checked and made exactly as moveStage makes
 * it (stage event, roll-ups, audit), by the approver, in the decision's transaction.
 */
export function createCaseClosing(deps: {
  db: Db;
  casesRepository: CasesRepository;
  unitsRepository: Pick<UnitsRepository, 'findById'>;
  approvals: Pick<ApprovalsService, 'request' | 'pendingFor'>;
  stageMoves: StageMoves;
}) {
  const { db, casesRepository: repo, unitsRepository, approvals, stageMoves } = deps;

  async function apply(tx: Db, request: ApprovalRequestRow, approver: Actor) {
    const row = await repo.findVisible(tx, request.recordId, sql`true`);
    if (!row) throw conflict('案件已不存在');
    const p = request.payload as unknown as SignOffPayload;
    if (nextStage(row.stage) !== p.to)
      throw conflict(`案件现处于“${STAGE_LABELS[row.stage]}”阶段，不能再${STAGE_LABELS[p.to]}`);
    const unit = (await unitsRepository.findById(tx, row.unitId))!;
    const move: StageMove = { to: p.to, version: row.version, note: p.note ?? null, closingDate: p.closingDate };
    const patch = await stageMoves.patchFor(approver, row, unit, move);
    await stageMoves.writeIn(tx, approver, row, patch, move);
  }

  const kind = (k: string, label: string): ApprovalKind => ({
    kind: k,
    recordType: 'case',
    label,
    apply,
    describe: (payload) => describe(payload as unknown as SignOffPayload),
    link: (r) => `/cases/${r.recordId}`,
  });

  return {
    /** The kinds services.ts registers with the approvals module. */
    kinds: [kind(CASE_SIGN_OFF_KINDS.closed, '结案审批'), kind(CASE_SIGN_OFF_KINDS.archived, '归档审批')],

    /** The sign-off the case waits for, if any (no move and no second request meanwhile). */
    pending: async (tx: Db, caseId: string) => (await approvals.pendingFor(tx, caseId, KINDS))[0],

    /** Asks a 局领导 to sign the move (already checked by moveStage); the stage stays until then. */
    async request(actor: Actor, row: CaseRow, move: StageMove & { to: SignedStage }) {
      const payload: SignOffPayload = { to: move.to, closingDate: move.closingDate ?? null, note: move.note ?? null };
      await db.transaction((tx) =>
        approvals.request(tx, actor, {
          kind: CASE_SIGN_OFF_KINDS[move.to],
          recordType: 'case',
          recordId: row.id,
          unitId: row.unitId,
          title: `${row.caseNumber} ${row.name}：${STAGE_LABELS[move.to]}`,
          payload: payload as unknown as Record<string, unknown>,
          approverRole: 'leader',
        }),
      );
    },
  };
}
