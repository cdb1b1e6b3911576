import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import { storedFile, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { CaseAttachmentsRepository } from './case-attachments.repository';
import { casePolicy } from './cases.policy';
import type { CasesService } from './cases.service';

/** The files of a case: whoever sees the case reads them; whoever may edit it adds and removes them. */
export function createCaseAttachmentsService(deps: {
  db: Db;
  casesService: CasesService;
  caseAttachmentsRepository: CaseAttachmentsRepository;
  auditService: AuditService;
}) {
  const { db, casesService, caseAttachmentsRepository: repo, auditService } = deps;

  async function editable(actor: Actor, caseId: string) {
    const { row, unit } = await casesService.requireVisible(actor, caseId);
    if (!casePolicy.canEdit(actor, row, unit.path))
      throw forbidden(
        row.stage === 'archived' ? '已归档案件的附件不能更改' : '只有办案人员、专项办或管理员可以上传或删除附件',
      );
    return row;
  }

  return {
    async list(actor: Actor, caseId: string) {
      await casesService.requireVisible(actor, caseId);
      return repo.list(db, caseId);
    },

    async add(actor: Actor, caseId: string, file: UploadedFile) {
      const row = await editable(actor, caseId);
      const stored = storedFile(actor, file);
      return db.transaction(async (tx) => {
        const created = await repo.insert(tx, { caseId, ...stored });
        await auditService.record(tx, actor, {
          action: 'case.attachment_add',
          recordId: caseId,
          unitId: row.unitId,
          after: created,
        });
        return created;
      });
    },

    async download(actor: Actor, caseId: string, id: string) {
      await casesService.requireVisible(actor, caseId);
      const found = isUuid(id) ? await repo.find(db, caseId, id) : undefined;
      if (!found) throw notFound('附件');
      return found;
    },

    async remove(actor: Actor, caseId: string, id: string) {
      const row = await editable(actor, caseId);
      const found = isUuid(id) ? await repo.find(db, caseId, id) : undefined;
      if (!found) throw notFound('附件');
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await auditService.record(tx, actor, {
          action: 'case.attachment_delete',
          recordId: caseId,
          unitId: row.unitId,
          before: withoutContent(found),
        });
      });
    },
  };
}

export type CaseAttachmentsService = ReturnType<typeof createCaseAttachmentsService>;
