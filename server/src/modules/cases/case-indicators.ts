import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { IndicatorQuery, IndicatorRecord, IndicatorSource } from '../../platform/assessment/indicator-source';
import { rowsOf } from '../../platform/db/rows-of';
import { idsInTree, pathWithin, unitIdsInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';

/**
 * The cases' indicators (考核指标) of a scorecard: 立案数, 罚没款, 人均办案数, 典型案件报送. A case counts
 * toward the judged plan as the roll-ups count it: its own campaign is in the plan's tree, or it is
 * linked to one there (case_campaigns) — once, however many links. It counts for the unit that
 * handles it and each unit above, on its filing day (立案时间) in the period. Read-only, no scope:
 * the scorecards service decides who sees which unit.
 */
function casesOf(q: IndicatorQuery, unitPath: string, extra: SQL = sql``): SQL {
  const tree = sql`(${idsInTree(campaigns, q.campaignPath)})`;
  return sql`
    select c.id, c.case_number, c.name, c.filing_date::text as filing_date, c.fine_fen, c.confiscated_fen, c.typical, u.name as unit_name
      from cases c join units u on u.id = c.unit_id
     where c.unit_id in (${unitIdsInSubtree(unitPath)})
       and c.filing_date between ${q.from} and ${q.to}
       and (c.campaign_id in ${tree}
            or exists (select 1 from case_campaigns l where l.case_id = c.id and l.campaign_id in ${tree}))
       ${extra}`;
}

/**
 * 办案人员: the active accounts with the handler role in the unit's subtree — the divisor of every
 * 人均 (the scorecards' 人均立案数, the dashboards' ranking), so "per handler" means one thing.
 */
export async function countActiveHandlers(db: Db, unitPath: string): Promise<number> {
  const [r] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from users where active and 'handler' = any(roles) and unit_id in (${unitIdsInSubtree(unitPath)})`,
    ),
  );
  return Number(r?.n ?? 0);
}

/**
 * 办案人员 per unit directly below a unit, each counting its subtree (the dashboards' 人均): one
 * query over the users, not one per unit. Units without a handler are absent.
 */
export async function countActiveHandlersPerChild(db: Db, parentId: string): Promise<Map<string, number>> {
  const rows = rowsOf<{ id: string; n: number }>(
    await db.execute(sql`
      select c.id, count(*)::int as n
        from users u
        join units d on d.id = u.unit_id
        join units c on c.parent_id = ${parentId} and ${pathWithin(sql.raw('d.path'), sql.raw('c.path'))}
       where u.active and 'handler' = any(u.roles)
       group by c.id`),
  );
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

interface CaseRow {
  id: string;
  case_number: string;
  name: string;
  filing_date: string;
  fine_fen: string | number;
  confiscated_fen: string | number;
  typical: boolean;
  unit_name: string;
}

const fines = (r: CaseRow) => Number(r.fine_fen) + Number(r.confiscated_fen);
const asRecord = (r: CaseRow, value: number): IndicatorRecord => ({
  recordType: 'case',
  recordId: r.id,
  title: `${r.case_number} ${r.name}`,
  unitName: r.unit_name,
  date: r.filing_date,
  value,
  link: `/cases/${r.id}`,
});

export function createCaseIndicatorSources(deps: { db: Db }): IndicatorSource[] {
  const { db } = deps;

  async function rows(q: IndicatorQuery, unitPath: string, extra?: SQL) {
    return rowsOf<CaseRow>(
      await db.execute(sql`${casesOf(q, unitPath, extra)} order by c.filing_date, c.case_number, c.id`),
    );
  }
  async function perUnit(
    q: IndicatorQuery,
    value: (rows: CaseRow[], unit: { id: string; path: string }) => Promise<number> | number,
    extra?: SQL,
  ) {
    const out = new Map<string, number>();
    for (const u of q.units) out.set(u.id, await value(await rows(q, u.path, extra), u));
    return out;
  }
  const pathOf = (q: IndicatorQuery & { unitId: string }) => q.units.find((u) => u.id === q.unitId)?.path;

  const handlers = (unitPath: string) => countActiveHandlers(db, unitPath);

  const filed: IndicatorSource = {
    kind: 'cases_filed',
    label: '立案数',
    unit: '件',
    format: 'count',
    measure: (q) => perUnit(q, (r) => r.length),
    async records(q) {
      const path = pathOf(q);
      return path ? (await rows(q, path)).map((r) => asRecord(r, 1)) : [];
    },
  };
  const money: IndicatorSource = {
    kind: 'fines',
    label: '罚没款',
    unit: '元',
    format: 'money',
    measure: (q) => perUnit(q, (r) => r.reduce((s, c) => s + fines(c), 0)),
    async records(q) {
      const path = pathOf(q);
      return path ? (await rows(q, path)).filter((r) => fines(r) > 0).map((r) => asRecord(r, fines(r))) : [];
    },
  };
  const perCapita: IndicatorSource = {
    kind: 'cases_per_capita',
    label: '人均立案数',
    unit: '件/人',
    format: 'count',
    measure: (q) =>
      perUnit(q, async (r, u) => {
        const n = await handlers(u.path);
        return n ? Math.round((r.length / n) * 100) / 100 : 0;
      }),
    /** The cases filed, each worth its share of one handler (they add up to the value, before rounding). */
    async records(q) {
      const path = pathOf(q);
      if (!path) return [];
      const n = await handlers(path);
      return (await rows(q, path)).map((r) => asRecord(r, n ? 1 / n : 0));
    },
  };
  const typical: IndicatorSource = {
    kind: 'typical_submitted',
    label: '典型案件报送数',
    unit: '件',
    format: 'count',
    measure: (q) => perUnit(q, (r) => r.length, sql`and c.typical`),
    async records(q) {
      const path = pathOf(q);
      return path ? (await rows(q, path, sql`and c.typical`)).map((r) => asRecord(r, 1)) : [];
    },
  };
  return [filed, money, perCapita, typical];
}
