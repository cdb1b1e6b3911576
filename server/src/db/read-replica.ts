import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Db } from './database';
import { poolConfig } from './multi-host';

/**
 * Read replicas for heavy reads (issue 22, DATABASE_READ_URL): the ledger, the figures, the
 * dashboards and the 大屏 read through `reader`, a Db handle that picks the streaming replica or the
 * primary at each use, from the request the call is made in (AsyncLocalStorage, so no service has
 * to pass the request along). Everything else — every write and its transaction, sessions and
 * permission checks — uses the primary's `db` as before.
 *
 * A request reads from the replica only when all of these hold:
 * - it is a GET or HEAD (a write request reads what it is about to write on the primary);
 * - the replica answered the poller recently and its lag is at most DATABASE_READ_MAX_LAG_MS;
 * - the replica has replayed the WAL position in the request's `rs_lsn` cookie, which every
 *   successful write sets (read-your-own-writes across processes and machines: the cookie, not
 *   the process, remembers where the writer's last write ended).
 * The choice is made once per request (at its first read through `reader`), so a page and its
 * count come from the same server. Outside a request (jobs, scripts, start-up) it is the primary.
 */

/** A WAL position (`16/B374D848`) as a number, for comparing; undefined when it is not one. */
export function parseLsn(text: string | null | undefined): bigint | undefined {
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text ?? '');
  return m ? (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`) : undefined;
}

/**
 * The replica's lag from the primary's recent WAL positions (pure, for the poller and its tests):
 * 0 when the replica has replayed the newest sample; else how long ago the oldest sample it has not
 * replayed was taken — the age of the oldest write it may be missing.
 */
export function lagFromSamples(samples: readonly { at: number; lsn: bigint }[], replayed: bigint, now: number) {
  const missing = samples.find((s) => s.lsn > replayed);
  return missing ? Math.max(0, now - missing.at) : 0;
}

/** Where the reads of one request go: decided at its first read through `reader`, then kept. */
interface ReadContext {
  replicaAllowed: boolean;
  /** The WAL position of the requester's last write (the `rs_lsn` cookie). */
  minLsn: bigint | undefined;
  chosen?: 'replica' | 'primary';
}

const requestContext = new AsyncLocalStorage<ReadContext>();

export interface ReadReplica {
  /** Reads from the replica when fresh enough for the current request, else from the primary. */
  reader: Db;
  /** Runs `fn` (the rest of a request) with the request's read context. */
  runRequest<T>(req: { method: string; lsnCookie: string | undefined }, fn: () => T): T;
  /** The primary's WAL position now (after a write: what the `rs_lsn` cookie holds). */
  primaryLsn(): Promise<string>;
  /** The replica's lag in ms, or undefined when it is unreachable (the metrics' gauge). */
  lagMs(): number | undefined;
  /** Reads by where they went (requests that read through `reader`), for the metrics and tests. */
  reads: { replica: number; primary: number };
  /** How long a `rs_lsn` cookie is needed: past it, a replica within the allowed lag has its write. */
  cookieMaxAgeSeconds: number;
  maxLagMs: number;
  /** Stops the poller and closes the replica's connections (the primary's stay with their owner). */
  close(): Promise<void>;
}

export interface ReadReplicaOptions {
  /** The poller's own connections are opened with these (DATABASE_URL, DATABASE_READ_URL). */
  primaryUrl: string;
  replicaUrl: string;
  /** The primary's pool: the WAL position a write's cookie holds. */
  primaryPool: pg.Pool;
  primaryDb: Db;
  replicaPool: pg.Pool;
  replicaDb: Db;
  /** DATABASE_READ_MAX_LAG_MS: over this lag, reads go to the primary. */
  maxLagMs: number;
  /** How often the poller samples both servers' WAL positions. */
  intervalMs?: number;
  log?: (message: string) => void;
}

/**
 * The poller (a cache of the replica's state, not durable work: an in-process timer, unref'd,
 * stopped on close) and the `reader` handle over the primary and the replica.
 */
export function createReadReplica(opts: ReadReplicaOptions): ReadReplica {
  const { primaryPool, primaryDb, replicaPool, replicaDb, maxLagMs } = opts;
  const primaryConnection = ownConnection(opts.primaryUrl);
  const replicaConnection = ownConnection(opts.replicaUrl);
  const intervalMs = opts.intervalMs ?? 500;
  const log = opts.log ?? ((m: string) => console.warn(m));
  /** A replica not heard from within this long counts as unreachable. */
  const staleAfterMs = Math.max(2000, intervalMs * 4);
  const samples: { at: number; lsn: bigint }[] = [];
  let replayed: { lsn: bigint; at: number } | undefined;
  let polling = false;
  let lastProblem = '';
  const reads = { replica: 0, primary: 0 };

  const problem = (message: string) => {
    replayed = undefined;
    if (message !== lastProblem) log(`只读副本（DATABASE_READ_URL）暂不可用，读取改走主库：${message}`);
    lastProblem = message;
  };

  async function poll() {
    if (polling) return;
    polling = true;
    try {
      const at = Date.now();
      const [primary, replica] = await Promise.allSettled([
        primaryConnection.value('select pg_current_wal_lsn()::text as v'),
        replicaConnection.value('select pg_last_wal_replay_lsn()::text as v'),
      ]);
      // Without the primary's position the lag is unknown: the reads go to the primary (which
      // says itself why it does not answer) until both are sampled again.
      if (primary.status === 'rejected') {
        replayed = undefined;
        return;
      }
      const primaryLsn = parseLsn(primary.value);
      if (primaryLsn !== undefined && (samples.length === 0 || primaryLsn > samples[samples.length - 1].lsn))
        samples.push({ at, lsn: primaryLsn });
      if (replica.status === 'rejected') return problem((replica.reason as Error).message);
      const lsn = parseLsn(replica.value);
      if (lsn === undefined) return problem('该服务器不是流复制备库（pg_last_wal_replay_lsn() 为空）');
      replayed = { lsn, at: Date.now() };
      if (lastProblem) log('只读副本已恢复，大查询改回副本读取');
      lastProblem = '';
      // Keep the newest replayed sample's successors only (and a bounded history when far behind).
      while (samples.length > 1 && samples[1].lsn <= lsn) samples.shift();
      if (samples.length > 20_000) samples.splice(0, samples.length - 20_000);
    } finally {
      polling = false;
    }
  }

  function lagMs(now = Date.now()): number | undefined {
    if (!replayed || now - replayed.at > staleAfterMs) return undefined;
    return lagFromSamples(samples, replayed.lsn, now);
  }

  function choose(ctx: ReadContext | undefined): Db {
    if (!ctx?.replicaAllowed) return primaryDb;
    if (!ctx.chosen) {
      const lag = lagMs();
      const fresh = lag !== undefined && lag <= maxLagMs;
      const hasOwnWrite = ctx.minLsn === undefined || (replayed !== undefined && replayed.lsn >= ctx.minLsn);
      ctx.chosen = fresh && hasOwnWrite ? 'replica' : 'primary';
      reads[ctx.chosen] += 1;
    }
    return ctx.chosen === 'replica' ? replicaDb : primaryDb;
  }

  // Each use of `reader` (reader.select(…), reader.execute(…)) is a use of the handle chosen for
  // the current request. That includes reader.transaction: the roll-ups read in a transaction of
  // their own (`set local` of the planner), which a standby runs like any read. Writes never come
  // here — they open db.transaction, the primary's — and a write request's reads are the primary's.
  const reader = new Proxy(primaryDb, {
    get(_target, prop) {
      const db = choose(requestContext.getStore());
      const value: unknown = Reflect.get(db, prop, db);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(db) : value;
    },
  });

  const timer = setInterval(() => void poll().catch(() => undefined), intervalMs);
  timer.unref();
  void poll().catch(() => undefined);

  return {
    reader,
    runRequest(req, fn) {
      const replicaAllowed = req.method === 'GET' || req.method === 'HEAD';
      return requestContext.run({ replicaAllowed, minLsn: parseLsn(req.lsnCookie) }, fn);
    },
    async primaryLsn() {
      const { rows } = await primaryPool.query<{ lsn: string }>('select pg_current_wal_lsn()::text as lsn');
      return rows[0].lsn;
    },
    lagMs: () => lagMs(),
    reads,
    // The first sample after a write is at most one interval later; once the replica's lag is
    // within the limit it has replayed every sample older than the limit, that one included.
    cookieMaxAgeSeconds: Math.ceil((maxLagMs + 2 * intervalMs) / 1000) + 1,
    maxLagMs,
    async close() {
      clearInterval(timer);
      await Promise.all([primaryConnection.end(), replicaConnection.end()]);
      await replicaPool.end();
    },
  };
}

/**
 * A connection of the poller's own, outside the pools: a busy pool (the very load a replica is
 * for) must not hold the samples back, and a connection that hangs is given up after 2 s
 * (query_timeout) and opened again at the next poll. Nothing is opened once ended.
 */
function ownConnection(connectionString: string) {
  let client: pg.Client | undefined;
  let ended = false;
  const drop = (c: pg.Client) => {
    if (client === c) client = undefined;
    void c.end().catch(() => undefined);
  };
  return {
    /** The first column of the first row of `text`. */
    async value(text: string): Promise<string | null | undefined> {
      if (!client) {
        // A host list (standbys with target_session_attrs) connects through multi-host.ts's Client.
        const config = poolConfig(connectionString, { connectionTimeoutMillis: 2000, query_timeout: 2000 });
        const c = new (config.Client ?? pg.Client)(config) as pg.Client;
        c.on('error', () => drop(c));
        try {
          await c.connect();
        } catch (err) {
          drop(c);
          throw err;
        }
        if (ended) {
          drop(c);
          throw new Error('closed');
        }
        client = c;
      }
      const c = client;
      try {
        return (await c.query<{ v: string | null }>(text)).rows[0]?.v;
      } catch (err) {
        drop(c);
        throw err;
      }
    },
    async end() {
      ended = true;
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
