/**
 * The offline queue's rules, pure (no IndexedDB, no network): which entry goes next, what an
 * answer means for it, when to try again, and what a conflict shows. The store (store.ts) keeps
 * the entries; the sender (sync.ts) runs them through these functions.
 */

/** A file to send after the record is created (a photo taken offline), kept as a blob. */
export interface QueuedFile {
  name: string;
  type: string;
  blob: Blob;
}

/** Why an entry waits for the person rather than for the network. */
export type EntryState =
  /** waiting to be sent (again) */
  | 'pending'
  /** 409 on an edit: the record changed on the server since the version the edit was based on */
  | 'conflict'
  /** 400/422 (or a creation's 409): the server refused the values; the problem names the fields */
  | 'invalid'
  /** 403/404 or another refusal that retrying will not change */
  | 'refused';

/** A field the server named in its refusal. */
export interface FieldProblem {
  path?: string;
  message: string;
}

/**
 * One change made without a network: a creation (POST) or an edit (PUT/PATCH naming the version
 * it was based on), with the files to attach to the record once it exists. Generic: outings,
 * samples, seizures and entities queue the body their form builds.
 */
export interface QueueEntry {
  id: string;
  /** Who made it: only their session sends it (another person logging in on the phone does not). */
  userId: string;
  /** Order of entry (ms since epoch, with a counter for entries in the same ms). */
  seq: number;
  method: 'POST' | 'PUT' | 'PATCH';
  /** The API path, e.g. /api/inspections or /api/inspections/{id}. */
  path: string;
  body: Record<string, unknown>;
  /** For an edit: the version the person edited (the body's `version`); a 409 means the server moved on. */
  baseVersion?: number;
  /** For an edit: where the record is read, to show the server's values beside the person's on a 409. */
  recordPath?: string;
  /** Files to upload to `${attachmentsPath of the created record}` after the body was accepted. */
  files: QueuedFile[];
  /** Where the created record's files go: `{id}` is replaced by the new record's id. */
  attachmentsPath?: string;
  /** Set once the body was accepted: the record's id, so a retry sends only the files left. */
  createdId?: string;
  /** What the person sees in the list of pending changes (e.g. 2026-09-18 检查记录). */
  label: string;
  /** The page of the form that made it, to correct it there. */
  formPath?: string;
  /** The form's labels of the body's fields, to show a conflict or a refusal in the person's words. */
  fieldLabels?: Record<string, string>;
  state: EntryState;
  attempts: number;
  /** Not before this time (ms), after a failed attempt. */
  notBefore: number;
  /** The server's message (and fields) for invalid, refused and conflict. */
  problem?: { title: string; detail?: string; errors?: FieldProblem[] };
  /** On a conflict: the record as it is on the server now. */
  serverRecord?: Record<string, unknown>;
}

/** What one attempt at sending ended with. */
export type Outcome =
  | { kind: 'sent'; createdId?: string }
  | { kind: 'network' }
  | { kind: 'answer'; status: number; problem?: { title: string; detail?: string; errors?: FieldProblem[] } };

/** What an answer's status means for the entry. */
export type Classification = 'sent' | 'retry' | 'conflict' | 'invalid' | 'refused' | 'login';

export function classify(outcome: Outcome): Classification {
  if (outcome.kind === 'sent') return 'sent';
  if (outcome.kind === 'network') return 'retry';
  const s = outcome.status;
  if (s >= 200 && s < 300) return 'sent';
  if (s === 409) return 'conflict';
  if (s === 400 || s === 422) return 'invalid';
  // Logged out meanwhile: keep the entry and wait for the person to log in again.
  if (s === 401) return 'login';
  // Too many requests, a server error, a gateway that is not there yet: try again later.
  if (s === 408 || s === 429 || s >= 500) return 'retry';
  return 'refused';
}

/** Waits after the n-th failed attempt: 2 s, 4 s, 8 s … at most 5 minutes. */
export function retryDelay(attempts: number): number {
  return Math.min(300_000, 1000 * 2 ** Math.max(1, Math.min(attempts, 20)));
}

/** Entries in the order they were made. */
export const inOrder = (entries: readonly QueueEntry[]) => [...entries].sort((a, b) => a.seq - b.seq);

/** The record an entry is about: its path without a trailing id-less collection for creations. */
const recordKey = (e: QueueEntry) => (e.method === 'POST' ? `${e.path}#${e.id}` : e.path);

/**
 * The next entry to send: the oldest pending one whose wait is over. An entry never overtakes an
 * earlier one about the same record (a second edit waits while the first is in conflict), and
 * nothing is sent while the person must log in again.
 */
export function nextToSend(entries: readonly QueueEntry[], now: number): QueueEntry | undefined {
  const blocked = new Set<string>();
  for (const e of inOrder(entries)) {
    const key = recordKey(e);
    if (blocked.has(key)) continue;
    if (e.state !== 'pending') {
      blocked.add(key);
      continue;
    }
    if (e.notBefore > now) {
      blocked.add(key);
      continue;
    }
    return e;
  }
  return undefined;
}

/**
 * The entry after an attempt: undefined when it is done (remove it), otherwise the entry with its
 * new state. A creation whose body was accepted but whose files were not all sent keeps the id
 * (`createdId`) so that the retry sends only the files.
 */
export function afterAttempt(
  entry: QueueEntry,
  outcome: Outcome,
  now: number,
  serverRecord?: Record<string, unknown>,
): QueueEntry | undefined {
  const c = classify(outcome);
  if (c === 'sent') return undefined;
  const problem = outcome.kind === 'answer' ? outcome.problem : undefined;
  const attempts = entry.attempts + 1;
  switch (c) {
    case 'retry':
    case 'login':
      return { ...entry, attempts, notBefore: now + retryDelay(attempts) };
    case 'conflict':
      // A creation has no version to be behind: its 409 is a value the register already holds
      // (a credit code taken meanwhile), to be corrected in the form like a 422.
      if (entry.baseVersion === undefined && entry.method === 'POST')
        return { ...entry, attempts, state: 'invalid', problem };
      return { ...entry, attempts, state: 'conflict', problem, serverRecord };
    case 'invalid':
      return { ...entry, attempts, state: 'invalid', problem };
    default:
      return { ...entry, attempts, state: 'refused', problem };
  }
}

/** The person keeps their values over the server's: send again, based on the server's version now. */
export function keepMine(entry: QueueEntry): QueueEntry {
  const version = Number(entry.serverRecord?.version);
  if (!Number.isInteger(version)) throw new Error('no server version to base the edit on');
  return {
    ...entry,
    body: { ...entry.body, version },
    baseVersion: version,
    state: 'pending',
    notBefore: 0,
    problem: undefined,
    serverRecord: undefined,
  };
}

/** One field of a conflict: the person's value beside the server's. */
export interface ConflictRow {
  field: string;
  mine: unknown;
  theirs: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields the person sent that differ from the record on the server now (the version aside). */
export function conflictRows(entry: QueueEntry): ConflictRow[] {
  const theirs = entry.serverRecord ?? {};
  return Object.keys(entry.body)
    .filter((field) => field !== 'version' && !same(entry.body[field], theirs[field]))
    .map((field) => ({ field, mine: entry.body[field], theirs: theirs[field] }));
}

/** The status the page shows: 离线, N 条待发送, N 条需处理 or 已同步. */
export type QueueStatus =
  | { kind: 'offline'; pending: number }
  | { kind: 'attention'; count: number; pending: number }
  | { kind: 'pending'; pending: number }
  | { kind: 'synced' };

export function queueStatus(entries: readonly QueueEntry[], online: boolean): QueueStatus {
  const pending = entries.filter((e) => e.state === 'pending').length;
  const attention = entries.length - pending;
  if (!online) return { kind: 'offline', pending };
  if (attention) return { kind: 'attention', count: attention, pending };
  if (pending) return { kind: 'pending', pending };
  return { kind: 'synced' };
}

let lastSeq = 0;

/** A new entry, pending, ordered after every entry made before it in this page. */
export function newEntry(
  fields: Pick<QueueEntry, 'userId' | 'method' | 'path' | 'body' | 'label'> &
    Partial<
      Pick<
        QueueEntry,
        'baseVersion' | 'recordPath' | 'files' | 'attachmentsPath' | 'createdId' | 'formPath' | 'fieldLabels'
      >
    >,
  now: number,
  id: string,
): QueueEntry {
  lastSeq = Math.max(now, lastSeq + 1);
  return { files: [], ...fields, id, seq: lastSeq, state: 'pending', attempts: 0, notBefore: 0 };
}
