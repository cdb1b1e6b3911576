import { useEffect, useMemo, useState } from 'react';
import { Button, Empty, Flex, Spin, Typography } from 'antd';
import { ArrowUpOutlined } from '@ant-design/icons';
import { registerMap } from 'echarts';
import { useT } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { EChart, tooltipText, type ChartOption, type ChartPoint } from '../../lib/charts/EChart';
import { useStatTemplates, type TableColumn, type TableRow } from '../reports/api';
import { ANNEX2_TEMPLATE } from '../reports/figures';
import { DrillDrawer } from '../reports/DrillDrawer';
import { useBoundaries, useUnitComparison, type ComparisonRow, type UnitComparison } from './api';

export interface UnitMapProps {
  campaignId: string;
  /** The unit whose units below are drawn (default: the user's). */
  unitId?: string;
  /** A derived figure (rollups/metrics.ts), e.g. casesFiled, amountInvolved. */
  figure: string;
  from?: string;
  to?: string;
  /** For a 大屏. */
  dark?: boolean;
  height?: number;
  /** Replaces the default drill (into the unit's units below, or its figure's records). */
  onUnitClick?: (unitId: string) => void;
}

type Area = { unitId: string; name: string; value: number; text: string; row: ComparisonRow };

/** Squares in a grid, as near square as the count allows (the tile map of units without a boundary). */
const gridOf = (n: number) => {
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  return { cols, rows: Math.max(1, Math.ceil(n / cols)) };
};

/** The template that has the figure as a column (its key is the figure's name), annex 2 first. */
function templateFor(figure: string, templates: { code: string; columns: { figure: string | null }[] }[] | undefined) {
  const annex = templates?.find((t) => t.code === ANNEX2_TEMPLATE);
  if (!templates || annex?.columns.some((c) => c.figure === figure)) return ANNEX2_TEMPLATE;
  return templates.find((t) => t.columns.some((c) => c.figure === figure))?.code ?? ANNEX2_TEMPLATE;
}

/**
 * The units directly below a unit on a map of their administrative divisions (GB/T 2260 boundaries
 * from the server), coloured by one figure of the roll-up; units without a boundary (科室, 所, 大队)
 * as labelled squares of a tile grid beside it, coloured the same way. A click drills: into the
 * unit's own units below, or (a unit with none) to the records behind its figure.
 */
export function UnitMap({ campaignId, unitId, figure, from, to, dark, height = 420, onUnitClick }: UnitMapProps) {
  const t = useT();
  const [viewUnitId, setViewUnitId] = useState(unitId);
  useEffect(() => setViewUnitId(unitId), [unitId]);
  const [drill, setDrill] = useState<{ row: TableRow; column: TableColumn; unitId: string } | null>(null);
  const templates = useStatTemplates();
  const template = templateFor(figure, templates.data);
  const comparison = useUnitComparison(templates.isPending ? undefined : campaignId, {
    template,
    unitId: viewUnitId,
    from,
    to,
  });
  const c = comparison.data;
  const column = c?.template.columns.find((x) => x.figure === figure);
  const codes = useMemo(() => (c?.rows ?? []).flatMap((r) => (r.divisionCode ? [r.divisionCode] : [])), [c]);
  const boundaries = useBoundaries(codes);

  const { option, areas } = useMemo(
    () => buildOption(c, column, boundaries.data, t('maps.tiles'), height, dark),
    [c, column, boundaries.data, t, height, dark],
  );

  const click = (p: ChartPoint) => {
    const area = (p.data as { area?: Area } | undefined)?.area ?? areas.find((a) => a.name === p.name);
    if (!area || !c) return;
    if (onUnitClick) return onUnitClick(area.unitId);
    if (area.row.childCount > 0) return setViewUnitId(area.unitId);
    if (!column) return;
    setDrill({
      unitId: area.unitId,
      row: { category: 'total', label: `${area.name} ${t('maps.total')}`, subLabel: null, cells: {} },
      column: { ...column, drillable: true },
    });
  };

  if (comparison.isError) return <LoadError error={comparison.error} onRetry={() => void comparison.refetch()} />;
  return (
    <Flex vertical gap={4}>
      {c && viewUnitId && viewUnitId !== unitId && c.parentUnitId && (
        <Flex gap={8} align="center">
          <Button size="small" icon={<ArrowUpOutlined />} onClick={() => setViewUnitId(c.parentUnitId ?? unitId)}>
            {t('maps.up')}
          </Button>
          <Typography.Text type="secondary">{c.unitName}</Typography.Text>
        </Flex>
      )}
      {!c || (codes.length > 0 && boundaries.isPending) ? (
        <Flex justify="center" align="center" style={{ height }}>
          <Spin />
        </Flex>
      ) : c.rows.length === 0 ? (
        <Empty description={t('maps.noUnits')} style={{ height }} />
      ) : (
        <EChart
          option={option}
          height={height}
          dark={dark}
          onPointClick={click}
          aria-label={`${t('maps.map')}：${c.unitName} ${column?.name ?? figure}`}
        />
      )}
      {drill && c && (
        <DrillDrawer
          campaignId={campaignId}
          query={{ unitId: drill.unitId, from: c.from, to: c.to }}
          row={drill.row}
          column={drill.column}
          onClose={() => setDrill(null)}
        />
      )}
    </Flex>
  );
}

/** The chart: a map series for the units with a boundary, a heatmap of squares for the others, one visualMap. */
function buildOption(
  c: UnitComparison | undefined,
  column: UnitComparison['template']['columns'][number] | undefined,
  boundaries: { features: { id: string; properties: { name: string }; geometry: unknown }[] } | undefined,
  tilesLabel: string,
  height: number,
  dark?: boolean,
): { option: ChartOption; areas: Area[] } {
  if (!c || !column) return { option: {}, areas: [] };
  const areas: Area[] = c.rows.map((row) => {
    const text = row.cells.total?.[column.key] ?? '0';
    return { unitId: row.unitId, name: row.unitName, value: Number(text), text, row };
  });
  const withShape = new Map((boundaries?.features ?? []).map((f) => [f.id, f]));
  const mapped = areas.filter((a) => a.row.divisionCode && withShape.has(a.row.divisionCode));
  const tiles = areas.filter((a) => !mapped.includes(a));
  const max = Math.max(1, ...areas.map((a) => a.value));
  const unit = column.money ? '元' : column.unit;
  const series: unknown[] = [];
  const both = mapped.length > 0 && tiles.length > 0;
  if (mapped.length) {
    // The features named after the units, so the series matches its data by name.
    const mapName = `rs-units-${c.unitId}-${mapped.map((a) => a.row.divisionCode).join('-')}`;
    registerMap(mapName, {
      type: 'FeatureCollection',
      features: mapped.map((a) => {
        const f = withShape.get(a.row.divisionCode!)!;
        return {
          type: 'Feature',
          id: f.id,
          properties: { name: a.name, short: f.properties.name },
          geometry: f.geometry,
        };
      }),
    } as unknown as Parameters<typeof registerMap>[1]);
    const short = new Map(mapped.map((a) => [a.name, withShape.get(a.row.divisionCode!)!.properties.name]));
    series.push({
      type: 'map',
      map: mapName,
      roam: true,
      // Centred in its part, its aspect kept (left/right/top/bottom would stretch the shapes).
      layoutCenter: [both ? '30%' : '50%', '55%'],
      layoutSize: '88%',
      label: { show: true, formatter: (p: { name: string }) => short.get(p.name) ?? p.name, fontSize: 12 },
      emphasis: { label: { show: true } },
      data: mapped.map((a) => ({ name: a.name, value: a.value, area: a })),
    });
  }
  const xAxis: unknown[] = [];
  const yAxis: unknown[] = [];
  const grid: unknown[] = [];
  if (tiles.length) {
    const { cols, rows } = gridOf(tiles.length);
    // Squares of at most 90 px high (wider, for the names), the grid no larger than they make it.
    const tileH = Math.min(90, Math.floor((height - 70) / rows));
    grid.push({ left: both ? '62%' : 'center', top: 50, width: cols * tileH * 1.8, height: rows * tileH });
    xAxis.push({ type: 'category', data: [...Array(cols).keys()], show: false, splitArea: { show: false } });
    yAxis.push({ type: 'category', data: [...Array(rows).keys()], show: false, inverse: true });
    series.push({
      type: 'heatmap',
      name: tilesLabel,
      xAxisIndex: 0,
      yAxisIndex: 0,
      itemStyle: { borderColor: dark ? '#0b1b34' : '#fff', borderWidth: 4 },
      label: {
        show: true,
        overflow: 'break',
        formatter: (p: { data: { area: Area } }) =>
          `${p.data.area.name.replace(/^上海市|市场监督管理局$/g, '')}\n${p.data.area.text}`,
        fontSize: 11,
      },
      data: tiles.map((a, n) => ({ value: [n % cols, Math.floor(n / cols), a.value], name: a.name, area: a })),
    });
  }
  const option = {
    backgroundColor: 'transparent',
    title: both
      ? { text: tilesLabel, left: '62%', top: 14, textStyle: { fontSize: 12, fontWeight: 'normal' } }
      : undefined,
    tooltip: {
      trigger: 'item',
      formatter: (p: { data?: { area?: Area } }) =>
        p.data?.area
          ? `${tooltipText(p.data.area.name)}<br/>${tooltipText(`${column.name}：${p.data.area.text} ${unit}`)}`
          : '',
    },
    // One scale for both (the map's values are scalars, the squares' the third dimension): the second is hidden.
    visualMap: series.map((_, n) => ({
      show: n === 0,
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'left',
      top: 0,
      itemHeight: 120,
      text: [`${max}`, '0'],
      seriesIndex: n,
      ...(mapped.length && n === 0 ? {} : { dimension: 2 }),
      inRange: {
        color: dark ? ['#16365f', '#2f8fd8', '#ffd666', '#ff7a45'] : ['#f0f5ff', '#91caff', '#1677ff', '#cf1322'],
      },
    })),
    grid,
    xAxis,
    yAxis,
    series,
  };
  return { option: option as ChartOption, areas };
}
