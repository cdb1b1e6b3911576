import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { storedPhoto, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { conflict, forbidden, notFound, unprocessable } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import { seizedGoodsPolicy } from './seized-goods.policy';
import type { SeizedGoodsRepository } from './seized-goods.repository';
import type { SeizedGoodsService } from './seized-goods.service';

/** At most this many files on one record (its own and its disposals'). */
const MAX_FILES = 60;

/**
 * Photos and files of seized goods (查扣现场, 封条, 清单) and of their disposals (销毁现场): with the
 * same type checks as case attachments, and when and where a phone's photo was taken (EXIF).
 */
export function createSeizedGoodsAttachmentsService(deps: {
  db: Db;
  seizedGoodsService: Pick<SeizedGoodsService, 'requireVisible'>;
  seizedGoodsRepository: SeizedGoodsRepository;
  auditService: AuditService;
}) {
  const { db, seizedGoodsService, seizedGoodsRepository: repo, auditService } = deps;

  async function requireFile(actor: Actor, seizedGoodsId: string, id: string) {
    const found = await seizedGoodsService.requireVisible(actor, seizedGoodsId);
    const file = isUuid(id) ? await repo.findAttachment(db, seizedGoodsId, id) : undefined;
    if (!file) throw notFound('附件');
    return { ...found, file };
  }

  return {
    /** Adds a file to the record, or to one of its disposals when `disposalId` is given. */
    async add(actor: Actor, seizedGoodsId: string, file: UploadedFile, disposalId?: string) {
      const { row, unit } = await seizedGoodsService.requireVisible(actor, seizedGoodsId);
      if (!seizedGoodsPolicy.canRecord(actor, unit.path))
        throw forbidden('只有该单位或上级单位的办案人员、专项办可以上传涉案财物的照片和材料');
      if (disposalId && !(isUuid(disposalId) && (await repo.findDisposal(db, seizedGoodsId, disposalId))))
        throw unprocessable('disposalId', '所选处置记录不是该涉案财物的');
      const stored = await storedPhoto(actor, file);
      if ((await repo.attachments(db, seizedGoodsId)).length >= MAX_FILES)
        throw conflict(`一项涉案财物最多附 ${MAX_FILES} 个文件`);
      return db.transaction(async (tx) => {
        const created = await repo.insertAttachment(tx, { seizedGoodsId, disposalId: disposalId ?? null, ...stored });
        await auditService.record(tx, actor, {
          action: 'seized_goods.attachment_add',
          recordId: seizedGoodsId,
          unitId: row.unitId,
          after: created,
        });
        return { ...created, canRemove: true };
      });
    },

    async download(actor: Actor, seizedGoodsId: string, id: string) {
      return (await requireFile(actor, seizedGoodsId, id)).file;
    },

    async remove(actor: Actor, seizedGoodsId: string, id: string) {
      const { unit } = await seizedGoodsService.requireVisible(actor, seizedGoodsId);
      if (!seizedGoodsPolicy.canRecord(actor, unit.path)) throw forbidden('只有办案人员、专项办可以删除涉案财物的文件');
      const { row, file } = await requireFile(actor, seizedGoodsId, id);
      if (!seizedGoodsPolicy.canRemoveFile(actor, file, unit.path)) throw forbidden('只有上传人或专项办可以删除该文件');
      await db.transaction(async (tx) => {
        await repo.deleteAttachment(tx, id);
        await auditService.record(tx, actor, {
          action: 'seized_goods.attachment_delete',
          recordId: seizedGoodsId,
          unitId: row.unitId,
          before: withoutContent(file),
        });
      });
    },
  };
}

export type SeizedGoodsAttachmentsService = ReturnType<typeof createSeizedGoodsAttachmentsService>;
