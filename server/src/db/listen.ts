import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { poolConfig } from './multi-host';

/** What a listener is told: a notification, and whether it hears the channel at all. */
export interface ListenHandlers {
  notify(payload: string): void;
  /** true once LISTEN is in place; false when its connection is lost (and again true once back). */
  hearing(on: boolean): void;
}

/** Stops listening. */
export type StopListening = () => Promise<void>;

const RECONNECT_MS = 1000;

/**
 * LISTEN on a connection of its own (a pool of one, so a host list finds the primary as the other
 * connections do). When the connection breaks the listener is told it no longer hears, and the
 * connection is made again every second until it does: nothing that must survive a restart hangs
 * on this, only what may be kept in memory meanwhile.
 */
export async function listenPostgres(
  databaseUrl: string,
  channel: string,
  handlers: ListenHandlers,
): Promise<StopListening> {
  const pool = new pg.Pool(poolConfig(databaseUrl, { max: 1, connectionTimeoutMillis: 5000 }));
  pool.on('error', () => undefined);
  let stopped = false;
  let client: pg.PoolClient | undefined;
  let retry: NodeJS.Timeout | undefined;
  const lost = () => {
    if (!client) return;
    handlers.hearing(false);
    client.release(true);
    client = undefined;
    if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
  };
  async function connect() {
    retry = undefined;
    try {
      const c = await pool.connect();
      client = c;
      c.on('notification', (n) => n.channel === channel && handlers.notify(n.payload ?? ''));
      c.on('error', lost);
      c.on('end', lost);
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
      if (stopped) return;
      handlers.hearing(true);
    } catch {
      if (client) lost();
      else if (!stopped) retry = setTimeout(connect, RECONNECT_MS);
    }
  }
  // The first attempt is awaited, so a process starts out hearing the signal when the database is there.
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    if (client) {
      handlers.hearing(false);
      client.release(true);
      client = undefined;
    }
    await pool.end().catch(() => undefined);
  };
}

/** LISTEN on the embedded database's one connection: notifications arrive as its statements return. */
export async function listenPglite(client: PGlite, channel: string, handlers: ListenHandlers): Promise<StopListening> {
  const unlisten = await client.listen(channel, (payload) => handlers.notify(payload));
  handlers.hearing(true);
  return async () => {
    handlers.hearing(false);
    await unlisten().catch(() => undefined);
  };
}
