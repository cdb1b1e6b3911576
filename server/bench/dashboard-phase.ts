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
];
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
  let errors = 0;
  for (const route of DASHBOARD_ROUTES) {
    const ms: number[] = [];
    for (const q of queries) {
      const t0 = now();
      const res = await fetch(`${server.url}${route.url(q)}`, { headers: server.headers });
      await res.arrayBuffer();
      ms.push(now() - t0);
      if (!res.ok) errors += 1;
    }
    p95Ms[route.name] = round(percentile(ms, 95), 1);
  }
  return { p95Ms, maxP95Ms: Math.max(...Object.values(p95Ms)), errors };
}
