import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { idsInTree, unitIdsInSubtree } from '../../platform/scope';
import { campaigns } from '../campaigns/campaigns.schema';
import type { DrillMetric } from './drill-down.types';
import { EVENTS, figureEvent, figureSql } from './metrics';
import { rowsOf } from '../../platform/db/rows-of';

export interface DrillQuery {
  campaignPath: string;
  unitPath: string;
  from: string;
  to: string;
  /** A category code of the campaign, or undefined for 合计. */
  category?: string;
  metric: DrillMetric;
  limit: number;
  offset: number;
}

export interface DrillRow {
  kind: 'case' | 'inspection';
  id: string;
  date: string;
  unitName: string;
  categoryCode: string;
  /** 案件编号 and 案件名称 for a case; the findings for an inspection. */
  number: string | null;
  title: string;
  partyName: string | null;
  /** What the record adds to the figure: 1 for a count, fen for money, 人次/家次 for inspections. */
  value: bigint;
}

/**
 * The records that make one figure of the table: the same rules as the roll-up (a case counts in
 * its own campaign's tree and in each campaign it also counts toward, in that campaign's
 * category), written as the straightforward query over the records with the rule of metrics.ts
 * (a record is listed when it adds a non-zero value), so what is listed is exactly what is summed.
 * Money values are in fen.
 */
function recordsOf(q: Omit<DrillQuery, 'limit' | 'offset'>): SQL {
  const inUnits = sql`(${unitIdsInSubtree(q.unitPath)})`;
  const inCampaigns = sql`(${idsInTree(campaigns, q.campaignPath)})`;
  // What one record adds to the figure and the day that places it, by the rule of metrics.ts.
  const value = sql.raw(`(${figureSql(q.metric)})`);
  const { day, where } = EVENTS[figureEvent(q.metric)];
  const date = sql.raw(day);
  const counted = sql.raw(where ? `${where} and ` : '');
  if (figureEvent(q.metric) === 'inspection') {
    return sql`
      select 'inspection' as kind, i.id, ${date}::text as date, u.name as unit_name, i.category_code, null as number,
             coalesce(i.findings, '') as title, null as party_name, ${value}::bigint as value
        from inspections i join units u on u.id = i.unit_id
       where ${counted} i.unit_id in ${inUnits} and i.campaign_id in ${inCampaigns} and ${date} between ${q.from} and ${q.to} and ${value} <> 0
         ${q.category ? sql`and i.category_code = ${q.category}` : sql``}`;
  }
  const select = (category: SQL) => sql`
      select 'case' as kind, c.id, ${date}::text as date, u.name as unit_name, ${category} as category_code, c.case_number as number,
             c.name as title, c.party_name, ${value}::bigint as value`;
  return sql`
    ${select(sql`c.category_code`)}
      from cases c join units u on u.id = c.unit_id
     where ${counted} c.unit_id in ${inUnits} and c.campaign_id in ${inCampaigns} and ${date} between ${q.from} and ${q.to} and ${value} <> 0
       ${q.category ? sql`and c.category_code = ${q.category}` : sql``}
    union all
    ${select(sql`l.category_code`)}
      from cases c join case_campaigns l on l.case_id = c.id join units u on u.id = c.unit_id
     where ${counted} c.unit_id in ${inUnits} and l.campaign_id in ${inCampaigns} and ${date} between ${q.from} and ${q.to} and ${value} <> 0
       ${q.category ? sql`and l.category_code = ${q.category}` : sql``}`;
}

export function createDrillDownRepository() {
  return {
    /** One page of the records, newest first, with how many there are and what they add up to. */
    async records(db: Db, q: DrillQuery): Promise<{ items: DrillRow[]; total: number; sum: bigint }> {
      const base = recordsOf(q);
      const [page, totals] = await Promise.all([
        db.execute(
          sql`select r.kind, r.id, r.date, r.unit_name, r.category_code, r.number, r.title, r.party_name, r.value::text as value from (${base}) r order by r.date desc, r.number nulls last, r.id limit ${q.limit} offset ${q.offset}`,
        ),
        db.execute(sql`select count(*)::int as total, coalesce(sum(r.value), 0)::text as sum from (${base}) r`),
      ]);
      const t = rowsOf(totals)[0] ?? { total: 0, sum: '0' };
      return {
        items: rowsOf(page).map((r) => ({
          kind: r.kind as DrillRow['kind'],
          id: String(r.id),
          date: String(r.date),
          unitName: String(r.unit_name),
          categoryCode: String(r.category_code),
          number: r.number === null ? null : String(r.number),
          title: String(r.title),
          partyName: r.party_name === null ? null : String(r.party_name),
          value: BigInt(String(r.value)),
        })),
        total: Number(t.total),
        // Summed in PostgreSQL (numeric) and read as text: exact past 2^53 fen.
        sum: BigInt(String(t.sum)),
      };
    },
  };
}

export type DrillDownRepository = ReturnType<typeof createDrillDownRepository>;
