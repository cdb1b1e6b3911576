import { isEmbedded, type Db } from '../../db/database';
import type { ImportProgressTracker } from '../../platform/tabular/import-types';
import type { ImportProgressRepository, ProgressRow } from './imports.repository';

/**
 * How far an import has got, so the page can show a progress bar while a large file is checked
 * and stored. The browser names its import with a random token (crypto.randomUUID) and polls it;
 * the token is the only key, and all it reveals is a row count.
 *
 * Where it is kept: on PostgreSQL in the table `import_progress`, because the poll may reach another
 * server process than the one running the import (several processes behind a proxy). The rows are
 * written on the shared pool, outside the import's transaction, at most every PERSIST_EVERY_MS, and
 * never hold the import up (a failed write is only logged). On the embedded PGlite there is only
 * one process, and its one connection is held by the import's transaction, so the poll could not
 * read a table there: it is kept in this process's memory instead.
 */
const KEEP_MS = 10 * 60 * 1000;
const PERSIST_EVERY_MS = 500;
export const PROGRESS_TOKEN = /^[0-9a-f-]{32,36}$/i;

interface ProgressStore {
  /** Least milliseconds between two writes of one import's count. */
  everyMs: number;
  start(token: string, at: number): Promise<void>;
  save(token: string, p: ProgressRow, at: number): Promise<void>;
  get(token: string): Promise<ProgressRow | null>;
}

function memoryStore(): ProgressStore {
  const entries = new Map<string, ProgressRow & { touchedAt: number }>();
  return {
    everyMs: 0,
    async start(token, at) {
      for (const [t, p] of entries) if (at - p.touchedAt > KEEP_MS) entries.delete(t);
      entries.set(token, { rowsRead: 0, finished: false, touchedAt: at });
    },
    async save(token, p, at) {
      entries.set(token, { ...p, touchedAt: at });
    },
    async get(token) {
      const p = entries.get(token);
      return p ? { rowsRead: p.rowsRead, finished: p.finished } : null;
    },
  };
}

function databaseStore(db: Db, repo: ImportProgressRepository): ProgressStore {
  return {
    everyMs: PERSIST_EVERY_MS,
    async start(token, at) {
      await repo.deleteTouchedBefore(db, new Date(at - KEEP_MS));
      await repo.save(db, token, { rowsRead: 0, finished: false }, new Date(at));
    },
    save: (token, p, at) => repo.save(db, token, p, new Date(at)),
    get: (token) => repo.find(db, token),
  };
}

export function createImportProgress(deps: {
  db: Db;
  importProgressRepository: ImportProgressRepository;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const store = isEmbedded(deps.db) ? memoryStore() : databaseStore(deps.db, deps.importProgressRepository);
  const logged = (p: Promise<void>) =>
    p.catch((err: Error) => console.error(`导入进度写入失败（不影响导入）：${err.message}`));
  return {
    /** A tracker for one import; no-ops when the browser did not ask for progress. */
    track(token: string | undefined): ImportProgressTracker {
      if (!token || !PROGRESS_TOKEN.test(token)) return { update: () => {}, finish: async () => {} };
      // Writes run one after another, so the last one written is the last one reported.
      let chain = logged(store.start(token, now()));
      let rows = 0;
      let savedAt = now();
      const save = (finished: boolean) => {
        const p = { rowsRead: rows, finished };
        savedAt = now();
        chain = chain.then(() => logged(store.save(token, p, savedAt)));
        return chain;
      };
      return {
        update: (rowsRead: number) => {
          rows = rowsRead;
          if (now() - savedAt >= store.everyMs) void save(false);
        },
        finish: () => save(true),
      };
    },
    get: (token: string): Promise<ProgressRow | null> => store.get(token),
  };
}

export type ImportProgress = ReturnType<typeof createImportProgress>;
