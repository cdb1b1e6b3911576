import type { IndicatorSource } from '../../platform/assessment/indicator-source';
import type { KpisService } from './kpis.service';

const SYMBOLS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;

/**
 * 考核指标达成率 for the scorecards: the share of the plan's measured KPIs a unit met in the
 * periods that overlap the query's dates (a KPI without data for the unit is not judged); the
 * records are those KPI periods with actual and target, 1 when met.
 */
export function createKpiAttainmentSource(deps: { kpisService: KpisService }): IndicatorSource {
  const { kpisService } = deps;
  return {
    kind: 'kpi_attainment',
    label: '考核指标达成率',
    unit: '%',
    format: 'ratio',
    async measure(q) {
      const { judged } = await kpisService.attainment(q.campaignId, q.units, q.from, q.to);
      const out = new Map<string, number>();
      for (const [unitId, rows] of judged) {
        const decided = rows.filter((r) => r.met !== null);
        if (decided.length) out.set(unitId, decided.filter((r) => r.met).length / decided.length);
      }
      return out;
    },
    async records(q) {
      const { campaign, judged, names } = await kpisService.attainment(q.campaignId, q.units, q.from, q.to);
      const unitName = names.get(q.unitId) ?? '';
      return (judged.get(q.unitId) ?? [])
        .filter((r) => r.met !== null)
        .map((r) => ({
          recordType: 'kpi',
          recordId: `${campaign.id}:${r.kpi.index}:${r.period.label}`,
          title: `${r.kpi.name}（${r.period.label}）：实际 ${r.actual}${r.kpi.unit}，目标 ${SYMBOLS[r.kpi.comparator]}${r.kpi.target}${r.kpi.unit}，${r.met ? '达标' : '未达标'}`,
          unitName,
          date: r.period.to,
          value: r.met ? 1 : 0,
          link: `/campaigns/${campaign.id}?tab=kpis`,
        }));
    },
  };
}
