import { z } from 'zod';
import { AppError, invalidField } from '../../platform/errors';
import { requireActor, withProblems, type App } from '../../platform/http';
import { uploadError } from '../../platform/tabular/upload';
import { MAX_ATTACHMENT_BYTES } from './attachment-types';
import type { CaseAttachmentsService } from './case-attachments.service';

const attachmentSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    fileName: z.string(),
    mimeType: z.string(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    uploadedByName: z.string(),
    uploadedAt: z.date(),
  })
  .meta({ id: 'CaseAttachment' });
const caseParams = z.object({ id: z.uuid('案件编号格式不正确') });
const fileParams = caseParams.extend({ attachmentId: z.uuid('附件编号格式不正确') });

export function registerCaseAttachmentsRoutes(app: App, attachments: CaseAttachmentsService) {
  app.get('/api/cases/:id/attachments', {
    schema: {
      tags: ['cases'],
      summary: '案件附件列表',
      params: caseParams,
      response: withProblems({ 200: z.object({ items: z.array(attachmentSchema) }) }),
    },
    handler: async (req) => ({ items: await attachments.list(requireActor(req), req.params.id) }),
  });

  app.post('/api/cases/:id/attachments', {
    schema: {
      tags: ['cases'],
      summary: '上传案件附件（multipart 字段 file；照片、PDF、办公文档，单个不超过 20 MB）',
      consumes: ['multipart/form-data'],
      params: caseParams,
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } }).catch((e: unknown) => {
        throw uploadError(e);
      });
      if (!part || part.fieldname !== 'file') throw invalidField('file', '请选择要上传的文件（表单字段 file）');
      let content: Buffer;
      try {
        content = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError(413, '文件过大', `附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`, [
            { path: 'file', message: '文件过大' },
          ]);
        // A body cut off in the middle or a broken form: 400, not 500 (nothing was written anywhere).
        throw uploadError(e);
      }
      return reply.code(201).send(await attachments.add(actor, req.params.id, { fileName: part.filename, content }));
    },
  });

  app.get('/api/cases/:id/attachments/:attachmentId', {
    schema: {
      tags: ['cases'],
      summary: '下载案件附件',
      params: fileParams,
      response: withProblems({ 200: z.any().meta({ type: 'string', format: 'binary' }) }),
    },
    handler: async (req, reply) => {
      const file = await attachments.download(requireActor(req), req.params.id, req.params.attachmentId);
      const name = encodeURIComponent(file.fileName);
      return reply
        .type(file.mimeType)
        .header(
          'content-disposition',
          `attachment; filename="attachment${file.fileName.slice(file.fileName.lastIndexOf('.'))}"; filename*=UTF-8''${name}`,
        )
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  });

  app.delete('/api/cases/:id/attachments/:attachmentId', {
    schema: { tags: ['cases'], summary: '删除案件附件', params: fileParams, response: withProblems({ 204: z.null() }) },
    handler: async (req, reply) => {
      await attachments.remove(requireActor(req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}
