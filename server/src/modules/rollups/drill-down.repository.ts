import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { escapeLike } from '../../platform/scope';
import type { DrillMetric } from './drill-down.types';
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

/** What a case adds to each case metric (fen for money), and the date that places it in the range. */
const CASE_VALUE: Record<Exclude<DrillMetric, 'staffDeployed' | 'entitiesInspected'>, { value: string; date: 'filing_date' | 'closing_date'; only?: string }> = {
  casesFiled: { value: '1', date: 'filing_date' },
  casesClosed: { value: '1', date: 'closing_date' },
  amountInvolved: { value: 'c.amount_involved_fen', date: 'filing_date', only: 'c.amount_involved_fen <> 0' },
  finesAndConfiscations: { value: 'c.fine_fen + c.confiscated_fen', date: 'filing_date', only: 'c.fine_fen + c.confiscated_fen <> 0' },
  lossesRecovered: { value: 'c.losses_recovered_fen', date: 'filing_date', only: 'c.losses_recovered_fen <> 0' },
  transferredToJudiciary: { value: '1', date: 'filing_date', only: 'c.transferred_to_judiciary' },
  onlineCases: { value: '1', date: 'filing_date', only: 'c.online' },
  ruralCases: { value: '1', date: 'filing_date', only: 'c.rural' },
};

/**
 * The records that make one figure of the table: the same rules as the roll-up (a case counts in
 * its own campaign's tree and in each campaign it also counts toward, in that campaign's
 * category), written as the straightforward query over the records, so what is listed is exactly
 * what is summed. Money values are in fen.
 */
function recordsOf(q: Omit<DrillQuery, 'limit' | 'offset'>): SQL {
  const inUnits = sql`(select id from units where path like ${`${escapeLike(q.unitPath)}%`})`;
  const inCampaigns = sql`(select id from campaigns where path like ${`${escapeLike(q.campaignPath)}%`})`;
  if (q.metric === 'staffDeployed' || q.metric === 'entitiesInspected') {
    const column = sql.raw(q.metric === 'staffDeployed' ? 'i.staff_deployed' : 'i.entities_inspected');
    return sql`
      select 'inspection' as kind, i.id, i.inspection_date::text as date, u.name as unit_name, i.category_code, null as number,
             coalesce(i.findings, '') as title, null as party_name, ${column}::bigint as value
        from inspections i join units u on u.id = i.unit_id
       where i.unit_id in ${inUnits} and i.campaign_id in ${inCampaigns} and i.inspection_date between ${q.from} and ${q.to} and ${column} <> 0
         ${q.category ? sql`and i.category_code = ${q.category}` : sql``}`;
  }
  const rule = CASE_VALUE[q.metric];
  const date = sql.raw(`c.${rule.date}`);
  const only = rule.only ? sql.raw(`and ${rule.only}`) : sql``;
  const select = (category: SQL) => sql`
      select 'case' as kind, c.id, ${date}::text as date, u.name as unit_name, ${category} as category_code, c.case_number as number,
             c.name as title, c.party_name, (${sql.raw(rule.value)})::bigint as value`;
  return sql`
    ${select(sql`c.category_code`)}
      from cases c join units u on u.id = c.unit_id
     where c.unit_id in ${inUnits} and c.campaign_id in ${inCampaigns} and ${date} between ${q.from} and ${q.to} ${only}
       ${q.category ? sql`and c.category_code = ${q.category}` : sql``}
    union all
    ${select(sql`l.category_code`)}
      from cases c join case_campaigns l on l.case_id = c.id join units u on u.id = c.unit_id
     where c.unit_id in ${inUnits} and l.campaign_id in ${inCampaigns} and ${date} between ${q.from} and ${q.to} ${only}
       ${q.category ? sql`and l.category_code = ${q.category}` : sql``}`;
}

export function createDrillDownRepository() {
  return {
    /** One page of the records, newest first, with how many there are and what they add up to. */
    async records(db: Db, q: DrillQuery): Promise<{ items: DrillRow[]; total: number; sum: bigint }> {
      const base = recordsOf(q);
      const [page, totals] = await Promise.all([
        db.execute(sql`select r.kind, r.id, r.date, r.unit_name, r.category_code, r.number, r.title, r.party_name, r.value::text as value from (${base}) r order by r.date desc, r.number nulls last, r.id limit ${q.limit} offset ${q.offset}`),
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
