/**
 * The SQL of 省级数据汇聚 (issue 22): PostgreSQL's own logical replication, set up by
 * `npm run federation` (scripts/federation.ts). Pure text builders, no database here.
 *
 * A province publishes its units, campaign headers, their categories and both roll-up tables, each
 * without the stubs of the national tree it holds (the national root unit and the national
 * campaigns, whose rows the nation owns). The nation subscribes to each province. Two kinds of
 * trigger on the national side:
 *  - `federation_up_*` (ENABLE REPLICA: fired by the apply worker only) adds each applied change of
 *    a province root's roll-up row to the rows of the national units above it — a roll-up row
 *    holds its unit's whole subtree, and the province leaves its copy of those rows out;
 *  - `federation_read_only` (ordinary: fired by local sessions only, never by the apply worker)
 *    refuses a local write to any row of a federated province, so the nation cannot drift from it.
 */
import { COLUMN, METRICS } from '../rollups/metrics';

export const PUBLICATION = 'redshield_federation';

/** The replicated tables: what the national figures, the unit tree and the campaign tree need. */
export const REPLICATED_TABLES = ['units', 'campaigns', 'campaign_categories', 'rollup_daily', 'rollup_monthly'];

/** A checked uuid literal (the ids come from the databases; checked all the same). */
const uuidLiteral = (id: string) => {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw new Error(`不是 UUID：${id}`);
  return `'${id}'::uuid`;
};
const uuidArray = (ids: string[]) => `ARRAY[${ids.map(uuidLiteral).join(', ')}]::uuid[]`;

/** A subscription's name from the province's short name (letters, digits, underscore). */
export function subscriptionName(name: string) {
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(name))
    throw new Error(`省份简称“${name}”只能由小写字母、数字和下划线组成，以字母开头（如 zj、gd_2）`);
  return `rs_fed_${name}`;
}

/** A libpq connection string as a SQL literal. */
export const textLiteral = (s: string) => `'${s.replaceAll("'", "''")}'`;

/**
 * The province's publication, created or redefined (the row filters carry the stub ids: a new
 * national campaign stubbed later is left out by running `publish` again). PostgreSQL 15 row
 * filters may only name replica-identity columns for UPDATE and DELETE, so campaign_categories
 * (filtered by campaign_id, its key is its id) gets REPLICA IDENTITY FULL: an update or delete logs
 * the whole old row — a small table, and unlike an identity by index it does not depend on an index
 * a later migration might rebuild (then the province could no longer update its categories). The
 * nation needs nothing for it: the old row carries the id, which it finds the row by.
 */
export function publicationSql(opts: { nationalUnitId: string; stubCampaignIds: string[]; exists: boolean }) {
  const root = uuidLiteral(opts.nationalUnitId);
  const stubs = uuidArray(opts.stubCampaignIds);
  const tables = [
    `units WHERE (id <> ${root})`,
    `campaigns WHERE (id <> ALL (${stubs}))`,
    `campaign_categories WHERE (campaign_id <> ALL (${stubs}))`,
    `rollup_daily WHERE (unit_id <> ${root})`,
    `rollup_monthly WHERE (unit_id <> ${root})`,
  ].join(',\n  ');
  return [
    'ALTER TABLE campaign_categories REPLICA IDENTITY FULL',
    opts.exists
      ? `ALTER PUBLICATION ${PUBLICATION} SET TABLE\n  ${tables}`
      : `CREATE PUBLICATION ${PUBLICATION} FOR TABLE\n  ${tables}`,
  ];
}

/**
 * The national trigger that keeps the rows of the units above a province root: each change the
 * apply worker makes to a province root's row (insert, update, delete; also the initial copy) is
 * added, signed, to the row of the same key of every national unit on the path above the province
 * (federation_provinces.parent_unit_id's path). Generated from the metrics table, so a new figure
 * column is carried once `subscribe` runs again after the upgrade.
 */
function rollupUpSql(table: 'rollup_daily' | 'rollup_monthly') {
  const day = table === 'rollup_daily' ? 'day' : 'month';
  const cols = METRICS.map((m) => COLUMN[m]);
  const add = cols.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  const upsert = (rec: 'NEW' | 'OLD', values: string) => `
    INSERT INTO ${table} (campaign_id, unit_id, category_code, ${day}, ${cols.join(', ')})
    SELECT ${rec}.campaign_id, a.id, ${rec}.category_code, ${rec}.${day}, ${values}
      FROM federation_provinces f JOIN units n ON n.id = f.parent_unit_id
     CROSS JOIN LATERAL unnest(string_to_array(trim(both '/' from n.path), '/')::uuid[]) AS a(id)
     WHERE f.unit_id = ${rec}.unit_id
    ON CONFLICT (campaign_id, unit_id, ${day}, category_code) DO UPDATE SET ${add};`;
  const sameKey = `NEW.campaign_id = OLD.campaign_id AND NEW.unit_id = OLD.unit_id AND NEW.category_code = OLD.category_code AND NEW.${day} = OLD.${day}`;
  const fn = `federation_up_${table}`;
  return [
    `CREATE OR REPLACE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql
  -- The apply worker runs with an empty search_path: the tables as the creating session found them.
  SET search_path FROM CURRENT AS $fn$
BEGIN
  IF TG_OP = 'UPDATE' AND ${sameKey} THEN${upsert('NEW', cols.map((c) => `NEW.${c} - OLD.${c}`).join(', '))}
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN${upsert('OLD', cols.map((c) => `-OLD.${c}`).join(', '))}
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN${upsert('NEW', cols.map((c) => `NEW.${c}`).join(', '))}
  END IF;
  RETURN NULL;
END $fn$`,
    `DROP TRIGGER IF EXISTS federation_up ON ${table}`,
    `CREATE TRIGGER federation_up AFTER INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}()`,
    // Fired only where session_replication_role = replica: in the subscription's apply worker.
    `ALTER TABLE ${table} ENABLE REPLICA TRIGGER federation_up`,
  ];
}

/** SQLSTATE of a local write refused on a province's replicated row (platform/db-errors.ts: 403). */
export const READ_ONLY_SQLSTATE = 'RSF01';

/**
 * The national read-only guard: a local write (not the apply worker's) to a row that belongs to a
 * federated province — a unit below a province root, a campaign it issued, that campaign's
 * categories, a roll-up row of its units — is refused. `how` tells the trigger where the row's unit is.
 */
function readOnlySql() {
  const guarded: [string, 'path' | 'unit' | 'campaign'][] = [
    ['units', 'path'],
    ['campaigns', 'unit'],
    ['campaign_categories', 'campaign'],
    ['rollup_daily', 'unit'],
    ['rollup_monthly', 'unit'],
  ];
  return [
    `CREATE OR REPLACE FUNCTION federation_read_only() RETURNS trigger LANGUAGE plpgsql
  -- The apply worker runs with an empty search_path: the tables as the creating session found them.
  SET search_path FROM CURRENT AS $fn$
DECLARE
  r jsonb;
  p text;
BEGIN
  -- federation unsubscribe removes a province's rows with this set, in its own transaction.
  IF current_setting('redshield.federation_maintenance', true) = 'on' THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  FOREACH r IN ARRAY array_remove(ARRAY[
    CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
    CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END], NULL)
  LOOP
    p := CASE TG_ARGV[0]
      WHEN 'path' THEN r->>'path'
      WHEN 'unit' THEN (SELECT u.path FROM units u WHERE u.id = (r->>'unit_id')::uuid)
      WHEN 'campaign' THEN (SELECT u.path FROM campaigns c JOIN units u ON u.id = c.unit_id
                             WHERE c.id = (r->>'campaign_id')::uuid)
    END;
    IF EXISTS (SELECT 1 FROM federation_provinces f WHERE strpos(p, '/' || f.unit_id || '/') > 0) THEN
      RAISE EXCEPTION USING ERRCODE = '${READ_ONLY_SQLSTATE}', TABLE = TG_TABLE_NAME,
        MESSAGE = '这是省级系统同步来的数据，国家级系统中只读；请在该省的系统中修改';
    END IF;
  END LOOP;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $fn$`,
    ...guarded.flatMap(([table, how]) => [
      `DROP TRIGGER IF EXISTS federation_read_only ON ${table}`,
      `CREATE TRIGGER federation_read_only BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION federation_read_only('${how}')`,
    ]),
  ];
}

/**
 * Everything the national database needs before its first subscription (idempotent; run again after
 * an upgrade that adds a figure column): the two roll-up triggers and the read-only guard.
 */
export function nationalSetupSql() {
  return [...rollupUpSql('rollup_daily'), ...rollupUpSql('rollup_monthly'), ...readOnlySql()];
}

/** The national subscription to one province (outside a transaction: it creates the slot there). */
export function subscriptionSql(opts: { name: string; conninfo: string }) {
  return `CREATE SUBSCRIPTION ${subscriptionName(opts.name)} CONNECTION ${textLiteral(opts.conninfo)} PUBLICATION ${PUBLICATION}`;
}

/**
 * Removes a province from the nation after its subscription is dropped, in one transaction: its
 * roll-up rows deleted as the apply worker would (session_replication_role = replica, so
 * `federation_up` subtracts the province root's rows from the national units above it), then its
 * categories, campaigns and units with the read-only guard set aside (foreign keys still checked:
 * a national record pointing at them stops it), and its row in federation_provinces last.
 */
export function removeProvinceSql(provinceUnitId: string) {
  const inProvince = `(SELECT id FROM units WHERE strpos(path, '/' || ${uuidLiteral(provinceUnitId)}::text || '/') > 0)`;
  return [
    'SET LOCAL session_replication_role = replica',
    `DELETE FROM rollup_daily WHERE unit_id IN ${inProvince}`,
    `DELETE FROM rollup_monthly WHERE unit_id IN ${inProvince}`,
    'SET LOCAL session_replication_role = origin',
    "SET LOCAL redshield.federation_maintenance = 'on'",
    `DELETE FROM campaign_categories WHERE campaign_id IN (SELECT id FROM campaigns WHERE unit_id IN ${inProvince})`,
    `DELETE FROM campaigns WHERE unit_id IN ${inProvince}`,
    `DELETE FROM units WHERE id IN ${inProvince}`,
    `DELETE FROM federation_provinces WHERE unit_id = ${uuidLiteral(provinceUnitId)}`,
  ];
}

/** Drops a province's subscription (outside a transaction: it drops the slot in the province). */
export const dropSubscriptionSql = (subscription: string) => `DROP SUBSCRIPTION IF EXISTS ${subscription}`;
