import { Button, Card, DatePicker, Flex, Select, Tabs, Tooltip } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useCurrentUser } from '../auth/session';
import { caseRegistrar } from '../cases/case-permissions';
import { CampaignSelect, CategorySelect, UnitTreeSelect } from '../../lib/records/pickers';
import { INSPECTIONS_KEY, useInspections, type InspectionListQuery, type InspectionSummary } from './api';
import { findingsShort, IMPORT_COLUMNS } from './inspection-form';
import { InspectionTotalsTable } from './InspectionTotalsTable';
import { INSPECTION_TYPE_KEYS } from './labels';
import {
  hasInspectionFilters,
  inspectionsSearch,
  parseInspectionsView,
  toListQuery,
  toTotalsQuery,
  DEFAULT_INSPECTION_SORT,
  INSPECTION_TYPES,
  type InspectionSort,
  type InspectionsTab,
  type InspectionsView,
} from './list-view';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { RecordListActions } from '../../lib/records/RecordListActions';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';

/** 执法检查: the outings of the user's unit and below (检查记录) and their 合计, under the same filters. */
export function InspectionsPage() {
  const t = useT();
  const user = useCurrentUser();
  const { view, setView, change: set } = useListView(parseInspectionsView, inspectionsSearch, { replace: true });
  // The header's current unit unless the address names one (a shared link keeps its unit).
  const unitId = useListUnit(view.unitId);
  const scoped = { ...view, unitId };
  const canRecord = caseRegistrar(user);

  const filters = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} className="rs-inspection-filters">
      <CampaignSelect
        value={view.campaignId}
        onChange={(campaignId) => set({ campaignId, categoryCode: undefined })}
        style={{ width: 260, maxWidth: '100%' }}
      />
      <CategorySelect
        campaignId={view.campaignId}
        value={view.categoryCode}
        onChange={(categoryCode) => set({ categoryCode })}
        style={{ width: 180, maxWidth: '100%' }}
      />
      <UnitTreeSelect
        value={unitId}
        allowClear={!!view.unitId}
        onChange={(unitId) => set({ unitId })}
        style={{ width: 200, maxWidth: '100%' }}
      />
      <Select
        allowClear
        placeholder={t('inspections.inspectionType')}
        aria-label={t('inspections.inspectionType')}
        value={view.inspectionType}
        onChange={(inspectionType) => set({ inspectionType })}
        options={INSPECTION_TYPES.map((v) => ({ value: v, label: t(INSPECTION_TYPE_KEYS[v]) }))}
        style={{ width: 140 }}
      />
      <DatePicker.RangePicker
        value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        allowEmpty={[true, true]}
        placeholder={[t('inspections.from'), t('inspections.to')]}
        aria-label={t('inspections.date')}
        style={{ maxWidth: '100%' }}
      />
      {hasInspectionFilters(view) && (
        <Button icon={<ClearOutlined />} onClick={() => setView({ tab: view.tab, page: 1, pageSize: view.pageSize })}>
          {t('inspections.clearFilters')}
        </Button>
      )}
    </Flex>
  );

  return (
    <PageContainer
      title={t('inspections.title')}
      extra={
        canRecord && (
          <RecordListActions
            importing={{
              label: t('inspections.import'),
              title: t('inspections.importTitle'),
              campaignId: view.campaignId,
              path: (id) => `/api/campaigns/${id}/inspections/import`,
              columns: IMPORT_COLUMNS,
              needsCampaign: t('inspections.importNeedsCampaign'),
              refresh: INSPECTIONS_KEY,
            }}
            create={{
              label: t('inspections.create'),
              to: view.campaignId ? `/inspections/new?campaignId=${view.campaignId}` : '/inspections/new',
            }}
          />
        )
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view.tab}
          onChange={(tab) => setView({ ...view, tab: tab as InspectionsTab })}
          items={[
            { key: 'records', label: t('inspections.tabRecords') },
            { key: 'totals', label: t('inspections.tabTotals') },
          ]}
        />
        {filters}
        {view.tab === 'records' ? (
          <InspectionList view={view} query={toListQuery(scoped)} setView={setView} />
        ) : (
          <InspectionTotalsTable query={toTotalsQuery(scoped)} />
        )}
      </Card>
    </PageContainer>
  );
}

function InspectionList({
  view,
  query,
  setView,
}: {
  view: InspectionsView;
  query: InspectionListQuery;
  setView: (next: InspectionsView) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const list = useInspections(query);
  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  const number = (n: number) => <span className="rs-money">{n}</span>;
  // Key columns (locked) fit 1440 px; the figures beyond the first two wait behind the chooser.
  const columns: RecordColumn<InspectionSummary, InspectionSort>[] = [
    {
      key: 'date',
      title: t('inspections.date'),
      dataIndex: 'inspectionDate',
      width: 120,
      locked: true,
      sort: { ascend: 'inspectionDate.asc', descend: 'inspectionDate.desc' },
      render: (d: string, i) => (
        <Link to={`/inspections/${i.id}`} onClick={(e) => e.stopPropagation()}>
          {formatDate(d)}
        </Link>
      ),
    },
    { key: 'unit', title: t('inspections.unit'), dataIndex: 'unitName', width: 150, ellipsis: true, locked: true },
    {
      key: 'campaign',
      title: t('inspections.campaignCategory'),
      width: 240,
      locked: true,
      ellipsis: true,
      render: (_: unknown, i) => (
        <Flex vertical>
          <span>{i.campaignName}</span>
          <span className="rs-secondary">{`${i.categoryLabel} · ${t(INSPECTION_TYPE_KEYS[i.inspectionType])}`}</span>
        </Flex>
      ),
    },
    {
      key: 'staff',
      title: t('inspections.staffDeployed'),
      dataIndex: 'staffDeployed',
      width: 90,
      align: 'right',
      render: number,
    },
    {
      key: 'vehicles',
      title: t('inspections.vehicles'),
      dataIndex: 'vehicles',
      width: 90,
      defaultHidden: true,
      align: 'right',
      render: number,
    },
    {
      key: 'entities',
      title: t('inspections.entitiesInspected'),
      dataIndex: 'entitiesInspected',
      width: 90,
      align: 'right',
      render: number,
    },
    {
      key: 'unlicensed',
      title: t('inspections.unlicensedBanned'),
      dataIndex: 'unlicensedBanned',
      width: 90,
      defaultHidden: true,
      align: 'right',
      render: number,
    },
    {
      key: 'findings',
      title: t('inspections.findings'),
      dataIndex: 'findings',
      width: 260,
      locked: true,
      ellipsis: { showTitle: false },
      render: (f: string | null) =>
        f ? (
          <Tooltip title={<span className="rs-pre">{f}</span>} placement="topLeft">
            <span>{findingsShort(f)}</span>
          </Tooltip>
        ) : (
          <span className="rs-secondary">—</span>
        ),
    },
  ];

  return (
    <RecordTable<InspectionSummary, InspectionSort>
      list="inspections"
      rowKey={(i) => i.id}
      className="rs-inspection-list"
      columns={columns}
      dataSource={list.data?.items}
      loading={list.isFetching}
      emptyText={t('inspections.empty')}
      rowClassName={() => 'rs-row-clickable'}
      onRowClick={(i) => navigate(`/inspections/${i.id}`)}
      pagination={listPagination(view, setView, t, list.data)}
      sort={view.sort}
      defaultSort={DEFAULT_INSPECTION_SORT}
      onSort={(sort) => setView({ ...view, sort, page: 1 })}
      card={(i) => ({
        link: `/inspections/${i.id}`,
        number: formatDate(i.inspectionDate),
        title: i.campaignName,
        status: <span className="rs-secondary">{i.categoryLabel}</span>,
        party: i.findings ? findingsShort(i.findings) : undefined,
        due: t('inspections.cardFigures', { staff: i.staffDeployed, entities: i.entitiesInspected }),
        unit: i.unitName,
      })}
    />
  );
}
