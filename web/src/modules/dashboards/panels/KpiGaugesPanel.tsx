import { useMemo, useState } from 'react';
import { Card, Empty, Typography } from 'antd';
import { ChartCard } from '../../../lib/charts/ChartCard';
import type { ChartOption } from '../../../lib/charts/EChart';
import { useT, type MessageKey } from '../../../locales/i18n';
import { useCampaignKpis } from '../../kpis/api';
import { KpiRecordsDrawer, type RecordsTarget } from '../../kpis/KpiRecordsDrawer';
import { gaugeScale, kpiForUnit, kpiVerdict, type KpiVerdict } from './panel-figures';
import type { PanelProps } from './panel-props';

const SYMBOLS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' } as const;
const VERDICT: Record<KpiVerdict, { key: MessageKey; color: string }> = {
  met: { key: 'kpis.met', color: '#389e0d' },
  missed: { key: 'kpis.notMet', color: '#cf1322' },
  ongoing: { key: 'kpis.ongoing', color: '#1f5fbf' },
  noData: { key: 'kpis.noData', color: '#8c8c8c' },
};
const BAND = { met: '#95de64', missed: '#ffa39e' } as const;
const PER_ROW = 3;

/**
 * 考核指标: a gauge per KPI of the plan — the total's actual (the plan's KPI tab, current period)
 * against its target, the band where it is met in green, 达标 / 未达标 / 进行中 beneath; a gauge
 * opens the records behind its figure. KPIs are judged per 考核单位: when the header's unit is one
 * of them, the gauges show its figures (kpiForUnit); for any other unit, the total of the user's scope.
 */
export function KpiGaugesPanel({ campaignId, unitId }: PanelProps) {
  const t = useT();
  const kpis = useCampaignKpis(campaignId);
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  const list = useMemo(() => (kpis.data ?? []).map((k) => kpiForUnit(k, unitId)), [kpis.data, unitId]);
  const judgedUnitName = list.find((k) => k.unitName)?.unitName;
  const rows = Math.max(1, Math.ceil(list.length / PER_ROW));
  const cols = Math.min(list.length, PER_ROW) || 1;

  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { formatter: t('dashboardPanels.kpiOpenRecords') },
      series: list.map((k, i) => {
        const { max, bands } = gaugeScale(k);
        const verdict = VERDICT[kpiVerdict(k)];
        const actual = k.total?.actual ?? null;
        return {
          type: 'gauge',
          name: k.name,
          center: [`${((i % PER_ROW) + 0.5) * (100 / cols)}%`, `${(Math.floor(i / PER_ROW) + 0.5) * (100 / rows)}%`],
          radius: `${70 / rows}%`,
          min: 0,
          max,
          splitNumber: 4,
          axisLine: { lineStyle: { width: 12, color: bands.map(([at, band]) => [at, BAND[band]]) } },
          axisTick: { show: false },
          splitLine: { show: false },
          // Only the ends of the scale: counts have no halves.
          axisLabel: {
            distance: -28,
            fontSize: 10,
            color: '#8c8c8c',
            formatter: (v: number) => (v === 0 || v === max ? String(v) : ''),
          },
          pointer: { width: 5, length: '60%', itemStyle: { color: verdict.color } },
          anchor: { show: true, size: 8, itemStyle: { color: verdict.color } },
          title: {
            offsetCenter: [0, '95%'],
            fontSize: 13,
            color: '#262626',
            overflow: 'truncate',
            width: cols === PER_ROW ? 150 : 220,
          },
          detail: {
            offsetCenter: [0, '55%'],
            fontSize: 16,
            fontWeight: 600,
            color: verdict.color,
            formatter: () =>
              `${actual === null ? '—' : `${Math.round(actual * 100) / 100}${k.unit}`} ${t(verdict.key)}\n{target|${t(
                'dashboardPanels.kpiTarget',
                {
                  comparator: SYMBOLS[k.comparator],
                  target: k.target,
                  unit: k.unit,
                },
              )}}`,
            rich: { target: { fontSize: 11, fontWeight: 400, color: '#8c8c8c', padding: [6, 0, 0, 0] } },
          },
          data: [{ value: actual ?? 0, name: k.name }],
        };
      }),
    }),
    [list, rows, cols, t],
  );

  if (kpis.isSuccess && list.length === 0)
    return (
      <Card size="small" title={t('dashboardPanels.kpiTitle')}>
        <Empty description={t('dashboardPanels.kpiNone')} />
      </Card>
    );
  return (
    <>
      <ChartCard
        title={judgedUnitName ? `${t('dashboardPanels.kpiTitle')} · ${judgedUnitName}` : t('dashboardPanels.kpiTitle')}
        option={option}
        height={rows * 250}
        onPointClick={(p) => {
          const k = p.seriesIndex === undefined ? undefined : list[p.seriesIndex];
          if (k) setRecords({ kpi: k, unitId: k.unitId, period: k.selectedPeriod });
        }}
        footer={kpis.isError && <Typography.Text type="danger">{t('dashboardPanels.loadFailed')}</Typography.Text>}
      />
      <KpiRecordsDrawer campaignId={campaignId} target={records} onClose={() => setRecords(null)} />
    </>
  );
}
