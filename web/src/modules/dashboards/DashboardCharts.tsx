import { useMemo, useState } from 'react';
import { Empty, Flex, Segmented, Select, Typography } from 'antd';
import { ChartCard } from '../../lib/charts/ChartCard';
import type { ChartOption } from '../../lib/charts/EChart';
import { useT } from '../../locales/i18n';
import type { CategoryFigures, DashboardMetric, DrillTarget, Trend, UnitRanking } from './api';
import { chartValue, figureOf, figureOptions } from './figures';

const RED = '#c8102e';
const GREY = '#8c8c8c';
const BLUE = '#1f5fbf';

function FigurePicker({
  figures,
  value,
  onChange,
  label,
}: {
  figures: Trend['figures'];
  value: DashboardMetric;
  onChange: (m: DashboardMetric) => void;
  label: string;
}) {
  return (
    <Select
      size="small"
      value={value}
      onChange={onChange}
      options={figureOptions(figures)}
      aria-label={label}
      style={{ minWidth: 130, marginRight: 4 }}
      data-html2canvas-ignore
    />
  );
}

/** 趋势: this year and last year (上年同期, aligned bucket by bucket) as two lines; a point opens its records. */
export function TrendChart({
  trend,
  bucket,
  onBucket,
  onDrill,
}: {
  trend: Trend;
  bucket: 'week' | 'month';
  onBucket: (b: 'week' | 'month') => void;
  onDrill: (d: DrillTarget) => void;
}) {
  const t = useT();
  const [metric, setMetric] = useState<DashboardMetric>('casesFiled');
  const figure = figureOf(trend.figures, metric);
  const option = useMemo<ChartOption>(() => {
    const label = (p: Trend['points'][number]) =>
      p.current ? (bucket === 'month' ? p.current.bucket.slice(0, 7) : p.current.drill.from.slice(5)) : `#${p.index}`;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: trend.points.map(label) },
      yAxis: { type: 'value', name: figure.unit, minInterval: figure.money ? undefined : 1 },
      series: [
        {
          name: t('dashboards.thisYear'),
          type: 'line',
          smooth: false,
          symbolSize: 8,
          itemStyle: { color: RED },
          data: trend.points.map((p) => (p.current ? chartValue(p.current.values[metric]) : null)),
        },
        ...(trend.previous
          ? [
              {
                name: t('dashboards.lastYear'),
                type: 'line',
                smooth: false,
                symbolSize: 8,
                lineStyle: { type: 'dashed' },
                itemStyle: { color: GREY },
                data: trend.points.map((p) => (p.previous ? chartValue(p.previous.values[metric]) : null)),
              },
            ]
          : []),
      ],
    };
  }, [trend, metric, bucket, figure.unit, t]);
  return (
    <ChartCard
      title={t('dashboards.trendTitle', { figure: figure.label })}
      option={option}
      onPointClick={(p) => {
        const point = trend.points[p.dataIndex]?.[p.seriesIndex === 1 ? 'previous' : 'current'];
        if (point)
          onDrill({
            ...point.drill,
            metric,
            money: figure.money,
            title: `${p.seriesIndex === 1 ? t('dashboards.lastYear') : t('dashboards.thisYear')} ${point.drill.from}～${point.drill.to} ${figure.label}`,
          });
      }}
      extra={
        <Flex gap={4} align="center" style={{ display: 'inline-flex' }}>
          <FigurePicker figures={trend.figures} value={metric} onChange={setMetric} label={t('dashboards.figure')} />
          <Segmented
            size="small"
            value={bucket}
            onChange={(v) => onBucket(v as 'week' | 'month')}
            options={[
              { value: 'week', label: t('dashboards.byWeek') },
              { value: 'month', label: t('dashboards.byMonth') },
            ]}
          />
        </Flex>
      }
      footer={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {trend.previous
            ? t('dashboards.compareNote', {
                name: trend.previous.campaignName,
                from: trend.previous.from,
                to: trend.previous.to,
              })
            : (trend.note ?? '')}
        </Typography.Text>
      }
    />
  );
}

/** 按违法类型: a bar per category of the plan (合计 left out: it is the sum of the bars). */
export function CategoryChart({ data, onDrill }: { data: CategoryFigures; onDrill: (d: DrillTarget) => void }) {
  const t = useT();
  const [metric, setMetric] = useState<DashboardMetric>('casesFiled');
  const figure = figureOf(data.figures, metric);
  const rows = data.rows.filter((r) => r.category !== 'total');
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 24, bottom: 64 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.label),
        axisLabel: { interval: 0, rotate: rows.length > 4 ? 30 : 0 },
      },
      yAxis: { type: 'value', name: figure.unit, minInterval: figure.money ? undefined : 1 },
      series: [
        {
          name: figure.label,
          type: 'bar',
          barMaxWidth: 40,
          itemStyle: { color: BLUE },
          data: rows.map((r) => chartValue(r.values[metric])),
        },
      ],
    }),
    [rows, metric, figure],
  );
  return (
    <ChartCard
      title={t('dashboards.categoryTitle', { figure: figure.label })}
      option={option}
      extra={<FigurePicker figures={data.figures} value={metric} onChange={setMetric} label={t('dashboards.figure')} />}
      onPointClick={(p) => {
        const r = rows[p.dataIndex];
        if (r) onDrill({ ...r.drill, metric, money: figure.money, title: `${r.label} ${figure.label}` });
      }}
    />
  );
}

/** 下级单位排名: the units below, most first, as totals or per handler (人均). */
export function UnitRankingChart({ data, onDrill }: { data: UnitRanking; onDrill: (d: DrillTarget) => void }) {
  const t = useT();
  const [metric, setMetric] = useState<DashboardMetric>('casesFiled');
  const [perCapita, setPerCapita] = useState(false);
  const figure = figureOf(data.figures, metric);
  const value = (r: UnitRanking['rows'][number]) =>
    perCapita ? (r.perCapita ? chartValue(r.perCapita[metric]) : 0) : chartValue(r.values[metric]);
  const rows = [...data.rows].sort((a, b) => value(b) - value(a));
  const option: ChartOption = {
    tooltip: { trigger: 'axis' },
    grid: { left: 120, right: 24, top: 16, bottom: 24 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.unitName) },
    xAxis: {
      type: 'value',
      name: perCapita ? `${figure.unit}/${t('dashboards.perHandler')}` : figure.unit,
      minInterval: figure.money || perCapita ? undefined : 1,
    },
    series: [
      {
        name: figure.label,
        type: 'bar',
        barMaxWidth: 22,
        itemStyle: { color: RED },
        label: { show: true, position: 'right' },
        data: rows.map(value),
      },
    ],
  };
  if (rows.length === 0)
    return (
      <ChartCard
        title={t('dashboards.rankingTitle', { figure: figure.label })}
        option={{}}
        height={120}
        footer={<Empty description={t('dashboards.noUnitsBelow')} image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      />
    );
  return (
    <ChartCard
      title={t('dashboards.rankingTitle', { figure: figure.label })}
      option={option}
      height={Math.max(240, rows.length * 34 + 48)}
      extra={
        <Flex gap={4} align="center" style={{ display: 'inline-flex' }}>
          <FigurePicker figures={data.figures} value={metric} onChange={setMetric} label={t('dashboards.figure')} />
          <Segmented
            size="small"
            value={perCapita ? 'per' : 'total'}
            onChange={(v) => setPerCapita(v === 'per')}
            options={[
              { value: 'total', label: t('dashboards.total') },
              { value: 'per', label: t('dashboards.perCapita') },
            ]}
          />
        </Flex>
      }
      footer={
        perCapita ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dashboards.perCapitaNote')}
          </Typography.Text>
        ) : undefined
      }
      onPointClick={(p) => {
        const r = rows[p.dataIndex];
        if (r) onDrill({ ...r.drill, metric, money: figure.money, title: `${r.unitName} ${figure.label}` });
      }}
    />
  );
}
