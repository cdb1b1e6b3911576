import { api } from '../../lib/api';
import { saveDownload } from '../../lib/download';

/** The documents a campaign page offers: the plan (GB/T 9704 .docx), the task matrix and annex 1 (.xlsx). */
export type CampaignDocument = 'plan' | 'taskMatrix' | 'liaisons';

const FALLBACK_NAMES: Record<CampaignDocument, string> = {
  plan: 'plan.docx',
  taskMatrix: 'task-matrix.xlsx',
  liaisons: 'liaisons.xlsx',
};

function fetchDocument(id: string, doc: CampaignDocument) {
  const options = { params: { path: { id } }, parseAs: 'blob' as const };
  if (doc === 'plan') return api.GET('/api/campaigns/{id}/plan.docx', options);
  if (doc === 'taskMatrix') return api.GET('/api/campaigns/{id}/task-matrix.xlsx', options);
  return api.GET('/api/campaigns/{id}/liaisons.xlsx', options);
}

/** Downloads a campaign document as the server names it; throws ApiError when the server refuses. */
export async function downloadCampaignDocument(id: string, doc: CampaignDocument): Promise<string> {
  return saveDownload(await fetchDocument(id, doc), FALLBACK_NAMES[doc]);
}
