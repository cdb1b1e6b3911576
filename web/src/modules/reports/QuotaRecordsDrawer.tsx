import { Drawer, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { useQuotaRecords } from './api';

/** The records behind a unit's monthly quota counts: each typical case and important lead, linked to its page. */
export function QuotaRecordsDrawer({
  campaignId,
  month,
  unit,
  onClose,
}: {
  campaignId: string;
  month: string;
  unit: { unitId: string; unitLabel: string } | null;
  onClose: () => void;
}) {
  const t = useT();
  const records = useQuotaRecords(campaignId, month, unit?.unitId);
  const data = records.data;
  const table = (kind: 'cases' | 'leads') => (
    <Table
      rowKey="id"
      size="small"
      loading={records.isFetching}
      pagination={false}
      dataSource={(kind === 'cases' ? data?.typicalCases : data?.importantLeads) ?? []}
      columns={[
        {
          key: 'number',
          title: t('reports.quotaRecordNumber'),
          dataIndex: 'number',
          width: 140,
          render: (n: string | null) => n ?? '—',
        },
        {
          key: 'title',
          title: t(kind === 'cases' ? 'reports.quotaRecordCase' : 'reports.quotaRecordLead'),
          dataIndex: 'title',
          ellipsis: true,
          render: (title: string, r: { id: string }) => <Link to={`/${kind}/${r.id}`}>{title}</Link>,
        },
        { key: 'party', title: t('reports.quotaRecordParty'), dataIndex: 'partyName', width: 120, ellipsis: true },
        { key: 'unit', title: t('reports.unit'), dataIndex: 'unitName', width: 110, ellipsis: true },
        {
          key: 'date',
          title: t(kind === 'cases' ? 'reports.quotaRecordClosed' : 'reports.quotaRecordReceived'),
          dataIndex: 'date',
          width: 110,
          render: (d: string) => formatDate(d),
        },
      ]}
    />
  );
  return (
    <Drawer
      open={Boolean(unit)}
      onClose={onClose}
      size="large"
      title={unit ? t('reports.quotaRecordsTitle', { unit: unit.unitLabel, month }) : ''}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Title level={5}>
          {t('reports.quotaRecordsCases', { count: data?.typicalCases.length ?? 0 })}
        </Typography.Title>
        {table('cases')}
        <Typography.Title level={5}>
          {t('reports.quotaRecordsLeads', { count: data?.importantLeads.length ?? 0 })}
        </Typography.Title>
        {table('leads')}
      </Flex>
    </Drawer>
  );
}
