import { Space, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { RecordTable, type RecordColumn, type RecordTableProps } from '../../lib/records/RecordTable';
import type { SampleSummary } from './api';

export const RESULT_COLORS = { pending: 'default', pass: 'green', fail: 'red' } as const;

/** The result, and for a fail its follow-up's state (处置中 / 已逾期 / 已办结). */
export function ResultTags({ r }: { r: SampleSummary }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      <Tag color={RESULT_COLORS[r.result]}>{t(`samples.result.${r.result}`)}</Tag>
      {r.followUp &&
        (r.followUp.overdue ? (
          <Tag color="error">{t('samples.followUp.overdue')}</Tag>
        ) : (
          <Tag color={r.followUp.status === 'open' ? 'processing' : 'success'}>
            {t(`samples.followUp.status.${r.followUp.status}`)}
          </Tag>
        ))}
    </Space>
  );
}

/** The samples of a list or of a campaign's tab: date, product, batch, entity, unit, kind and the result. */
export function SampleTable({
  items,
  loading,
  pagination,
  showCampaign = true,
}: {
  items?: SampleSummary[];
  loading: boolean;
  pagination: RecordTableProps<SampleSummary, string>['pagination'];
  showCampaign?: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const columns: RecordColumn<SampleSummary>[] = [
    {
      key: 'date',
      title: t('samples.sampledDate'),
      dataIndex: 'sampledDate',
      width: 120,
      locked: true,
      render: (d: string, r) => (
        <Link to={`/samples/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {formatDate(d)}
        </Link>
      ),
    },
    { key: 'product', title: t('samples.product'), dataIndex: 'product', width: 140, ellipsis: true, locked: true },
    { key: 'batch', title: t('samples.batch'), dataIndex: 'batch', width: 160, ellipsis: true },
    { key: 'entity', title: t('samples.entity'), dataIndex: 'entityName', width: 220, ellipsis: true, locked: true },
    { key: 'unit', title: t('samples.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      key: 'kind',
      title: t('samples.sampleKind'),
      width: 110,
      render: (_: unknown, r) => t(`samples.kind.${r.sampleKind}`),
    },
    {
      key: 'result',
      title: t('samples.result'),
      width: 160,
      locked: true,
      render: (_: unknown, r) => <ResultTags r={r} />,
    },
    { key: 'failedItems', title: t('samples.failedItems'), dataIndex: 'failedItems', width: 220, ellipsis: true },
    { key: 'lab', title: t('samples.lab'), dataIndex: 'lab', width: 200, ellipsis: true, defaultHidden: true },
    ...(showCampaign
      ? [
          {
            key: 'campaign',
            title: t('samples.campaign'),
            dataIndex: 'campaignName',
            width: 220,
            ellipsis: true,
            defaultHidden: true,
          },
        ]
      : []),
  ];
  return (
    <RecordTable<SampleSummary>
      list="samples"
      rowKey={(r) => r.id}
      className="rs-sample-list"
      columns={columns}
      dataSource={items}
      loading={loading}
      emptyText={t('samples.empty')}
      rowClassName={() => 'rs-row-clickable'}
      onRowClick={(r) => navigate(`/samples/${r.id}`)}
      pagination={pagination}
      card={(r) => ({
        link: `/samples/${r.id}`,
        number: formatDate(r.sampledDate),
        title: `${r.product}${r.batch ? ` · ${r.batch}` : ''}`,
        status: <ResultTags r={r} />,
        party: r.entityName,
        unit: r.unitName,
      })}
    />
  );
}

/** 共 N 批次 … 合格率 as the server counted them over every match. */
export function SampleTotals({
  totals,
}: {
  totals?: { samples: number; tested: number; failed: number; pending: number; rate: string | null };
}) {
  const t = useT();
  if (!totals) return null;
  return (
    <div className="rs-secondary" style={{ marginBottom: 12 }}>
      {t('samples.totals', {
        samples: totals.samples,
        tested: totals.tested,
        failed: totals.failed,
        pending: totals.pending,
      })}
      {totals.rate && `，${t('samples.totalsRate', { rate: totals.rate })}`}
    </div>
  );
}
