/**
 * `npm run bench:ledger -- --work <dir>`: the ledger phase alone (ledger-phase.ts), on the database
 * a `npm run bench -- --keep` run left (DATABASE_URL names it; its audit key is in <dir>). For
 * measuring a change to the ledger's hot path without loading the records again. Prints `BENCH {json}`
 * and writes it to bench/results/<at>-<scale>-postgres-ledger.json.
 * It runs the nightly maintenance first, as `npm run bench` does before its ledger phase: the kept
 * database also holds the rows its .xlsx import added afterwards, and without VACUUM a district's
 * per-unit reads go back to the heap for them.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/platform/db/rows-of';
import { startServer } from './http-phase';
import { openKeptRun, ROOT, writeResult } from './kept-run';
import { measureLedger, prepareDistrict } from './ledger-phase';
import { log } from './measure';

async function main() {
  const { work, databaseUrl, dataDir, auditFiles, database, services, campaign, scale } = await openKeptRun(
    process.argv,
  );
  if (!databaseUrl) throw new Error('DATABASE_URL=<kept database> is required: pgbench runs beside the API');
  const categories = rowsOf<{ code: string }>(
    await database.db.execute(
      sql`select code from campaign_categories where campaign_id = ${campaign.id} order by seq`,
    ),
  ).map((c) => c.code);
  await services.rollupMaintenance.run({});
  const district = await prepareDistrict(services, database, campaign.id);
  const server = await startServer(ROOT, { databaseUrl, dataDir, ...auditFiles });
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
    const result = { scale, database: 'postgres', ...ledger, node: process.version, at: new Date().toISOString() };
    writeResult(result, 'ledger');
    console.log(`BENCH ${JSON.stringify(result)}`);
  } finally {
    await server.stop();
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
