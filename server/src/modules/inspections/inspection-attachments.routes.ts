import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import {
  attachmentFields,
  binaryResponse,
  photoFields,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import type { InspectionAttachmentsService } from './inspection-attachments.service';

const attachmentSchema = z
  .object({ id: z.uuid(), inspectionId: z.uuid(), ...attachmentFields, ...photoFields })
  .meta({ id: 'InspectionAttachment' });
const inspectionParams = z.object({ id: z.uuid('检查记录编号格式不正确') });
const fileParams = inspectionParams.extend({ attachmentId: z.uuid('附件编号格式不正确') });

export function registerInspectionAttachmentsRoutes(app: App, attachments: InspectionAttachmentsService) {
  app.get('/api/inspections/:id/attachments', {
    schema: {
      tags: ['inspections'],
      summary: '检查记录的照片和附件（含拍摄时间、地点）',
      params: inspectionParams,
      response: withProblems({ 200: z.object({ items: z.array(attachmentSchema) }) }),
    },
    handler: async (req) => ({ items: await attachments.list(requireActor(req), req.params.id) }),
  });

  app.post('/api/inspections/:id/attachments', {
    schema: {
      tags: ['inspections'],
      summary: uploadSummary('现场照片或附件'),
      consumes: ['multipart/form-data'],
      params: inspectionParams,
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await attachments.add(actor, req.params.id, file));
    },
  });

  app.get('/api/inspections/:id/attachments/:attachmentId', {
    schema: {
      tags: ['inspections'],
      summary: '下载检查记录的照片或附件',
      params: fileParams,
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await attachments.download(requireActor(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/inspections/:id/attachments/:attachmentId', {
    schema: {
      tags: ['inspections'],
      summary: '删除检查记录的照片或附件',
      params: fileParams,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await attachments.remove(requireActor(req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}
