import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Input, Select, Statistic, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { useDownload } from '../../lib/useDownload';
import { useCurrentUser } from '../auth/session';
import { permissions } from '../auth/permissions';
import {
  downloadPublications,
  PUBLICATION_STATUSES,
  useListings,
  usePublications,
  type CreditListing,
  type ListingKind,
  type PublicationRow,
  type PublicationStatus,
} from './api';
import { creditSearch, parseCreditView, publicationFilters, type CreditTab, type CreditView } from './list-view';
import { ListingModal, PublicationModal, RemovalModal } from './CreditModals';

const STATUS_COLOR: Record<PublicationStatus, string> = { pending: 'orange', overdue: 'red', done: 'green' };

export function PublicationStatusTag({ row }: { row: Pick<PublicationRow, 'status' | 'late'> }) {
  const t = useT();
  return (
    <>
      <Tag color={STATUS_COLOR[row.status]}>{t(`credit.status.${row.status}`)}</Tag>
      {row.late && <Tag>{t('credit.late')}</Tag>}
    </>
  );
}

/** 信用监管: 处罚信息公示 (the ledger), 经营异常名录 and 严重违法失信名单, one tab each, the view in the address. */
export function CreditPage() {
  const t = useT();
  const { view, setView } = useListView(parseCreditView, creditSearch);
  const tabs: { key: CreditTab; label: string }[] = [
    { key: 'publications', label: t('credit.tab.publications') },
    { key: 'abnormal', label: t('credit.tab.abnormal') },
    { key: 'serious', label: t('credit.tab.serious') },
  ];
  return (
    <PageContainer title={t('credit.title')}>
      <Card>
        <Tabs
          activeKey={view.tab}
          onChange={(tab) => setView({ tab: tab as CreditTab, page: 1, pageSize: view.pageSize })}
          items={tabs.map((tab) => ({
            key: tab.key,
            label: tab.label,
            children:
              tab.key !== view.tab ? null : tab.key === 'publications' ? (
                <PublicationsTab view={view} setView={setView} />
              ) : (
                <ListingsTab kind={tab.key} view={view} setView={setView} />
              ),
          }))}
        />
      </Card>
    </PageContainer>
  );
}

function PublicationsTab({ view, setView }: { view: CreditView; setView: (v: CreditView) => void }) {
  const t = useT();
  const set = (change: Partial<CreditView>) => setView({ ...view, ...change, page: 1 });
  const unitId = useListUnit(view.unitId);
  const filters = publicationFilters({ ...view, unitId });
  const ledger = usePublications({ ...filters, page: view.page, pageSize: view.pageSize });
  const { downloading, download } = useDownload();
  const [recording, setRecording] = useState<PublicationRow>();
  const totals = ledger.data?.totals;

  const columns: RecordColumn<PublicationRow>[] = [
    {
      key: 'caseNumber',
      title: t('credit.caseNumber'),
      locked: true,
      width: 200,
      render: (_, r) => <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link>,
    },
    { key: 'caseName', title: t('credit.caseName'), dataIndex: 'caseName', width: 240, ellipsis: true },
    { key: 'party', title: t('credit.party'), dataIndex: 'partyName', width: 180, ellipsis: true },
    { key: 'unit', title: t('credit.handlingUnit'), dataIndex: 'unitName', width: 140, ellipsis: true },
    { key: 'decisionDate', title: t('credit.decisionDate'), dataIndex: 'decisionDate', width: 110 },
    {
      key: 'dueDate',
      title: t('credit.dueDate'),
      width: 110,
      render: (_, r) => (
        <Typography.Text type={r.status === 'overdue' ? 'danger' : undefined} strong={r.status === 'overdue'}>
          {r.dueDate}
        </Typography.Text>
      ),
    },
    {
      key: 'published',
      title: t('credit.publishedDate'),
      width: 200,
      render: (_, r) =>
        r.publication ? (
          `${r.publication.publishedDate} ${r.publication.channel}`
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { key: 'status', title: t('common.status'), width: 140, render: (_, r) => <PublicationStatusTag row={r} /> },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 110,
      render: (_, r) =>
        r.can.record ? (
          <Button size="small" onClick={() => setRecording(r)}>
            {t('credit.recordPublication')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <CampaignSelect value={view.campaignId} onChange={(campaignId) => set({ campaignId })} style={{ width: 220 }} />
        <UnitTreeSelect
          value={unitId}
          allowClear={!!view.unitId}
          onChange={(unitId) => set({ unitId })}
          placeholder={t('cases.unitSubtree')}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          value={view.status}
          onChange={(status) => set({ status })}
          options={PUBLICATION_STATUSES.map((s) => ({ value: s, label: t(`credit.status.${s}`) }))}
          placeholder={t('common.status')}
          aria-label={t('common.status')}
          style={{ width: 140 }}
        />
        <DatePicker.RangePicker
          value={view.decidedFrom && view.decidedTo ? [dayjs(view.decidedFrom), dayjs(view.decidedTo)] : null}
          onChange={(r) => set({ decidedFrom: r?.[0]?.format('YYYY-MM-DD'), decidedTo: r?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('credit.decidedFrom'), t('credit.decidedTo')]}
        />
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'publications'}
          onClick={() => void download('publications', () => downloadPublications(filters))}
        >
          {t('credit.export')}
        </Button>
      </Flex>
      {totals && (
        <Flex gap={32} wrap className="rs-credit-totals">
          <Statistic title={t('credit.totalOwed')} value={totals.all} />
          <Statistic title={t('credit.status.pending')} value={totals.pending} />
          <Statistic
            title={t('credit.status.overdue')}
            value={totals.overdue}
            valueStyle={totals.overdue ? { color: '#cf1322' } : undefined}
          />
          <Statistic title={t('credit.status.done')} value={totals.done} />
        </Flex>
      )}
      {ledger.isError && !ledger.data ? (
        <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />
      ) : (
        <RecordTable<PublicationRow>
          list="credit-publications"
          rowKey={(r) => r.caseId}
          className="rs-credit-publications"
          columns={columns}
          dataSource={ledger.data?.items}
          loading={ledger.isFetching}
          emptyText={t('credit.empty')}
          rowClassName={(r) => (r.status === 'overdue' ? 'rs-row-overdue' : '')}
          pagination={listPagination(view, setView, t, ledger.data)}
          card={(r) => ({
            link: `/cases/${r.caseId}`,
            number: r.caseNumber,
            title: r.caseName,
            status: <PublicationStatusTag row={r} />,
            party: r.partyName,
            due: r.dueDate,
            unit: r.unitName,
          })}
        />
      )}
      {recording && <PublicationModal row={recording} onClose={() => setRecording(undefined)} />}
    </Flex>
  );
}

function ListingsTab({
  kind,
  view,
  setView,
}: {
  kind: ListingKind;
  view: CreditView;
  setView: (v: CreditView) => void;
}) {
  const t = useT();
  const user = useCurrentUser();
  const set = (change: Partial<CreditView>) => setView({ ...view, ...change, page: 1 });
  const unitId = useListUnit(view.unitId);
  const listings = useListings({
    listKind: kind,
    status: view.listStatus,
    unitId,
    q: view.q,
    page: view.page,
    pageSize: view.pageSize,
  });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CreditListing>();
  const serious = kind === 'serious';

  const columns: RecordColumn<CreditListing>[] = [
    { key: 'entityName', title: t('credit.entityName'), dataIndex: 'entityName', locked: true, width: 220 },
    { key: 'creditCode', title: t('credit.creditCode'), dataIndex: 'creditCode', width: 200 },
    {
      key: 'reason',
      title: t('credit.reason'),
      width: 260,
      ellipsis: true,
      render: (_, r) => r.abnormalReasonLabel ?? r.reasonText,
    },
    ...(serious
      ? [
          {
            key: 'case',
            title: t('credit.basisCase'),
            width: 200,
            render: (_: unknown, r: CreditListing) =>
              r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseNumber}</Link> : '—',
          },
        ]
      : []),
    { key: 'decisionNumber', title: t('credit.decisionNumber'), dataIndex: 'decisionNumber', width: 180 },
    { key: 'listedDate', title: t('credit.listedDate'), dataIndex: 'listedDate', width: 110 },
    ...(serious ? [{ key: 'expiryDate', title: t('credit.expiryDate'), dataIndex: 'expiryDate', width: 110 }] : []),
    { key: 'unit', title: t('credit.unit'), dataIndex: 'unitName', width: 160, ellipsis: true },
    {
      key: 'status',
      title: t('common.status'),
      width: 220,
      render: (_, r) =>
        r.status === 'listed' ? (
          <Tag color={serious ? 'red' : 'orange'}>{t('credit.listed')}</Tag>
        ) : (
          <>
            <Tag color="green">{t('credit.removed')}</Tag>
            <Typography.Text type="secondary">{`${r.removedDate} ${r.removalKind}`}</Typography.Text>
          </>
        ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_, r) =>
        r.can.remove ? (
          <Button size="small" onClick={() => setRemoving(r)}>
            {t('credit.remove')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          allowClear
          defaultValue={view.q}
          onSearch={(q) => set({ q: q || undefined })}
          placeholder={t('credit.searchPlaceholder')}
          style={{ width: 260 }}
        />
        <UnitTreeSelect
          value={unitId}
          allowClear={!!view.unitId}
          onChange={(unitId) => set({ unitId })}
          placeholder={t('cases.unitSubtree')}
          style={{ width: 200 }}
        />
        <Select
          allowClear
          value={view.listStatus}
          onChange={(listStatus) => set({ listStatus })}
          options={[
            { value: 'listed', label: t('credit.listed') },
            { value: 'removed', label: t('credit.removed') },
          ]}
          placeholder={t('common.status')}
          style={{ width: 120 }}
        />
        {permissions.recordCredit(user) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t(`credit.add.${kind}`)}
          </Button>
        )}
      </Flex>
      {listings.isError && !listings.data ? (
        <LoadError error={listings.error} onRetry={() => void listings.refetch()} />
      ) : (
        <RecordTable<CreditListing>
          list={`credit-${kind}`}
          rowKey={(r) => r.id}
          className={`rs-credit-${kind}`}
          columns={columns}
          dataSource={listings.data?.items}
          loading={listings.isFetching}
          emptyText={t('credit.emptyList')}
          pagination={listPagination(view, setView, t, listings.data)}
          card={(r) => ({
            link: r.caseId ? `/cases/${r.caseId}` : '/credit',
            number: r.decisionNumber,
            title: r.entityName,
            status: <Tag>{r.statusLabel}</Tag>,
            party: r.abnormalReasonLabel ?? r.reasonText,
            due: r.listedDate,
            unit: r.unitName,
          })}
        />
      )}
      {adding && <ListingModal kind={kind} onClose={() => setAdding(false)} />}
      {removing && <RemovalModal listing={removing} onClose={() => setRemoving(undefined)} />}
    </Flex>
  );
}
