import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { invalidField } from '../../platform/errors';
import type { CasesRepository } from './cases.repository';
import type { CaseInsert, CaseRow } from './cases.schema';

type SaveIn = (
  tx: Db,
  actor: Actor,
  before: CaseRow,
  patch: Partial<CaseInsert>,
  version: number,
  action: 'case.transfer',
) => Promise<CaseRow>;

/**
 * 移送司法 recorded by the transfers module (行刑衔接): a case sent to the police or the procuratorate
 * gets its 移送司法 (and, for the police, 移送公安) mark and date inside the transfer's transaction,
 * through the same write as an edit — roll-up delta (the statistics' 移送司法案件) and audit entry
 * `case.transfer` together. A mark already set keeps its first date.
 */
export function createCaseTransferMarks(deps: {
  casesRepository: Pick<CasesRepository, 'findVisible'>;
  saveIn: SaveIn;
}) {
  return {
    async markTransferredIn(
      tx: Db,
      actor: Actor,
      caseId: string,
      t: { toPolice: boolean; date: string },
    ): Promise<CaseRow> {
      const row = await deps.casesRepository.findVisible(tx, caseId, sql`true`);
      if (!row) throw invalidField('caseId', '案件不存在');
      const patch: Partial<CaseInsert> = {};
      if (!row.transferredToJudiciary)
        Object.assign(patch, { transferredToJudiciary: true, judiciaryTransferDate: t.date });
      if (t.toPolice && !row.transferredToPolice)
        Object.assign(patch, { transferredToPolice: true, policeTransferDate: t.date });
      if (Object.keys(patch).length === 0) return row;
      return deps.saveIn(tx, actor, row, patch, row.version, 'case.transfer');
    },
  };
}
