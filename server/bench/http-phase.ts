/** The benchmark's HTTP phase: a server process of its own, the ledger under load, an .xlsx upload. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Tree } from './dataset';
import { rng } from './dataset';
import { now, peakRssMb, resetPeakRss, round, rssMb } from './measure';
import { yuanTextToFen } from '../src/platform/money';
import { serverNodeArgs } from '../../scripts/server-node-args.mjs';

export const ADMIN_PASSWORD = 'Bench-Admin-2026';

export interface BenchServer {
  url: string;
  headers: Record<string, string>;
  process: ChildProcess;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const a = probe.address();
      probe.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

/**
 * Starts server/dist/main.js on the benchmark's database and logs in as admin. `npm run bench` and
 * `bench:dashboards` build it first, so the server measured is the code checked out (built here when missing).
 */
export async function startServer(
  root: string,
  db: {
    databaseUrl?: string;
    dataDir: string;
    auditKeyFile: string;
    auditCheckpointFile: string;
    /** Extra node flags for the server process (e.g. --cpu-prof). */
    nodeArgs?: string[];
  },
): Promise<BenchServer> {
  const entry = path.join(root, 'server', 'dist', 'main.js');
  if (!existsSync(entry))
    await new Promise<void>((resolve, reject) =>
      spawn(process.execPath, ['build.mjs'], { cwd: path.join(root, 'server'), stdio: 'inherit' }).on('exit', (c) =>
        c === 0 ? resolve() : reject(new Error('server build failed')),
      ),
    );
  const port = await freePort();
  // BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it stops (where its time goes).
  // BENCH_SERVER_STDOUT=1: the server's standard output shows (e.g. with `--node-args --trace-gc`).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  // The server's own flags first, as `npm start` runs it (its environment here has no NODE_OPTIONS);
  // `--node-args` come after them and win.
  const child = spawn(process.execPath, [...serverNodeArgs({}), ...(db.nodeArgs ?? []), ...profile, entry], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      ADMIN_PASSWORD,
      LOG_LEVEL: 'warn',
      WEB_DIST: '',
      EMBEDDED_IMPORT_MAX_ROWS: '1000000',
      AUDIT_KEY_FILE: db.auditKeyFile,
      AUDIT_CHECKPOINT_FILE: db.auditCheckpointFile,
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : { DATA_DIR: db.dataDir }),
    },
    stdio: ['ignore', process.env.BENCH_SERVER_STDOUT ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  if (!login.ok) {
    child.kill('SIGTERM');
    throw new Error(`login failed: ${login.status} ${await login.text()}`);
  }
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    url,
    headers: { cookie, 'x-csrf-token': csrfToken },
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A 100,000-row ledger as .xlsx (real dates and numbers), with case numbers not used before. */
export async function writeCasesXlsx(
  file: string,
  tree: Tree,
  categories: string[],
  year: number,
  from: number,
  n: number,
) {
  const r = rng(77);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow(
    '案件编号,承办单位,违法类型,案件名称,当事人,统一社会信用代码,立案日期,结案日期,涉案金额,罚款,没收违法所得,挽回损失,互联网案件,农村市场案件,移送司法,移送日期,涉案环节'.split(
      ',',
    ),
  ).commit();
  for (let i = 0; i < n; i++) {
    const unit = tree.leaves[r.skewed(tree.leaves.length)];
    const filed = new Date(Date.UTC(year, 0, 1 + r.int(365)));
    ws.addRow([
      `X${from + i}`,
      unit.code,
      categories[r.skewed(categories.length)],
      `导入案件${i}`,
      `当事人${i % 9973}`,
      null,
      filed,
      null,
      r.int(1_000_000) / 100,
      r.int(100_000) / 100,
      0,
      0,
      r.chance(0.2) ? '是' : '否',
      r.chance(0.3) ? '是' : '否',
      '否',
      null,
      '经营',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/**
 * Uploads the file to the import route; rows/s over the whole request, and the server's peak RSS
 * during the import (the peak of the ledger load before it is not the import's), with its RSS before.
 */
export async function uploadXlsx(server: BenchServer, campaignId: string, file: string) {
  const pid = server.process.pid!;
  const rssBeforeMb = round(rssMb(pid), 0);
  const peakIsImports = resetPeakRss(pid);
  const form = new FormData();
  form.append('file', new Blob([readFileSync(file)]), 'ledger-100k.xlsx');
  const t0 = now();
  const res = await fetch(`${server.url}/api/campaigns/${campaignId}/cases/import`, {
    method: 'POST',
    headers: server.headers,
    body: form,
  });
  const body = (await res.json()) as { imported?: number; detail?: string };
  if (!res.ok) throw new Error(`import failed: ${res.status} ${body.detail}`);
  const seconds = (now() - t0) / 1000;
  return {
    rowsPerS: round(body.imported! / seconds, 0),
    seconds: round(seconds, 1),
    peakRssMb: round(peakRssMb(pid), 0),
    rssBeforeMb,
    /** False where the peak could not be reset: then it is the server's peak since it started. */
    peakIsImports,
  };
}

/** The roll-up and the naive query must give the same figures, category by category. */
export function compareStats(
  fast: { rows: { category: string; values: Record<string, number | string> }[] },
  naive: Map<string, Record<string, bigint>>,
  q: object,
) {
  for (const row of fast.rows) {
    if (row.category === 'total') continue;
    const n = naive.get(row.category);
    const want = {
      filed: Number(n?.casesFiled ?? 0n),
      closed: Number(n?.casesClosed ?? 0n),
      staff: Number(n?.staffDeployed ?? 0n),
      fines: String((n?.fineFen ?? 0n) + (n?.confiscatedFen ?? 0n)),
    };
    const got = {
      filed: row.values.casesFiled,
      closed: row.values.casesClosed,
      staff: row.values.staffDeployed,
      fines: String(yuanTextToFen(String(row.values.finesAndConfiscations))),
    };
    if (JSON.stringify(want) !== JSON.stringify(got))
      throw new Error(
        `roll-up differs from the naive query for ${JSON.stringify(q)} ${row.category}: ${JSON.stringify(got)} vs ${JSON.stringify(want)}`,
      );
  }
}
