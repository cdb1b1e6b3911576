/**
 * `npm run bench:ledger -- --work <dir>`: the ledger phase alone (ledger-phase.ts), on the database
 * a `npm run bench -- --keep` run left (DATABASE_URL names it; its audit key is in <dir>). For
 * measuring a change to the ledger's hot path without loading the records again. Prints `BENCH {json}`.
 * It runs the nightly maintenance first, as `npm run bench` does before its ledger phase: the kept
 * database also holds the rows its .xlsx import added afterwards, and without VACUUM a district's
 * per-unit reads go back to the heap for them.
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/database';
import { rowsOf } from '../src/platform/db/rows-of';
import { loadAuditAnchor } from '../src/modules/audit/audit.anchor';
import { createServices } from '../src/services';
import { startServer } from './http-phase';
import { measureLedger, prepareDistrict } from './ledger-phase';
import { log } from './measure';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function main() {
  const at = process.argv.indexOf('--work');
  const work = at > 0 ? process.argv[at + 1] : undefined;
  const databaseUrl = process.env.DATABASE_URL;
  if (!work || !databaseUrl)
    throw new Error('DATABASE_URL=<kept database> and --work <its work directory> are required');
  const auditFiles = {
    auditKeyFile: path.join(work, 'audit', 'audit.key'),
    auditCheckpointFile: path.join(work, 'audit', 'checkpoints.log'),
  };
  const database = await openDatabase({ databaseUrl, dataDir: path.join(work, 'data') });
  const services = createServices(database.db, { audit: loadAuditAnchor(auditFiles).anchor });
  const [campaign] = rowsOf<{ id: string }>(
    await database.db.execute(
      sql`select c.id from campaigns c join units u on u.id = c.unit_id where u.code = 'R' and c.parent_campaign_id is null order by c.created_at limit 1`,
    ),
  );
  const categories = rowsOf<{ code: string }>(
    await database.db.execute(
      sql`select code from campaign_categories where campaign_id = ${campaign.id} order by seq`,
    ),
  ).map((c) => c.code);
  await services.rollupMaintenance.run({});
  const district = await prepareDistrict(services, database, campaign.id);
  const server = await startServer(ROOT, { databaseUrl, dataDir: path.join(work, 'data'), ...auditFiles });
  try {
    const ledger = await measureLedger({
      server,
      district,
      pg: { database, services, databaseUrl },
      campaignId: campaign.id,
      categories,
      seconds: Number(process.env.BENCH_SECONDS ?? 10),
      work,
    });
    log(JSON.stringify(ledger));
    console.log(`BENCH ${JSON.stringify({ ...ledger, node: process.version, at: new Date().toISOString() })}`);
  } finally {
    await server.stop();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
