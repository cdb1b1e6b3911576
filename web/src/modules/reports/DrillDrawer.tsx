import { useState } from 'react';
import { Alert, Drawer, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { useDrill, type Drill, type Metric, type StatsQuery, type TableColumn, type TableRow } from './api';

type DrillItem = Drill['items'][number];

/**
 * 穿透: the cases or inspections behind one figure (a derived column of the server's table), with
 * their count and sum (equal to the figure). Whether the figure is money is the column's word.
 */
export function DrillDrawer({
  campaignId,
  query,
  row,
  column,
  onClose,
}: {
  campaignId: string;
  query: StatsQuery;
  row: TableRow;
  column: TableColumn;
  onClose: () => void;
}) {
  const t = useT();
  return (
    <RecordsDrillDrawer
      campaignId={campaignId}
      query={{ ...query, category: row.category, metric: column.figure as Metric }}
      title={t('reports.drillTitle', { category: row.label, metric: column.name })}
      money={column.money}
      onClose={onClose}
    />
  );
}

/**
 * The drawer of any figure's records (a table's cell, a chart's point): the statistics' own
 * drill-down (GET /api/campaigns/:id/stats/records) with the figure's unit, days, category and
 * metric, a page at a time; its count and sum in the header equal the figure.
 */
export function RecordsDrillDrawer({
  campaignId,
  query,
  title,
  money,
  onClose,
}: {
  campaignId: string;
  query: StatsQuery & { category: string; metric: Metric };
  title: string;
  money: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const drill = useDrill(campaignId, { ...query, ...page });
  const d = drill.data;
  const columns: TableColumnsType<DrillItem> = [
    { key: 'date', title: t('reports.drillDate'), dataIndex: 'date', width: 110 },
    { key: 'unit', title: t('reports.drillUnit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      key: 'record',
      title: t('reports.drillRecord'),
      render: (_: unknown, r) =>
        r.kind === 'case' ? (
          <Link to={`/cases/${r.id}`}>
            {r.title}
            {r.number && <div className="rs-mono rs-secondary">{r.number}</div>}
          </Link>
        ) : (
          <Link to={`/inspections/${r.id}`}>{r.title || t('reports.drillInspection')}</Link>
        ),
    },
    {
      key: 'party',
      title: t('reports.drillParty'),
      dataIndex: 'partyName',
      width: 140,
      ellipsis: true,
      render: (v: string | null) => v ?? '—',
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
          {/* 省级数据汇聚: on the national installation the records stay in the provinces; link to them. */}
          {d && d.provinces.length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="drill-provinces"
              title={
                <>
                  {t('reports.drillProvinces')}
                  {d.provinces.map((p) => (
                    <Typography.Link
                      key={p.unitId}
                      href={p.url}
                      target="_blank"
                      rel="noopener"
                      style={{ marginInlineStart: 8 }}
                    >
                      {p.name}
                    </Typography.Link>
                  ))}
                </>
              }
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
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            {t('reports.drillRule')}
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
