import pg from 'pg';

/**
 * The pools' Client: it sends its queries one at a time, in the order they were asked, by itself.
 * Code in a transaction holds one connection, and two queries started together on it (a
 * `Promise.all` over the transaction; the demo's seeding runs every service inside one) used to be
 * queued by node-postgres, which is deprecated and refused from pg 9 on ("Calling client.query()
 * when the client is already executing a query"). The order, and a failed query's effect on the
 * ones behind it in a transaction, stay what they were. A query given a callback, or a cursor or
 * stream (a submittable), goes to node-postgres as before.
 */
export function oneQueryAtATime(Base: typeof pg.Client): typeof pg.Client {
  return class OneQueryAtATime extends Base {
    /** Queries asked and not yet answered. */
    #asked = 0;
    /** Settles when the last query asked has been answered (its result not kept). */
    #previous: Promise<void> = Promise.resolve();

    // One implementation of pg.Client's overloads: the arguments go on unchanged, and so does the answer.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(...args: unknown[]): any {
      const send = (): unknown => Reflect.apply(super.query, this, args);
      const first = args[0] as { submit?: unknown } | undefined;
      if (typeof args[args.length - 1] === 'function' || typeof first?.submit === 'function') return send();
      // Nothing in flight: sent at once, as node-postgres would; otherwise after the last one asked.
      // A query node-postgres refuses by throwing (a null one) is answered with that error, and
      // counted as answered, so the next query is again sent at once.
      const answer = this.#asked++ === 0 ? sentAtOnce(send) : this.#previous.then(send);
      const answered = () => void this.#asked--;
      this.#previous = answer.then(answered, answered);
      return answer;
    }
  };
}

/** A query sent now: its answer, or node-postgres's refusal as a rejected answer (no extra wait either way). */
function sentAtOnce(send: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(send());
  } catch (e) {
    return Promise.reject(e as Error);
  }
}
