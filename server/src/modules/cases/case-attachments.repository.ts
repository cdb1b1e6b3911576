import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { caseAttachments, type CaseAttachmentRow } from './cases.schema';

const meta = {
  id: caseAttachments.id,
  caseId: caseAttachments.caseId,
  fileName: caseAttachments.fileName,
  mimeType: caseAttachments.mimeType,
  sizeBytes: caseAttachments.sizeBytes,
  sha256: caseAttachments.sha256,
  uploadedByName: caseAttachments.uploadedByName,
  uploadedAt: caseAttachments.uploadedAt,
};
export type AttachmentMeta = Omit<CaseAttachmentRow, 'content' | 'uploadedBy'>;

export function createCaseAttachmentsRepository() {
  return {
    /** The files of a case, without their content. */
    list: (db: Db, caseId: string): Promise<AttachmentMeta[]> =>
      db
        .select(meta)
        .from(caseAttachments)
        .where(eq(caseAttachments.caseId, caseId))
        .orderBy(asc(caseAttachments.uploadedAt)),

    async find(db: Db, caseId: string, id: string): Promise<CaseAttachmentRow | undefined> {
      const [row] = await db
        .select()
        .from(caseAttachments)
        .where(and(eq(caseAttachments.caseId, caseId), eq(caseAttachments.id, id)));
      return row;
    },

    async insert(tx: Db, row: typeof caseAttachments.$inferInsert): Promise<AttachmentMeta> {
      const [created] = await tx.insert(caseAttachments).values(row).returning(meta);
      return created;
    },

    async delete(tx: Db, id: string): Promise<void> {
      await tx.delete(caseAttachments).where(eq(caseAttachments.id, id));
    },
  };
}

export type CaseAttachmentsRepository = ReturnType<typeof createCaseAttachmentsRepository>;
