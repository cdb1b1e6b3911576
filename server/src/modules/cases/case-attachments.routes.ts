import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import {
  attachmentFields,
  binaryResponse,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import type { CaseAttachmentsService } from './case-attachments.service';

const attachmentSchema = z
  .object({ id: z.uuid(), caseId: z.uuid(), ...attachmentFields })
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
      summary: uploadSummary('案件附件'),
      consumes: ['multipart/form-data'],
      params: caseParams,
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await attachments.add(actor, req.params.id, file));
    },
  });

  app.get('/api/cases/:id/attachments/:attachmentId', {
    schema: {
      tags: ['cases'],
      summary: '下载案件附件',
      params: fileParams,
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await attachments.download(requireActor(req), req.params.id, req.params.attachmentId)),
  });

  app.delete('/api/cases/:id/attachments/:attachmentId', {
    schema: { tags: ['cases'], summary: '删除案件附件', params: fileParams, response: withProblems({ 204: z.null() }) },
    handler: async (req, reply) => {
      await attachments.remove(requireActor(req), req.params.id, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}
