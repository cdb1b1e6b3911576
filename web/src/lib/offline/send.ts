import { currentCsrfToken } from '@redshield/api-client';
import { isProblem } from '../api';
import type { FieldProblem, Outcome, QueueEntry } from './queue-kernel';

/**
 * One attempt at sending a queued change: the body (unless an earlier attempt created the record
 * already), then each file to the new record. Never throws: a network failure is an outcome. The
 * entry passed to `progress` after the body was accepted carries the new id, so that a failure
 * while sending the files retries only them.
 */
export async function sendEntry(
  entry: QueueEntry,
  progress: (entry: QueueEntry) => Promise<void>,
): Promise<{ outcome: Outcome; entry: QueueEntry; serverRecord?: Record<string, unknown> }> {
  let current = entry;
  try {
    if (!current.createdId) {
      const res = await request(current.method, current.path, JSON.stringify(current.body), 'application/json');
      if (!res.ok) {
        const problem = await problemOf(res);
        const serverRecord = res.status === 409 ? await readRecord(current.recordPath) : undefined;
        return { outcome: { kind: 'answer', status: res.status, problem }, entry: current, serverRecord };
      }
      const record = (await res.json().catch(() => ({}))) as { id?: unknown };
      if (!current.files.length || !current.attachmentsPath) return { outcome: { kind: 'sent' }, entry: current };
      current = { ...current, createdId: String(record.id ?? '') };
      await progress(current);
    }
    while (current.files.length) {
      const [file, ...rest] = current.files;
      const form = new FormData();
      form.append('file', file.blob, file.name);
      const path = current.attachmentsPath!.replace('{id}', current.createdId!);
      const res = await request('POST', path, form);
      if (!res.ok)
        return { outcome: { kind: 'answer', status: res.status, problem: await problemOf(res) }, entry: current };
      current = { ...current, files: rest };
      await progress(current);
    }
    return { outcome: { kind: 'sent', createdId: current.createdId }, entry: current };
  } catch {
    return { outcome: { kind: 'network' }, entry: current };
  }
}

function request(method: string, path: string, body: BodyInit, contentType?: string) {
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  const token = currentCsrfToken();
  if (token) headers['x-csrf-token'] = token;
  return fetch(path, { method, body, headers, credentials: 'same-origin' });
}

async function problemOf(res: Response): Promise<{ title: string; detail?: string; errors?: FieldProblem[] }> {
  const body: unknown = await res.json().catch(() => undefined);
  if (isProblem(body))
    return {
      title: body.title,
      detail: body.detail,
      errors: (body.errors ?? []).map((e) => ({
        path: e.path ?? (e.row !== undefined ? `第 ${e.row} 行` : undefined),
        message: e.message,
      })),
    };
  return { title: `HTTP ${res.status}` };
}

async function readRecord(path: string | undefined): Promise<Record<string, unknown> | undefined> {
  if (!path) return undefined;
  try {
    const res = await fetch(path, { credentials: 'same-origin', cache: 'no-store' });
    return res.ok ? ((await res.json()) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
