import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError, invalidField } from '../errors';
import { tableKindOf, type TableKind } from './read-table';

export interface SavedUpload {
  path: string;
  fileName: string;
  kind: TableKind;
  cleanup(): Promise<void>;
}

/** An import file may be this large (a 100,000-row ledger is about 10 MB as .xlsx, 25 MB as .csv). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/** A multipart body that could not be read to its end (the connection dropped, a broken form). */
const brokenUpload = () =>
  new AppError(400, '上传不完整', '上传的文件不完整（连接中断或表单格式有误），请重新上传', [
    { path: 'file', message: '上传不完整' },
  ]);

/** Errors of the multipart reader with a 4xx status keep it; anything else is a broken upload. */
export function uploadError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const status = (e as { statusCode?: number }).statusCode;
  if (status === 413)
    return new AppError(413, '文件过大', `导入文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, [
      { path: 'file', message: '文件过大' },
    ]);
  if (status === 406 || status === 415)
    return invalidField('file', '请以 multipart/form-data 上传文件（表单字段 file）');
  return brokenUpload();
}

/**
 * Streams the multipart field `file` (.csv or .xlsx) to a temporary file, so that it is never held
 * whole in memory and can be read row by row. The caller removes it with cleanup(). A broken
 * upload answers 4xx and leaves no file behind (the write stream is closed before it is removed).
 */
export async function saveTableUpload(request: FastifyRequest): Promise<SavedUpload> {
  let part: Awaited<ReturnType<FastifyRequest['file']>>;
  try {
    part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  } catch (e) {
    throw uploadError(e);
  }
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw invalidField('file', '请选择要导入的文件（表单字段 file）');
  }
  const kind = tableKindOf(part.filename);
  if (!kind) {
    part.file.resume();
    throw invalidField('file', `不支持“${part.filename}”：只能导入 .csv（UTF-8）或 .xlsx 文件`);
  }
  const filePath = path.join(uploadDir(), `redshield-import-${randomUUID()}.${kind}`);
  const cleanup = () => rm(filePath, { force: true });
  try {
    // pipeline destroys (closes) the write stream when either side fails.
    await pipeline(part.file, createWriteStream(filePath));
  } catch (e) {
    await cleanup();
    throw uploadError(e);
  }
  if (part.file.truncated) {
    await cleanup();
    throw uploadError(Object.assign(new Error('file too large'), { statusCode: 413 }));
  }
  return { path: filePath, fileName: part.filename, kind, cleanup };
}

/** Where uploads wait while they are read (the system's temporary directory). */
export const uploadDir = () => tmpdir();
