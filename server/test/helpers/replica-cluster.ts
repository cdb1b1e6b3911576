import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A PostgreSQL primary and its streaming replica of the test's own (DATABASE_READ_URL, issue 22):
 * two clusters in a temporary folder on loopback ports, never the machine's own server. The
 * replica is a `pg_basebackup -R` of the primary (standby.signal and primary_conninfo written by
 * it). initdb refuses root, so as root the binaries run as the `postgres` user. `stop()` removes
 * both clusters and the folder.
 */
export interface ReplicaCluster {
  primaryUrl: string;
  replicaUrl: string;
  /** Plain SQL on the replica (pausing and resuming its replay). */
  onReplica(text: string): Promise<unknown[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  caughtUp(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The newest installed server's binaries (Debian's postgresql-NN), or PG_BIN. */
export function postgresBin(): string | undefined {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'pg_basebackup')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

export async function startReplicaCluster(opts: { primaryPort: number; replicaPort: number }): Promise<ReplicaCluster> {
  const bin = postgresBin();
  if (!bin)
    throw new Error('没有找到 PostgreSQL 服务器程序（/usr/lib/postgresql/*/bin；Debian：apt-get install postgresql）');
  const asRoot = process.getuid?.() === 0;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-replica-'));
  if (asRoot) execFileSync('chown', ['postgres:postgres', work]);
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    return execFileSync(cmd, argv, { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 }).toString();
  };
  const primaryDir = path.join(work, 'primary');
  const replicaDir = path.join(work, 'replica');
  const started: string[] = [];
  const stopCluster = (dir: string) => {
    try {
      run('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // not running
    }
  };
  const stop = async () => {
    for (const dir of started.reverse()) stopCluster(dir);
    fs.rmSync(work, { recursive: true, force: true });
  };
  try {
    run('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    // Small, quick and only on loopback; the socket in the test's folder, not /var/run/postgresql.
    fs.appendFileSync(
      path.join(primaryDir, 'postgresql.conf'),
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${work}'`,
        'shared_buffers = 32MB',
        'fsync = off',
        'full_page_writes = off',
        'wal_level = replica',
        'max_wal_senders = 4',
        'hot_standby = on',
        '',
      ].join('\n'),
    );
    fs.appendFileSync(path.join(primaryDir, 'pg_hba.conf'), 'host replication all 127.0.0.1/32 trust\n');
    const start = (dir: string, port: number) => {
      run('pg_ctl', ['-D', dir, '-l', path.join(work, `${path.basename(dir)}.log`), '-o', `-p ${port}`, '-w', 'start']);
      started.push(dir);
    };
    start(primaryDir, opts.primaryPort);
    run('pg_basebackup', [
      '-h',
      '127.0.0.1',
      '-p',
      String(opts.primaryPort),
      '-U',
      'postgres',
      '-D',
      replicaDir,
      '-R',
      '-X',
      'stream',
    ]);
    start(replicaDir, opts.replicaPort);
  } catch (err) {
    const logs = ['primary.log', 'replica.log']
      .map((f) => path.join(work, f))
      .filter((f) => fs.existsSync(f))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    await stop();
    const e = err as { stderr?: Buffer; message: string };
    throw new Error(`创建主库与只读副本失败：${e.stderr?.toString() || e.message}\n${logs}`, { cause: err });
  }

  const primaryUrl = `postgres://postgres@127.0.0.1:${opts.primaryPort}/postgres`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${opts.replicaPort}/postgres`;
  const query = async (url: string, text: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return (await c.query(text)).rows;
    } finally {
      await c.end();
    }
  };
  return {
    primaryUrl,
    replicaUrl,
    onReplica: (text) => query(replicaUrl, text),
    async caughtUp(timeoutMs = 30_000) {
      const [{ lsn }] = (await query(primaryUrl, 'select pg_current_wal_lsn()::text as lsn')) as { lsn: string }[];
      const until = Date.now() + timeoutMs;
      for (;;) {
        const [{ behind }] = (await query(
          replicaUrl,
          `select pg_wal_lsn_diff('${lsn}', pg_last_wal_replay_lsn()) > 0 as behind`,
        )) as { behind: boolean }[];
        if (!behind) return;
        if (Date.now() > until) throw new Error(`只读副本 ${timeoutMs} ms 内未追上主库 ${lsn}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop,
  };
}
