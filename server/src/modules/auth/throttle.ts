/**
 * The login throttle's decisions, pure (the state lives in `login_throttle`, throttle.repository.ts).
 *
 * Two counters, each a window of failures with growing delays instead of a lock:
 * - per (account, client address): a guesser at one account from one client waits 1 s, 2 s, 4 s …
 *   (at most 5 minutes) once he has failed 5 times. The same account from another client is not
 *   slowed: the right password from the real owner's browser always gets through.
 * - per client address, generous: 100 failures across any accounts (password spraying), then
 *   growing delays up to 15 minutes for that address.
 * A counter starts again once its window (1 hour; 15 minutes for an address) has passed both since
 * its first failure and since its last wait ended: a guesser who keeps going stays at the longest
 * wait, one who stops is forgotten. A success clears its (account, address) counter only; nothing
 * is ever locked for good.
 */
export interface ThrottlePolicy {
  /** Failures inside the window that cost nothing. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** The counter starts again once this long has passed since its first failure and since its last wait ended. */
  windowMs: number;
}

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  /** No attempt before this instant (null: none pending). */
  blockedUntil: Date | null;
}

export const PAIR_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  baseDelayMs: 1_000,
  maxDelayMs: 5 * 60_000,
  windowMs: 60 * 60_000,
};
export const ADDRESS_POLICY: ThrottlePolicy = {
  freeFailures: 100,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** The counters' keys: user names compare case-insensitively, as logins do. */
export const pairKey = (username: string, address: string) => `p:${username.trim().toLowerCase()}|${address}`;
export const addressKey = (address: string) => `a:${address}`;

/** The delay that follows the `failures`-th failure of a window (0 while it is a free one). */
export function delayAfter(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 40);
  return Math.min(policy.baseDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | undefined, policy: ThrottlePolicy, now: Date): ThrottleState {
  const quietSince = state && Math.max(state.windowStartedAt.getTime(), state.blockedUntil?.getTime() ?? 0);
  const fresh = !state || now.getTime() - quietSince! >= policy.windowMs;
  const failures = (fresh ? 0 : state.failures) + 1;
  const delay = delayAfter(failures, policy);
  return {
    failures,
    windowStartedAt: fresh ? now : state.windowStartedAt,
    blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null,
  };
}

/** Whole seconds to wait before the next attempt is heard (0: now), over every counter that applies. */
export function secondsToWait(states: (ThrottleState | undefined)[], now: Date): number {
  let waitMs = 0;
  for (const s of states) {
    if (s?.blockedUntil) waitMs = Math.max(waitMs, s.blockedUntil.getTime() - now.getTime());
  }
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** "请 5 秒后再试" / "请 3 分钟后再试": how long, the way a person says it. */
export function waitInWords(seconds: number): string {
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** Rows whose first failure and last wait both ended before this are over (the longest window). */
export function staleBefore(now: Date): Date {
  return new Date(now.getTime() - Math.max(PAIR_POLICY.windowMs, ADDRESS_POLICY.windowMs));
}
