import { Button, Card, Checkbox, Flex, Select } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { AUTHORITY_KINDS, useAuthorityLabel } from '../../lib/records/authorities';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { listPagination, useListView } from '../../lib/records/list-view';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import { useListUnit } from '../../lib/records/useListUnit';
import { TRANSFER_STATUSES, useTransfers, type Transfer } from './api';
import { parseTransfersView, transfersQuery, transfersSearch } from './list-view';
import { TransferStatusTag } from './tags';

const linkOf = (x: Transfer) => (x.subject.kind === 'case' ? `/cases/${x.subject.id}` : `/leads/${x.subject.id}`);

/** 移送台账: cases transferred and leads handed over in the user's scope, by organ, answer and overdue. */
export function TransfersPage() {
  const t = useT();
  const navigate = useNavigate();
  const authority = useAuthorityLabel();
  const { view, setView, change: set } = useListView(parseTransfersView, transfersSearch);
  const unitId = useListUnit(view.unitId);
  const list = useTransfers(transfersQuery(view, unitId));

  const columns: RecordColumn<Transfer>[] = [
    {
      key: 'subject',
      title: t('transfers.subject'),
      locked: true,
      width: 260,
      ellipsis: true,
      render: (_, x) => (
        <Link to={linkOf(x)} onClick={(e) => e.stopPropagation()}>
          {x.subject.title}
        </Link>
      ),
    },
    { key: 'unit', title: t('transfers.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      key: 'receiver',
      title: t('transfers.receiver'),
      width: 220,
      ellipsis: true,
      locked: true,
      render: (_, x) => `${x.receiverName}（${authority(x.receiverKind)}）`,
    },
    {
      key: 'transferDate',
      title: t('transfers.transferDate'),
      dataIndex: 'transferDate',
      width: 110,
      render: (d: string) => formatDate(d),
    },
    { key: 'documentNumber', title: t('transfers.documentNumber'), dataIndex: 'documentNumber', width: 160 },
    {
      key: 'replyDueDate',
      title: t('transfers.replyDueDate'),
      dataIndex: 'replyDueDate',
      width: 110,
      render: (d: string) => formatDate(d),
    },
    {
      key: 'status',
      title: t('transfers.statusColumn'),
      width: 170,
      locked: true,
      render: (_, x) => <TransferStatusTag status={x.status} overdue={x.overdue} />,
    },
  ];

  return (
    <PageContainer
      title={t('transfers.title')}
      extra={
        <Link to="/transfers/thresholds">
          <Button icon={<SafetyCertificateOutlined />}>{t('transfers.thresholds')}</Button>
        </Link>
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <CampaignSelect
            value={view.campaignId}
            onChange={(campaignId) => set({ campaignId })}
            style={{ width: 220 }}
          />
          <UnitTreeSelect value={unitId} onChange={(u) => set({ unitId: u })} style={{ width: 200 }} />
          <Select
            allowClear
            aria-label={t('transfers.receiverKind')}
            placeholder={t('transfers.allKinds')}
            value={view.receiverKind}
            onChange={(receiverKind) => set({ receiverKind })}
            style={{ width: 170 }}
            options={AUTHORITY_KINDS.map((k) => ({ value: k, label: authority(k) }))}
          />
          <Select
            allowClear
            aria-label={t('transfers.statusColumn')}
            placeholder={t('transfers.allStatuses')}
            value={view.status}
            onChange={(status) => set({ status })}
            style={{ width: 160 }}
            options={TRANSFER_STATUSES.map((s) => ({ value: s, label: t(`transfers.status.${s}`) }))}
          />
          <Checkbox checked={view.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
            {t('transfers.overdueOnly')}
          </Checkbox>
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <RecordTable<Transfer>
            list="transfers"
            rowKey={(x) => x.id}
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            emptyText={t('transfers.empty')}
            rowClassName={(x) => (x.overdue ? 'rs-row-clickable rs-row-overdue' : 'rs-row-clickable')}
            onRowClick={(x) => navigate(linkOf(x))}
            pagination={listPagination(view, setView, t, list.data)}
            card={(x) => ({
              link: linkOf(x),
              number: x.documentNumber ?? undefined,
              title: x.subject.title,
              status: <TransferStatusTag status={x.status} overdue={x.overdue} />,
              party: x.receiverName,
              due: formatDate(x.replyDueDate),
              unit: x.unitName,
            })}
          />
        )}
      </Card>
    </PageContainer>
  );
}
