import { currentCsrfToken } from '@redshield/api-client';
import { ApiError, isProblem } from './api';

/**
 * POSTs one file as multipart/form-data (field `file`) with XMLHttpRequest, which, unlike fetch,
 * reports how much of the upload has been sent. Resolves with the JSON answer; rejects with
 * ApiError carrying the problem+json body (e.g. a 422 listing the bad rows).
 */
export function uploadFile<T>(url: string, file: File, onUploadProgress?: (fraction: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    const token = currentCsrfToken();
    if (token) xhr.setRequestHeader('x-csrf-token', token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onUploadProgress?.(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new TypeError('network error'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, isProblem(body) ? body : undefined));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
