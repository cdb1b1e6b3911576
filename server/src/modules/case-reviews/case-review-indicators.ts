import { sql } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { IndicatorQuery, IndicatorSource } from '../../platform/assessment/indicator-source';
import { rowsOf } from '../../platform/db/rows-of';
import { idsInTree, unitIdsInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';

interface FileRow {
  id: string;
  exercise_id: string;
  case_number: string;
  case_name: string;
  total: number;
  day: string;
  unit_name: string;
}

/**
 * 案卷评查得分 of a scorecard: the average total of the unit's (and its subtree's) case files
 * scored and submitted in an exercise of the judged plan's tree, submitted (China date) in the
 * period. Read-only, no scope: the scorecards service decides who sees which unit.
 */
export function createCaseReviewIndicatorSources(deps: { db: Db }): IndicatorSource[] {
  const { db } = deps;
  async function files(q: IndicatorQuery, unitPath: string) {
    return rowsOf<FileRow>(
      await db.execute(sql`
        select f.id, f.exercise_id, c.case_number, c.name as case_name, f.total,
               ((f.submitted_at at time zone 'UTC') + interval '8 hours')::date::text as day, u.name as unit_name
          from case_review_files f
          join case_review_exercises e on e.id = f.exercise_id
          join cases c on c.id = f.case_id
          join units u on u.id = f.unit_id
         where f.status = 'submitted' and f.total is not null
           and f.unit_id in (${unitIdsInSubtree(unitPath)})
           and e.campaign_id in (${idsInTree(campaigns, q.campaignPath)})
           and ((f.submitted_at at time zone 'UTC') + interval '8 hours')::date between ${q.from} and ${q.to}
         order by day, f.id`),
    );
  }
  const source: IndicatorSource = {
    kind: 'case_review_score',
    label: '案卷评查平均分',
    unit: '分',
    format: 'score',
    async measure(q) {
      const out = new Map<string, number>();
      for (const u of q.units) {
        const rows = await files(q, u.path);
        if (rows.length)
          out.set(u.id, Math.round((rows.reduce((s, r) => s + Number(r.total), 0) / rows.length) * 100) / 100);
      }
      return out;
    },
    /** Every scored file with its total (their average is the value). */
    async records(q) {
      const path = q.units.find((u) => u.id === q.unitId)?.path;
      if (!path) return [];
      return (await files(q, path)).map((r) => ({
        recordType: 'case_review_file',
        recordId: r.id,
        title: `${r.case_number} ${r.case_name}`,
        unitName: r.unit_name,
        date: r.day,
        value: Number(r.total),
        link: `/case-reviews/${r.exercise_id}`,
      }));
    },
  };
  return [source];
}
