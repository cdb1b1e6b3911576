import type { QueueEntry } from './queue-kernel';

/**
 * The offline data of this browser in IndexedDB (plain, no library): the queue of changes not yet
 * sent (with their photos as blobs) and the drafts of forms being filled. Nothing here is sent
 * anywhere but to this app's own API; each entry names the person who made it, and only
 * that person's session sends it.
 */
const DB_NAME = 'redshield-offline';
const QUEUE = 'queue';
const DRAFTS = 'drafts';

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(QUEUE)) db.createObjectStore(QUEUE, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(DRAFTS)) db.createObjectStore(DRAFTS);
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => {
      opening = undefined;
      reject(req.error ?? new Error('IndexedDB unavailable'));
    };
  });
  return opening;
}

async function run<T>(store: string, mode: IDBTransactionMode, op: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  return new Promise<T>((resolve, reject) => {
    const tx = db.transaction(store, mode);
    const req = op(tx.objectStore(store));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(tx.error ?? req.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export const offlineStore = {
  entries: () => run<QueueEntry[]>(QUEUE, 'readonly', (s) => s.getAll() as IDBRequest<QueueEntry[]>),
  put: (entry: QueueEntry) => run(QUEUE, 'readwrite', (s) => s.put(entry)).then(() => undefined),
  remove: (id: string) => run(QUEUE, 'readwrite', (s) => s.delete(id)).then(() => undefined),

  draft: <T>(key: string) => run<T | undefined>(DRAFTS, 'readonly', (s) => s.get(key) as IDBRequest<T | undefined>),
  saveDraft: (key: string, value: unknown) => run(DRAFTS, 'readwrite', (s) => s.put(value, key)).then(() => undefined),
  removeDraft: (key: string) => run(DRAFTS, 'readwrite', (s) => s.delete(key)).then(() => undefined),
};
