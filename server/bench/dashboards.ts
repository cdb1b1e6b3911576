/**
 * `npm run bench:dashboards -- --work <dir>`: the dashboard phase alone, on the database a
 * `npm run bench -- --keep` run left (DATABASE_URL names it; its audit key is in <dir>, the
 * work directory that run printed). For measuring a change to a dashboard route at national size
 * without loading the records again (an hour). Writes bench/results/<at>-<scale>-<db>-dashboards.json.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/platform/db/rows-of';
import type { Tree } from './dataset';
import { dashboardRoutes } from './dashboard-phase';
import { startServer } from './http-phase';
import { openKeptRun, ROOT, writeResult } from './kept-run';
import { log } from './measure';

async function main() {
  const { databaseUrl, dataDir, auditFiles, database, services, campaign, scale } = await openKeptRun(process.argv);
  // The tree as the run built it: the root is the unit coded R, each level by depth.
  const units = rowsOf<{ id: string; code: string; depth: number }>(
    await database.db.execute(sql`select id, code, depth from units order by depth, code`),
  );
  const [counts] = rowsOf<{ cases: number; inspections: number; leads: number }>(
    await database.db.execute(
      sql`select (select count(*) from cases)::int as cases, (select count(*) from inspections)::int as inspections, (select count(*) from leads)::int as leads`,
    ),
  );
  // The nightly maintenance first (rollup-maintenance.job.ts), as bench.ts runs it after loading:
  // a run that kept its database before that step existed has never had it.
  const started = Date.now();
  await services.rollupMaintenance.run({});
  log(`nightly maintenance: ${Math.round((Date.now() - started) / 1000)} s`);
  await database.close();
  const levels: Tree['levels'] = [];
  for (const u of units) (levels[u.depth] ??= []).push({ id: u.id, code: u.code });
  const tree: Tree = { rootId: levels[0][0].id, levels, leaves: levels[levels.length - 1], count: units.length };
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
    writeResult(result, 'dashboards');
    console.log(`BENCH ${JSON.stringify(result)}`);
  } finally {
    await server.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
