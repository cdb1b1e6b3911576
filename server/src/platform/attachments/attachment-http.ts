import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, invalidField } from '../errors';
import { uploadError } from '../tabular/upload';
import { MAX_ATTACHMENT_BYTES } from './attachment-types';
import type { UploadedFile } from './stored-file';

/** What every attachment's answer holds after its id and the record it belongs to (never the content). */
export const attachmentFields = {
  fileName: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.date(),
};

/** What a field photo's answer adds (photoColumns()): 拍摄时间 and place, when the phone wrote them. */
export const photoFields = {
  takenAt: z.date().nullable(),
  takenLatitude: z.string().nullable(),
  takenLongitude: z.string().nullable(),
};

/** The summary of an upload route: what may be sent, and how large. */
export const uploadSummary = (what: string) =>
  `上传${what}（multipart 字段 file；照片、PDF、办公文档，单个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）`;

/** A file answer: the stored bytes, never sniffed, saved under the uploaded name (RFC 5987). */
export const binaryResponse = z.any().meta({ type: 'string', format: 'binary' });

/**
 * Reads the multipart field `file` into memory (at most MAX_ATTACHMENT_BYTES). A missing field,
 * a file too large (413) or a body cut off in the middle answers 4xx naming `file`; nothing has
 * been written anywhere by then.
 */
export async function readAttachmentUpload(req: FastifyRequest): Promise<UploadedFile> {
  const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }).catch((e: unknown) => {
    throw uploadError(e);
  });
  if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要上传的文件（表单字段 file）');
  try {
    return { fileName: part.filename, content: await part.toBuffer() };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, '文件过大', `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, [
        { path: 'file', message: '文件过大' },
      ]);
    // A body cut off in the middle or a broken form: 400, not 500 (nothing was written anywhere).
    throw uploadError(e);
  }
}

/** Sends a stored file for download with its type, under its own name, never sniffed by the browser. */
export function sendAttachment(reply: FastifyReply, file: { fileName: string; mimeType: string; content: Buffer }) {
  const name = encodeURIComponent(file.fileName);
  return reply
    .type(file.mimeType)
    .header(
      'content-disposition',
      `attachment; filename="attachment${file.fileName.slice(file.fileName.lastIndexOf('.'))}"; filename*=UTF-8''${name}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(file.content);
}
