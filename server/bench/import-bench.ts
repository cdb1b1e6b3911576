/**
 * `npm run bench:import -w server [-- options]`: the 100,000-row .xlsx case import alone, as
 * `npm run bench` measures it (bench/http-phase.ts), without loading the whole dataset first. A
 * fresh database on the server of DATABASE_URL (PGlite in a temporary directory without it), the
 * city's unit tree and the 铁拳 campaign, optionally `--preload N` cases loaded through the CSV
 * import (the ledger's size before the measured import), then a server process of its own
 * (server/dist/main.js, built first by the npm script) and the upload: rows/s over the request and
 * the server's peak RSS. `--rows N` changes the file's rows, `--repeat N` uploads N files one after
 * another (each with new case numbers), `--prof DIR` runs the server with --cpu-prof into DIR,
 * `--node-args "…"` passes flags to the server's node, `--server-root DIR` measures the built
 * server of another checkout (an earlier commit), `--keep` leaves the database. `--tree full`
 * builds the nation's unit tree instead of the city's. `--template NAME` (PostgreSQL) starts from a
 * copy of a database an earlier run kept (e.g. `--preload 500000 --rows 1 --keep`, then renamed)
 * instead of building and preloading one: before/after runs then measure the same ledger without
 * loading it each time; give it the `--tree` of the run that kept it. Besides the wall clock it
 * reports the CPU seconds the server process and the database's backends spent (the machine may be
 * shared). Prints `BENCH_IMPORT {json}` last.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Db } from '../src/db/database';
import { rowsOf } from '../src/platform/db/rows-of';
import { systemActor } from '../src/platform/actor';
import { createServices, type Services } from '../src/services';
import { loadAuditAnchor } from '../src/modules/audit/audit.anchor';
import { buildTree, createCampaign, FULL, QUICK, writeCasesCsv, type Tree } from './dataset';
import { startServer, uploadXlsx, writeCasesXlsx } from './http-phase';
import { log, now, round } from './measure';

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * CPU seconds of the PostgreSQL backends serving the database while `run` runs: their pids are
 * sampled every 200 ms (a pool may open and close connections), each one's CPU time read from /proc.
 */
async function backendCpuDuring<T>(url: string | undefined, run: () => Promise<T>): Promise<[T, number]> {
  if (!url) return [await run(), 0];
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const first = new Map<number, number>();
  const last = new Map<number, number>();
  const sample = async () => {
    const { rows } = await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    for (const { pid } of rows) {
      const cpu = cpuSeconds(pid);
      if (!first.has(pid)) first.set(pid, cpu);
      if (cpu > 0) last.set(pid, cpu);
    }
  };
  await sample();
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      await new Promise((r) => setTimeout(r, 200));
      await sample();
    }
  })();
  try {
    const result = await run();
    return [result, [...last].reduce((sum, [pid, cpu]) => sum + cpu - (first.get(pid) ?? cpu), 0)];
  } finally {
    sampling = false;
    await sampler;
    await c.end();
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('--rows') ?? 100_000);
const PRELOAD = Number(arg('--preload') ?? 0);
const REPEAT = Number(arg('--repeat') ?? 1);
const PROF = arg('--prof');
/** Another checkout whose built server is measured (e.g. an earlier commit, for a before/after). */
const SERVER_ROOT = arg('--server-root') ?? ROOT;
const TEMPLATE = arg('--template');
/** `--tree full`: the nation's unit tree (40,665 units) instead of a city's, without its records. */
const TREE = arg('--tree') === 'full' ? FULL : QUICK;
const PRELOAD_FILE_ROWS = 100_000;
process.env.EMBEDDED_IMPORT_MAX_ROWS ??= String(Math.max(ROWS, PRELOAD_FILE_ROWS));

async function freshDatabase() {
  const base = process.env.DATABASE_URL;
  if (!base) return { url: undefined, drop: async () => {} };
  const name = `redshield_importbench_${Date.now()}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`create database ${name}${TEMPLATE ? ` template ${TEMPLATE}` : ''}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

async function newDataset(services: Services, db: Db, year: number) {
  const tree = await buildTree(services, TREE, () => {});
  const { campaignId, categories } = await createCampaign(services, tree.rootId, year);
  await db.execute(sql`analyze units`);
  await db.execute(sql`analyze campaigns`);
  return { tree, campaignId, categories };
}

/** The tree and the campaign of a template's database, the units in the order buildTree made them. */
async function templateDataset(services: Services, db: Db) {
  // buildTree makes each level parent by parent, children by number: R-2-10 after R-2-9.
  const units = rowsOf<{ id: string; code: string }>(await db.execute(sql`select id, code from units`)).sort((a, b) => {
    const x = a.code.split('-').slice(1).map(Number);
    const y = b.code.split('-').slice(1).map(Number);
    for (let k = 0; k < Math.min(x.length, y.length); k++) if (x[k] !== y[k]) return x[k] - y[k];
    return x.length - y.length;
  });
  const depth = (code: string) => code.split('-').length - 1;
  const deepest = units.reduce((d, u) => Math.max(d, depth(u.code)), 0);
  if (deepest !== TREE.fanout.length)
    throw new Error(
      `--template ${TEMPLATE}: its unit tree has ${deepest} levels below the root, ` +
        `${TREE === FULL ? "--tree full's" : "the city's (no --tree)"} has ${TREE.fanout.length}; ` +
        'give the --tree of the run that kept it',
    );
  const levels = TREE.fanout.map((_, d) => units.filter((u) => depth(u.code) === d));
  levels.push(units.filter((u) => depth(u.code) === TREE.fanout.length));
  const [campaign] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from campaigns where parent_campaign_id is null order by created_at limit 1`),
  );
  const all = (await services.campaignsService.get(systemActor, campaign.id)).categories as { label: string }[];
  const tree: Tree = { rootId: levels[0][0].id, levels, leaves: levels[levels.length - 1], count: units.length };
  return { tree, campaignId: campaign.id, categories: all.map((x) => x.label) };
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), 'redshield-import-bench-'));
  const dataDir = path.join(work, 'data');
  const fresh = await freshDatabase();
  log(`database ${fresh.url ?? dataDir}`);
  const auditFiles = {
    auditKeyFile: path.join(work, 'audit', 'audit.key'),
    auditCheckpointFile: path.join(work, 'audit', 'checkpoints.log'),
  };
  const database = await openDatabase({ databaseUrl: fresh.url, dataDir });
  const services = createServices(database.db, { audit: loadAuditAnchor(auditFiles).anchor });
  const year = new Date().getUTCFullYear() - 1;
  const { tree, campaignId, categories } = TEMPLATE
    ? await templateDataset(services, database.db)
    : await newDataset(services, database.db, year);
  log(`${tree.count} units, campaign with ${categories.length} categories`);
  for (let from = 0; from < (TEMPLATE ? 0 : PRELOAD); from += PRELOAD_FILE_ROWS) {
    const n = Math.min(PRELOAD_FILE_ROWS, PRELOAD - from);
    const file = path.join(work, `preload-${from}.csv`);
    await writeCasesCsv(file, tree, categories, year, from, n, 11 + from);
    const t0 = now();
    await services.caseImportService.importCases(systemActor, campaignId, {
      path: file,
      fileName: 'preload.csv',
      kind: 'csv',
    });
    rmSync(file);
    log(`preloaded ${from + n} cases (${round(n / ((now() - t0) / 1000), 0)} rows/s in-process, .csv)`);
  }
  if (PRELOAD && !TEMPLATE) await services.rollupMaintenance.run({});
  await database.close();

  const server = await startServer(SERVER_ROOT, {
    databaseUrl: fresh.url,
    dataDir,
    ...auditFiles,
    nodeArgs: [...(PROF ? ['--cpu-prof', `--cpu-prof-dir=${PROF}`] : []), ...(arg('--node-args')?.split(' ') ?? [])],
  });
  const runs: (Awaited<ReturnType<typeof uploadXlsx>> & { serverCpuS: number; databaseCpuS: number })[] = [];
  try {
    for (let i = 0; i < REPEAT; i++) {
      const xlsx = path.join(work, `import-${i}.xlsx`);
      // From a template, past the numbers of the run that made it.
      const first = (TEMPLATE ? 10_000_000 : 5_000_000) + i * ROWS;
      await writeCasesXlsx(xlsx, tree, categories, year, first, ROWS);
      // CPU time beside the wall clock: the machine may be shared, CPU seconds are what the import costs.
      const cpu0 = cpuSeconds(server.process.pid!);
      const [upload, dbCpu] = await backendCpuDuring(fresh.url, () => uploadXlsx(server, campaignId, xlsx));
      const serverCpuS = round(cpuSeconds(server.process.pid!) - cpu0, 1);
      const databaseCpuS = round(dbCpu, 1);
      rmSync(xlsx);
      log(
        `import ${i + 1}: ${ROWS} rows in ${upload.seconds} s, ${upload.rowsPerS} rows/s, server RSS ${upload.rssBeforeMb} MB before, peak ${upload.peakRssMb} MB during the import, CPU: server ${serverCpuS} s, PostgreSQL ${databaseCpuS} s`,
      );
      runs.push({ ...upload, serverCpuS, databaseCpuS });
    }
  } finally {
    await server.stop();
  }
  if (process.argv.includes('--keep')) log(`kept: ${fresh.url ?? dataDir}`);
  else {
    await fresh.drop();
    rmSync(work, { recursive: true, force: true });
  }
  const result = {
    database: fresh.url ? 'postgres' : 'pglite',
    units: tree.count,
    preloadedCases: PRELOAD,
    rows: ROWS,
    runs,
    node: process.version,
    at: new Date().toISOString(),
  };
  console.log(`BENCH_IMPORT ${JSON.stringify(result)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
