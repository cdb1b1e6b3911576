/**
 * `npm run bench:dashboards -- --work <dir>`: the dashboard phase alone, on the database a
 * `npm run bench -- --keep` run left (DATABASE_URL names it; its audit key is in <dir>, the
 * work directory that run printed). For measuring a change to a dashboard route at national size
 * without loading the records again (an hour). Writes bench/results/<at>-<scale>-<db>-dashboards.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/database';
import { rowsOf } from '../src/platform/db/rows-of';
import { loadAuditAnchor } from '../src/modules/audit/audit.anchor';
import { createServices } from '../src/services';
import type { Tree } from './dataset';
import { dashboardRoutes } from './dashboard-phase';
import { startServer } from './http-phase';
import { log } from './measure';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function main() {
  const at = process.argv.indexOf('--work');
  const work = at > 0 ? process.argv[at + 1] : undefined;
  if (!work) throw new Error('--work <the work directory of a kept run> is required');
  const databaseUrl = process.env.DATABASE_URL;
  const dataDir = path.join(work, 'data');
  const database = await openDatabase({ databaseUrl, dataDir });
  // The tree as the run built it: the root is the unit coded R, each level by depth.
  const units = rowsOf<{ id: string; code: string; depth: number }>(
    await database.db.execute(sql`select id, code, depth from units order by depth, code`),
  );
  const [campaign] = rowsOf<{ id: string; year: number }>(
    await database.db.execute(
      sql`select c.id, extract(year from c.start_date)::int as year from campaigns c join units u on u.id = c.unit_id where u.code = 'R' and c.parent_campaign_id is null order by c.created_at limit 1`,
    ),
  );
  const [counts] = rowsOf<{ cases: number; inspections: number; leads: number }>(
    await database.db.execute(
      sql`select (select count(*) from cases)::int as cases, (select count(*) from inspections)::int as inspections, (select count(*) from leads)::int as leads`,
    ),
  );
  // The nightly maintenance first (rollup-maintenance.job.ts), as bench.ts runs it after loading:
  // a run that kept its database before that step existed has never had it.
  const auditFiles = {
    auditKeyFile: path.join(work, 'audit', 'audit.key'),
    auditCheckpointFile: path.join(work, 'audit', 'checkpoints.log'),
  };
  const audit = loadAuditAnchor(auditFiles).anchor;
  const started = Date.now();
  await createServices(database.db, { audit }).rollupMaintenance.run({});
  log(`nightly maintenance: ${Math.round((Date.now() - started) / 1000)} s`);
  await database.close();
  const levels: Tree['levels'] = [];
  for (const u of units) (levels[u.depth] ??= []).push({ id: u.id, code: u.code });
  const tree: Tree = { rootId: levels[0][0].id, levels, leaves: levels[levels.length - 1], count: units.length };
  const scale = units.length > 10_000 ? 'full' : 'quick';
  log(`${units.length} units, ${counts.cases} cases, ${counts.inspections} inspections, ${counts.leads} leads`);

  const server = await startServer(ROOT, {
    databaseUrl,
    dataDir,
    ...auditFiles,
  });
  try {
    const d = await dashboardRoutes(server, {
      campaignId: campaign.id,
      tree,
      year: campaign.year,
      perRoute: scale === 'full' ? 60 : 40,
    });
    for (const [route, p95] of Object.entries(d.p95Ms))
      log(`${route}: p95 ${p95} ms (by level from the root: ${d.p95MsByLevel[route].join(' / ')})`);
    const result = {
      scale,
      database: databaseUrl ? 'postgres' : 'pglite',
      units: units.length,
      ...counts,
      dashboardP95Ms: d.maxP95Ms,
      dashboardRouteP95Ms: d.p95Ms,
      dashboardRouteP95MsByLevel: d.p95MsByLevel,
      dashboardErrors: d.errors,
      node: process.version,
      at: new Date().toISOString(),
    };
    const dir = path.join(ROOT, 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      path.join(dir, `${result.at.slice(0, 19).replace(/:/g, '')}-${scale}-${result.database}-dashboards.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.log(`BENCH ${JSON.stringify(result)}`);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
