import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { inspectionAttachments, type InspectionAttachmentRow } from './inspection-attachments.schema';

const meta = {
  id: inspectionAttachments.id,
  inspectionId: inspectionAttachments.inspectionId,
  fileName: inspectionAttachments.fileName,
  mimeType: inspectionAttachments.mimeType,
  sizeBytes: inspectionAttachments.sizeBytes,
  sha256: inspectionAttachments.sha256,
  uploadedByName: inspectionAttachments.uploadedByName,
  uploadedAt: inspectionAttachments.uploadedAt,
  takenAt: inspectionAttachments.takenAt,
  takenLatitude: inspectionAttachments.takenLatitude,
  takenLongitude: inspectionAttachments.takenLongitude,
};
export type InspectionAttachmentMeta = Omit<InspectionAttachmentRow, 'content' | 'uploadedBy'>;

export function createInspectionAttachmentsRepository() {
  return {
    /** The files of an outing, without their content, in the order they were added. */
    list: (db: Db, inspectionId: string): Promise<InspectionAttachmentMeta[]> =>
      db
        .select(meta)
        .from(inspectionAttachments)
        .where(eq(inspectionAttachments.inspectionId, inspectionId))
        .orderBy(asc(inspectionAttachments.uploadedAt), asc(inspectionAttachments.id)),

    async find(db: Db, inspectionId: string, id: string): Promise<InspectionAttachmentRow | undefined> {
      const [row] = await db
        .select()
        .from(inspectionAttachments)
        .where(and(eq(inspectionAttachments.inspectionId, inspectionId), eq(inspectionAttachments.id, id)));
      return row;
    },

    async insert(tx: Db, row: typeof inspectionAttachments.$inferInsert): Promise<InspectionAttachmentMeta> {
      const [created] = await tx.insert(inspectionAttachments).values(row).returning(meta);
      return created;
    },

    async delete(tx: Db, id: string): Promise<void> {
      await tx.delete(inspectionAttachments).where(eq(inspectionAttachments.id, id));
    },
  };
}

export type InspectionAttachmentsRepository = ReturnType<typeof createInspectionAttachmentsRepository>;
