import pg from 'pg';
import { oneQueryAtATime } from './one-query-at-a-time';

/**
 * 多主机连接串（高可用）: a DATABASE_URL naming several servers, as libpq takes it —
 * `postgres://user@h1:5432,h2:5432/db?target_session_attrs=read-write` — which node-postgres does
 * not understand. The pool gets a Client that tries the hosts in order and keeps the first of the
 * wanted kind (read-write: the primary), remembers it for the next connections, and looks again
 * once a connection to it fails. After a failover the broken connections leave the pool (pg-pool
 * drops a client that errored or can no longer be queried) and the next ones reach the new primary.
 *
 * Only the URL form with a host list is read (not libpq's `?host=a,b&port=…`). A URL with one host
 * and no target_session_attrs (or `any`) is passed to node-postgres unchanged, exactly as before.
 */

/** libpq's values that can be checked on PostgreSQL 15 with one query. */
const SESSION_ATTRS = ['any', 'read-write', 'primary', 'read-only', 'standby'] as const;
export type TargetSessionAttrs = (typeof SESSION_ATTRS)[number];
const WRITABLE: readonly TargetSessionAttrs[] = ['read-write', 'primary'];

export interface HostPort {
  host: string;
  port: number;
}

export interface MultiHostUrl {
  hosts: HostPort[];
  targetSessionAttrs: TargetSessionAttrs;
  /** The URL with the first host alone and without target_session_attrs: user, database, options, TLS. */
  connectionString: string;
  /** libpq's connect_timeout (seconds) for each host tried; 5 s when unset. */
  connectTimeoutMillis: number;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

function parseHost(text: string): HostPort {
  const m = /^(\[[^\]]+\]|[^:]*)(?::(\d*))?$/.exec(text);
  const host = m?.[1] ? m[1].replace(/^\[(.*)\]$/, '$1') : '';
  if (!m || !host) throw new Error(`数据库地址格式不正确：主机“${text}”`);
  const port = m[2] ? Number(m[2]) : 5432;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`数据库地址格式不正确：端口“${text}”`);
  return { host: decodeURIComponent(host), port };
}

/**
 * Reads a host list and target_session_attrs from a postgres:// URL; undefined when the URL names
 * one host and asks for any session (node-postgres then takes it as it is).
 */
export function parseMultiHostUrl(url: string): MultiHostUrl | undefined {
  const m = /^(postgres(?:ql)?:\/\/)([^/?#]*)(.*)$/i.exec(url);
  if (!m) return undefined;
  const [, scheme, authority, rest] = m;
  const at = authority.lastIndexOf('@');
  const userinfo = at >= 0 ? authority.slice(0, at + 1) : '';
  const hostList = authority.slice(at + 1);
  if (!hostList) return undefined;

  const queryAt = rest.indexOf('?');
  const pathPart = queryAt >= 0 ? rest.slice(0, queryAt) : rest;
  const params = new URLSearchParams(queryAt >= 0 ? rest.slice(queryAt + 1) : '');
  const attrs = params.get('target_session_attrs') ?? 'any';
  if (!(SESSION_ATTRS as readonly string[]).includes(attrs)) {
    throw new Error(`数据库地址的 target_session_attrs 不支持“${attrs}”（可用：${SESSION_ATTRS.join('、')}）`);
  }
  const hosts = hostList.split(',').map(parseHost);
  if (hosts.length === 1 && attrs === 'any') return undefined;

  params.delete('target_session_attrs');
  const timeout = Number(params.get('connect_timeout'));
  const query = params.toString();
  const first = hostList.split(',')[0];
  return {
    hosts,
    targetSessionAttrs: attrs as TargetSessionAttrs,
    connectionString: `${scheme}${userinfo}${first}${pathPart}${query ? `?${query}` : ''}`,
    connectTimeoutMillis: timeout > 0 ? timeout * 1000 : DEFAULT_CONNECT_TIMEOUT_MS,
  };
}

/** Whether a session on this connection is of the kind asked for. */
async function isWanted(client: pg.ClientBase, attrs: TargetSessionAttrs): Promise<boolean> {
  if (attrs === 'any') return true;
  const { rows } = await client.query<{ recovery: boolean; readOnly: string }>(
    `select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as "readOnly"`,
  );
  const { recovery, readOnly } = rows[0];
  switch (attrs) {
    case 'read-write':
      return !recovery && readOnly === 'off';
    case 'primary':
      return !recovery;
    case 'read-only':
      return recovery || readOnly === 'on';
    case 'standby':
      return recovery;
  }
}

/** SQLSTATE 08001 (sqlclient_unable_to_establish_sqlconnection), as libpq reports it: the API answers 503. */
const unavailable = (message: string) => Object.assign(new Error(message), { code: '08001' });

const describeHost = (h: HostPort) => (h.host.includes(':') ? `[${h.host}]:${h.port}` : `${h.host}:${h.port}`);
const kindName: Record<TargetSessionAttrs, string> = {
  any: '任意',
  'read-write': '可写的主库',
  primary: '主库',
  'read-only': '只读',
  standby: '备库',
};

/**
 * The pool's Client for a multi-host URL. The hosts are tried with short-lived probe connections
 * (a pg Client connects once); the one found is remembered, so an ordinary new connection costs one
 * connection and one query, and forgotten when a connection to it fails or it is no longer wanted.
 */
function multiHostClient(target: MultiHostUrl, base: pg.ClientConfig) {
  let known: HostPort | undefined;

  async function findHost(): Promise<HostPort> {
    const refusals: string[] = [];
    for (const host of target.hosts) {
      const probe = new pg.Client({ ...base, connectionTimeoutMillis: target.connectTimeoutMillis });
      // Set after construction: the connection string's host would win over a host given beside it.
      probe.host = host.host;
      probe.port = host.port;
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        if (await isWanted(probe, target.targetSessionAttrs)) return host;
        refusals.push(`${describeHost(host)} 不是${kindName[target.targetSessionAttrs]}`);
      } catch (err) {
        refusals.push(`${describeHost(host)}：${(err as Error).message}`);
      } finally {
        await probe.end().catch(() => undefined);
      }
    }
    throw unavailable(`数据库：没有${kindName[target.targetSessionAttrs]}可连接（${refusals.join('；')}）`);
  }
  // Connections opened together (the pool filling up after a failover) share one search.
  let searching: Promise<HostPort> | undefined;
  const search = () => (searching ??= findHost().finally(() => (searching = undefined)));

  return class MultiHostClient extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: config?.connectionTimeoutMillis ?? target.connectTimeoutMillis });
      // A connection to the remembered host broke (the server died or restarted): look again next time.
      this.on('error', () => (known = undefined));
    }

    connect(): Promise<pg.Client>;
    connect(callback: (err: Error | null, client?: pg.Client) => void): void;
    connect(callback?: (err: Error | null, client?: pg.Client) => void): Promise<pg.Client> | void {
      const connected = this.connectToTarget();
      if (!callback) return connected;
      connected.then(
        (c) => callback(null, c),
        (err: Error) => callback(err),
      );
    }

    async connectToTarget(): Promise<pg.Client> {
      const host = known ?? (await search());
      this.host = host.host;
      this.port = host.port;
      try {
        await super.connect();
        // The remembered host may have changed role (a former primary back as a standby).
        if (!(await isWanted(this, target.targetSessionAttrs))) {
          await this.end().catch(() => undefined);
          throw unavailable(`数据库：${describeHost(host)} 已不是${kindName[target.targetSessionAttrs]}`);
        }
      } catch (err) {
        known = undefined;
        throw err;
      }
      known = host;
      // A write refused as on a standby (read_only_sql_transaction): the server changed role under
      // this connection. End it, so the pool drops it when it comes back, and look again next time.
      this.connection.on('errorMessage', (msg: { code?: string }) => {
        if (msg.code !== '25006' || !WRITABLE.includes(target.targetSessionAttrs)) return;
        known = undefined;
        setImmediate(() => this.end().catch(() => undefined));
      });
      return this;
    }
  };
}

/**
 * The node-postgres pool settings for a DATABASE_URL: a single-host URL as given; a host list (or
 * target_session_attrs) with the Client above, and TCP keepalive so that a server gone without a
 * word (a machine, not a process, died) is noticed by the idle connections too. Either way the
 * connections send one query at a time (one-query-at-a-time.ts).
 */
export function poolConfig(databaseUrl: string, options: pg.PoolConfig = {}): pg.PoolConfig {
  const target = parseMultiHostUrl(databaseUrl);
  if (!target) return { connectionString: databaseUrl, ...options, Client: oneQueryAtATime(pg.Client) };
  const base: pg.ClientConfig = { connectionString: target.connectionString, keepAlive: true };
  const client = oneQueryAtATime(multiHostClient(target, base) as unknown as typeof pg.Client);
  return { ...base, ...options, Client: client as unknown as pg.PoolConfig['Client'] };
}
