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

/**
 * Streams the multipart field `file` (.csv or .xlsx) to a temporary file, so that it is never held
 * whole in memory and can be read row by row. The caller removes it with cleanup().
 */
export async function saveTableUpload(request: FastifyRequest): Promise<SavedUpload> {
  const part = await request.file({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } });
  if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要导入的文件（表单字段 file）');
  const kind = tableKindOf(part.filename);
  if (!kind) {
    part.file.resume();
    throw invalidField('file', `不支持“${part.filename}”：只能导入 .csv（UTF-8）或 .xlsx 文件`);
  }
  const filePath = path.join(tmpdir(), `redshield-import-${randomUUID()}.${kind}`);
  const cleanup = () => rm(filePath, { force: true });
  try {
    await pipeline(part.file, createWriteStream(filePath));
  } catch (e) {
    await cleanup();
    throw e;
  }
  if (part.file.truncated) {
    await cleanup();
    throw new AppError(413, '文件过大', `导入文件不能超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB`, [{ path: 'file', message: '文件过大' }]);
  }
  return { path: filePath, fileName: part.filename, kind, cleanup };
}
