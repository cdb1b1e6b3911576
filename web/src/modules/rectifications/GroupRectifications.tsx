import { Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useRectifications, type LedgerStatus, type RectificationLedgerRow } from './api';
import { RectificationStatusTag } from './tags';

/**
 * A 督查组's 整改 still open (待复查 first: the group's own work, then 待整改 with the overdue first),
 * shown on 我的督查组; each row opens the rectification.
 */
export function GroupRectifications({ groupId }: { groupId: string }) {
  const t = useT();
  const of = (status: LedgerStatus) => ({ groupId, status, page: 1, pageSize: 50 });
  const replied = useRectifications(of('replied'));
  const open = useRectifications(of('open'));
  const rows: RectificationLedgerRow[] = [...(replied.data?.items ?? []), ...(open.data?.items ?? [])];
  return (
    <>
      <Typography.Title level={5}>{t('rectifications.groupOpen')}</Typography.Title>
      <Table<RectificationLedgerRow>
        className="rs-group-rectifications"
        size="small"
        rowKey="id"
        pagination={false}
        loading={replied.isPending || open.isPending}
        dataSource={rows}
        locale={{ emptyText: t('rectifications.groupNoneOpen') }}
        columns={[
          { title: t('rectifications.unit'), dataIndex: 'unitName', width: 180 },
          {
            title: t('rectifications.description'),
            dataIndex: 'description',
            render: (text: string, r) => <Link to={`/rectifications/${r.id}`}>{text}</Link>,
          },
          { title: t('rectifications.deadline'), dataIndex: 'deadline', width: 120 },
          {
            title: t('rectifications.statusColumn'),
            width: 150,
            render: (_, r) => <RectificationStatusTag status={r.status} overdue={r.overdue} />,
          },
        ]}
      />
    </>
  );
}
