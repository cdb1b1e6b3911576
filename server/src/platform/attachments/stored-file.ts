import { createHash } from 'node:crypto';
import type { Actor } from '../actor';
import { invalidField } from '../errors';
import { attachmentType } from './attachment-types';
import { photoMetadata } from './photo-metadata';

/** A file as a user uploaded it (the multipart field `file`). */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/**
 * The columns of a checked file as a record's attachment table stores it (attachment-columns.ts):
 * type confirmed by its first bytes, size, SHA-256, who uploaded it. A refused file throws 400
 * naming the field `file`, before anything is written.
 */
export function storedFile(actor: Actor, file: UploadedFile) {
  const type = attachmentType(file.fileName, file.content);
  if (!type.ok) throw invalidField('file', type.message);
  return {
    fileName: file.fileName.slice(0, 200),
    mimeType: type.mime,
    sizeBytes: file.content.length,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedBy: actor.userId,
    uploadedByName: actor.displayName,
  };
}

/**
 * A checked file for a table with photoColumns() (field photos): storedFile's columns and, from a
 * JPEG's EXIF, when and where it was taken (nulls when the phone did not write them).
 */
export async function storedPhoto(actor: Actor, file: UploadedFile) {
  const stored = storedFile(actor, file);
  return { ...stored, ...(await photoMetadata(stored.mimeType, stored.content)) };
}

/** An attachment's row without its content, as lists and audit entries show it. */
export function withoutContent<T extends { content: Buffer }>(row: T): Omit<T, 'content'> {
  const { content: _content, ...meta } = row;
  return meta;
}
