import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '../../modules/auth/session';
import { afterAttempt, inOrder, keepMine, newEntry, nextToSend, type QueueEntry } from './queue-kernel';
import { sendEntry } from './send';
import { offlineStore } from './store';

export type NewEntry = Omit<Parameters<typeof newEntry>[0], 'userId'>;

interface OfflineQueue {
  online: boolean;
  /** The current person's entries, oldest first. */
  entries: QueueEntry[];
  /** True while an entry is being sent. */
  sending: boolean;
  enqueue: (fields: NewEntry) => Promise<QueueEntry>;
  /** Send what is due now (the online event and a timer call it too). */
  flush: () => void;
  /** A conflict: send the person's values again, based on the server's version. */
  keepMine: (id: string) => Promise<void>;
  /** Send again as it is (after a refusal the person has seen to elsewhere). */
  retry: (id: string) => Promise<void>;
  /** Drop the change (a conflict: keep the server's values). */
  discard: (id: string) => Promise<void>;
  /** Take the change out of the queue into the draft of its form, to correct it there. */
  toDraft: (id: string) => Promise<string | undefined>;
}

const Context = createContext<OfflineQueue | null>(null);

const RETRY_TICK_MS = 15_000;

/** A random id (crypto.randomUUID exists only in a secure context; the queue also works without one). */
const entryId = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The draft key of a form page (its path): the create page reads it back. */
export const draftKey = (formPath: string) => `form:${formPath}`;

/**
 * The queue of changes made without a network, for the logged-in person: kept in IndexedDB, sent
 * in order when the browser is online (at start, on the online event, and every 15 s while
 * something waits), with conflicts and refusals kept for the person to decide.
 */
export function OfflineQueueProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const userId = useSession().data?.user.id;
  const [online, setOnline] = useState(() => navigator.onLine);
  const [entries, setEntries] = useState<QueueEntry[]>([]);
  const [sending, setSending] = useState(false);
  const entriesRef = useRef<QueueEntry[]>([]);
  const busy = useRef(false);

  const replace = useCallback((next: QueueEntry[]) => {
    entriesRef.current = inOrder(next);
    setEntries(entriesRef.current);
  }, []);
  const store = useCallback(
    async (entry: QueueEntry) => {
      await offlineStore.put(entry);
      replace([...entriesRef.current.filter((e) => e.id !== entry.id), entry]);
    },
    [replace],
  );
  const drop = useCallback(
    async (id: string) => {
      await offlineStore.remove(id);
      replace(entriesRef.current.filter((e) => e.id !== id));
    },
    [replace],
  );

  const flush = useCallback(() => {
    if (busy.current || !navigator.onLine) return;
    busy.current = true;
    setSending(true);
    void (async () => {
      let sent = 0;
      try {
        for (;;) {
          const next = nextToSend(entriesRef.current, Date.now());
          if (!next || !navigator.onLine) break;
          const result = await sendEntry(next, store);
          const after = afterAttempt(result.entry, result.outcome, Date.now(), result.serverRecord);
          if (after) await store(after);
          else {
            await drop(next.id);
            sent += 1;
          }
          if (result.outcome.kind === 'network') break;
        }
      } finally {
        busy.current = false;
        setSending(false);
        if (sent) void queryClient.invalidateQueries();
      }
    })();
  }, [drop, queryClient, store]);

  useEffect(() => {
    if (!userId) return;
    let live = true;
    void offlineStore.entries().then((all) => {
      if (!live) return;
      replace(all.filter((e) => e.userId === userId));
      flush();
    });
    return () => {
      live = false;
    };
  }, [flush, replace, userId]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      flush();
    };
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const timer = window.setInterval(() => {
      if (entriesRef.current.some((e) => e.state === 'pending')) flush();
    }, RETRY_TICK_MS);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.clearInterval(timer);
    };
  }, [flush]);

  const value = useMemo<OfflineQueue>(
    () => ({
      online,
      entries,
      sending,
      flush,
      async enqueue(fields) {
        if (!userId) throw new Error('no session');
        const entry = newEntry({ ...fields, userId }, Date.now(), entryId());
        await store(entry);
        flush();
        return entry;
      },
      async keepMine(id) {
        const entry = entriesRef.current.find((e) => e.id === id);
        if (entry) await store(keepMine(entry));
        flush();
      },
      async retry(id) {
        const entry = entriesRef.current.find((e) => e.id === id);
        if (entry) await store({ ...entry, state: 'pending', notBefore: 0, problem: undefined });
        flush();
      },
      discard: drop,
      async toDraft(id) {
        const entry = entriesRef.current.find((e) => e.id === id);
        if (!entry?.formPath) return undefined;
        await offlineStore.saveDraft(draftKey(entry.formPath), { values: entry.body, problem: entry.problem });
        await drop(id);
        return entry.formPath;
      },
    }),
    [drop, entries, flush, online, sending, store, userId],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useOfflineQueue(): OfflineQueue {
  const queue = useContext(Context);
  if (!queue) throw new Error('useOfflineQueue outside OfflineQueueProvider');
  return queue;
}

/** Whether an error means the server could not be reached (fetch's TypeError), not that it refused. */
export const isNetworkError = (e: unknown) => e instanceof TypeError;

/**
 * Sends a change now when the browser is online, or queues it (`entry`) when it is offline or the
 * server cannot be reached; a refusal by the server is thrown as usual (the form shows it).
 */
export function useSendOrQueue() {
  const queue = useOfflineQueue();
  return async <R,>(send: () => Promise<R>, entry: NewEntry): Promise<{ sent: R } | { queued: QueueEntry }> => {
    if (!navigator.onLine) return { queued: await queue.enqueue(entry) };
    try {
      return { sent: await send() };
    } catch (e) {
      if (isNetworkError(e)) return { queued: await queue.enqueue(entry) };
      throw e;
    }
  };
}

/** A chosen file as the queue keeps it. */
export const queuedFile = (file: File) => ({ name: file.name, type: file.type, blob: file });
