import type { Actor } from '../../platform/actor';
import { officialDocumentBuffer } from '../../platform/documents/official-document';
import type { CampaignsService } from './campaigns.service';
import { liaisonsXlsx, taskMatrixXlsx } from './documents/campaign-sheets';
import { planDocument } from './documents/plan-docx';
import type { LiaisonsService } from './liaisons.service';

/** The files a campaign produces: the plan (.docx, GB/T 9704), the task matrix and annex 1 (.xlsx). */
export function createCampaignDocumentsService(deps: {
  campaignsService: CampaignsService;
  liaisonsService: LiaisonsService;
}) {
  const { campaignsService, liaisonsService } = deps;
  return {
    async planDocx(actor: Actor, id: string) {
      const c = await campaignsService.get(actor, id);
      return { fileName: `${c.name}.docx`, content: await officialDocumentBuffer(planDocument(c)) };
    },
    async taskMatrixXlsx(actor: Actor, id: string) {
      const c = await campaignsService.get(actor, id);
      return { fileName: `${c.name}任务分工表.xlsx`, content: await taskMatrixXlsx(c) };
    },
    async liaisonsXlsx(actor: Actor, id: string) {
      const c = await campaignsService.get(actor, id);
      return {
        fileName: `${c.name}联络员表.xlsx`,
        content: await liaisonsXlsx(c, await liaisonsService.list(actor, id)),
      };
    },
  };
}

export type CampaignDocumentsService = ReturnType<typeof createCampaignDocumentsService>;
