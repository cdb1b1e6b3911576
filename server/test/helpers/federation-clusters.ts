import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp } from '../../src/app';
import { openDatabase, type Database } from '../../src/db/database';
import type { App } from '../../src/platform/http';
import type { Services } from '../../src/services';
import { postgresBin } from './replica-cluster';

/**
 * Independent PostgreSQL clusters of the test's own for 省级数据汇聚 (issue 22): one per port, in
 * a temporary folder, on loopback, `wal_level = logical` (each may publish and subscribe), never
 * the machine's own server. As root the binaries run as the `postgres` user (initdb refuses root).
 * `stop()` stops them all and removes the folder.
 */
export interface FederationClusters {
  /** postgres://… of each cluster, in the order of the ports given. */
  urls: string[];
  /** libpq key=value connection strings of the same (what CREATE SUBSCRIPTION takes). */
  conninfos: string[];
  stop(): Promise<void>;
}

export async function startFederationClusters(ports: number[]): Promise<FederationClusters> {
  const bin = postgresBin();
  if (!bin)
    throw new Error('没有找到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin；Debian：apt-get install postgresql）');
  const asRoot = process.getuid?.() === 0;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-federation-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', work]);
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    return execFileSync(cmd, argv, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).toString();
  };
  const started: string[] = [];
  const stop = async () => {
    for (const dir of started.reverse()) {
      try {
        run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // not running
      }
    }
    // FEDERATION_KEEP=1: the folder (with each cluster's log) stays, to look into a failure.
    if (process.env.FEDERATION_KEEP) console.log(`保留了测试数据库目录 ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    for (const port of ports) {
      const dir = path.join(work, `pg${port}`);
      run('initdb', ['-D', dir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
      fs.appendFileSync(
        path.join(dir, 'postgresql.conf'),
        [
          "listen_addresses = '127.0.0.1'",
          `unix_socket_directories = '${work}'`,
          'shared_buffers = 32MB',
          'fsync = off',
          'full_page_writes = off',
          'wal_level = logical',
          'max_wal_senders = 8',
          'max_replication_slots = 8',
          'max_logical_replication_workers = 8',
          '',
        ].join('\n'),
      );
      run('pg_ctl', ['-D', dir, '-l', path.join(work, `pg${port}.log`), '-o', `-p ${port}`, '-w', 'start']);
      started.push(dir);
    }
  } catch (err) {
    const logs = ports
      .map((p) => path.join(work, `pg${p}.log`))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    await stop();
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`创建省级、国家级测试数据库失败：${e.stderr?.toString() || e.message}\n${logs}`, { cause: err });
  }
  return {
    urls: ports.map((p) => `postgres://postgres@127.0.0.1:${p}/postgres`),
    conninfos: ports.map((p) => `host=127.0.0.1 port=${p} dbname=postgres user=postgres`),
    stop,
  };
}

/** A RedShield of its own over one of the clusters (migrated on opening). */
export interface Installation {
  database: Database;
  app: App;
  services: Services;
}

export async function install(url: string): Promise<Installation> {
  const database = await openDatabase({ databaseUrl: url, dataDir: '' });
  const { app, services } = await buildApp({ database, config: { secureCookies: false, webDist: undefined } });
  await app.ready();
  return { database, app, services };
}

export async function query<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}

/** A /stats answer, as far as the comparisons read it. */
export type StatsBody = { rows: { category: string; values: Record<string, number | string> }[] };
/** Every value of every row, money in fen, so sums are exact. */
export const flat = (b: StatsBody) =>
  Object.fromEntries(
    b.rows.flatMap((r) =>
      Object.entries(r.values).map(([k, v]) => [
        `${r.category}.${k}`,
        typeof v === 'string' ? Math.round(Number(v) * 100) : v,
      ]),
    ),
  );
export const sumOf = (xs: Record<string, number>[]) =>
  Object.fromEntries(Object.keys(xs[0]).map((k) => [k, xs.reduce((s, x) => s + x[k], 0)]));
