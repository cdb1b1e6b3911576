/**
 * Failed-login throttle, per user name and per client address: after `limit` failures inside
 * `windowMs`, further attempts are refused until the oldest failure leaves the window.
 * Kept in memory: one RedShield process serves one bureau's database.
 */
export function createLoginThrottle(opts = { perUser: 5, perAddress: 20, windowMs: 15 * 60_000 }, now = () => Date.now()) {
  const failures = new Map<string, number[]>();

  const recent = (key: string) => {
    const cutoff = now() - opts.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };

  const keys = (username: string, address: string) => [
    { key: `u:${username.toLowerCase()}`, limit: opts.perUser },
    { key: `a:${address}`, limit: opts.perAddress },
  ];

  return {
    /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
    retryAfterSeconds(username: string, address: string): number {
      let wait = 0;
      for (const { key, limit } of keys(username, address)) {
        const list = recent(key);
        if (list.length >= limit) wait = Math.max(wait, Math.ceil((list[list.length - limit] + opts.windowMs - now()) / 1000));
      }
      return wait;
    },
    recordFailure(username: string, address: string) {
      for (const { key } of keys(username, address)) failures.set(key, [...recent(key), now()]);
    },
    recordSuccess(username: string) {
      failures.delete(`u:${username.toLowerCase()}`);
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
