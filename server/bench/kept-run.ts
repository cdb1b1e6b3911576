/**
 * What a `npm run bench -- --keep` run left, opened again by the scripts that measure one phase on
 * it (bench:ledger, bench:dashboards, bench:levels): its work directory (`--work <dir>`, which holds
 * the audit key the loading used), its database (DATABASE_URL names it; the embedded one lives in
 * <dir>/data), and the campaign the run loaded, started by the unit coded R (the tree's root).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/database';
import { rowsOf } from '../src/platform/db/rows-of';
import { loadAuditAnchor } from '../src/modules/audit/audit.anchor';
import { createServices, type Services } from '../src/services';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface KeptRun {
  work: string;
  databaseUrl: string | undefined;
  dataDir: string;
  auditFiles: { auditKeyFile: string; auditCheckpointFile: string };
  database: Database;
  services: Services;
  campaign: { id: string; year: number };
  /** full (the nation's tree) or quick (a city's), from the number of units. */
  scale: 'full' | 'quick';
}

export async function openKeptRun(argv: string[]): Promise<KeptRun> {
  const at = argv.indexOf('--work');
  const work = at > 0 ? argv[at + 1] : undefined;
  if (!work) throw new Error('--work <the work directory of a kept run> is required');
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = path.join(work, 'data');
  const auditFiles = {
    auditKeyFile: path.join(work, 'audit', 'audit.key'),
    auditCheckpointFile: path.join(work, 'audit', 'checkpoints.log'),
  };
  const database = await openDatabase({ databaseUrl, dataDir });
  const services = createServices(database.db, { audit: loadAuditAnchor(auditFiles).anchor });
  const [campaign] = rowsOf<{ id: string; year: number }>(
    await database.db.execute(
      sql`select c.id, extract(year from c.start_date)::int as year from campaigns c join units u on u.id = c.unit_id where u.code = 'R' and c.parent_campaign_id is null order by c.created_at limit 1`,
    ),
  );
  const [{ units }] = rowsOf<{ units: number }>(
    await database.db.execute(sql`select count(*)::int as units from units`),
  );
  return {
    work,
    databaseUrl,
    dataDir,
    auditFiles,
    database,
    services,
    campaign,
    scale: units > 10_000 ? 'full' : 'quick',
  };
}

/**
 * Writes a result under bench/results/ as <at>-<scale>-<database>[-<kind>].json (what every
 * benchmark script keeps) and returns the file's path.
 */
export function writeResult(result: { at: string; scale: string; database: string }, kind?: string): string {
  const dir = path.join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const name = `${result.at.slice(0, 19).replace(/:/g, '')}-${result.scale}-${result.database}${kind ? `-${kind}` : ''}.json`;
  const file = path.join(dir, name);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
