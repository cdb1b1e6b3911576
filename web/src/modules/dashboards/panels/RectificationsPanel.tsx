import { useMemo } from 'react';
import { Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { ChartCard } from '../../../lib/charts/ChartCard';
import type { ChartOption } from '../../../lib/charts/EChart';
import { useT, type MessageKey } from '../../../locales/i18n';
import { useRectifications } from '../../rectifications/api';
import { listLink } from './panel-figures';
import type { PanelProps } from './panel-props';

/** The bars: each a total of 整改台账 and the filter its list opens with. */
const BARS: {
  key: 'open' | 'overdue' | 'replied' | 'closed';
  label: MessageKey;
  color: string;
  filter: Record<string, string>;
}[] = [
  { key: 'open', label: 'dashboardPanels.rectOpen', color: '#d48806', filter: { status: 'open' } },
  { key: 'overdue', label: 'dashboardPanels.rectOverdue', color: '#cf1322', filter: { overdue: 'true' } },
  { key: 'replied', label: 'dashboardPanels.rectReplied', color: '#1f5fbf', filter: { status: 'replied' } },
  { key: 'closed', label: 'dashboardPanels.rectClosed', color: '#389e0d', filter: { status: 'closed' } },
];

/**
 * 整改情况: the totals of 整改台账 for the campaign (and the unit's subtree) — open, overdue (among
 * the open), awaiting review, closed — each bar opening the ledger with that filter. The totals
 * are the ledger's own (GET /api/rectifications, one row asked for).
 */
export function RectificationsPanel({ campaignId, unitId }: PanelProps) {
  const t = useT();
  const navigate = useNavigate();
  const ledger = useRectifications({ campaignId, ...(unitId ? { unitId } : {}), page: 1, pageSize: 1 });
  const totals = ledger.data?.totals;

  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: { type: 'category', data: BARS.map((b) => t(b.label)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          name: t('dashboardPanels.rectTitle'),
          barMaxWidth: 48,
          label: { show: true, position: 'top' },
          data: BARS.map((b) => ({ value: totals?.[b.key] ?? 0, itemStyle: { color: b.color } })),
        },
      ],
    }),
    [totals, t],
  );

  return (
    <ChartCard
      title={t('dashboardPanels.rectTitle')}
      option={option}
      height={240}
      onPointClick={(p) => {
        const bar = BARS[p.dataIndex];
        if (bar) navigate(listLink('/rectifications', { campaignId, unitId, ...bar.filter }));
      }}
      footer={
        <Typography.Text type={ledger.isError ? 'danger' : 'secondary'}>
          {ledger.isError
            ? t('dashboardPanels.loadFailed')
            : totals
              ? t('dashboardPanels.rectAll', { count: totals.all })
              : ''}
        </Typography.Text>
      }
    />
  );
}
