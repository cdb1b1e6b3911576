import { is, sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite, PgliteDatabase, PgliteTransaction } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { DEFAULT_READ_MAX_LAG_MS } from '../config';
import { poolConfig } from './multi-host';
import * as schema from './schema';
import { createReadReplica, type ReadReplica } from './read-replica';
import { listenPglite, listenPostgres, type ListenHandlers, type StopListening } from './listen';
import { workBeforeCloseDone } from './work-before-close';

export type Schema = typeof schema;
/** A database handle or a transaction: data access takes either (a transaction is a PgDatabase too). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'pglite' | 'postgres';

/** Plain SQL on the database's own connection(s): what the job queue (pg-boss) runs its statements through. */
export type ExecuteSql = (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;

/** The connections as the driver counts them (metrics); PGlite has one connection and no pool. */
export interface PoolStats {
  total: number;
  idle?: number;
  waiting?: number;
}

export interface Database {
  db: Db;
  /**
   * The handle of the heavy reads (ledger, figures, dashboards, 大屏): the replica of
   * DATABASE_READ_URL when it is fresh enough for the request (read-replica.ts), else `db`.
   */
  reader: Db;
  /** The read replica and its poller, when DATABASE_READ_URL is set on PostgreSQL. */
  replica?: ReadReplica;
  kind: DatabaseKind;
  executeSql: ExecuteSql;
  poolStats(): PoolStats;
  /**
   * Runs `fn` while no other process runs its own (a PostgreSQL advisory lock; PGlite has one
   * process): for the one-time work of a start, which processes starting together must not race.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  /** LISTEN on `channel` (listen.ts): what is kept in memory hears there when to forget it. */
  listen(channel: string, handlers: ListenHandlers): Promise<StopListening>;
  close(): Promise<void>;
}

const migrationsFolder = path.resolve(import.meta.dirname, '..', '..', 'drizzle');
const migrationsFolderFromDist = path.resolve(import.meta.dirname, '..', 'drizzle');

function findMigrations(): string {
  return fs.existsSync(migrationsFolder) ? migrationsFolder : migrationsFolderFromDist;
}

/** The time stamp of the newest committed migration (what drizzle records as created_at once applied). */
export function newestMigrationMillis(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(findMigrations(), 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/** Any fixed number: the advisory lock under which one process at a time does its start-up work. */
const STARTUP_LOCK = 73_102_201;

/**
 * Runs `fn` under a session-level advisory lock held on a connection of its own: processes or
 * machines starting at once against one database migrate (and create the job queue's tables) one
 * after another; the later ones find nothing left to do.
 */
async function underStartupLock<T>(pool: pg.Pool, fn: () => Promise<T>): Promise<T> {
  const lockHolder = await pool.connect();
  try {
    await lockHolder.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await fn();
  } finally {
    await lockHolder.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    lockHolder.release();
  }
}

/**
 * The embedded database (or a transaction on it): one connection, so a long transaction makes
 * every other request wait.
 */
export const isEmbedded = (db: Db) => is(db, PgliteDatabase) || is(db, PgliteTransaction);

/**
 * Refreshes the planner's statistics of the two trees every scoped query walks (units, campaigns).
 * They grow one record at a time, through the pages, so no import analyses them; the embedded
 * database has no autovacuum, and a server may run without it. Without statistics PostgreSQL plans
 * a subtree as one unit, and a bureau's list as a loop over all its records. Small tables: quick.
 */
async function analyzeTrees(db: Db): Promise<void> {
  try {
    await db.execute(sql`analyze units`);
    await db.execute(sql`analyze campaigns`);
  } catch {
    // An optimisation only (a standby cannot analyse; its primary's statistics reach it).
  }
}

/**
 * Every connection plans each run of a prepared statement for its values
 * (`plan_cache_mode = force_custom_plan`, a startup option): the ledger's statements are prepared
 * once per filter shape (platform/db/prepared-shapes.ts), and a generic plan, made without the
 * values, cannot use a subtree's path prefix or a page's offset. Unnamed statements, all the others,
 * are planned so anyway. An `options` parameter in the database URL replaces this one.
 */
const PLAN_EACH_RUN = '-c plan_cache_mode=force_custom_plan';

/** The streaming replica's pool (no migrations: it replays the primary's) and the reads' router. */
function openReplica(
  primaryUrl: string,
  readUrl: string,
  primaryPool: pg.Pool,
  primaryDb: Db,
  maxLagMs = DEFAULT_READ_MAX_LAG_MS,
) {
  // A replica that does not answer within 2 s counts as away; its reads go to the primary.
  const replicaPool = new pg.Pool(
    poolConfig(readUrl, { max: 10, connectionTimeoutMillis: 2000, options: PLAN_EACH_RUN }),
  );
  replicaPool.on('error', (err) => console.error(`只读副本连接中断（将自动重连）：${err.message}`));
  const replicaDb = drizzlePg(replicaPool, { schema }) as unknown as Db;
  return createReadReplica({
    primaryUrl,
    replicaUrl: readUrl,
    primaryPool,
    primaryDb,
    replicaPool,
    replicaDb,
    maxLagMs,
  });
}

/**
 * Opens the database: a real PostgreSQL when a URL is given, else the embedded PGlite in dataDir
 * ("memory://" keeps it in memory, for tests). Applies the committed migrations.
 */
export async function openDatabase(opts: {
  databaseUrl?: string;
  dataDir: string;
  /** DATABASE_READ_URL: a streaming replica of databaseUrl (ignored without databaseUrl). */
  readUrl?: string;
  /** DATABASE_READ_MAX_LAG_MS: over this lag the heavy reads go to the primary. */
  readMaxLagMs?: number;
}): Promise<Database> {
  if (opts.databaseUrl) {
    // A host list (`h1:p1,h2:p2`, target_session_attrs=read-write) finds the primary: multi-host.ts.
    const pool = new pg.Pool(poolConfig(opts.databaseUrl, { max: 10, options: PLAN_EACH_RUN }));
    // A connection the server ends (a restart, an administrator, a dropped test database) is
    // reported here and replaced by the pool on the next query, instead of crashing the process.
    pool.on('error', (err) => console.error(`数据库连接中断（将自动重连）：${err.message}`));
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const exclusively = <T>(fn: () => Promise<T>) => underStartupLock(pool, fn);
    await exclusively(() => migratePg(db as never, { migrationsFolder: findMigrations() }));
    await analyzeTrees(db);
    const executeSql: ExecuteSql = async (text, values) => ({ rows: (await pool.query(text, values)).rows });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    const replica = opts.readUrl ? openReplica(opts.databaseUrl, opts.readUrl, pool, db, opts.readMaxLagMs) : undefined;
    // Listening connections end with the database, whoever stops listening first.
    const listening = new Set<StopListening>();
    const listen = async (channel: string, handlers: ListenHandlers) => {
      const stop = await listenPostgres(opts.databaseUrl!, channel, handlers);
      const stopOnce = async () => {
        if (listening.delete(stopOnce)) await stop();
      };
      listening.add(stopOnce);
      return stopOnce;
    };
    const close = async () => {
      await workBeforeCloseDone(db);
      await Promise.all([...listening].map((stop) => stop()));
      await replica?.close();
      await pool.end();
    };
    return {
      db,
      reader: replica?.reader ?? db,
      replica,
      kind: 'postgres',
      executeSql,
      poolStats,
      exclusively,
      listen,
      close,
    };
  }
  if (opts.dataDir !== 'memory://') fs.mkdirSync(opts.dataDir, { recursive: true });
  // pg_trgm: the ledger's search on party and case name uses trigram indexes (migration 0009).
  const client = await PGlite.create(opts.dataDir === 'memory://' ? undefined : opts.dataDir, {
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder: findMigrations() });
  await analyzeTrees(db);
  // PGlite prepares every parameterised statement; a script of several statements (the queue's own
  // schema) goes through the simple protocol, which returns one result per statement.
  const executeSql: ExecuteSql = async (text, values) => {
    if (!values || values.length === 0) return { rows: (await client.exec(text)).at(-1)?.rows ?? [] };
    return { rows: (await client.query(text, values)).rows };
  };
  return {
    db,
    reader: db,
    kind: 'pglite',
    executeSql,
    poolStats: () => ({ total: 1 }),
    exclusively: (fn) => fn(),
    listen: (channel, handlers) => listenPglite(client, channel, handlers),
    close: async () => {
      await workBeforeCloseDone(db);
      await client.close();
    },
  };
}
