import { api, ApiError, isProblem } from '../../lib/api';

/** The documents a campaign page offers: the plan (GB/T 9704 .docx), the task matrix and annex 1 (.xlsx). */
export type CampaignDocument = 'plan' | 'taskMatrix' | 'liaisons';

const FALLBACK_NAMES: Record<CampaignDocument, string> = { plan: 'plan.docx', taskMatrix: 'task-matrix.xlsx', liaisons: 'liaisons.xlsx' };

/** The file name a content-disposition header gives (RFC 5987 `filename*` first), or the fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // a malformed escape: try the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || fallback;
}

function fetchDocument(id: string, doc: CampaignDocument) {
  const options = { params: { path: { id } }, parseAs: 'blob' as const };
  if (doc === 'plan') return api.GET('/api/campaigns/{id}/plan.docx', options);
  if (doc === 'taskMatrix') return api.GET('/api/campaigns/{id}/task-matrix.xlsx', options);
  return api.GET('/api/campaigns/{id}/liaisons.xlsx', options);
}

/** Downloads a campaign document as the server names it; throws ApiError when the server refuses. */
export async function downloadCampaignDocument(id: string, doc: CampaignDocument): Promise<string> {
  const { data, error, response } = await fetchDocument(id, doc);
  if (!response.ok || !(data instanceof Blob)) throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name = fileNameFrom(response.headers.get('content-disposition'), FALLBACK_NAMES[doc]);
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
