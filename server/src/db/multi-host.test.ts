import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { parseMultiHostUrl, poolConfig } from './multi-host';

describe('parseMultiHostUrl', () => {
  it('reads a host list and target_session_attrs, and keeps the rest of the URL for the first host', () => {
    expect(
      parseMultiHostUrl(
        'postgres://rs:p%40ss@10.0.0.1:5433,db2.example.cn,[::1]:6000/redshield?target_session_attrs=read-write&sslmode=require&application_name=rs',
      ),
    ).toEqual({
      hosts: [
        { host: '10.0.0.1', port: 5433 },
        { host: 'db2.example.cn', port: 5432 },
        { host: '::1', port: 6000 },
      ],
      targetSessionAttrs: 'read-write',
      connectionString: 'postgres://rs:p%40ss@10.0.0.1:5433/redshield?sslmode=require&application_name=rs',
      connectTimeoutMillis: 5000,
    });
  });

  it('takes libpq’s connect_timeout (seconds) for each host tried', () => {
    const url = parseMultiHostUrl('postgresql://h1:1,h2:2/db?connect_timeout=2');
    expect(url?.connectTimeoutMillis).toBe(2000);
    expect(url?.targetSessionAttrs).toBe('any');
    expect(url?.connectionString).toBe('postgresql://h1:1/db?connect_timeout=2');
  });

  it('leaves a single-host URL to node-postgres unless it asks for a kind of session', () => {
    expect(parseMultiHostUrl('postgres://postgres@127.0.0.1:5432/rs')).toBeUndefined();
    expect(parseMultiHostUrl('postgres://postgres@127.0.0.1:5432/rs?target_session_attrs=any')).toBeUndefined();
    expect(parseMultiHostUrl('postgres:///rs?host=/var/run/postgresql')).toBeUndefined();
    expect(parseMultiHostUrl('postgres://h:5432/rs?target_session_attrs=primary')?.hosts).toEqual([
      { host: 'h', port: 5432 },
    ]);
  });

  it('refuses what it cannot honour, naming it', () => {
    expect(() => parseMultiHostUrl('postgres://a,b/db?target_session_attrs=prefer-standby')).toThrow(
      /target_session_attrs 不支持“prefer-standby”/,
    );
    expect(() => parseMultiHostUrl('postgres://a:99999,b/db')).toThrow(/端口“a:99999”/);
    expect(() => parseMultiHostUrl('postgres://a,,b/db')).toThrow(/主机“”/);
  });
});

describe('poolConfig', () => {
  it('gives a single-host URL to the pool as it is, with the one-query-at-a-time Client', () => {
    const url = 'postgres://postgres@127.0.0.1:5432/rs';
    const { Client, ...config } = poolConfig(url, { max: 10 });
    expect(config).toEqual({ connectionString: url, max: 10 });
    expect(Client?.name).toBe('OneQueryAtATime');
  });

  it('gives a host list the multi-host Client and keepalive', () => {
    const config = poolConfig('postgres://u@a:1,b:2/db?target_session_attrs=read-write', { max: 10 });
    expect(config).toMatchObject({ connectionString: 'postgres://u@a:1/db', keepAlive: true, max: 10 });
    expect(typeof config.Client).toBe('function');
  });
});

// Against a real server: the suite's (DATABASE_URL), or the machine's PostgreSQL in the PGlite pass
// (only connections, nothing written); the failover itself is test/failover.test.ts.
describe('the multi-host pool on a real server', () => {
  const server = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres');
  // Port 1 on loopback: refused at once, as a primary that died.
  const listUrl = (attrs: string) =>
    `postgres://${server.username}@127.0.0.1:1,${server.host}${server.pathname}?target_session_attrs=${attrs}`;

  it('skips a host that refuses and keeps the one that is read-write', async () => {
    const pool = new pg.Pool(poolConfig(listUrl('read-write'), { max: 2 }));
    try {
      const { rows } = await pool.query<{ port: number; recovery: boolean }>(
        'select inet_server_port() as port, pg_is_in_recovery() as recovery',
      );
      expect(rows[0]).toEqual({ port: Number(server.port || 5432), recovery: false });
    } finally {
      await pool.end();
    }
  });

  it('fails with SQLSTATE 08001, naming every host, when none is of the kind asked for', async () => {
    const pool = new pg.Pool(poolConfig(listUrl('standby'), { max: 1 }));
    try {
      const err = (await pool.query('select 1').catch((e: unknown) => e)) as Error & { code?: string };
      expect(err.code).toBe('08001');
      expect(err.message).toContain('127.0.0.1:1');
      expect(err.message).toContain(`${server.hostname}:${server.port || 5432} 不是备库`);
    } finally {
      await pool.end();
    }
  });
});
