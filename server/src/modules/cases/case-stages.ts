import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, invalidField } from '../../platform/errors';
import type { UnitRow } from '../units/units.schema';
import type { CaseRow, CaseInsert } from './cases.schema';
import type { StageMove } from './case.types';
import type { CasesRepository } from './cases.repository';
import { separationProblem } from './cases.rules';

/** cases.service's save of a change (roll-ups, audit), inside the caller's transaction. */
export type CaseSaveIn<A extends 'case.update' | 'case.stage' | 'case.clock'> = (
  tx: Db,
  actor: Actor,
  before: CaseRow,
  patch: Partial<CaseInsert>,
  version: number,
  action: A,
  extra?: (tx: Db) => Promise<void>,
) => Promise<CaseRow>;

/**
 * A case's move to its next stage, in two steps: `patchFor` checks what the move carries (dates,
 * the executor, 四分离) and gives the columns it changes; `writeIn` writes it with its stage event
 * through the service's save (roll-ups, audit), inside the caller's transaction — moveStage's own,
 * or an approval's when 结案 or 归档 was signed by a 局领导 (case-closing.ts).
 */
export function createStageMoves(deps: {
  casesRepository: CasesRepository;
  /** A person for a duty (the executor): an active user with the role in the unit's line, or why not. */
  dutyHolderProblem: (userId: string, unit: UnitRow, roles: ['handler'], label: string) => Promise<string | null>;
  saveIn: CaseSaveIn<'case.stage'>;
  today: () => string;
}) {
  const { casesRepository: repo, dutyHolderProblem, saveIn, today } = deps;

  return {
    /** The columns the move changes, once what it carries is right (400 / 403 naming the field otherwise). */
    async patchFor(actor: Actor, row: CaseRow, unit: UnitRow, move: StageMove): Promise<Partial<CaseInsert>> {
      const patch: Partial<CaseInsert> = { stage: move.to };
      const people = {
        filingApproverId: row.filingApproverId,
        investigatorId: row.investigatorId,
        reviewerId: row.reviewerId,
        executorId: row.executorId,
      };
      if (move.to === 'notice') {
        patch.reviewerId = actor.userId;
        const clash = separationProblem({ ...people, reviewerId: actor.userId });
        if (clash) throw forbidden(`您不能审核此案件：${clash.message}`);
      }
      if (move.to === 'decided') {
        if (!move.decisionDate) throw invalidField('decisionDate', '请填写决定日期');
        if (move.decisionDate < row.filingDate) throw invalidField('decisionDate', '决定日期不能早于立案日期');
        if (move.decisionDate > today()) throw invalidField('decisionDate', `决定日期不能晚于今天（${today()}）`);
        patch.decisionDate = move.decisionDate;
        patch.penalized = move.penalized ?? row.penalized;
      }
      if (move.to === 'execution') {
        if (!move.executorId) throw invalidField('executorId', '请选择执行人员');
        const problem = await dutyHolderProblem(move.executorId, unit, ['handler'], '执行人员');
        if (problem) throw invalidField('executorId', problem);
        const clash = separationProblem({ ...people, executorId: move.executorId });
        if (clash) throw invalidField('executorId', clash.message);
        patch.executorId = move.executorId;
      }
      if (move.to === 'closed') {
        if (!move.closingDate) throw invalidField('closingDate', '请填写结案日期');
        if (move.closingDate < (row.decisionDate ?? row.filingDate))
          throw invalidField('closingDate', '结案日期不能早于立案日期和决定日期');
        if (move.closingDate > today()) throw invalidField('closingDate', `结案日期不能晚于今天（${today()}）`);
        patch.closingDate = move.closingDate;
      }
      return patch;
    },

    /** Writes the move with its stage event (who moved it), roll-ups and audit entry, in the caller's transaction. */
    writeIn: (tx: Db, actor: Actor, row: CaseRow, patch: Partial<CaseInsert>, move: StageMove) =>
      saveIn(tx, actor, row, patch, move.version, 'case.stage', (t) =>
        repo.insertStageEvent(t, {
          caseId: row.id,
          fromStage: row.stage,
          toStage: move.to,
          actorUserId: actor.userId,
          actorName: actor.displayName,
          note: move.note ?? null,
        }),
      ),
  };
}

export type StageMoves = ReturnType<typeof createStageMoves>;
