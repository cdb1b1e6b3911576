import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { conflict, invalidField } from '../../platform/errors';
import type { CasesRepository } from './cases.repository';
import type { CaseRow } from './cases.schema';

/**
 * 是否已公开: set when the credit module records the publication of the case's penalty decision,
 * inside that module's transaction (with its audit entry, which names the case). The case's version
 * moves on, so a form open on the case answers 409 rather than clearing the mark.
 */
export function createCasePublicationMark(deps: { casesRepository: Pick<CasesRepository, 'findVisible' | 'update'> }) {
  return async function markPublishedIn(tx: Db, caseId: string): Promise<CaseRow> {
    const row = await deps.casesRepository.findVisible(tx, caseId, sql`true`);
    if (!row) throw invalidField('caseId', '案件不存在');
    if (row.published) return row;
    const updated = await deps.casesRepository.update(tx, row.id, row.version, { published: true });
    if (!updated) throw conflict('案件已被他人修改，请刷新后再登记');
    return updated;
  };
}
