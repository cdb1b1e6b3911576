import { Link, useNavigate } from 'react-router-dom';
import { Tag } from 'antd';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { RecordTable, type RecordColumn, type RecordTableProps } from '../../lib/records/RecordTable';
import type { SeizedGoodsSummary } from './api';
import { CustodyStatusTag } from './tags';

/** The 罚没物品台账's rows: date, goods, exact quantity and unit, measure, status, what is still held. */
export function SeizedGoodsTable({
  items,
  loading,
  pagination,
}: {
  items?: SeizedGoodsSummary[];
  loading: boolean;
  pagination: RecordTableProps<SeizedGoodsSummary, string>['pagination'];
}) {
  const t = useT();
  const navigate = useNavigate();
  const amount = (q: string, r: SeizedGoodsSummary) => <span className="rs-money">{`${q} ${r.quantityUnit}`}</span>;
  const columns: RecordColumn<SeizedGoodsSummary>[] = [
    {
      key: 'date',
      title: t('seized.seizedDate'),
      dataIndex: 'seizedDate',
      width: 120,
      locked: true,
      render: (d: string, r) => (
        <Link to={`/seized-goods/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {formatDate(d)}
        </Link>
      ),
    },
    { key: 'goods', title: t('seized.goods'), dataIndex: 'goods', width: 200, ellipsis: true, locked: true },
    { key: 'quantity', title: t('seized.quantity'), dataIndex: 'quantity', width: 130, align: 'right', render: amount },
    {
      key: 'measure',
      title: t('seized.measure'),
      width: 120,
      render: (_: unknown, r) => <Tag>{t(`seized.measure.${r.measure}`)}</Tag>,
    },
    {
      key: 'status',
      title: t('seized.status'),
      width: 100,
      render: (_: unknown, r) => <CustodyStatusTag status={r.status} />,
    },
    { key: 'held', title: t('seized.held'), dataIndex: 'heldQuantity', width: 130, align: 'right', render: amount },
    { key: 'unit', title: t('seized.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    { key: 'place', title: t('seized.place'), dataIndex: 'place', width: 200, ellipsis: true },
    { key: 'custodian', title: t('seized.custodian'), dataIndex: 'custodianName', width: 100 },
    {
      key: 'owner',
      title: t('seized.owner'),
      width: 180,
      ellipsis: true,
      defaultHidden: true,
      render: (_: unknown, r) => r.entityName ?? r.ownerName ?? '',
    },
  ];
  return (
    <RecordTable<SeizedGoodsSummary>
      list="seized-goods"
      rowKey={(r) => r.id}
      className="rs-seized-goods-list"
      columns={columns}
      dataSource={items}
      loading={loading}
      emptyText={t('seized.empty')}
      rowClassName={() => 'rs-row-clickable'}
      onRowClick={(r) => navigate(`/seized-goods/${r.id}`)}
      pagination={pagination}
      card={(r) => ({
        link: `/seized-goods/${r.id}`,
        number: formatDate(r.seizedDate),
        title: `${r.goods} ${r.quantity}${r.quantityUnit}`,
        status: <CustodyStatusTag status={r.status} />,
        party: r.entityName ?? r.ownerName ?? undefined,
        unit: r.unitName,
      })}
    />
  );
}
