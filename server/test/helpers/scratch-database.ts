import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * A database made for one test file or browser journey on a PostgreSQL server (`<prefix>_<made at,
 * base 36>_<random>`), and how to drop it. A run that is killed cannot drop its own: whichever run
 * makes the next database with the same prefix drops those made more than STALE_HOURS earlier
 * (no test file or journey runs that long).
 */
export const STALE_HOURS = 12;

export interface ScratchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The time a scratch database's name says it was made (ms), or undefined for another name. */
export function madeAt(name: string, prefix: string): number | undefined {
  const match = new RegExp(`^${prefix}_([0-9a-z]+)_[0-9a-f]+$`).exec(name);
  return match ? parseInt(match[1], 36) : undefined;
}

export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<ScratchDatabase> {
  if (!/^[a-z][a-z0-9_]*$/.test(prefix)) throw new Error(`not a database name prefix: ${prefix}`);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await onServer(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [
      `${prefix}\\_%`,
    ]);
    const staleBefore = Date.now() - STALE_HOURS * 3600_000;
    for (const { datname } of rows) {
      const at = madeAt(datname, prefix);
      if (at !== undefined && at < staleBefore) await client.query(`drop database if exists ${datname} with (force)`);
    }
    await client.query(`create database ${name}`);
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () =>
      onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(() => {}),
  };
}
