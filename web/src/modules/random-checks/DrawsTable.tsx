import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../app/StatusPages';
import { useDraws, type DrawSummary } from './api';
import { drawSize } from './draw-text';

/** The draws of the user's units, newest first; a draw replaced by a redraw says so. */
export function DrawsTable({ campaignId }: { campaignId?: string }) {
  const t = useT();
  const navigate = useNavigate();
  const draws = useDraws(campaignId);
  if (draws.isError) return <LoadError error={draws.error} onRetry={() => void draws.refetch()} />;

  const columns: TableColumnsType<DrawSummary> = [
    {
      key: 'name',
      title: t('randomChecks.drawName'),
      dataIndex: 'name',
      render: (name: string, d) => (
        <>
          <Link to={`/random-checks/draws/${d.id}`} onClick={(e) => e.stopPropagation()}>
            {name}
          </Link>
          {d.replacedById && <Tag style={{ marginInlineStart: 8 }}>{t('randomChecks.replaced')}</Tag>}
          {d.replacesId && (
            <Tag color="orange" style={{ marginInlineStart: 8 }}>
              {t('randomChecks.isRedraw')}
            </Tag>
          )}
        </>
      ),
    },
    { key: 'size', title: t('randomChecks.size'), width: 150, render: (_: unknown, d) => drawSize(t, d.size) },
    { key: 'candidates', title: t('randomChecks.candidates'), dataIndex: 'candidateCount', width: 110, align: 'end' },
    {
      key: 'inspectors',
      title: t('randomChecks.inspectorPool'),
      dataIndex: 'inspectorCount',
      width: 110,
      align: 'end',
    },
    { key: 'by', title: t('randomChecks.createdBy'), dataIndex: 'createdByName', width: 110 },
    {
      key: 'at',
      title: t('randomChecks.createdAt'),
      dataIndex: 'createdAt',
      width: 170,
      render: (v: string) => formatDateTime(v),
    },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={draws.isPending}
      dataSource={draws.data ?? []}
      columns={columns}
      pagination={false}
      scroll={{ x: 800 }}
      locale={{ emptyText: <Typography.Text type="secondary">{t('randomChecks.noDraws')}</Typography.Text> }}
      onRow={(d) => ({ onClick: () => navigate(`/random-checks/draws/${d.id}`), style: { cursor: 'pointer' } })}
    />
  );
}
