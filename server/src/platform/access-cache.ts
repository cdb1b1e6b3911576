import { createRecentMemo } from './recent-memo';

/** How long a session or a list's scope is kept: a bound on staleness should the signal be missed. */
export const ACCESS_CACHE_TTL_MS = 5_000;
/** The channel the database signals on when who may see what changed (migration 0055). */
export const ACCESS_CHANGED_CHANNEL = 'rs_access_changed';

/**
 * Who the caller is and what a list's filters reach (a session with its user and unit, a campaign's
 * or a unit's path in the caller's scope), kept for a few seconds so a request does not ask the
 * database again what it asked a moment before: on the ledger's hot path these were two of its
 * three statements (issue 22).
 *
 * Kept only while this process hears the database's change signal (`listening(true)`): a
 * statement trigger on sessions, users, units, campaigns and their participants NOTIFYs every
 * process when one commits (logout, password change, deactivation, a role or unit changed), and
 * each forgets everything at once. The service that makes the change also calls `forget()` after
 * its commit, so its own process never waits for the signal. Without the signal (the listening
 * connection lost, or no listener at all: a script, the benchmark's loader) nothing is kept and
 * every request asks the database, as before.
 */
export function createAccessCache(opts: { ttlMs?: number; max?: number; now?: () => number } = {}) {
  const entries = createRecentMemo<unknown>({
    ttlMs: opts.ttlMs ?? ACCESS_CACHE_TTL_MS,
    max: opts.max ?? 5000,
    now: opts.now,
  });
  let heard = false;
  // A load that began before a forget() must not store what it read.
  let generation = 0;
  const forget = () => {
    generation += 1;
    entries.clear();
  };
  return {
    /** The change signal is heard (true) or lost (false); either way what was kept is forgotten. */
    listening(on: boolean) {
      heard = on;
      forget();
    },
    forget,
    get keeping() {
      return heard;
    },
    /** The value under `key`: kept (while listening), else loaded and kept if it is not undefined. */
    async through<T>(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
      if (!heard) return load();
      const kept = entries.get(key);
      if (kept !== undefined) return kept as T;
      const at = generation;
      const value = await load();
      if (value !== undefined && at === generation && heard) entries.set(key, value);
      return value;
    },
  };
}

export type AccessCache = ReturnType<typeof createAccessCache>;
