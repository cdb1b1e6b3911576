import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { sampleAttachments, type SampleAttachmentRow } from './samples.schema';

const meta = {
  id: sampleAttachments.id,
  sampleId: sampleAttachments.sampleId,
  fileName: sampleAttachments.fileName,
  mimeType: sampleAttachments.mimeType,
  sizeBytes: sampleAttachments.sizeBytes,
  sha256: sampleAttachments.sha256,
  uploadedByName: sampleAttachments.uploadedByName,
  uploadedAt: sampleAttachments.uploadedAt,
  takenAt: sampleAttachments.takenAt,
  takenLatitude: sampleAttachments.takenLatitude,
  takenLongitude: sampleAttachments.takenLongitude,
};

export function createSampleAttachmentsRepository() {
  return {
    /** The files of a sample, without their content. */
    list: (db: Db, sampleId: string) =>
      db
        .select(meta)
        .from(sampleAttachments)
        .where(eq(sampleAttachments.sampleId, sampleId))
        .orderBy(asc(sampleAttachments.uploadedAt)),

    async find(db: Db, sampleId: string, id: string): Promise<SampleAttachmentRow | undefined> {
      const [row] = await db
        .select()
        .from(sampleAttachments)
        .where(and(eq(sampleAttachments.sampleId, sampleId), eq(sampleAttachments.id, id)));
      return row;
    },

    async insert(tx: Db, row: typeof sampleAttachments.$inferInsert) {
      const [created] = await tx.insert(sampleAttachments).values(row).returning(meta);
      return created;
    },

    async delete(tx: Db, id: string): Promise<void> {
      await tx.delete(sampleAttachments).where(eq(sampleAttachments.id, id));
    },
  };
}

export type SampleAttachmentsRepository = ReturnType<typeof createSampleAttachmentsRepository>;
