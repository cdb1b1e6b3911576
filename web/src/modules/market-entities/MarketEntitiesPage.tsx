import { useState } from 'react';
import { App, Button, Card, Flex, Input, Select, Space, Tabs, Tag } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { ImportDialog } from '../../lib/ImportDialog';
import { useDraftDialog } from '../../lib/offline/useDraftDialog';
import { listPagination, useListView } from '../../lib/records/list-view';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import { UnitTreeSelect } from '../../lib/records/pickers';
import { useListUnit } from '../../lib/records/useListUnit';
import { useQueryClient } from '@tanstack/react-query';
import { useCurrentUser } from '../auth/session';
import { permissions } from '../auth/permissions';
import {
  ENTITY_KINDS,
  MARKET_ENTITIES_KEY,
  REGISTER_IMPORT_COLUMNS,
  RISK_LEVELS,
  useEntities,
  type MarketEntity,
} from './api';
import { EntityFormModal } from './EntityFormModal';
import { ENTITY_KIND_KEYS, RISK_COLORS, RISK_KEYS, STATUS_KEYS } from './entity-labels';
import { FrequencyRulesTab } from './FrequencyRulesTab';
import {
  ENTITY_STATUSES,
  entitiesSearch,
  parseEntitiesView,
  toEntityQuery,
  type EntitiesView,
  type EntityTab,
} from './list-view';
import { UnderInspectedTab } from './UnderInspectedTab';

/** 经济户口: the register of market entities, those inspected less often than a rule asks, and the rules. */
export function MarketEntitiesPage() {
  const t = useT();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { view, setView, change } = useListView(parseEntitiesView, entitiesSearch, { replace: true });
  const unitId = useListUnit(view.unitId);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const draft = useDraftDialog();
  const canEdit = permissions.keepRegister(user);

  return (
    <PageContainer
      title={t('entities.title')}
      extra={
        canEdit && (
          <Space wrap>
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              {t('entities.import')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('entities.create')}
            </Button>
          </Space>
        )
      }
    >
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={view.tab}
          onChange={(tab) => setView({ tab: tab as EntityTab, page: 1, pageSize: view.pageSize })}
          items={[
            { key: 'register', label: t('entities.tabRegister') },
            { key: 'underInspected', label: t('entities.tabUnderInspected') },
            { key: 'rules', label: t('entities.tabRules') },
          ]}
        />
        {view.tab === 'register' && <RegisterList view={view} unitId={unitId} setView={setView} change={change} />}
        {view.tab === 'underInspected' && <UnderInspectedTab view={view} unitId={unitId} change={change} />}
        {view.tab === 'rules' && <FrequencyRulesTab />}
      </Card>
      <ImportDialog
        open={importing}
        title={t('entities.importTitle')}
        url="/api/market-entities/import"
        columns={REGISTER_IMPORT_COLUMNS}
        onClose={() => setImporting(false)}
        onImported={(count) => {
          void message.success(t('imports.done', { count }));
          void queryClient.invalidateQueries({ queryKey: MARKET_ENTITIES_KEY });
        }}
      />
      {(creating || draft.open) && (
        <EntityFormModal
          unitId={unitId}
          onClose={() => {
            setCreating(false);
            draft.close();
          }}
        />
      )}
    </PageContainer>
  );
}

function RegisterList({
  view,
  unitId,
  setView,
  change,
}: {
  view: EntitiesView;
  unitId: string | undefined;
  setView: (next: EntitiesView) => void;
  change: (patch: Partial<EntitiesView>) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const list = useEntities(toEntityQuery(view, unitId));
  if (list.isError && !list.data) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  const columns: RecordColumn<MarketEntity>[] = [
    {
      key: 'name',
      title: t('entities.name'),
      dataIndex: 'name',
      width: 240,
      locked: true,
      ellipsis: true,
      render: (name: string, e) => (
        <Link to={`/market-entities/${e.id}`} onClick={(ev) => ev.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      key: 'code',
      title: t('entities.creditCode'),
      dataIndex: 'creditCode',
      width: 200,
      locked: true,
      render: (v: string) => <span className="rs-mono">{v}</span>,
    },
    {
      key: 'kind',
      title: t('entities.entityKind'),
      dataIndex: 'entityKind',
      width: 120,
      render: (k: MarketEntity['entityKind']) => t(ENTITY_KIND_KEYS[k]),
    },
    { key: 'industry', title: t('entities.industry'), dataIndex: 'industry', width: 120 },
    { key: 'unit', title: t('entities.unit'), dataIndex: 'unitName', width: 150, ellipsis: true },
    {
      key: 'risk',
      title: t('entities.riskLevel'),
      dataIndex: 'riskLevel',
      width: 100,
      render: (r: MarketEntity['riskLevel'], e) => (
        <Flex gap={4}>
          <Tag color={RISK_COLORS[r]}>{t(RISK_KEYS[r])}</Tag>
          {!e.active && <Tag>{t('entities.inactive')}</Tag>}
        </Flex>
      ),
    },
    { key: 'operator', title: t('entities.operatorName'), dataIndex: 'operatorName', width: 110, defaultHidden: true },
    { key: 'address', title: t('entities.address'), dataIndex: 'address', width: 240, ellipsis: true },
    { key: 'licence', title: t('entities.licence'), dataIndex: 'licence', width: 160, defaultHidden: true },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Input.Search
          key={view.q ?? ''}
          allowClear
          defaultValue={view.q}
          placeholder={t('entities.search')}
          aria-label={t('entities.search')}
          onSearch={(v) => change({ q: v.trim() || undefined })}
          style={{ width: 300, maxWidth: '100%' }}
        />
        <UnitTreeSelect
          value={unitId}
          allowClear={!!view.unitId}
          onChange={(unitId) => change({ unitId })}
          style={{ width: 200, maxWidth: '100%' }}
        />
        <Input
          key={`industry-${view.industry ?? ''}`}
          allowClear
          defaultValue={view.industry}
          placeholder={t('entities.industry')}
          aria-label={t('entities.industry')}
          onPressEnter={(e) => change({ industry: e.currentTarget.value.trim() || undefined })}
          onBlur={(e) => {
            const industry = e.currentTarget.value.trim() || undefined;
            if (industry !== view.industry) change({ industry });
          }}
          style={{ width: 140 }}
        />
        <Select
          allowClear
          placeholder={t('entities.entityKind')}
          aria-label={t('entities.entityKind')}
          value={view.entityKind}
          onChange={(entityKind) => change({ entityKind })}
          options={ENTITY_KINDS.map((k) => ({ value: k, label: t(ENTITY_KIND_KEYS[k]) }))}
          style={{ width: 150 }}
        />
        <Select
          allowClear
          placeholder={t('entities.riskLevel')}
          aria-label={t('entities.riskLevel')}
          value={view.riskLevel}
          onChange={(riskLevel) => change({ riskLevel })}
          options={RISK_LEVELS.map((r) => ({ value: r, label: t(RISK_KEYS[r]) }))}
          style={{ width: 120 }}
        />
        <Select
          aria-label={t('entities.status')}
          value={view.status ?? 'active'}
          onChange={(status) => change({ status: status === 'active' ? undefined : status })}
          options={ENTITY_STATUSES.map((s) => ({ value: s, label: t(STATUS_KEYS[s]) }))}
          style={{ width: 110 }}
        />
      </Flex>
      <RecordTable<MarketEntity>
        list="market-entities"
        rowKey={(e) => e.id}
        className="rs-entity-list"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        emptyText={t('entities.empty')}
        rowClassName={() => 'rs-row-clickable'}
        onRowClick={(e) => navigate(`/market-entities/${e.id}`)}
        pagination={listPagination(view, setView, t, list.data)}
        card={(e) => ({
          link: `/market-entities/${e.id}`,
          number: e.creditCode,
          title: e.name,
          status: <Tag color={RISK_COLORS[e.riskLevel]}>{t(RISK_KEYS[e.riskLevel])}</Tag>,
          party: [t(ENTITY_KIND_KEYS[e.entityKind]), e.industry].filter(Boolean).join(' · '),
          unit: e.unitName,
        })}
      />
    </>
  );
}
