import { customType, integer, numeric, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

/**
 * The columns every attachment table has besides its id and the record it belongs to: the file
 * itself, stored in the database so that a backup of the database (or of the embedded data
 * directory) holds it, its checked type, size and SHA-256, and who uploaded it when. A function,
 * so that each table gets its own column builders.
 */
export const attachmentColumns = () => ({
  fileName: text('file_name').notNull(),
  mimeType: text('mime_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: uuid('uploaded_by').notNull(),
  uploadedByName: text('uploaded_by_name').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The columns of an attachment table that holds field photos (outings, samples, rectifications,
 * seized goods): 拍摄时间 and place (WGS 84 degrees) as the phone's camera wrote them into the
 * photo (EXIF), null when it did not.
 */
export const photoColumns = () => ({
  takenAt: timestamp('taken_at', { withTimezone: true }),
  takenLatitude: numeric('taken_latitude', { precision: 9, scale: 6 }),
  takenLongitude: numeric('taken_longitude', { precision: 9, scale: 6 }),
});
