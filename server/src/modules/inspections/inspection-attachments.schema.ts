import { index, pgTable, uuid } from 'drizzle-orm/pg-core';
import { attachmentColumns, photoColumns } from '../../platform/attachments/attachment-columns';
import { inspections } from './inspections.schema';

/**
 * 现场照片和材料 of an outing: photos taken on the spot (with 拍摄时间 and place when the phone wrote
 * them) and any other file, with the same type checks as a case's files.
 */
export const inspectionAttachments = pgTable(
  'inspection_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    ...attachmentColumns(),
    ...photoColumns(),
  },
  (t) => [index('inspection_attachments_inspection_idx').on(t.inspectionId)],
);

export type InspectionAttachmentRow = typeof inspectionAttachments.$inferSelect;
