import { z } from 'zod';
import {
  attachmentFields,
  binaryResponse,
  photoFields,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import { requireActor, withProblems, type App } from '../../platform/http';
import type { SampleAttachmentsService } from './sample-attachments.service';

const attachmentSchema = z
  .object({ id: z.uuid(), sampleId: z.uuid(), ...attachmentFields, ...photoFields })
  .meta({ id: 'SampleAttachment' });
const sampleParams = z.object({ id: z.uuid('抽检记录编号格式不正确') });
const fileParams = sampleParams.extend({ attachmentId: z.uuid('附件编号格式不正确') });

export function registerSampleAttachmentsRoutes(app: App, attachments: SampleAttachmentsService) {
  app.get('/api/samples/:id/attachments', {
    schema: {
      tags: ['samples'],
      summary: '抽检记录的照片和文件',
      params: sampleParams,
      response: withProblems({ 200: z.object({ items: z.array(attachmentSchema) }) }),
    },
    handler: async (req) => ({ items: await attachments.list(requireActor(req), req.params.id) }),
  });

  app.post('/api/samples/:id/attachments', {
    schema: {
      tags: ['samples'],
      summary: uploadSummary('抽检照片或文件（照片保留拍摄时间和地点）'),
      consumes: ['multipart/form-data'],
      params: sampleParams,
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await attachments.add(actor, req.params.id, file));
    },
  });

  app.get('/api/samples/:id/attachments/:attachmentId', {
    schema: {
      tags: ['samples'],
      summary: '下载抽检照片或文件',
      params: fileParams,
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await attachments.download(requireActor(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/samples/:id/attachments/:attachmentId', {
    schema: {
      tags: ['samples'],
      summary: '删除抽检照片或文件',
      params: fileParams,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await attachments.remove(requireActor(req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}
