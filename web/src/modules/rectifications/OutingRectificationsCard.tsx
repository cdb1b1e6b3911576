import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { LoadError } from '../../app/StatusPages';
import { useOutingRectifications, type Finding } from './api';
import { OrderRectificationModal } from './OrderRectificationModal';
import { FindingActions } from './FindingActions';
import { RectificationStatusTag } from './tags';

/**
 * 责令整改 of one outing: each order with its entity, 整改要求, 期限 (overdue marked), status and the
 * steps the user may take (记录整改情况, 退回, 销号); the outing's inspectors, handlers and office
 * order a new one here. Mounted on the outing's page.
 */
export function OutingRectificationsCard({ inspectionId }: { inspectionId: string }) {
  const t = useT();
  const orders = useOutingRectifications(inspectionId);
  const [adding, setAdding] = useState(false);
  const data = orders.data;

  const columns: TableColumnsType<Finding> = [
    {
      key: 'entity',
      title: t('rectifications.entity'),
      width: 180,
      render: (_, f) => <Link to={`/rectifications/${f.id}`}>{f.entityName}</Link>,
    },
    { key: 'description', title: t('rectifications.description'), dataIndex: 'description', ellipsis: true },
    {
      key: 'requirement',
      title: t('rectifications.requirement'),
      dataIndex: 'requirement',
      width: 220,
      ellipsis: true,
    },
    {
      key: 'deadline',
      title: t('rectifications.deadline'),
      dataIndex: 'deadline',
      width: 110,
      render: (d: string | null, f) => (
        <Typography.Text type={f.overdue ? 'danger' : undefined}>{formatDate(d)}</Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 140,
      render: (_, f) => <RectificationStatusTag status={f.status} overdue={f.overdue} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 220,
      render: (_, f) => <FindingActions finding={f} size="small" />,
    },
  ];

  return (
    <Card
      title={t('rectifications.outingCardTitle')}
      className="rs-outing-rectifications"
      extra={
        data?.canOrder && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('rectifications.order')}
          </Button>
        )
      }
    >
      {orders.isError && !data ? (
        <LoadError error={orders.error} onRetry={() => void orders.refetch()} />
      ) : (
        <>
          {data && data.orderedCount > 0 && (
            <Typography.Paragraph type="secondary">
              {t('rectifications.orderedCount', { count: data.orderedCount })}
            </Typography.Paragraph>
          )}
          <Table<Finding>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data?.items}
            loading={orders.isFetching}
            pagination={false}
            locale={{ emptyText: t('rectifications.noOrders') }}
            scroll={{ x: 1000 }}
          />
        </>
      )}
      {adding && data && (
        <OrderRectificationModal target={{ inspectionId }} entities={data.entities} onClose={() => setAdding(false)} />
      )}
    </Card>
  );
}
