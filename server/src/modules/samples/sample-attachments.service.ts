import type { Db } from '../../db/database';
import type { Actor } from '../../platform/actor';
import { storedPhoto, withoutContent, type UploadedFile } from '../../platform/attachments/stored-file';
import { forbidden, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/scope';
import type { AuditService } from '../audit/audit.service';
import type { SampleAttachmentsRepository } from './sample-attachments.repository';
import { samplePolicy } from './samples.policy';
import type { SamplesService } from './samples.service';

/**
 * Photos and files of a sample (抽样单, 检验报告, 现场照片): whoever sees the sample reads them; whoever
 * may record it adds and removes them. A JPEG keeps when and where it was taken (EXIF).
 */
export function createSampleAttachmentsService(deps: {
  db: Db;
  samplesService: Pick<SamplesService, 'requireVisible'>;
  sampleAttachmentsRepository: SampleAttachmentsRepository;
  auditService: AuditService;
}) {
  const { db, samplesService, sampleAttachmentsRepository: repo, auditService } = deps;

  async function editable(actor: Actor, sampleId: string) {
    const { row, unit } = await samplesService.requireVisible(actor, sampleId);
    if (!samplePolicy.canRecord(actor, unit.path))
      throw forbidden('只有办案人员、专项办或管理员可以上传或删除抽检记录的照片和文件');
    return row;
  }

  const find = async (sampleId: string, id: string) => {
    const found = isUuid(id) ? await repo.find(db, sampleId, id) : undefined;
    if (!found) throw notFound('附件');
    return found;
  };

  return {
    async list(actor: Actor, sampleId: string) {
      await samplesService.requireVisible(actor, sampleId);
      return repo.list(db, sampleId);
    },

    async add(actor: Actor, sampleId: string, file: UploadedFile) {
      const row = await editable(actor, sampleId);
      const stored = await storedPhoto(actor, file);
      return db.transaction(async (tx) => {
        const created = await repo.insert(tx, { sampleId, ...stored });
        await auditService.record(tx, actor, {
          action: 'sample.attachment_add',
          recordId: sampleId,
          unitId: row.unitId,
          after: created,
        });
        return created;
      });
    },

    async download(actor: Actor, sampleId: string, id: string) {
      await samplesService.requireVisible(actor, sampleId);
      return find(sampleId, id);
    },

    async remove(actor: Actor, sampleId: string, id: string) {
      const row = await editable(actor, sampleId);
      const found = await find(sampleId, id);
      await db.transaction(async (tx) => {
        await repo.delete(tx, id);
        await auditService.record(tx, actor, {
          action: 'sample.attachment_delete',
          recordId: sampleId,
          unitId: row.unitId,
          before: withoutContent(found),
        });
      });
    },
  };
}

export type SampleAttachmentsService = ReturnType<typeof createSampleAttachmentsService>;
