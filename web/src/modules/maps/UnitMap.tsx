// replaced at merge by the maps helper's UnitMap
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../lib/charts/EChart';
import { useT } from '../../locales/i18n';
import { useCommandScreen } from '../command-screen/api';

/**
 * Until the maps helper's map lands, the map panel shows the units directly below (the first ten) as a ranking
 * of the chosen figure (from the 大屏's roll-up answer), so the panel is useful meanwhile.
 * `from`/`to` are not applied here: the screen's figures run over the campaign so far.
 */
export function UnitMap({
  campaignId,
  unitId,
  figure,
  dark,
  height = 400,
  onUnitClick,
}: {
  campaignId: string;
  unitId?: string;
  figure: string;
  from?: string;
  to?: string;
  dark?: boolean;
  height?: number;
  onUnitClick?: (unitId: string) => void;
}) {
  const t = useT();
  const screen = useCommandScreen(campaignId, unitId);
  const units = useMemo(
    () =>
      [...(screen.data?.units ?? [])]
        .map((u) => ({ ...u, value: Number((u.values as Record<string, number | string>)[figure] ?? 0) }))
        .sort((a, b) => a.value - b.value)
        .slice(-10),
    [screen.data, figure],
  );
  const option: ChartOption = {
    backgroundColor: 'transparent',
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitLine: { show: false }, axisLabel: { show: false } },
    yAxis: { type: 'category', data: units.map((u) => u.unitName), axisLabel: { fontSize: 18, color: '#dbe7ff' } },
    series: [
      {
        type: 'bar',
        data: units.map((u) => u.value),
        barMaxWidth: 26,
        itemStyle: { color: '#ffb020', borderRadius: [0, 6, 6, 0] },
        label: { show: true, position: 'right', fontSize: 18, color: '#fff' },
      },
    ],
  };
  return (
    <EChart
      option={option}
      dark={dark}
      height={height}
      aria-label={t('screen.map')}
      onPointClick={onUnitClick ? (p) => onUnitClick(units[p.dataIndex].unitId) : undefined}
    />
  );
}
