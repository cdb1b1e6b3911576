/**
 * Values remembered for a short while under a key (for instance a ledger's total while someone
 * pages through it), at most `max` of them: the oldest is forgotten first.
 */
export function createRecentMemo<T>(opts: { ttlMs: number; max: number; now?: () => number }) {
  const now = opts.now ?? (() => Date.now());
  const entries = new Map<string, { at: number; value: T }>();
  return {
    get(key: string): T | undefined {
      const hit = entries.get(key);
      if (!hit) return undefined;
      if (now() - hit.at > opts.ttlMs) {
        entries.delete(key);
        return undefined;
      }
      return hit.value;
    },
    set(key: string, value: T): void {
      entries.delete(key);
      entries.set(key, { at: now(), value });
      if (entries.size > opts.max) entries.delete(entries.keys().next().value!);
    },
    /** Forgets every value. */
    clear(): void {
      entries.clear();
    },
  };
}
