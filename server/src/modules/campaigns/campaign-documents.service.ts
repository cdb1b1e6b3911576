import type { Actor } from '../../platform/actor';
import { officialDocumentBuffer } from '../../platform/documents/official-document';
import type { CampaignsService } from './campaigns.service';
import { liaisonsXlsx, taskMatrixXlsx } from './documents/campaign-sheets';
import { planDocument } from './documents/plan-docx';
import type { LiaisonsService } from './liaisons.service';

/**
 * Where the plan finds its 分片督查表 (the supervision module, above campaigns, supplies it in
 * services.ts): the table's title, header and rows, or null while the plan has no groups.
 */
export interface SupervisionAreaSource {
  areaAnnex(
    campaignId: string,
    campaignName: string,
  ): Promise<{ title: string; header: string[]; rows: string[][]; widths?: number[] } | null>;
}

/** The files a campaign produces: the plan (.docx, GB/T 9704), the task matrix and annex 1 (.xlsx). */
export function createCampaignDocumentsService(deps: {
  campaignsService: CampaignsService;
  liaisonsService: LiaisonsService;
  supervisionAreas?: SupervisionAreaSource;
}) {
  const { campaignsService, liaisonsService, supervisionAreas } = deps;
  return {
    async planDocx(actor: Actor, id: string) {
      const c = await campaignsService.get(actor, id);
      const annex = await supervisionAreas?.areaAnnex(c.id, c.name);
      const doc = planDocument(c);
      if (annex) {
        const attachments = [...(doc.attachments ?? []), annex.title];
        doc.attachments = attachments;
        doc.annexTables = [{ number: attachments.length, ...annex }];
      }
      return { fileName: `${c.name}.docx`, content: await officialDocumentBuffer(doc) };
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
