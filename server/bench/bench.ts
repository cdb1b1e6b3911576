/**
 * `npm run bench` (full national scale) and `npm run bench -- --quick` (a city): builds a fresh
 * database (PGlite in a temporary directory, or a new database on the server of DATABASE_URL),
 * loads a synthetic dataset through the application's import services, then measures the roll-ups
 * against the naive query, the delay before a saved case is counted, the ledger API under 100
 * concurrent connections, and a 100,000-row .xlsx import into a separate server process (rows/s and
 * its peak RSS). Prints progress on stderr and, last, `BENCH {json}`; writes the same JSON under
 * bench/results/. Timings are measured here, never asserted in tests. `--keep` leaves the database.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/db/database';
import { sql } from 'drizzle-orm';
import { systemActor } from '../src/platform/actor';
import { createServices } from '../src/services';
import { loadAuditAnchor } from '../src/modules/audit/audit.anchor';
import {
  buildTree,
  createCampaign,
  FULL,
  QUICK,
  rng,
  SMOKE,
  writeCasesCsv,
  writeInspectionsCsv,
  writeLeadsCsv,
} from './dataset';
import { compareStats, startServer, uploadXlsx, writeCasesXlsx } from './http-phase';
import { measureLedger, prepareDistrict } from './ledger-phase';
import { dashboardRoutes } from './dashboard-phase';
import { ROOT, writeResult } from './kept-run';
import { log, now, percentile, round } from './measure';

const FILE_ROWS = 100_000;
// The benchmark loads 100,000 rows per import, also on the embedded database (whose default limit,
// 10,000, keeps other users' waits short: docs/import.md).
process.env.EMBEDDED_IMPORT_MAX_ROWS ??= String(FILE_ROWS);

async function freshDatabaseUrl(): Promise<{ url: string | undefined; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `redshield_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

async function main() {
  const scale = process.argv.includes('--smoke') ? SMOKE : process.argv.includes('--quick') ? QUICK : FULL;
  const work = mkdtempSync(path.join(tmpdir(), 'redshield-bench-'));
  const dataDir = path.join(work, 'data');
  const fresh = await freshDatabaseUrl();
  const started = now();
  log(`scale ${scale.name}, database ${fresh.url ? 'postgres' : 'pglite'} (${fresh.url ?? dataDir})`);
  let database = await openDatabase({ databaseUrl: fresh.url, dataDir });
  // One audit key and checkpoint file for the loading here and the server started below, so the
  // benchmark database's audit chain verifies like a real bureau's.
  const auditFiles = {
    auditKeyFile: path.join(work, 'audit', 'audit.key'),
    auditCheckpointFile: path.join(work, 'audit', 'checkpoints.log'),
  };
  const audit = loadAuditAnchor(auditFiles).anchor;
  let services = createServices(database.db, { audit });

  // 1. The organisation tree and the campaign.
  let t0 = now();
  const tree = await buildTree(services, scale, (n) => log(`units: ${n}`));
  const year = new Date().getUTCFullYear() - 1;
  const { campaignId, categories, categoryCodes } = await createCampaign(services, tree.rootId, year);
  log(`${tree.count} units in ${round((now() - t0) / 1000)} s; campaign with ${categories.length} categories`);
  // The tree was created unit by unit, as an administrator would, where autovacuum gives it statistics
  // in time; this PostgreSQL runs without autovacuum (README), so they are gathered here. Without them
  // a subtree is planned as one unit, and a list's page as a loop over every record of the subtree.
  await database.db.execute(sql`analyze units`);
  await database.db.execute(sql`analyze campaigns`);

  // 2. The records, through the import services, a spreadsheet of 100,000 rows at a time.
  const load = async (
    what: string,
    total: number,
    write: (file: string, from: number, n: number) => Promise<void>,
    importFile: (file: string) => Promise<{ imported: number }>,
  ) => {
    const start = now();
    for (let from = 0; from < total; from += FILE_ROWS) {
      const n = Math.min(FILE_ROWS, total - from);
      const file = path.join(work, `${what}-${from}.csv`);
      await write(file, from, n);
      await importFile(file);
      rmSync(file);
      log(`${what}: ${from + n} / ${total} (${round((from + n) / ((now() - start) / 1000), 0)} rows/s)`);
    }
    return round(total / ((now() - start) / 1000), 0);
  };
  const asFile = (p: string) => ({ path: p, fileName: path.basename(p), kind: 'csv' as const });
  const loadRates = {
    cases: await load(
      'cases',
      scale.cases,
      (f, from, n) => writeCasesCsv(f, tree, categories, year, from, n, 11 + from),
      (f) => services.caseImportService.importCases(systemActor, campaignId, asFile(f)),
    ),
    inspections: await load(
      'inspections',
      scale.inspections,
      (f, from, n) => writeInspectionsCsv(f, tree, categories, year, n, 23 + from),
      (f) => services.inspectionImportService.importInspections(systemActor, campaignId, asFile(f)),
    ),
    leads: await load(
      'leads',
      scale.leads,
      (f, from, n) => writeLeadsCsv(f, tree, categories, year, from, n, 37 + from),
      (f) => services.leadImportService.importLeads(systemActor, campaignId, asFile(f)),
    ),
  };

  // 3. Roll-ups for random units at every level and random date ranges, against the naive query.
  const r = rng(99);
  const queries = Array.from({ length: scale.name === 'quick' ? 300 : 500 }, (_, i) => {
    const level = tree.levels[i % tree.levels.length];
    const unit = level[r.int(level.length)];
    const a = r.int(365);
    const b = Math.min(364, a + r.int(365 - a));
    const d = (n: number) => new Date(Date.UTC(year, 0, 1 + n)).toISOString().slice(0, 10);
    return { unitId: unit.id, from: d(a), to: d(b) };
  });
  const rollupMs: number[] = [];
  for (const q of queries) {
    t0 = now();
    await services.rollupsService.stats(systemActor, campaignId, q);
    rollupMs.push(now() - t0);
  }
  const naiveMs: number[] = [];
  let naiveChecked = 0;
  for (const q of queries.slice(0, scale.name === 'quick' ? 40 : 20)) {
    t0 = now();
    const naive = await services.rollupsService.naiveStats(campaignId, q.unitId, q.from, q.to);
    naiveMs.push(now() - t0);
    const fast = await services.rollupsService.stats(systemActor, campaignId, q);
    compareStats(fast, naive, q);
    naiveChecked += 1;
  }
  log(
    `roll-up p50 ${round(percentile(rollupMs, 50), 2)} ms, p95 ${round(percentile(rollupMs, 95), 2)} ms; naive p50 ${round(percentile(naiveMs, 50))} ms (${naiveChecked} results checked equal)`,
  );

  // 4. From a saved case to the roll-up: the figures are written in the case's own transaction.
  const leaf = tree.leaves[0];
  const beforeFiled = await services.rollupsService.stats(systemActor, campaignId, {
    unitId: tree.rootId,
    from: `${year}-01-01`,
    to: `${year}-12-31`,
  });
  const imported = await services.caseImportService.importCases(
    systemActor,
    campaignId,
    await (async () => {
      const f = path.join(work, 'live.csv');
      writeFileSync(
        f,
        `案件编号,承办单位,违法类型,案件名称,当事人,立案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法\nLIVE-1,${leaf.code},${categories[0]},实时统计检验案,某店,${year}-06-01,1,1,0,0,否,否,否\n`,
      );
      return asFile(f);
    })(),
  );
  t0 = now();
  let liveMs = NaN;
  const totalFiled = (s: typeof beforeFiled) => s.rows[s.rows.length - 1].values.casesFiled;
  for (let i = 0; i < 100; i++) {
    const s = await services.rollupsService.stats(systemActor, campaignId, {
      unitId: tree.rootId,
      from: `${year}-01-01`,
      to: `${year}-12-31`,
    });
    if (totalFiled(s) === totalFiled(beforeFiled) + imported.imported) {
      liveMs = now() - t0;
      break;
    }
  }
  log(`a saved case is in the roll-up ${round(liveMs, 2)} ms after its commit returned`);
  // The first night's maintenance (rollup-maintenance.job.ts), as a bureau's database has it before
  // its first morning: this PostgreSQL runs without autovacuum, and without it the dashboards' reads
  // would not be index-only.
  t0 = now();
  await services.rollupMaintenance.run({});
  const maintenanceSeconds = round((now() - t0) / 1000, 0);
  log(`nightly maintenance (VACUUM ANALYZE of the roll-ups, cases and leads): ${maintenanceSeconds} s`);
  // The ledger's district user (a district with about 4.4 % of the cases), before the server takes the database.
  const district = await prepareDistrict(services, database, campaignId);
  await database.close();

  // 5. Over HTTP, against a server process of its own: the ledger under load, and the .xlsx import.
  const server = await startServer(ROOT, { databaseUrl: fresh.url, dataDir, ...auditFiles });
  let http: {
    ledger: Awaited<ReturnType<typeof measureLedger>>;
    upload: Awaited<ReturnType<typeof uploadXlsx>>;
    dashboards: Awaited<ReturnType<typeof dashboardRoutes>>;
  };
  try {
    // On PostgreSQL the ledger phase reads the database beside the server (the statements for pgbench);
    // the embedded database is the server's alone.
    const ledgerDatabase = fresh.url ? await openDatabase({ databaseUrl: fresh.url, dataDir }) : undefined;
    const ledger = await measureLedger({
      server,
      district,
      pg: ledgerDatabase && {
        database: ledgerDatabase,
        services: createServices(ledgerDatabase.db, { audit }),
        databaseUrl: fresh.url!,
      },
      campaignId,
      categories: categoryCodes,
      seconds: scale.name === 'quick' ? 10 : 20,
      work,
    }).finally(() => ledgerDatabase?.close());
    log(`ledger: ${JSON.stringify(ledger)}`);
    const dashboards = await dashboardRoutes(server, {
      campaignId,
      tree,
      year,
      perRoute: scale.name === 'full' ? 60 : 40,
    });
    log(
      `dashboards: p95 ${Object.entries(dashboards.p95Ms)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(', ')} (${dashboards.errors} errors)`,
    );
    const xlsx = path.join(work, 'import.xlsx');
    await writeCasesXlsx(xlsx, tree, categories, year, 5_000_000, scale === SMOKE ? 2_000 : FILE_ROWS);
    const upload = await uploadXlsx(server, campaignId, xlsx);
    log(
      `import of an .xlsx of ${scale === SMOKE ? 2_000 : FILE_ROWS} rows: ${upload.rowsPerS} rows/s, server peak RSS ${upload.peakRssMb} MB`,
    );
    http = { ledger, upload, dashboards };
  } finally {
    await server.stop();
  }

  const naiveP50 = percentile(naiveMs, 50);
  const result = {
    scale: scale.name,
    database: fresh.url ? 'postgres' : 'pglite',
    units: tree.count,
    cases: scale.cases,
    inspections: scale.inspections,
    leads: scale.leads,
    rollupP50Ms: round(percentile(rollupMs, 50), 2),
    rollupP95Ms: round(percentile(rollupMs, 95), 2),
    naiveP50Ms: round(naiveP50, 1),
    rollupSpeedup: round(naiveP50 / percentile(rollupMs, 50), 1),
    liveMs: round(liveMs, 2),
    ...http.ledger,
    dashboardP95Ms: http.dashboards.maxP95Ms,
    dashboardRouteP95Ms: http.dashboards.p95Ms,
    dashboardRouteP95MsByLevel: http.dashboards.p95MsByLevel,
    dashboardErrors: http.dashboards.errors,
    importRowsPerS: http.upload.rowsPerS,
    importPeakRssMb: http.upload.peakRssMb,
    loadRowsPerS: loadRates,
    maintenanceSeconds,
    naiveChecked,
    /** Null until the recount of every roll-up row against the records has ended (long at national size). */
    rollupsVerified: null as boolean | null,
    totalSeconds: round((now() - started) / 1000, 0),
    node: process.version,
    at: new Date().toISOString(),
  };
  // A smoke run checks the benchmark's code; its figures are not measurements worth keeping.
  const write = () => scale !== SMOKE && writeResult(result);
  // Written before the recount and again after it: the measurements are kept even if it is stopped.
  write();
  log('recounting the roll-ups from the records …');
  database = await openDatabase({ databaseUrl: fresh.url, dataDir });
  services = createServices(database.db, { audit });
  const differences = await services.rollupsService.verify(5);
  await database.close();
  if (differences.length) log(`WARNING: roll-ups differ from the records: ${JSON.stringify(differences)}`);
  // --keep leaves the loaded database in place (to study query plans on it); it is named here.
  if (process.argv.includes('--keep')) log(`kept: ${fresh.url ?? dataDir}, work directory ${work}`);
  else {
    await fresh.drop();
    rmSync(work, { recursive: true, force: true });
  }

  result.rollupsVerified = differences.length === 0;
  result.totalSeconds = round((now() - started) / 1000, 0);
  write();
  console.log(`BENCH ${JSON.stringify(result)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
