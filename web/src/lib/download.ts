import { ApiError, isProblem } from './api';

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

/**
 * Saves a file answer (an openapi-fetch result with parseAs 'blob') under the name the server
 * gives; throws ApiError when the server refused. Returns the name.
 */
export function saveDownload(
  result: { data?: unknown; error?: unknown; response: Response },
  fallbackName: string,
): string {
  const { data, error, response } = result;
  if (!response.ok || !(data instanceof Blob))
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
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
