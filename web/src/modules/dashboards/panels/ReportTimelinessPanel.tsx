import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ChartCard } from '../../../lib/charts/ChartCard';
import { tooltipText, type ChartOption } from '../../../lib/charts/EChart';
import { useT } from '../../../locales/i18n';
import { useBoard } from '../../reports/api';
import { timelinessBars } from './panel-figures';
import type { PanelProps } from './panel-props';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 10000) / 100}%`);
const barText = (p: number | null) => (p === null ? '—' : `${p}%`);
const tone = (p: number | null) => (p === null ? '#bfbfbf' : p >= 90 ? '#389e0d' : p >= 60 ? '#d48806' : '#cf1322');

/**
 * 报送及时率: each owing unit's on-time rate over the reports already due (the reports module's
 * 报送情况 board, one schedule at a time) and the campaign's overall rate; a bar opens the board.
 * The board lists the units that owe the plan its reports: when the header's unit is one of them its
 * bar stands out (the others dimmed) and its own rate is told beneath; any other unit keeps the board.
 */
export function ReportTimelinessPanel({ campaignId, unitId }: PanelProps) {
  const t = useT();
  const navigate = useNavigate();
  const [scheduleId, setScheduleId] = useState<string>();
  const board = useBoard(campaignId, scheduleId);
  const b = board.data;
  const bars = useMemo(() => (b ? timelinessBars(b.units, b.perUnit) : []), [b]);
  const chosen = bars.find((x) => x.unitId === unitId);

  const option = useMemo<ChartOption>(() => {
    const overall = b?.rates.onTimeRate ?? null;
    return {
      grid: { left: 8, right: 48, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p: { dataIndex: number }) => {
          const bar = bars[p.dataIndex];
          return t('dashboardPanels.timelinessTooltip', {
            lineBreak: '<br/>',
            unit: tooltipText(bar.label),
            rate: bar.ratePercent === null ? '—' : `${bar.ratePercent}%`,
            expected: bar.expected,
            onTime: bar.onTime,
            late: bar.late,
            missing: bar.missing,
          });
        },
      },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: bars.map((x) => x.label),
        axisLabel: { width: 160, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          name: t('dashboardPanels.timelinessRate'),
          data: bars.map((x) => ({
            value: x.ratePercent ?? 0,
            itemStyle: { color: tone(x.ratePercent), opacity: chosen && x !== chosen ? 0.3 : 1 },
          })),
          label: {
            show: true,
            position: 'right',
            formatter: (p: { dataIndex: number }) => barText(bars[p.dataIndex].ratePercent),
          },
          markLine:
            overall === null
              ? undefined
              : {
                  symbol: 'none',
                  label: { position: 'start', formatter: `${t('dashboardPanels.timelinessRate')} ${percent(overall)}` },
                  lineStyle: { type: 'dashed', color: '#1f5fbf' },
                  data: [{ xAxis: Math.round(overall * 10000) / 100 }],
                },
        },
      ],
    };
  }, [b, bars, chosen, t]);

  const rates = b?.rates;
  return (
    <ChartCard
      title={t('dashboardPanels.timelinessTitle')}
      option={option}
      height={Math.max(220, bars.length * 28 + 40)}
      onPointClick={() => navigate(`/campaigns/${campaignId}?tab=board`)}
      extra={
        b && b.schedules.length > 1 ? (
          <Select
            size="small"
            style={{ width: 160 }}
            aria-label={t('dashboardPanels.timelinessSchedule')}
            value={b.scheduleId ?? undefined}
            options={b.schedules.map((s) => ({ value: s.id, label: s.name }))}
            onChange={setScheduleId}
          />
        ) : undefined
      }
      footer={
        <Typography.Text type={board.isError ? 'danger' : 'secondary'} className="rs-panel-timeliness-overall">
          {board.isError
            ? t('dashboardPanels.loadFailed')
            : rates && rates.onTimeRate !== null
              ? t('dashboardPanels.timelinessOverall', {
                  rate: percent(rates.onTimeRate),
                  expected: rates.expected,
                  onTime: rates.onTime,
                  late: rates.late,
                  missing: rates.missing,
                }) +
                (chosen
                  ? t('dashboardPanels.timelinessChosen', {
                      unit: chosen.label,
                      rate: chosen.ratePercent === null ? '—' : `${chosen.ratePercent}%`,
                    })
                  : '')
              : b
                ? t('dashboardPanels.timelinessNothingDue')
                : ''}
        </Typography.Text>
      }
    />
  );
}
