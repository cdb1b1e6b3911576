import { useState } from 'react';
import { Alert, Drawer, Table, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { LoadError } from '../../app/StatusPages';
import { useT } from '../../locales/i18n';
import { useDrill, type Drill } from '../reports/api';
import type { DrillTarget } from './api';

type DrillItem = Drill['items'][number];

/**
 * 穿透 of a chart point: the records behind it, a page at a time, through the statistics' own
 * drill-down (GET /api/campaigns/:id/stats/records) with the point's unit, category, days and
 * figure — its count and sum in the header equal the point.
 */
export function DashboardDrillDrawer({ target, onClose }: { target: DrillTarget; onClose: () => void }) {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const { campaignId, metric, title, money, ...q } = target;
  const drill = useDrill(campaignId, { ...q, metric, ...page });
  const d = drill.data;
  const columns: TableColumnsType<DrillItem> = [
    { key: 'date', title: t('reports.drillDate'), dataIndex: 'date', width: 110 },
    { key: 'unit', title: t('reports.drillUnit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      key: 'record',
      title: t('reports.drillRecord'),
      render: (_: unknown, r) => (
        <Link to={r.kind === 'case' ? `/cases/${r.id}` : `/inspections/${r.id}`}>
          {r.title}
          {r.number && <div className="rs-mono rs-secondary">{r.number}</div>}
        </Link>
      ),
    },
    {
      key: 'value',
      title: money ? t('reports.drillYuan') : t('reports.drillValue'),
      dataIndex: 'value',
      width: 120,
      align: 'end',
    },
  ];
  return (
    <Drawer open size="large" onClose={onClose} title={title}>
      {drill.isError ? (
        <LoadError error={drill.error} onRetry={() => void drill.refetch()} />
      ) : (
        <>
          {d && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="drill-summary"
              data-total={d.total}
              data-sum={d.sum}
              title={t(money ? 'reports.drillSumMoney' : 'reports.drillSum', {
                unit: d.unitName,
                from: d.from,
                to: d.to,
                total: d.total,
                sum: d.sum,
              })}
            />
          )}
          <Table
            rowKey={(r) => `${r.kind}-${r.id}-${r.categoryCode}`}
            size="small"
            loading={drill.isFetching}
            dataSource={d?.items ?? []}
            columns={columns}
            pagination={{
              current: page.page,
              pageSize: page.pageSize,
              total: d?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
            }}
          />
        </>
      )}
    </Drawer>
  );
}
