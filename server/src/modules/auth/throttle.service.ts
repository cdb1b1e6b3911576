import type { Db } from '../../db/database';
import { addressKey, ADDRESS_POLICY, afterFailure, pairKey, PAIR_POLICY, secondsToWait, staleBefore } from './throttle';
import type { ThrottleRepository } from './throttle.repository';
import type { SessionsRepository } from './sessions.repository';

const CLEANUP_EVERY_MS = 10 * 60_000;

/**
 * The login throttle over the database (decisions in throttle.ts): every process of the bureau
 * counts into the same rows. Now and then it also deletes counters and sessions that are over.
 */
export function createLoginThrottle(deps: {
  db: Db;
  throttleRepository: ThrottleRepository;
  sessionsRepository: SessionsRepository;
  now?: () => Date;
}) {
  const { db, throttleRepository: repo } = deps;
  const now = deps.now ?? (() => new Date());
  // When this process last swept: per process, only to sweep seldom; any process may sweep.
  let lastCleanup = 0;

  async function cleanup(at: Date) {
    if (at.getTime() - lastCleanup < CLEANUP_EVERY_MS) return;
    lastCleanup = at.getTime();
    await repo.deleteStale(db, staleBefore(at));
    await deps.sessionsRepository.deleteExpired(db, at);
  }

  return {
    /**
     * Lets an attempt at this account from this address go ahead (0), or answers the seconds to
     * wait. An attempt that goes ahead is counted as a failure of the pair at once, under the row's
     * lock, and forgotten if the password was right (`recordSuccess`): guesses sent in parallel
     * cannot all pass the check before the first of them is counted.
     */
    async admit(username: string, address: string): Promise<number> {
      const at = now();
      const pair = pairKey(username, address);
      const addr = addressKey(address);
      return db.transaction(async (tx) => {
        const addressState = (await repo.find(tx, [addr])).get(addr);
        let wait = 0;
        await repo.update(tx, pair, (s) => {
          wait = secondsToWait([s, addressState], at);
          return wait > 0 ? s : afterFailure(s, PAIR_POLICY, at);
        });
        return wait;
      });
    },

    /** The attempt admitted failed: the pair is already counted, the address counts it now. */
    async recordFailure(address: string) {
      const at = now();
      await db.transaction(async (tx) => {
        await repo.update(tx, addressKey(address), (s) => afterFailure(s, ADDRESS_POLICY, at));
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
