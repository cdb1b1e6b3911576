import { z } from 'zod';
import { attachment, DOCX_MIME, XLSX_MIME } from '../../platform/documents/xlsx';
import { requireActor, withProblems, type App } from '../../platform/http';
import { UNIT_KINDS } from '../units/unit-kinds';
import type { CampaignDocumentsService } from './campaign-documents.service';
import type { LiaisonsService } from './liaisons.service';

const personOut = z
  .object({
    name: z.string(),
    position: z.string(),
    officePhone: z.string().nullable(),
    mobile: z.string().nullable(),
    fax: z.string().nullable(),
    updatedAt: z.date(),
  })
  .nullable();
const liaisonItem = z
  .object({
    unitId: z.uuid(),
    unitName: z.string(),
    unitKind: z.enum(UNIT_KINDS),
    leader: personOut,
    liaison: personOut,
    registered: z.boolean(),
    overdue: z.boolean(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'CampaignLiaison' });

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^[0-9+\-() ]*$/, '电话号码只能包含数字、+、- 和括号')
  .nullish();
const personIn = (who: string) =>
  z.object({
    name: z.string().trim().min(1, `请填写${who}姓名`).max(20),
    position: z.string().trim().min(1, `请填写${who}职务`).max(50),
    officePhone: phone,
    mobile: z
      .string()
      .trim()
      .regex(/^(1\d{10})?$/, '手机号码应为 11 位数字')
      .nullish(),
    fax: phone,
  });
const idParams = z.object({ id: z.uuid('行动编号格式不正确') });
const file = z.any().meta({ type: 'string', format: 'binary' });

export function registerLiaisonsRoutes(
  app: App,
  liaisonsService: LiaisonsService,
  documents: CampaignDocumentsService,
) {
  app.get('/api/campaigns/:id/liaisons', {
    schema: {
      tags: ['campaigns'],
      summary: '各参加单位的分管领导和联络员（含未报送的单位）',
      params: idParams,
      response: withProblems({
        200: z.object({
          campaignId: z.uuid(),
          deadline: z.string().nullable(),
          items: z.array(liaisonItem),
          missing: z.number().int(),
        }),
      }),
    },
    handler: async (req) => liaisonsService.list(requireActor(req), req.params.id),
  });

  app.put('/api/campaigns/:id/liaisons/:unitId', {
    schema: {
      tags: ['campaigns'],
      summary: '报送本单位的分管领导和联络员',
      params: idParams.extend({ unitId: z.uuid('单位编号格式不正确') }),
      body: z.object({ leader: personIn('分管领导'), liaison: personIn('联络员') }),
      response: withProblems({ 200: liaisonItem }),
    },
    handler: async (req) => liaisonsService.set(requireActor(req), req.params.id, req.params.unitId, req.body),
  });

  const download = (
    path: string,
    summary: string,
    mime: string,
    make: (actorId: ReturnType<typeof requireActor>, id: string) => Promise<{ fileName: string; content: Buffer }>,
  ) =>
    app.get(path, {
      schema: {
        tags: ['campaigns'],
        summary,
        params: idParams,
        produces: [mime],
        response: withProblems({ 200: file }),
      },
      handler: async (req, reply) => {
        const { fileName, content } = await make(requireActor(req), req.params.id);
        return reply.type(mime).header('content-disposition', attachment(fileName)).send(content);
      },
    });

  download('/api/campaigns/:id/liaisons.xlsx', '附件1 联络员表（.xlsx）', XLSX_MIME, (a, id) =>
    documents.liaisonsXlsx(a, id),
  );
  download('/api/campaigns/:id/plan.docx', '行动方案公文（.docx，GB/T 9704）', DOCX_MIME, (a, id) =>
    documents.planDocx(a, id),
  );
  download('/api/campaigns/:id/task-matrix.xlsx', '任务分工表（.xlsx）', XLSX_MIME, (a, id) =>
    documents.taskMatrixXlsx(a, id),
  );
}
