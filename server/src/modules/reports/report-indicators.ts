import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database';
import type { IndicatorQuery, IndicatorRecord, IndicatorSource } from '../../platform/assessment/indicator-source';
import type { CampaignsRepository } from '../campaigns/campaigns.repository';
import { reportDeadlines } from '../campaigns/report-deadlines';
import { units } from '../units/units.schema';
import { reportLink } from './report-link';
import { deadlineOf, isLate } from './report-status';
import { reportSubmissions } from './reports.schema';

/**
 * 报送及时率 of a scorecard: of the reports a unit owes the judged plan whose due day falls in the
 * period and whose deadline has passed (or which were sent anyway), the share sent on time — as
 * the board's rate (report-status.ts `timeliness`: a report sent late, or never, is not on time).
 * A unit's own reports only (a plan's reports are owed by the units directly below its issuer).
 */
export function createReportIndicatorSources(deps: {
  db: Db;
  campaignsRepository: Pick<CampaignsRepository, 'findById'>;
  now?: () => Date;
}): IndicatorSource[] {
  const { db, campaignsRepository } = deps;
  const now = deps.now ?? (() => new Date());

  /** Each unit's reports come due in the period: its deadline, and its submission if any. */
  async function owed(q: IndicatorQuery, unitIds: string[]) {
    const campaign = await campaignsRepository.findById(db, q.campaignId);
    if (!campaign || !unitIds.length) return [];
    const at = now();
    const sent = await db
      .select({
        unitId: reportSubmissions.unitId,
        scheduleId: reportSubmissions.scheduleId,
        periodEnd: reportSubmissions.periodEnd,
        late: reportSubmissions.late,
        submittedAt: reportSubmissions.submittedAt,
        unitName: units.name,
      })
      .from(reportSubmissions)
      .innerJoin(units, eq(units.id, reportSubmissions.unitId))
      .where(and(eq(reportSubmissions.campaignId, q.campaignId), inArray(reportSubmissions.unitId, unitIds)));
    const names = new Map(
      (await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const byKey = new Map(sent.map((s) => [`${s.unitId}|${s.scheduleId}|${s.periodEnd}`, s]));
    const deadlines = reportDeadlines(campaign).filter((d) => d.dueDate >= q.from && d.dueDate <= q.to);
    return unitIds.flatMap((unitId) =>
      deadlines
        .map((d) => ({
          d,
          unitId,
          unitName: names.get(unitId) ?? '',
          s: byKey.get(`${unitId}|${d.scheduleId}|${d.periodEnd}`),
        }))
        .filter((x) => x.s || isLate(x.d, at)),
    );
  }

  const source: IndicatorSource = {
    kind: 'report_timeliness',
    label: '信息报送及时率',
    unit: '%',
    format: 'ratio',
    async measure(q) {
      const all = await owed(
        q,
        q.units.map((u) => u.id),
      );
      const out = new Map<string, number>();
      for (const u of q.units) {
        const mine = all.filter((x) => x.unitId === u.id);
        const onTime = mine.filter((x) => x.s && !x.s.late).length;
        if (mine.length) out.set(u.id, Math.round((onTime / mine.length) * 10000) / 10000);
      }
      return out;
    },
    /** Every report come due, worth 1 when sent on time and 0 otherwise. */
    async records(q): Promise<IndicatorRecord[]> {
      return (await owed(q, [q.unitId])).map(({ d, s, unitId, unitName }) => ({
        recordType: 'report',
        recordId: `${d.scheduleId}|${d.periodEnd}|${unitId}`,
        title: `${d.name}（${d.periodStart} 至 ${d.periodEnd}，截止 ${deadlineOf(d)}）${!s ? '逾期未报' : s.late ? '逾期报送' : '按时报送'}`,
        unitName,
        date: d.dueDate,
        value: s && !s.late ? 1 : 0,
        link: reportLink(q.campaignId, { scheduleId: d.scheduleId, periodEnd: d.periodEnd, unitId }),
      }));
    },
  };
  return [source];
}
