import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PoolStats } from '../db/database';
import type { ReadReplica } from '../db/read-replica';
import { AppError, unauthorized } from './errors';
import type { App } from './http';

/** Jobs waiting or running, per queue and state (the job queue counts them in its own tables). */
export type QueueDepth = () => Promise<{ name: string; state: string; count: number }[]>;

export interface Metrics {
  registry: Registry;
  /** The job queue starts after the app is built (main.ts); its depth is reported from then on. */
  watchQueue(depth: QueueDepth): void;
}

export interface MetricsOptions {
  /**
   * METRICS_TOKEN: /metrics answers only a request that sends it as `Authorization: Bearer …`.
   * Without a token there are no metrics at all (404): they tell an outsider which routes are
   * used and how busy the bureau is, so they are never public.
   */
  token: string;
  poolStats?: () => PoolStats;
  /** DATABASE_READ_URL: the replica's lag and where the heavy reads went. */
  replica?: Pick<ReadReplica, 'lagMs' | 'reads'>;
  /**
   * Several processes (WORKERS): the metrics of all of them, gathered by the primary process
   * (main.ts); a scrape reaches any one process and still sees the whole machine.
   */
  gather?: () => Promise<string>;
  /**
   * 省级数据汇聚 on the national installation: each province's subscription as pg_stat_subscription
   * shows it (modules/federation); none elsewhere.
   */
  federation?: () => Promise<
    { subscription: string; up: boolean; lastMessageSeconds: number | null; errors: number }[]
  >;
}

/**
 * How long a collector waits for the database (the job queue's depth, the provinces' subscriptions)
 * before the scrape goes on without its figures. Several processes (WORKERS) answer the primary's
 * gathering within prom-client's fixed 5 s, or the whole scrape fails: a slow database must cost only
 * the figures read from it, never the process's own.
 */
const DATABASE_COLLECT_MS = 2000;

/** `read()`, or `late` when it has not answered within DATABASE_COLLECT_MS or failed. */
async function fromDatabase<T>(read: () => Promise<T>, late: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<T>((resolve) => {
    timer = setTimeout(() => resolve(late), DATABASE_COLLECT_MS);
  });
  try {
    return await Promise.race([read(), deadline]);
  } catch {
    return late; // the database is away: the readiness check says why
  } finally {
    clearTimeout(timer);
  }
}

const sameToken = (given: string, token: string) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(token).digest());

/**
 * Prometheus metrics (prom-client) in this process's own registry: requests per route template,
 * method and status class with their latency, the database connections, the job queue's depth,
 * and the process's own figures (CPU, memory, event-loop delay). GET /metrics, text format.
 */
export function installMetrics(app: App, opts: MetricsOptions): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['route', 'method', 'status_class'] as const;
  const requests = new Counter({
    name: 'redshield_http_requests_total',
    help: 'HTTP requests answered, by route template, method and status class',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'redshield_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by route template, method and status class',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    // The template (/api/cases/:id), never the URL: one series per route, not per record.
    const labels = {
      route: request.routeOptions.url ?? '(unmatched)',
      method: request.method,
      status_class: `${Math.floor(reply.statusCode / 100)}xx`,
    };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });

  const poolStats = opts.poolStats;
  if (poolStats) {
    new Gauge({
      name: 'redshield_db_pool_connections',
      help: 'Database connections of this process by state (PGlite: one connection, no pool; only total)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const s = poolStats();
        this.set({ state: 'total' }, s.total);
        if (s.idle !== undefined) this.set({ state: 'idle' }, s.idle);
        if (s.waiting !== undefined) this.set({ state: 'waiting' }, s.waiting);
      },
    });
  }

  const replica = opts.replica;
  if (replica) {
    // Every process samples the same replica: the worst of them, not their sum.
    new Gauge({
      name: 'redshield_db_replica_lag_seconds',
      help: 'Replay lag of the read replica (DATABASE_READ_URL) as this process last sampled it; NaN while unreachable',
      registers: [registry],
      aggregator: 'max',
      collect() {
        const lag = replica.lagMs();
        this.set(lag === undefined ? NaN : lag / 1000);
      },
    });
    new Gauge({
      name: 'redshield_db_replica_up',
      help: 'Whether the read replica (DATABASE_READ_URL) answered this process recently (1) or not (0: reads go to the primary)',
      registers: [registry],
      aggregator: 'min',
      collect() {
        this.set(replica.lagMs() === undefined ? 0 : 1);
      },
    });
    const reported = { replica: 0, primary: 0 };
    new Counter({
      name: 'redshield_db_replica_reads_total',
      help: 'Requests whose heavy reads went to the read replica or, it being too far behind or away, to the primary',
      labelNames: ['target'],
      registers: [registry],
      collect() {
        for (const target of ['replica', 'primary'] as const) {
          this.inc({ target }, replica.reads[target] - reported[target]);
          reported[target] = replica.reads[target];
        }
      },
    });
  }

  const federation = opts.federation;
  if (federation) {
    // One national database, the same for every process: the worst, not the sum.
    const states = () => fromDatabase(federation, []);
    new Gauge({
      name: 'redshield_federation_lag_seconds',
      help: 'Per province subscription: seconds since the national database last heard from the province (pg_stat_subscription.last_msg_receipt_time; data or keep-alive); NaN while its apply worker is not running',
      labelNames: ['subscription'],
      registers: [registry],
      aggregator: 'max',
      async collect() {
        this.reset();
        for (const s of await states())
          this.set(
            { subscription: s.subscription },
            s.up && s.lastMessageSeconds !== null ? s.lastMessageSeconds : NaN,
          );
      },
    });
    new Gauge({
      name: 'redshield_federation_errors',
      help: 'Per province subscription: changes the national database failed to apply and initial copies that failed, since its statistics were last reset (pg_stat_subscription_stats); a rising count means the province is stuck',
      labelNames: ['subscription'],
      registers: [registry],
      aggregator: 'max',
      async collect() {
        this.reset();
        for (const s of await states()) this.set({ subscription: s.subscription }, s.errors);
      },
    });
    new Gauge({
      name: 'redshield_federation_up',
      help: 'Per province subscription: 1 while its apply worker runs (the province is connected), 0 otherwise',
      labelNames: ['subscription'],
      registers: [registry],
      aggregator: 'min',
      async collect() {
        this.reset();
        for (const s of await states()) this.set({ subscription: s.subscription }, s.up ? 1 : 0);
      },
    });
  }

  let queueDepth: QueueDepth | undefined;
  new Gauge({
    name: 'redshield_job_queue_depth',
    help: 'Jobs waiting (created, retry) or running (active), per queue; the same for every process',
    labelNames: ['queue', 'state'],
    registers: [registry],
    // The queue is shared: summing it over processes would multiply it.
    aggregator: 'max',
    async collect() {
      if (!queueDepth) return;
      this.reset();
      // The database away or slow: the other metrics still answer, without the depth.
      for (const q of await fromDatabase(queueDepth, [])) this.set({ queue: q.name, state: q.state }, q.count);
    },
  });

  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const auth = request.headers.authorization ?? '';
    const given = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
    if (!given) throw unauthorized('需要监控令牌（Authorization: Bearer <METRICS_TOKEN>）');
    if (!sameToken(given, opts.token)) throw new AppError(403, '无权访问', '监控令牌不正确');
    const text = opts.gather ? await opts.gather() : await registry.metrics();
    return reply.type(registry.contentType).send(text);
  });

  return {
    registry,
    watchQueue(depth) {
      queueDepth = depth;
    },
  };
}
