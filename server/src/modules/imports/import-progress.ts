import type { ImportProgressTracker } from '../../platform/tabular/import-types';

/**
 * How far an import has got, so the page can show a progress bar while a large file is checked
 * and stored. The browser names its import with a random token (crypto.randomUUID) and polls it;
 * the token is the only key, and all it reveals is a row count. Kept in memory: it matters only
 * while the request runs.
 */
interface Progress {
  rowsRead: number;
  finished: boolean;
  touchedAt: number;
}

const KEEP_MS = 10 * 60 * 1000;
export const PROGRESS_TOKEN = /^[0-9a-f-]{32,36}$/i;

export function createImportProgress(now: () => number = Date.now) {
  const entries = new Map<string, Progress>();
  const sweep = () => {
    for (const [token, p] of entries) if (now() - p.touchedAt > KEEP_MS) entries.delete(token);
  };
  const set = (token: string, rowsRead: number, finished: boolean) =>
    entries.set(token, { rowsRead, finished, touchedAt: now() });
  return {
    /** A tracker for one import; no-ops when the browser did not ask for progress. */
    track(token: string | undefined): ImportProgressTracker {
      if (!token || !PROGRESS_TOKEN.test(token)) return { update: () => {}, finish: () => {} };
      sweep();
      set(token, 0, false);
      let rows = 0;
      return {
        update: (rowsRead: number) => void set(token, (rows = rowsRead), false),
        finish: () => void set(token, rows, true),
      };
    },
    get(token: string): { rowsRead: number; finished: boolean } | null {
      const p = entries.get(token);
      return p ? { rowsRead: p.rowsRead, finished: p.finished } : null;
    },
  };
}

export type ImportProgress = ReturnType<typeof createImportProgress>;
