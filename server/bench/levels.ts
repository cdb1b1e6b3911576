/**
 * `npm run bench:levels -- --work <dir>`: what the annex-2 figures cost at each level of the tree,
 * from the roll-up and summed from the records, on the database a `npm run bench -- --keep` run
 * left (DATABASE_URL names it). Also how many roll-up rows each level holds. For the question
 * whether the lowest levels need roll-up rows at all: a level whose figures are cheap enough from
 * the records could do without them, and an import would write that many fewer rows (issue 22).
 * Each query is asked once unmeasured, then measured: the cache is warm, as on a busy server.
 * Writes bench/results/<at>-<scale>-<db>-levels.json.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/platform/db/rows-of';
import { systemActor } from '../src/platform/actor';
import { rng } from './dataset';
import { openKeptRun, writeResult } from './kept-run';
import { log, now, percentile, round } from './measure';

/** Queries per level; the nation and the provinces, whose sums from the records take seconds, fewer. */
const perLevel = (depth: number) => (depth <= 1 ? 10 : 60);

async function main() {
  const { databaseUrl, database, services, campaign, scale } = await openKeptRun(process.argv);
  const units = rowsOf<{ id: string; depth: number }>(
    await database.db.execute(sql`select id, depth from units order by depth, code`),
  );
  const rowsByLevel = rowsOf<{ depth: number; daily: number; monthly: number }>(
    await database.db.execute(sql`
      with daily as (select unit_id, count(*) as n from rollup_daily group by unit_id),
           monthly as (select unit_id, count(*) as n from rollup_monthly group by unit_id)
      select u.depth, coalesce(sum(d.n), 0)::int as daily, coalesce(sum(m.n), 0)::int as monthly
        from units u
        left join daily d on d.unit_id = u.id
        left join monthly m on m.unit_id = u.id
       group by u.depth order by u.depth`),
  );
  for (const r of rowsByLevel) log(`level ${r.depth}: ${r.daily} daily rows, ${r.monthly} monthly rows`);

  const levels: string[][] = [];
  for (const u of units) (levels[u.depth] ??= []).push(u.id);
  const r = rng(7);
  const day = (n: number) => new Date(Date.UTC(campaign.year, 0, 1 + n)).toISOString().slice(0, 10);
  const byLevel = [];
  for (const [depth, ids] of levels.entries()) {
    const rollupMs: number[] = [];
    const recordsMs: number[] = [];
    for (let i = 0; i < perLevel(depth); i++) {
      const a = r.int(365);
      const q = { unitId: ids[r.int(ids.length)], from: day(a), to: day(Math.min(364, a + r.int(365 - a))) };
      const fromRollup = () => services.rollupsService.stats(systemActor, campaign.id, q);
      const fromRecords = () => services.rollupsService.naiveStats(campaign.id, q.unitId, q.from, q.to);
      for (const [ask, times] of [
        [fromRollup, rollupMs],
        [fromRecords, recordsMs],
      ] as const) {
        await ask();
        const t0 = now();
        await ask();
        times.push(now() - t0);
      }
    }
    const p = (xs: number[], q: number) => round(percentile(xs, q), 2);
    const level = {
      depth,
      units: ids.length,
      rollupP50Ms: p(rollupMs, 50),
      rollupP95Ms: p(rollupMs, 95),
      recordsP50Ms: p(recordsMs, 50),
      recordsP95Ms: p(recordsMs, 95),
    };
    log(
      `level ${depth} (${ids.length} units): roll-up p50 ${level.rollupP50Ms} / p95 ${level.rollupP95Ms} ms; ` +
        `from the records p50 ${level.recordsP50Ms} / p95 ${level.recordsP95Ms} ms`,
    );
    byLevel.push(level);
  }
  await database.close();
  const result = {
    scale,
    database: databaseUrl ? 'postgres' : 'pglite',
    units: units.length,
    rollupRowsByLevel: rowsByLevel,
    statsByLevel: byLevel,
    node: process.version,
    at: new Date().toISOString(),
  };
  writeResult(result, 'levels');
  console.log(`BENCH_LEVELS ${JSON.stringify(result)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
