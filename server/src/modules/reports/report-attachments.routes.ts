import { z } from 'zod';
import { requireActor, withProblems, type App } from '../../platform/http';
import {
  attachmentFields,
  binaryResponse,
  readAttachmentUpload,
  sendAttachment,
  uploadSummary,
} from '../../platform/attachments/attachment-http';
import type { ReportAttachmentsService } from './report-attachments.service';
import { keyQuery } from './reports.routes';

const attachmentSchema = z
  .object({
    id: z.uuid(),
    campaignId: z.uuid(),
    scheduleId: z.string(),
    periodEnd: z.string(),
    unitId: z.uuid(),
    ...attachmentFields,
  })
  .meta({ id: 'ReportAttachment' });
const campaignParams = z.object({ id: z.uuid('行动编号格式不正确') });
const fileParams = z.object({ attachmentId: z.uuid('附件编号格式不正确') });

/** 报表附件: a report's files, by the report's key (campaign, schedule, period end, unit) and then by their own id. */
export function registerReportAttachmentsRoutes(app: App, attachments: ReportAttachmentsService) {
  app.get('/api/campaigns/:id/reports/attachments', {
    schema: {
      tags: ['reports'],
      summary: '报表附件列表',
      params: campaignParams,
      querystring: keyQuery,
      response: withProblems({ 200: z.object({ items: z.array(attachmentSchema) }) }),
    },
    handler: async (req) => ({ items: await attachments.list(requireActor(req), req.params.id, req.query) }),
  });

  app.post('/api/campaigns/:id/reports/attachments', {
    schema: {
      tags: ['reports'],
      summary: `${uploadSummary('报表附件')}；报表审核通过后锁定`,
      consumes: ['multipart/form-data'],
      params: campaignParams,
      querystring: keyQuery,
      response: withProblems({ 201: attachmentSchema, 413: z.any() }),
    },
    handler: async (req, reply) => {
      const actor = requireActor(req);
      const file = await readAttachmentUpload(req);
      return reply.code(201).send(await attachments.add(actor, req.params.id, req.query, file));
    },
  });

  app.get('/api/report-attachments/:attachmentId', {
    schema: {
      tags: ['reports'],
      summary: '报表附件信息',
      params: fileParams,
      response: withProblems({ 200: attachmentSchema }),
    },
    handler: async (req) => attachments.get(requireActor(req), req.params.attachmentId),
  });

  app.get('/api/report-attachments/:attachmentId/content', {
    schema: {
      tags: ['reports'],
      summary: '下载报表附件',
      params: fileParams,
      response: withProblems({ 200: binaryResponse }),
    },
    handler: async (req, reply) =>
      sendAttachment(reply, await attachments.download(requireActor(req), req.params.attachmentId)),
  });

  app.delete('/api/report-attachments/:attachmentId', {
    schema: {
      tags: ['reports'],
      summary: '删除报表附件（报表审核通过后锁定）',
      params: fileParams,
      response: withProblems({ 204: z.null() }),
    },
    handler: async (req, reply) => {
      await attachments.remove(requireActor(req), req.params.attachmentId);
      return reply.code(204).send(null);
    },
  });
}
