import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Input, Select, Space, Table } from 'antd';
import { ClearOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { useDownload } from '../../lib/useDownload';
import { ImportButton } from '../../lib/ImportButton';
import { useCurrentUser } from '../auth/session';
import {
  CUSTODY_STATUSES,
  downloadSeizedGoodsLedger,
  downloadSeizedGoodsTemplate,
  SEIZED_GOODS_KEY,
  SEIZURE_MEASURES,
  useSeizedGoodsList,
  type SeizedGoodsTotal,
} from './api';
import { hasSeizedGoodsFilters, parseSeizedGoodsView, seizedGoodsSearch, toFilters, toListQuery } from './list-view';
import { canKeepSeizedGoods } from './permissions';
import { SeizedGoodsFormModal } from './SeizedGoodsFormModal';
import { SeizedGoodsTable } from './SeizedGoodsTable';
import { useDraftDialog } from '../../lib/offline/useDraftDialog';

/**
 * 罚没物品台账: the seized and confiscated goods of the user's unit and below, filtered by status,
 * measure, dates and goods, with exact totals per goods and unit of measure, and its .xlsx.
 * `?register=<outing>` opens 登记保管 for that outing's seizures (the outing page's link).
 */
export function SeizedGoodsPage() {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { view, setView, change: set } = useListView(parseSeizedGoodsView, seizedGoodsSearch, { replace: true });
  const unitId = useListUnit(view.unitId);
  const list = useSeizedGoodsList(toListQuery({ ...view, unitId }));
  const [creating, setCreating] = useState(false);
  const { downloading, download } = useDownload();
  const draft = useDraftDialog();
  const registering = creating || Boolean(view.register) || draft.open;
  const closeRegister = () => {
    setCreating(false);
    draft.close();
    if (view.register) set({ register: undefined });
  };

  return (
    <PageContainer
      title={t('seized.pageTitle')}
      extra={
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            loading={downloading === 'ledger'}
            onClick={() => void download('ledger', () => downloadSeizedGoodsLedger(toFilters({ ...view, unitId })))}
          >
            {t('seized.export')}
          </Button>
          {canKeepSeizedGoods(user) && (
            <ImportButton
              label={t('seized.import')}
              title={t('seized.importTitle')}
              campaignId={view.campaignId}
              path={(id) => `/api/campaigns/${id}/seized-goods/import`}
              columns={t('seized.importColumns')}
              template={downloadSeizedGoodsTemplate}
              needsCampaign={t('seized.importNeedsCampaign')}
              refresh={SEIZED_GOODS_KEY}
            />
          )}
          {canKeepSeizedGoods(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('seized.create')}
            </Button>
          )}
        </Space>
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <CampaignSelect
            value={view.campaignId}
            onChange={(campaignId) => set({ campaignId })}
            style={{ width: 240, maxWidth: '100%' }}
          />
          <UnitTreeSelect
            value={unitId}
            allowClear={!!view.unitId}
            onChange={(unitId) => set({ unitId })}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Select
            value={view.status}
            onChange={(status) => set({ status })}
            allowClear
            placeholder={t('seized.status')}
            aria-label={t('seized.status')}
            options={CUSTODY_STATUSES.map((s) => ({ value: s, label: t(`seized.status.${s}`) }))}
            style={{ width: 130 }}
          />
          <Select
            value={view.measure}
            onChange={(measure) => set({ measure })}
            allowClear
            placeholder={t('seized.measure')}
            aria-label={t('seized.measure')}
            options={SEIZURE_MEASURES.map((m) => ({ value: m, label: t(`seized.measure.${m}`) }))}
            style={{ width: 150 }}
          />
          <DatePicker.RangePicker
            value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('seized.from'), t('seized.to')]}
            aria-label={t('seized.seizedDate')}
            style={{ maxWidth: '100%' }}
          />
          <Input.Search
            defaultValue={view.q}
            allowClear
            placeholder={t('seized.searchGoods')}
            aria-label={t('seized.searchGoods')}
            onSearch={(q) => set({ q: q.trim() || undefined })}
            style={{ width: 200 }}
          />
          {hasSeizedGoodsFilters(view) && (
            <Button icon={<ClearOutlined />} onClick={() => setView({ page: 1, pageSize: view.pageSize })}>
              {t('seized.clearFilters')}
            </Button>
          )}
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <SeizedGoodsTotals totals={list.data?.totals} />
            <SeizedGoodsTable
              items={list.data?.items}
              loading={list.isFetching}
              pagination={listPagination(view, setView, t, list.data)}
            />
          </Space>
        )}
      </Card>
      {registering && (
        <SeizedGoodsFormModal
          inspectionId={view.register}
          campaignId={view.campaignId}
          onClose={closeRegister}
          onSaved={(r) => navigate(`/seized-goods/${r.id}`)}
        />
      )}
    </PageContainer>
  );
}

/** Exact totals per goods and unit of measure (text from the server, never summed here). */
function SeizedGoodsTotals({ totals }: { totals?: SeizedGoodsTotal[] }) {
  const t = useT();
  if (!totals?.length) return null;
  const amount = (q: string, r: SeizedGoodsTotal) => <span className="rs-money">{`${q} ${r.quantityUnit}`}</span>;
  return (
    <Table<SeizedGoodsTotal>
      size="small"
      className="rs-seized-goods-totals"
      rowKey={(r) => `${r.goods}\u0000${r.quantityUnit}`}
      pagination={false}
      dataSource={totals}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'goods', title: t('seized.totalsGoods'), dataIndex: 'goods' },
        { key: 'count', title: t('seized.totalsCount'), dataIndex: 'count', align: 'right' },
        { key: 'quantity', title: t('seized.quantity'), dataIndex: 'quantity', align: 'right', render: amount },
        {
          key: 'confiscated',
          title: t('seized.confiscated'),
          dataIndex: 'confiscated',
          align: 'right',
          render: amount,
        },
        { key: 'disposed', title: t('seized.disposed'), dataIndex: 'disposed', align: 'right', render: amount },
        { key: 'held', title: t('seized.held'), dataIndex: 'held', align: 'right', render: amount },
      ]}
    />
  );
}
