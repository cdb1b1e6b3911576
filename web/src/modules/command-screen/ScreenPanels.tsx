import { useMemo, type CSSProperties } from 'react';
import { EChart, type ChartOption } from '../../lib/charts/EChart';
import { useT, type MessageKey } from '../../locales/i18n';
import { yuanToWan, type CommandScreen } from './api';

const AXIS = {
  axisLabel: { fontSize: 18, color: '#dbe7ff' },
  splitLine: { lineStyle: { color: 'rgba(255,255,255,0.12)' } },
};

/** The headline figures, each a big numeral with its unit. */
export function Kpis({ data }: { data: CommandScreen }) {
  const t = useT();
  const tiles: { label: MessageKey; value: string; unit: MessageKey; kind?: 'money' | 'hot' }[] = [
    { label: 'screen.casesFiled', value: String(data.totals.casesFiled), unit: 'screen.unitCases' },
    { label: 'screen.casesClosed', value: String(data.totals.casesClosed), unit: 'screen.unitCases' },
    {
      label: 'screen.finesAndConfiscations',
      value: yuanToWan(String(data.totals.finesAndConfiscations)),
      unit: 'screen.unitWan',
      kind: 'money',
    },
    {
      label: 'screen.amountInvolved',
      value: yuanToWan(String(data.totals.amountInvolved)),
      unit: 'screen.unitWan',
      kind: 'money',
    },
    {
      label: 'screen.transferredToJudiciary',
      value: String(data.totals.transferredToJudiciary),
      unit: 'screen.unitCases',
    },
    { label: 'screen.staffDeployed', value: String(data.totals.staffDeployed), unit: 'screen.unitPeople' },
    { label: 'screen.newToday', value: String(data.newCases.today), unit: 'screen.unitCases', kind: 'hot' },
    { label: 'screen.newThisWeek', value: String(data.newCases.thisWeek), unit: 'screen.unitCases', kind: 'hot' },
  ];
  return (
    <div className="rs-screen-kpis">
      {tiles.map((k) => (
        <div
          key={k.label}
          className="rs-screen-kpi"
          data-testid={`kpi-${k.label.slice(7)}`}
          // The numeral's size follows its length and the tile's width (command-screen.css).
          style={
            {
              '--rs-digits': k.value.length,
              '--rs-unit-px': k.kind === 'money' ? '0px' : `${t(k.unit).length * 22 + 8}px`,
            } as CSSProperties
          }
        >
          <div className="rs-screen-kpi-label">
            {t(k.label)}
            {k.kind === 'money' && `（${t(k.unit)}）`}
          </div>
          <div className={`rs-screen-kpi-value ${k.kind ?? ''}`} title={`${k.value} ${t(k.unit)}`}>
            <span className="rs-screen-kpi-number">{k.value}</span>
            {k.kind !== 'money' && <span className="rs-screen-kpi-unit">{t(k.unit)}</span>}
          </div>
        </div>
      ))}
    </div>
  );
}

/** 月度趋势: cases filed and closed as bars, 罚没款 (万元) as a line on its own axis. */
export function TrendChart({ data, height }: { data: CommandScreen; height: number }) {
  const t = useT();
  const option = useMemo<ChartOption>(
    () => ({
      backgroundColor: 'transparent',
      textStyle: { fontSize: 18 },
      legend: { top: 0, textStyle: { fontSize: 18, color: '#e6efff' } },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 18 } },
      grid: { left: 8, right: 8, top: 44, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: data.trend.map((m) => m.month), ...AXIS },
      yAxis: [
        { type: 'value', minInterval: 1, ...AXIS },
        { type: 'value', ...AXIS, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('screen.casesFiled'),
          type: 'bar',
          data: data.trend.map((m) => m.values.casesFiled),
          itemStyle: { color: '#3b8cff' },
        },
        {
          name: t('screen.casesClosed'),
          type: 'bar',
          data: data.trend.map((m) => m.values.casesClosed),
          itemStyle: { color: '#36cfc9' },
        },
        {
          name: `${t('screen.finesAndConfiscations')}（${t('screen.unitWan')}）`,
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          symbolSize: 10,
          lineStyle: { width: 4 },
          data: data.trend.map((m) => Number(yuanToWan(String(m.values.finesAndConfiscations)))),
          itemStyle: { color: '#ffc640' },
        },
      ],
    }),
    [data, t],
  );
  return <EChart option={option} dark height={height} aria-label={t('screen.trend')} />;
}

/** The units directly below, ranked by cases filed (立案), with cases closed beside. */
export function RankingChart({ data, height }: { data: CommandScreen; height: number }) {
  const t = useT();
  const option = useMemo<ChartOption>(() => {
    const units = [...data.units].sort((a, b) => Number(a.values.casesFiled) - Number(b.values.casesFiled)).slice(-10);
    return {
      backgroundColor: 'transparent',
      legend: { top: 0, textStyle: { fontSize: 18, color: '#e6efff' } },
      tooltip: { trigger: 'axis', textStyle: { fontSize: 18 } },
      grid: { left: 8, right: 48, top: 44, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1, ...AXIS },
      yAxis: { type: 'category', data: units.map((u) => u.unitName), ...AXIS },
      series: [
        {
          name: t('screen.casesFiled'),
          type: 'bar',
          data: units.map((u) => u.values.casesFiled),
          itemStyle: { color: '#3b8cff', borderRadius: [0, 6, 6, 0] },
          label: { show: true, position: 'right', fontSize: 18, color: '#fff' },
        },
        {
          name: t('screen.casesClosed'),
          type: 'bar',
          data: units.map((u) => u.values.casesClosed),
          itemStyle: { color: '#36cfc9', borderRadius: [0, 6, 6, 0] },
        },
      ],
    };
  }, [data, t]);
  return <EChart option={option} dark height={height} aria-label={t('screen.ranking')} />;
}
