/** The benchmark's dashboard phase: every dashboard route over HTTP, at random units of every level and periods. */
import type { BenchServer } from './http-phase';
import type { Tree } from './dataset';
import { rng } from './dataset';
import { now, percentile, round } from './measure';

interface DashboardQuery {
  campaignId: string;
  unitId: string;
  from: string;
  to: string;
}

/** The dashboard routes the web's home page asks, one URL builder each; add a route here to measure it. */
export const DASHBOARD_ROUTES: { name: string; url: (q: DashboardQuery) => string }[] = [
  { name: 'trend-week', url: (q) => `/api/dashboards/trend?${params(q)}&bucket=week` },
  { name: 'trend-month', url: (q) => `/api/dashboards/trend?${params(q)}&bucket=month` },
  { name: 'categories', url: (q) => `/api/dashboards/categories?${params(q)}` },
  { name: 'units', url: (q) => `/api/dashboards/units?${params(q)}` },
  { name: 'comparison', url: (q) => `/api/campaigns/${q.campaignId}/stat-table/by-unit?${unitPeriod(q)}` },
  { name: 'command-screen', url: (q) => `/api/command-screen?campaignId=${q.campaignId}&unitId=${q.unitId}` },
  // 办理期限: the counts from the roll-up, the first due from the ledgers along their indexes.
  { name: 'panel-clocks', url: (q) => `/api/dashboards/clocks?${scoped(q)}` },
  // The panels that read other modules' own routes (panels/).
  { name: 'panel-report-board', url: (q) => `/api/campaigns/${q.campaignId}/reports/board` },
  { name: 'panel-kpis', url: (q) => `/api/campaigns/${q.campaignId}/kpis` },
  { name: 'panel-rectifications', url: (q) => `/api/rectifications?${scoped(q)}&page=1&pageSize=1` },
];
const unitPeriod = (q: DashboardQuery) => new URLSearchParams({ unitId: q.unitId, from: q.from, to: q.to }).toString();
const scoped = (q: DashboardQuery) => new URLSearchParams({ campaignId: q.campaignId, unitId: q.unitId }).toString();
const params = (q: DashboardQuery) => new URLSearchParams({ ...q }).toString();

/**
 * Each route asked `perRoute` times, one request at a time, for a unit of each level in turn (the
 * root's ranking has the most units below) and a random period of the year: p95 per route, and the
 * largest of them (what a dashboard's slowest chart waits).
 */
export async function dashboardRoutes(
  server: BenchServer,
  opts: { campaignId: string; tree: Tree; year: number; perRoute: number },
) {
  const r = rng(41);
  const d = (n: number) => new Date(Date.UTC(opts.year, 0, 1 + n)).toISOString().slice(0, 10);
  const queries = Array.from({ length: opts.perRoute }, (_, i) => {
    const level = opts.tree.levels[i % opts.tree.levels.length];
    const a = r.int(300);
    return {
      campaignId: opts.campaignId,
      unitId: level[r.int(level.length)].id,
      from: d(a),
      to: d(a + 30 + r.int(334 - a)),
    };
  });
  const p95Ms: Record<string, number> = {};
  // Per route, the p95 at each level of the tree (0 = the root): where a slow route is slow.
  const p95MsByLevel: Record<string, number[]> = {};
  let errors = 0;
  for (const route of DASHBOARD_ROUTES) {
    const ms: number[] = [];
    const byLevel: number[][] = opts.tree.levels.map(() => []);
    for (const [i, q] of queries.entries()) {
      const t0 = now();
      const url = `${server.url}${route.url(q)}`;
      // A request that fails (no answer, or an error status) is counted and named, and the phase
      // goes on: one lost connection must not end a national run of an hour and a half (it did
      // once, 2026-12-07, "other side closed" right after the ledger's load).
      const answer: { ok: true } | { ok: false; why: string } = await fetch(url, { headers: server.headers }).then(
        async (res) => {
          await res.arrayBuffer();
          return res.ok ? { ok: true } : { ok: false, why: `HTTP ${res.status}` };
        },
        (e: Error) => ({ ok: false, why: `${e.message}${e.cause instanceof Error ? ` (${e.cause.message})` : ''}` }),
      );
      const took = now() - t0;
      if (!answer.ok) {
        errors += 1;
        console.warn(`dashboards: ${route.name} ${url} failed after ${round(took)} ms: ${answer.why}`);
        continue;
      }
      ms.push(took);
      byLevel[i % opts.tree.levels.length].push(took);
    }
    p95Ms[route.name] = round(percentile(ms, 95), 1);
    p95MsByLevel[route.name] = byLevel.map((l) => round(percentile(l, 95), 1));
  }
  return { p95Ms, p95MsByLevel, maxP95Ms: Math.max(...Object.values(p95Ms)), errors };
}
