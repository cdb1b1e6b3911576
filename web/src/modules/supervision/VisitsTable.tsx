import { Table, Tag } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import type { SupervisionVisit } from './api';

/** A table of 督查记录 (the plan's, a round's, a group's, or the filtered list). */
export function VisitsTable({
  items,
  loading,
  pagination = false,
}: {
  items: SupervisionVisit[];
  loading: boolean;
  pagination?: TablePaginationConfig | false;
}) {
  const t = useT();
  return (
    <Table<SupervisionVisit>
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={items}
      pagination={pagination}
      locale={{ emptyText: t('supervision.noVisits') }}
      columns={[
        { key: 'date', title: t('supervision.visitDate'), dataIndex: 'visitDate', width: 110 },
        {
          key: 'unit',
          title: t('supervision.unit'),
          render: (_v, v) => <Link to={`/supervision/visits/${v.id}`}>{v.unitName}</Link>,
        },
        { key: 'group', title: t('supervision.group'), dataIndex: 'groupName', width: 120 },
        { key: 'round', title: t('supervision.round'), dataIndex: 'roundTitle', width: 120 },
        {
          key: 'method',
          title: t('supervision.method'),
          width: 150,
          render: (_v, v) => (
            <>
              {t(`supervision.method.${v.method}`)} {v.unannounced && <Tag>{t('supervision.secret')}</Tag>}
            </>
          ),
        },
        { key: 'summary', title: t('supervision.summary'), dataIndex: 'summary', ellipsis: true },
      ]}
    />
  );
}
