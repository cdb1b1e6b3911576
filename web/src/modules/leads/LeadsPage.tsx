import { Button, Card, Checkbox, Flex, Input, Segmented, Select, Tag, Typography } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useCurrentUser } from '../auth/session';
import { caseRegistrar } from '../cases/case-permissions';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { LEADS_KEY, LEAD_SOURCES, LEAD_STATUSES, useLeads, type LeadStatus, type LeadSummary } from './api';
import {
  DEFAULT_LEAD_SORT,
  hasLeadFilters,
  leadsSearch,
  parseLeadsView,
  toLeadListQuery,
  type LeadSort,
  type LeadsView,
} from './list-view';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import { LeadStatusTag } from './tags';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { RecordListActions } from '../../lib/records/RecordListActions';
import { TransferStatusTag } from '../transfers/tags';

/** 案源线索: the leads of the user's unit and below, by campaign, source, status and due date. */
export function LeadsPage() {
  const t = useT();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { view, setView, change: set } = useListView(parseLeadsView, leadsSearch);
  // The header's current unit unless the address names one (a shared link keeps its unit).
  const unitId = useListUnit(view.unitId);
  const leads = useLeads(toLeadListQuery({ ...view, unitId }));

  // "Due soon" counts working days (the server knows the holidays): the list marks what the
  // server marks overdue; the 即将到期 filter asks the server for those due soon.
  const dueOf = (l: LeadSummary) =>
    l.status !== 'verifying' ? (
      <Typography.Text type="secondary">
        {l.decidedDate ? t('leads.decidedOn', { date: l.decidedDate }) : '—'}
      </Typography.Text>
    ) : !l.dueDate ? (
      <Typography.Text type="secondary">{t('leads.clockPausedShort')}</Typography.Text>
    ) : (
      <span className={l.overdue ? 'rs-due rs-due-overdue' : 'rs-due'}>
        <Typography.Text type={l.overdue ? 'danger' : undefined} strong={l.overdue}>
          {formatDate(l.dueDate)}
        </Typography.Text>
        {l.overdue && (
          <Tag color="red" variant="outlined">
            {t('cases.overdueMark')}
          </Tag>
        )}
      </span>
    );
  const partyOf = (l: LeadSummary) => (
    <>
      {l.partyName}
      {l.important && (
        <Tag color="red" style={{ marginInlineStart: 8 }}>
          {t('leads.important')}
        </Tag>
      )}
    </>
  );

  const columns: RecordColumn<LeadSummary, LeadSort>[] = [
    {
      key: 'party',
      title: t('leads.partyName'),
      dataIndex: 'partyName',
      width: 220,
      ellipsis: true,
      locked: true,
      render: (_: string, l) => (
        <Link to={`/leads/${l.id}`} onClick={(e) => e.stopPropagation()}>
          {partyOf(l)}
        </Link>
      ),
    },
    {
      key: 'received',
      title: t('leads.receivedShort'),
      dataIndex: 'receivedDate',
      width: 112,
      locked: true,
      sort: { ascend: 'receivedDate.asc', descend: 'receivedDate.desc' },
      render: (d: string) => formatDate(d),
    },
    {
      key: 'source',
      title: t('leads.source'),
      width: 180,
      locked: true,
      render: (_: unknown, l) => (
        <Flex vertical>
          <span>{t(`leadSource.${l.source}`)}</span>
          {l.sourceNumber && <span className="rs-mono rs-secondary">{l.sourceNumber}</span>}
        </Flex>
      ),
    },
    { key: 'description', title: t('leads.description'), dataIndex: 'description', width: 260, ellipsis: true },
    { key: 'unit', title: t('leads.unit'), dataIndex: 'unitName', width: 120, ellipsis: true, locked: true },
    {
      key: 'status',
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      locked: true,
      render: (s: LeadStatus, l) => (
        <>
          <LeadStatusTag status={s} />
          {l.handover && <TransferStatusTag status={l.handover.status} overdue={l.handover.overdue} />}
        </>
      ),
    },
    {
      key: 'due',
      title: t('leads.dueDate'),
      dataIndex: 'dueDate',
      width: 160,
      locked: true,
      sort: { ascend: 'dueDate.asc' },
      render: (_: string | null, l) => dueOf(l),
    },
  ];

  return (
    <PageContainer
      title={t('leads.title')}
      extra={
        caseRegistrar(user) && (
          <RecordListActions
            importing={{
              label: t('leads.import'),
              title: t('leads.importTitle'),
              campaignId: view.campaignId,
              path: (id) => `/api/campaigns/${id}/leads/import`,
              columns:
                '登记编号,来源,登记日期,承办单位,违法类型,被投诉举报对象,诉求内容,投诉举报人,联系电话,证件号码,重要线索',
              needsCampaign: t('cases.importNeedsCampaign'),
              refresh: LEADS_KEY,
            }}
            create={{ label: t('leads.create'), to: '/leads/new' }}
          />
        )
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} className="rs-lead-filters">
          <CampaignSelect
            value={view.campaignId}
            onChange={(campaignId) => set({ campaignId })}
            style={{ width: 260 }}
          />
          <UnitTreeSelect
            value={unitId}
            allowClear={!!view.unitId}
            onChange={(unitId) => set({ unitId })}
            placeholder={t('cases.unitSubtree')}
            style={{ width: 220 }}
          />
          <Select
            allowClear
            value={view.source}
            onChange={(source) => set({ source })}
            options={LEAD_SOURCES.map((s) => ({ value: s, label: t(`leadSource.${s}`) }))}
            placeholder={t('leads.source')}
            aria-label={t('leads.source')}
            style={{ width: 200 }}
            popupMatchSelectWidth={false}
          />
          <Select
            mode="multiple"
            allowClear
            value={view.statuses}
            onChange={(statuses) => set({ statuses })}
            options={LEAD_STATUSES.map((s) => ({ value: s, label: t(`leadStatus.${s}`) }))}
            placeholder={t('common.status')}
            aria-label={t('common.status')}
            style={{ width: 220 }}
            maxTagCount="responsive"
          />
          <Segmented
            value={view.due ?? 'all'}
            onChange={(v) => set({ due: v === 'all' ? undefined : (v as LeadsView['due']) })}
            options={[
              { value: 'all', label: t('leads.dueAll') },
              { value: 'due_soon', label: t('leads.dueSoon') },
              { value: 'overdue', label: t('leads.overdue') },
            ]}
          />
          <Checkbox checked={view.important} onChange={(e) => set({ important: e.target.checked })}>
            {t('leads.important')}
          </Checkbox>
          <Input.Search
            key={view.q ?? ''}
            allowClear
            defaultValue={view.q}
            maxLength={100}
            style={{ width: 280 }}
            placeholder={t('leads.searchPlaceholder')}
            aria-label={t('leads.searchPlaceholder')}
            onSearch={(value) => set({ q: value.trim() || undefined })}
          />
          {hasLeadFilters(view) && (
            <Button
              icon={<ClearOutlined />}
              onClick={() => setView({ statuses: [], important: false, page: 1, pageSize: view.pageSize })}
            >
              {t('cases.clearFilters')}
            </Button>
          )}
        </Flex>
        {leads.isError && !leads.data ? (
          <LoadError error={leads.error} onRetry={() => void leads.refetch()} />
        ) : (
          <RecordTable<LeadSummary, LeadSort>
            list="leads"
            rowKey={(l) => l.id}
            className="rs-lead-list"
            columns={columns}
            dataSource={leads.data?.items}
            loading={leads.isFetching}
            emptyText={t('leads.empty')}
            rowClassName={(l) => (l.overdue ? 'rs-row-clickable rs-row-overdue' : 'rs-row-clickable')}
            onRowClick={(l) => navigate(`/leads/${l.id}`)}
            pagination={listPagination(view, setView, t, leads.data)}
            sort={view.sort}
            defaultSort={DEFAULT_LEAD_SORT}
            onSort={(sort) => setView({ ...view, sort, page: 1 })}
            card={(l) => ({
              link: `/leads/${l.id}`,
              number: l.sourceNumber ?? t(`leadSource.${l.source}`),
              title: partyOf(l),
              status: <LeadStatusTag status={l.status} />,
              party: l.description,
              due: dueOf(l),
              unit: l.unitName,
            })}
          />
        )}
      </Card>
    </PageContainer>
  );
}
