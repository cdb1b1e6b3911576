import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { storedPhoto, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { conflict, forbidden, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { RectificationsRepository } from './rectifications.repository';
import type { RectificationsService } from './rectifications.service';

/** At most this many files wait for one reply. */
const MAX_PENDING_FILES = 20;

/**
 * The files of a 整改报告 (photos, with 拍摄时间 and place from their EXIF; the unit's written report):
 * uploaded by the unit concerned (for an entity's 责令整改, by the inspectors and handlers) while
 * the rectification is open, then sent with its reply (which ties them to it); read by whoever sees
 * the finding. A file not yet sent may be removed.
 */
export function createRectificationAttachmentsService(deps: {
  db: Db;
  rectificationsService: Pick<RectificationsService, 'requireFinding'>;
  rectificationsRepository: RectificationsRepository;
  auditService: AuditService;
}) {
  const { db, rectificationsService, rectificationsRepository: repo, auditService } = deps;

  async function writable(actor: Actor, findingId: string) {
    const { row, may } = await rectificationsService.requireFinding(actor, findingId);
    if (!may.reply)
      throw forbidden(
        row.visitId
          ? '只有被要求整改的单位可以上传整改材料'
          : '只有检查的执法人员或责令整改单位的办案人员、专项办可以上传整改材料',
      );
    if (row.status !== 'open') throw conflict('该整改事项当前不在待整改状态，不能再上传材料');
    return row;
  }

  async function requireFile(actor: Actor, findingId: string, id: string) {
    await rectificationsService.requireFinding(actor, findingId);
    const found = isUuid(id) ? await repo.findAttachment(db, findingId, id) : undefined;
    if (!found) throw notFound('附件');
    return found;
  }

  return {
    async add(actor: Actor, findingId: string, file: UploadedFile) {
      const row = await writable(actor, findingId);
      const stored = await storedPhoto(actor, file);
      const pending = (await repo.attachments(db, findingId)).filter((a) => a.eventId === null);
      if (pending.length >= MAX_PENDING_FILES) throw conflict(`一次整改报告最多附 ${MAX_PENDING_FILES} 个文件`);
      return db.transaction(async (tx) => {
        const created = await repo.insertAttachment(tx, { findingId, ...stored });
        await auditService.record(tx, actor, {
          action: 'rectification.attachment_add',
          recordId: findingId,
          unitId: row.unitId,
          after: created,
        });
        return created;
      });
    },

    download: requireFile,

    async remove(actor: Actor, findingId: string, id: string) {
      const row = await writable(actor, findingId);
      const found = await requireFile(actor, findingId, id);
      if (found.eventId) throw conflict('已随整改报告报送的附件不能删除');
      await db.transaction(async (tx) => {
        await repo.deleteAttachment(tx, id);
        await auditService.record(tx, actor, {
          action: 'rectification.attachment_delete',
          recordId: findingId,
          unitId: row.unitId,
          before: withoutContent(found),
        });
      });
    },
  };
}

export type RectificationAttachmentsService = ReturnType<typeof createRectificationAttachmentsService>;
