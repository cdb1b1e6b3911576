import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { forbidden, notFound } from '../../platform/errors';
import { storedPhoto, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { InspectionAttachmentsRepository } from './inspection-attachments.repository';
import { inspectionPolicy } from './inspections.policy';
import type { InspectionsService } from './inspections.service';

/**
 * The photos and files of an outing: whoever sees the outing reads them; whoever may edit it
 * (inspectionPolicy.canRecord) adds and removes them. A JPEG keeps its 拍摄时间 and place (EXIF).
 */
export function createInspectionAttachmentsService(deps: {
  db: Db;
  inspectionsService: InspectionsService;
  inspectionAttachmentsRepository: InspectionAttachmentsRepository;
  auditService: AuditService;
}) {
  const { db, inspectionsService, inspectionAttachmentsRepository: repo, auditService } = deps;

  async function editable(actor: Actor, inspectionId: string) {
    const { row, unit } = await inspectionsService.requireVisible(actor, inspectionId);
    if (!inspectionPolicy.canRecord(actor, unit.path))
      throw forbidden('只有办案人员、专项办或管理员可以上传或删除检查记录的照片和附件');
    return row;
  }

  async function existing(inspectionId: string, id: string) {
    const found = isUuid(id) ? await repo.find(db, inspectionId, id) : undefined;
    if (!found) throw notFound('附件');
    return found;
  }

  return {
    async list(actor: Actor, inspectionId: string) {
      await inspectionsService.requireVisible(actor, inspectionId);
      return repo.list(db, inspectionId);
    },

    async add(actor: Actor, inspectionId: string, file: UploadedFile) {
      const row = await editable(actor, inspectionId);
      const stored = await storedPhoto(actor, file);
      return db.transaction(async (tx) => {
        const created = await repo.insert(tx, { inspectionId, ...stored });
        await auditService.record(tx, actor, {
          action: 'inspection.attachment_add',
          recordId: inspectionId,
          unitId: row.unitId,
          after: created,
        });
        return created;
      });
    },

    async download(actor: Actor, inspectionId: string, id: string) {
      await inspectionsService.requireVisible(actor, inspectionId);
      return existing(inspectionId, id);
    },

    async remove(actor: Actor, inspectionId: string, id: string) {
      const row = await editable(actor, inspectionId);
      const found = await existing(inspectionId, id);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await auditService.record(tx, actor, {
          action: 'inspection.attachment_delete',
          recordId: inspectionId,
          unitId: row.unitId,
          before: withoutContent(found),
        });
      });
    },
  };
}

export type InspectionAttachmentsService = ReturnType<typeof createInspectionAttachmentsService>;
