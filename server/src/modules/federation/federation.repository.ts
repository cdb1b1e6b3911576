import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../../db/database';
import { rowsOf } from '../../platform/db/rows-of';
import { campaignCategories, campaignParticipants, campaigns } from '../campaigns/campaigns.schema';
import { units } from '../units/units.schema';
import { federationProvinces, type FederationProvinceRow } from './federation.schema';
import { PUBLICATION } from './federation.sql';

/** One subscription's state as pg_stat_subscription shows it (the nation's side). */
export interface SubscriptionState {
  subscription: string;
  /** The apply worker runs (a pid): the province is connected. */
  up: boolean;
  /** Seconds since the last message (data or keep-alive) from the province; null before the first. */
  lastMessageSeconds: number | null;
  receivedLsn: string | null;
  /** Changes the nation failed to apply, and initial copies that failed (pg_stat_subscription_stats). */
  errors: number;
}

export function createFederationRepository() {
  return {
    roots: (db: Db) => db.select().from(units).where(isNull(units.parentId)),
    unit: async (db: Db, id: string) => (await db.select().from(units).where(eq(units.id, id)))[0],
    campaign: async (db: Db, id: string) => (await db.select().from(campaigns).where(eq(campaigns.id, id)))[0],
    categories: (db: Db, campaignId: string) =>
      db
        .select()
        .from(campaignCategories)
        .where(eq(campaignCategories.campaignId, campaignId))
        .orderBy(campaignCategories.seq),
    insertUnit: (tx: Db, row: typeof units.$inferInsert) => tx.insert(units).values(row),
    setParent: (tx: Db, id: string, parentId: string) =>
      tx
        .update(units)
        .set({ parentId, version: sql`${units.version} + 1`, updatedAt: new Date() })
        .where(eq(units.id, id)),
    insertCampaign: (tx: Db, row: typeof campaigns.$inferInsert) => tx.insert(campaigns).values(row),
    insertCategories: (tx: Db, rows: (typeof campaignCategories.$inferInsert)[]) =>
      rows.length ? tx.insert(campaignCategories).values(rows) : Promise.resolve(),
    addParticipant: (tx: Db, campaignId: string, unitId: string) =>
      tx.insert(campaignParticipants).values({ campaignId, unitId }).onConflictDoNothing(),
    /** The campaigns the national root issued: in a province, the stubs of national campaigns. */
    campaignIdsOf: async (db: Db, unitId: string) =>
      (await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.unitId, unitId))).map((r) => r.id),

    async setting(db: Db, name: string) {
      return String(rowsOf<{ v: string }>(await db.execute(sql`select current_setting(${name}) as v`))[0].v);
    },
    async publicationExists(db: Db) {
      return rowsOf(await db.execute(sql`select 1 from pg_publication where pubname = ${PUBLICATION}`)).length > 0;
    },
    /** Statements of federation.sql.ts, in order, in the caller's transaction (or none). */
    async run(db: Db, statements: string[]) {
      for (const s of statements) await db.execute(sql.raw(s));
    },

    provinces: (db: Db): Promise<FederationProvinceRow[]> => db.select().from(federationProvinces),
    /** The provinces at or below a unit, or the one it lies in (by the units' paths). */
    async provincesOver(db: Db, unitPath: string) {
      return db
        .select({
          unitId: federationProvinces.unitId,
          name: federationProvinces.name,
          baseUrl: federationProvinces.baseUrl,
        })
        .from(federationProvinces)
        .innerJoin(units, eq(units.id, federationProvinces.unitId))
        .where(sql`starts_with(${units.path}, ${unitPath}) or starts_with(${unitPath}, ${units.path})`)
        .orderBy(units.code);
    },
    insertProvince: (tx: Db, row: typeof federationProvinces.$inferInsert) =>
      tx.insert(federationProvinces).values(row),
    codesTaken: async (db: Db, codes: string[], exceptUnitIds: string[]) =>
      codes.length
        ? (
            await db
              .select({ code: units.code })
              .from(units)
              .where(
                and(
                  inArray(units.code, codes),
                  exceptUnitIds.length ? sql`${units.id} <> all(${sql.param(exceptUnitIds)}::uuid[])` : sql`true`,
                ),
              )
          ).map((r) => r.code)
        : [],

    /** pg_stat_subscription of the federation's subscriptions (PostgreSQL only). */
    async subscriptionStates(db: Db): Promise<SubscriptionState[]> {
      const rows = rowsOf<Record<string, unknown>>(
        await db.execute(sql`
          select f.subscription, s.pid is not null as up, s.received_lsn::text as received_lsn,
                 extract(epoch from now() - s.last_msg_receipt_time)::float8 as last_message_seconds,
                 coalesce(e.apply_error_count + e.sync_error_count, 0)::float8 as errors
            from federation_provinces f
            left join pg_stat_subscription s on s.subname = f.subscription and s.relid is null
            left join pg_stat_subscription_stats e on e.subname = f.subscription`),
      );
      return rows.map((r) => ({
        subscription: String(r.subscription),
        up: Boolean(r.up),
        lastMessageSeconds: r.last_message_seconds == null ? null : Math.max(0, Number(r.last_message_seconds)),
        receivedLsn: r.received_lsn == null ? null : String(r.received_lsn),
        errors: Number(r.errors),
      }));
    },
  };
}

/** What the nation reads of a province before subscribing to it, over the subscription's own conninfo. */
export async function readProvince(conninfo: string, nationalUnitId: string) {
  const client = new pg.Client(clientConfig(conninfo));
  await client.connect();
  try {
    const roots = (
      await client.query<{ id: string; name: string }>('select id, name from units where parent_id = $1', [
        nationalUnitId,
      ])
    ).rows;
    const codes = (
      await client.query<{ code: string }>('select code from units where id <> $1', [nationalUnitId])
    ).rows.map((r) => r.code);
    const published =
      (await client.query('select 1 from pg_publication where pubname = $1', [PUBLICATION])).rowCount! > 0;
    return { roots, codes, published };
  } finally {
    await client.end();
  }
}

/**
 * node-postgres settings from a libpq connection string, as CREATE SUBSCRIPTION takes it: a URI
 * (postgres://…) or key=value pairs, values optionally in single quotes (\' and \\ escaped).
 */
export function clientConfig(conninfo: string): pg.ClientConfig {
  if (/^postgres(ql)?:\/\//.test(conninfo)) return { connectionString: conninfo };
  const pairs = new Map<string, string>();
  const re = /\s*([a-z_]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|(\S+))/gy;
  let m: RegExpExecArray | null;
  let end = 0;
  while ((m = re.exec(conninfo))) {
    pairs.set(m[1], m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]);
    end = re.lastIndex;
  }
  if (conninfo.slice(end).trim())
    throw new Error(`连接串无法解析（应为 key=value … 或 postgres://…）：${conninfo.slice(end)}`);
  const sslmode = pairs.get('sslmode');
  return {
    host: pairs.get('host') ?? pairs.get('hostaddr'),
    port: pairs.has('port') ? Number(pairs.get('port')) : undefined,
    database: pairs.get('dbname'),
    user: pairs.get('user'),
    password: pairs.get('password'),
    ...(sslmode && sslmode !== 'disable' && sslmode !== 'allow' && sslmode !== 'prefer'
      ? { ssl: { rejectUnauthorized: sslmode === 'verify-full' || sslmode === 'verify-ca' } }
      : {}),
  };
}

export type FederationRepository = ReturnType<typeof createFederationRepository>;
