import PgBoss from 'pg-boss';
import type { ExecuteSql } from '../../db/database';

/** Where the officials are: schedules are written in Beijing time. */
export const JOB_TIME_ZONE = 'Asia/Shanghai';

export interface JobDefinition<Data extends object = object> {
  /** The queue's name, e.g. "reminder-scan". */
  name: string;
  /** Does the work; throwing makes the queue retry it (retryLimit times, with back-off). */
  run(data: Data): Promise<void>;
  /** A cron line in Beijing time ("0 8 * * *": every day at 08:00), for scheduled work. */
  cron?: string;
  retryLimit?: number;
  /** Seconds before a retry (doubling with each one); a minute unless said. */
  retryDelaySeconds?: number;
  /** A job still running after this long is taken to have died with its process and is retried (15 minutes unless said). */
  expireInSeconds?: number;
}

export interface JobQueue {
  /** Creates the queue's tables (schema "pgboss") if needed, its queues and schedules, and starts working. */
  start(): Promise<void>;
  /** Stops taking jobs and waits for those running. */
  stop(): Promise<void>;
  /** Enqueues a job; with a singletonKey, at most one such job waits at a time. */
  send(name: string, data?: object, opts?: { singletonKey?: string }): Promise<string | null>;
  /** The state of a job (created, retry, active, completed, failed …), for the tests and the administrator. */
  state(name: string, id: string): Promise<string | undefined>;
  /** Jobs waiting (created, retry) or running (active) per queue: the metrics' queue depth. */
  depth(): Promise<{ name: string; state: string; count: number }[]>;
}

/**
 * Durable jobs in the database itself (pg-boss): a job is a row, so it survives a restart; a job
 * taken by a process that dies expires and is retried; several server processes share the queue
 * (rows are taken with SKIP LOCKED) and a schedule fires once per slot whichever process sees it.
 * On the embedded PGlite the queue runs its statements through the same single connection.
 */
export function createJobQueue(opts: {
  executeSql: ExecuteSql;
  jobs: JobDefinition<never>[];
  /** Seconds between polls for new jobs (the queue has no LISTEN on PGlite). */
  pollingIntervalSeconds?: number;
  /** Seconds between the queue's housekeeping (expiring jobs of dead processes); two minutes unless said. */
  maintenanceIntervalSeconds?: number;
  onError?: (err: Error) => void;
}): JobQueue {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => opts.executeSql(text, values) as Promise<{ rows: never[] }> },
    schema: 'pgboss',
    // Finished jobs are kept a week for the administrator to see, then removed.
    deleteAfterDays: 7,
    ...(opts.maintenanceIntervalSeconds ? { maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds } : {}),
  });
  boss.on('error', (err) => (opts.onError ?? ((e) => console.error(`后台任务出错：${e.message}`)))(err));
  const polling = opts.pollingIntervalSeconds ?? 5;

  return {
    async start() {
      await boss.start();
      for (const job of opts.jobs) {
        await boss.createQueue(job.name, {
          name: job.name,
          retryLimit: job.retryLimit ?? 3,
          retryDelay: job.retryDelaySeconds ?? 60,
          retryBackoff: true,
          expireInSeconds: job.expireInSeconds ?? 15 * 60,
        });
        await boss.work<object>(job.name, { pollingIntervalSeconds: polling, batchSize: 1 }, async ([j]) =>
          (job.run as (d: object) => Promise<void>)(j.data ?? {}),
        );
        if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: JOB_TIME_ZONE });
        else await boss.unschedule(job.name);
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
    send: (name, data = {}, o = {}) => boss.send(name, data, o.singletonKey ? { singletonKey: o.singletonKey } : {}),
    async state(name, id) {
      return (await boss.getJobById(name, id))?.state;
    },
    async depth() {
      const { rows } = await opts.executeSql(
        `select name, state::text as state, count(*)::int as count from pgboss.job
          where state in ('created', 'retry', 'active') group by name, state order by name, state`,
      );
      return rows as { name: string; state: string; count: number }[];
    },
  };
}
