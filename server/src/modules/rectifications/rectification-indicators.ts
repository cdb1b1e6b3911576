import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { IndicatorQuery, IndicatorSource } from '../../platform/assessment/indicator-source';
import { rowsOf } from '../../platform/db/rows-of';
import { idsInTree, unitIdsInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';

interface FindingRow {
  id: string;
  description: string;
  status: string;
  visit_date: string;
  unit_name: string;
}

/**
 * 整改销号率 of a scorecard: of the findings with a 整改 demanded (a requirement) of the unit and the
 * units below it, found by a 督查 of the judged plan's tree on a day in the period, the share closed
 * (销号). Read-only, no scope: the scorecards service decides who sees which unit.
 */
export function createRectificationIndicatorSources(deps: { db: Db }): IndicatorSource[] {
  const { db } = deps;
  async function findings(q: IndicatorQuery, unitPath: string) {
    return rowsOf<FindingRow>(
      await db.execute(sql`
        select f.id, f.description, f.status, v.visit_date::text as visit_date, u.name as unit_name
          from supervision_findings f
          join supervision_visits v on v.id = f.visit_id
          join units u on u.id = f.unit_id
         where f.requirement is not null
           and f.unit_id in (${unitIdsInSubtree(unitPath)})
           and f.campaign_id in (${idsInTree(campaigns, q.campaignPath)})
           and v.visit_date between ${q.from} and ${q.to}
         order by v.visit_date, f.id`),
    );
  }
  return [closureSource('rectification_closure', '整改销号率', findings, (r) => r.description)];
}

/**
 * 责令整改销号率 of a scorecard: of the 责令整改 ordered by the unit and the units below it on an
 * outing or after a 双随机 check of the judged plan's tree, on a day in the period (the outing's or
 * check's), the share closed (销号) after re-check. Read-only, no scope (the scorecards decide).
 */
export function createFieldRectificationIndicatorSources(deps: { db: Db }): IndicatorSource[] {
  const { db } = deps;
  async function orders(q: IndicatorQuery, unitPath: string) {
    return rowsOf<FindingRow & { entity_name: string | null }>(
      await db.execute(sql`
        select f.id, f.description, f.status, d.day as visit_date, u.name as unit_name, e.name as entity_name
          from supervision_findings f
          left join inspections i on i.id = f.inspection_id
          left join random_draw_items di on di.id = f.draw_item_id
          left join market_entities e on e.id = f.entity_id
          join units u on u.id = f.unit_id
          cross join lateral (select coalesce(i.inspection_date, di.check_date)::text as day) d
         where f.visit_id is null
           and f.unit_id in (${unitIdsInSubtree(unitPath)})
           and f.campaign_id in (${idsInTree(campaigns, q.campaignPath)})
           and d.day between ${q.from} and ${q.to}
         order by d.day, f.id`),
    );
  }
  return [
    closureSource(
      'field_rectification_closure',
      '责令整改销号率',
      orders,
      (r) => `${r.entity_name ?? ''}：${r.description}`,
    ),
  ];
}

/** A closure rate (the share 销号) over the rows `rowsOf` reads for a unit's subtree; each row worth 1 when closed. */
function closureSource<R extends FindingRow>(
  kind: string,
  label: string,
  rowsOf: (q: IndicatorQuery, unitPath: string) => Promise<R[]>,
  what: (r: R) => string,
): IndicatorSource {
  return {
    kind,
    label,
    unit: '%',
    format: 'ratio',
    async measure(q) {
      const out = new Map<string, number>();
      for (const u of q.units) {
        const rows = await rowsOf(q, u.path);
        if (rows.length)
          out.set(u.id, Math.round((rows.filter((r) => r.status === 'closed').length / rows.length) * 10000) / 10000);
      }
      return out;
    },
    async records(q) {
      const path = q.units.find((u) => u.id === q.unitId)?.path;
      if (!path) return [];
      return (await rowsOf(q, path)).map((r) => ({
        recordType: 'rectification',
        recordId: r.id,
        title: `${what(r)}（${r.status === 'closed' ? '已销号' : '未销号'}）`,
        unitName: r.unit_name,
        date: r.visit_date,
        value: r.status === 'closed' ? 1 : 0,
        link: `/rectifications/${r.id}`,
      }));
    },
  };
}
