import { Button, Card, Checkbox, Flex, Segmented, Select, Statistic, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ClearOutlined, DownloadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { useDownload } from '../../lib/useDownload';
import {
  downloadLedger,
  LEDGER_SOURCES,
  LEDGER_STATUSES,
  useRectifications,
  useRectificationSummary,
  type RectificationLedgerRow,
} from './api';
import {
  hasRectificationFilters,
  ledgerFilters,
  parseRectificationsView,
  rectificationsSearch,
  type RectificationsView,
} from './list-view';
import { RectificationStatusTag, SourceTag } from './tags';

/**
 * 整改台账: the rectifications of the user's units and of his groups' visits, overdue first; by plan,
 * unit, status, overdue; 我单位整改 is the same list of the user's own unit. Totals, the per-unit
 * summary and the .xlsx take the same filters.
 */
export function RectificationsPage() {
  const t = useT();
  const navigate = useNavigate();
  const { view, setView, change: set } = useListView(parseRectificationsView, rectificationsSearch);
  const unitId = useListUnit(view.unitId);
  const filters = ledgerFilters({ ...view, unitId });
  const ledger = useRectifications({ ...filters, page: view.page, pageSize: view.pageSize });
  const { status: _s, overdue: _o, ...summaryFilters } = filters;
  const summary = useRectificationSummary(summaryFilters);
  const { downloading, download } = useDownload();
  const totals = ledger.data?.totals;

  const columns: TableColumnsType<RectificationLedgerRow> = [
    {
      key: 'source',
      title: t('rectifications.source'),
      width: 100,
      render: (_, r) => <SourceTag source={r.source} />,
    },
    {
      key: 'round',
      title: t('rectifications.roundOrDate'),
      width: 130,
      ellipsis: true,
      render: (_, r) => r.roundTitle ?? r.drawName ?? formatDate(r.sourceDate),
    },
    { key: 'group', title: t('rectifications.group'), dataIndex: 'groupName', width: 110, ellipsis: true },
    {
      key: 'unit',
      title: t('rectifications.unitOrEntity'),
      width: 180,
      ellipsis: true,
      render: (_, r) => r.entityName ?? r.unitName,
    },
    {
      key: 'description',
      title: t('rectifications.description'),
      dataIndex: 'description',
      width: 280,
      ellipsis: true,
      render: (v: string, r) => (
        <Link to={`/rectifications/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {v}
        </Link>
      ),
    },
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
      render: (d: string | null, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
          {formatDate(d)}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      title: t('common.status'),
      width: 150,
      fixed: 'end',
      render: (_, r) => <RectificationStatusTag status={r.status} overdue={r.overdue} />,
    },
  ];

  return (
    <PageContainer
      title={t(view.mine ? 'rectifications.mineTitle' : 'rectifications.title')}
      extra={
        <Button
          icon={<DownloadOutlined />}
          loading={downloading === 'ledger'}
          onClick={() => void download('ledger', () => downloadLedger(filters))}
        >
          {t('rectifications.export')}
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Card>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
            <Segmented
              value={view.mine ? 'mine' : 'all'}
              onChange={(v) => set({ mine: v === 'mine' })}
              options={[
                { value: 'all', label: t('rectifications.all') },
                { value: 'mine', label: t('rectifications.mine') },
              ]}
            />
            <Select
              allowClear
              value={view.source}
              onChange={(source) => set({ source })}
              options={LEDGER_SOURCES.map((s) => ({ value: s, label: t(`rectifications.sourceFilter.${s}`) }))}
              placeholder={t('rectifications.source')}
              aria-label={t('rectifications.source')}
              style={{ width: 140 }}
            />
            <CampaignSelect
              value={view.campaignId}
              onChange={(campaignId) => set({ campaignId })}
              style={{ width: 240 }}
            />
            {!view.mine && (
              <UnitTreeSelect
                value={unitId}
                allowClear={!!view.unitId}
                onChange={(unitId) => set({ unitId })}
                placeholder={t('cases.unitSubtree')}
                style={{ width: 220 }}
              />
            )}
            <Select
              allowClear
              value={view.status}
              onChange={(status) => set({ status })}
              options={LEDGER_STATUSES.map((s) => ({ value: s, label: t(`rectifications.status.${s}`) }))}
              placeholder={t('common.status')}
              aria-label={t('common.status')}
              style={{ width: 140 }}
            />
            <Checkbox checked={view.overdue} onChange={(e) => set({ overdue: e.target.checked })}>
              {t('rectifications.overdueOnly')}
            </Checkbox>
            {hasRectificationFilters(view) && (
              <Button
                icon={<ClearOutlined />}
                onClick={() => setView({ overdue: false, mine: false, page: 1, pageSize: view.pageSize })}
              >
                {t('cases.clearFilters')}
              </Button>
            )}
          </Flex>
          {totals && (
            <Flex gap={32} wrap style={{ marginBottom: 16 }} className="rs-rectification-totals">
              <Statistic title={t('rectifications.totalDemanded')} value={totals.all} />
              <Statistic title={t('rectifications.status.open')} value={totals.open} />
              <Statistic
                title={t('rectifications.overdue')}
                value={totals.overdue}
                valueStyle={totals.overdue ? { color: '#cf1322' } : undefined}
              />
              <Statistic title={t('rectifications.status.replied')} value={totals.replied} />
              <Statistic title={t('rectifications.status.closed')} value={totals.closed} />
            </Flex>
          )}
          {ledger.isError && !ledger.data ? (
            <LoadError error={ledger.error} onRetry={() => void ledger.refetch()} />
          ) : (
            <Table<RectificationLedgerRow>
              rowKey="id"
              className="rs-rectification-list"
              columns={columns}
              dataSource={ledger.data?.items}
              loading={ledger.isFetching}
              locale={{ emptyText: t('rectifications.empty') }}
              rowClassName={(r) => (r.overdue ? 'rs-row-clickable rs-row-overdue' : 'rs-row-clickable')}
              onRow={(r) => ({ onClick: () => navigate(`/rectifications/${r.id}`) })}
              pagination={listPagination(view, setView, t, ledger.data)}
              scroll={{ x: 1400 }}
            />
          )}
        </Card>
        <Card title={t('rectifications.summaryTitle')}>
          <Table
            rowKey="unitId"
            size="small"
            pagination={false}
            loading={summary.isFetching}
            dataSource={summary.data?.items}
            locale={{ emptyText: t('rectifications.empty') }}
            columns={[
              { key: 'unit', title: t('rectifications.unit'), dataIndex: 'unitName' },
              { key: 'demanded', title: t('rectifications.totalDemanded'), dataIndex: 'demanded', width: 100 },
              { key: 'open', title: t('rectifications.status.open'), dataIndex: 'open', width: 100 },
              { key: 'overdue', title: t('rectifications.overdue'), dataIndex: 'overdue', width: 100 },
              { key: 'replied', title: t('rectifications.status.replied'), dataIndex: 'replied', width: 100 },
              { key: 'closed', title: t('rectifications.status.closed'), dataIndex: 'closed', width: 100 },
            ]}
          />
        </Card>
      </Flex>
    </PageContainer>
  );
}

export type { RectificationsView };
