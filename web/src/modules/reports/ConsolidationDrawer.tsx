import { useState } from 'react';
import { App, Button, Drawer, Flex, Skeleton, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { useShowError } from '../../lib/useShowError';
import { LoadError } from '../../app/StatusPages';
import { downloadConsolidationXlsx, useConsolidation, type TableRow } from './api';
import { FiguresTable } from './FiguresTable';
import { stateKey } from './figures';

/**
 * 汇总报表 of a period: each unit's report as accepted (the figures it was sent with), those not
 * accepted shown by state without figures, 合计 of the accepted ones; exported as printed (.xlsx).
 */
export function ConsolidationDrawer({
  campaignId,
  period,
  onClose,
}: {
  campaignId: string;
  period: { scheduleId: string; periodEnd: string };
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const consolidation = useConsolidation(campaignId, period);
  const [downloading, setDownloading] = useState(false);
  const c = consolidation.data;
  const download = async () => {
    setDownloading(true);
    try {
      void message.success(t('reports.downloaded', { name: await downloadConsolidationXlsx(campaignId, period) }));
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };
  const asCells = (values: Record<string, string | number>) =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  const rows: TableRow[] = c
    ? [
        ...c.rows.map((r) => ({
          category: r.unitId,
          label: r.unitLabel,
          subLabel: t(stateKey(r.state, r.late)),
          cells: r.values ? asCells(r.values) : {},
        })),
        {
          category: 'total',
          label: t('reports.consolidatedTotal', { count: c.total.acceptedCount }),
          subLabel: null,
          cells: asCells(c.total.values),
        },
      ]
    : [];
  return (
    <Drawer
      open
      size="large"
      onClose={onClose}
      title={
        c
          ? t('reports.consolidatedTitle', { name: c.name, from: c.periodStart, to: c.periodEnd })
          : t('reports.consolidated')
      }
      extra={
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} disabled={!c}>
          {t('reports.export')}
        </Button>
      }
    >
      {consolidation.isError ? (
        <LoadError error={consolidation.error} onRetry={() => void consolidation.refetch()} />
      ) : c ? (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t('reports.consolidatedHint', { count: c.total.acceptedCount, form: c.form.name })}
          </Typography.Text>
          {/* The columns are the form the accepted reports were sent with (the schedule's 统计表). */}
          <FiguresTable columns={c.columns} rows={rows} rowTitle={t('reports.unit')} />
        </Flex>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}
