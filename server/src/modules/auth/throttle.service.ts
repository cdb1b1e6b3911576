import type { Db } from '../../db/database';
import { addressKey, ADDRESS_POLICY, afterFailure, pairKey, PAIR_POLICY, secondsToWait, staleBefore } from './throttle';
import type { ThrottleRepository } from './throttle.repository';
import type { SessionsRepository } from './sessions.repository';

const CLEANUP_EVERY_MS = 10 * 60_000;

/**
 * The login throttle over the database (decisions in throttle.ts): every process of the bureau
 * counts into the same rows. Now and then it also deletes counters and sessions that are over.
 */
export function createLoginThrottle(deps: { db: Db; throttleRepository: ThrottleRepository; sessionsRepository: SessionsRepository; now?: () => Date }) {
  const { db, throttleRepository: repo } = deps;
  const now = deps.now ?? (() => new Date());
  let lastCleanup = 0;

  async function cleanup(at: Date) {
    if (at.getTime() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = at.getTime();
    await repo.deleteStale(db, staleBefore(at));
    await deps.sessionsRepository.deleteExpired(db, at);
  }

  return {
    /** Seconds until this account may be tried again from this address (0: now). */
    async retryAfterSeconds(username: string, address: string): Promise<number> {
      const pair = pairKey(username, address);
      const addr = addressKey(address);
      const states = await repo.find(db, [pair, addr]);
      return secondsToWait([states.get(pair), states.get(addr)], now());
    },

    async recordFailure(username: string, address: string) {
      const at = now();
      // Always the pair first, then the address: concurrent transactions lock in the same order.
      await db.transaction(async (tx) => {
        await repo.recordFailure(tx, pairKey(username, address), (s) => afterFailure(s, PAIR_POLICY, at));
        await repo.recordFailure(tx, addressKey(address), (s) => afterFailure(s, ADDRESS_POLICY, at));
      });
      await cleanup(at);
    },

    /** The owner got in from this address: his earlier typos there are forgotten (the address count stays). */
    async recordSuccess(username: string, address: string) {
      await repo.clear(db, pairKey(username, address));
    },
  };
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>;
