import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { reportAttachments, type ReportAttachmentRow } from './reports.schema';

/** A report as its files are keyed: the campaign, the schedule's period and the unit (a submission may not exist yet). */
export interface ReportFileKey {
  campaignId: string;
  scheduleId: string;
  periodEnd: string;
  unitId: string;
}
export type ReportAttachmentMeta = Omit<ReportAttachmentRow, 'content' | 'uploadedBy'>;

const meta = {
  id: reportAttachments.id,
  campaignId: reportAttachments.campaignId,
  scheduleId: reportAttachments.scheduleId,
  periodEnd: reportAttachments.periodEnd,
  unitId: reportAttachments.unitId,
  fileName: reportAttachments.fileName,
  mimeType: reportAttachments.mimeType,
  sizeBytes: reportAttachments.sizeBytes,
  sha256: reportAttachments.sha256,
  uploadedByName: reportAttachments.uploadedByName,
  uploadedAt: reportAttachments.uploadedAt,
};

const ofReport = (k: ReportFileKey) =>
  and(
    eq(reportAttachments.campaignId, k.campaignId),
    eq(reportAttachments.scheduleId, k.scheduleId),
    eq(reportAttachments.periodEnd, k.periodEnd),
    eq(reportAttachments.unitId, k.unitId),
  );

export function createReportAttachmentsRepository() {
  return {
    /** The files of a report, oldest first, without their content. */
    list: (db: Db, key: ReportFileKey): Promise<ReportAttachmentMeta[]> =>
      db.select(meta).from(reportAttachments).where(ofReport(key)).orderBy(asc(reportAttachments.uploadedAt)),

    async count(db: Db, key: ReportFileKey): Promise<number> {
      const [row] = await db.select({ n: count() }).from(reportAttachments).where(ofReport(key));
      return row.n;
    },

    /** One file with its content, whatever report it belongs to (the service checks the report). */
    async find(db: Db, id: string): Promise<ReportAttachmentRow | undefined> {
      const [row] = await db.select().from(reportAttachments).where(eq(reportAttachments.id, id));
      return row;
    },

    /** Holds the report's files until the transaction ends, so two uploads at once cannot pass its limit together. */
    async lockReport(tx: Db, key: ReportFileKey): Promise<void> {
      const name = `report_attachments|${key.campaignId}|${key.scheduleId}|${key.periodEnd}|${key.unitId}`;
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${name}, 0))`);
    },

    async insert(tx: Db, row: typeof reportAttachments.$inferInsert): Promise<ReportAttachmentMeta> {
      const [created] = await tx.insert(reportAttachments).values(row).returning(meta);
      return created;
    },

    async delete(tx: Db, id: string): Promise<void> {
      await tx.delete(reportAttachments).where(eq(reportAttachments.id, id));
    },
  };
}

export type ReportAttachmentsRepository = ReturnType<typeof createReportAttachmentsRepository>;
