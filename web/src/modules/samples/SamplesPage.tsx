import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Flex, Input, Select } from 'antd';
import { BarChartOutlined, ClearOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { CampaignSelect, CategorySelect, UnitTreeSelect } from '../../lib/records/pickers';
import { listPagination, useListView } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { useCurrentUser } from '../auth/session';
import { SAMPLE_RESULTS, useSamples } from './api';
import { hasSampleFilters, parseSamplesView, samplesSearch, toListQuery } from './list-view';
import { canRecordSamples } from './permissions';
import { SampleFormModal } from './SampleFormModal';
import { SampleTable, SampleTotals } from './SampleTable';
import { useDraftDialog } from '../../lib/offline/useDraftDialog';

/** 抽样检验: the samples of the user's unit and below, filtered (a pass rate's drill-down lands here), with their totals. */
export function SamplesPage() {
  const t = useT();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { view, setView, change: set } = useListView(parseSamplesView, samplesSearch, { replace: true });
  const unitId = useListUnit(view.unitId);
  const list = useSamples(toListQuery({ ...view, unitId }));
  const [creating, setCreating] = useState(false);
  const draft = useDraftDialog();
  const rates = new URLSearchParams();
  if (view.campaignId) rates.set('campaignId', view.campaignId);
  if (unitId) rates.set('unitId', unitId);

  return (
    <PageContainer
      title={t('samples.pageTitle')}
      extra={
        <Flex gap={8}>
          <Link to={`/samples/pass-rates?${rates}`}>
            <Button icon={<BarChartOutlined />}>{t('samples.passRates')}</Button>
          </Link>
          {canRecordSamples(user) && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('samples.create')}
            </Button>
          )}
        </Flex>
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} className="rs-sample-filters">
          <CampaignSelect
            value={view.campaignId}
            onChange={(campaignId) => set({ campaignId, categoryCode: undefined })}
            style={{ width: 240, maxWidth: '100%' }}
          />
          <CategorySelect
            campaignId={view.campaignId}
            value={view.categoryCode}
            onChange={(categoryCode) => set({ categoryCode })}
            style={{ width: 160 }}
          />
          <UnitTreeSelect
            value={unitId}
            allowClear={!!view.unitId}
            onChange={(unitId) => set({ unitId })}
            style={{ width: 200, maxWidth: '100%' }}
          />
          <Input.Search
            defaultValue={view.product ?? view.q}
            key={view.product ?? view.q ?? ''}
            allowClear
            placeholder={t('samples.searchProduct')}
            aria-label={t('samples.searchProduct')}
            onSearch={(q) => set({ q: q.trim() || undefined, product: undefined })}
            style={{ width: 180 }}
          />
          <Select
            value={view.result}
            onChange={(result) => set({ result })}
            allowClear
            placeholder={t('samples.result')}
            aria-label={t('samples.result')}
            options={SAMPLE_RESULTS.map((r) => ({ value: r, label: t(`samples.result.${r}`) }))}
            style={{ width: 120 }}
          />
          <DatePicker.RangePicker
            value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
            onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
            allowEmpty={[true, true]}
            placeholder={[t('samples.from'), t('samples.to')]}
            aria-label={t('samples.sampledDate')}
            style={{ maxWidth: '100%' }}
          />
          <Checkbox checked={!!view.overdue} onChange={(e) => set({ overdue: e.target.checked || undefined })}>
            {t('samples.overdueOnly')}
          </Checkbox>
          {hasSampleFilters(view) && (
            <Button icon={<ClearOutlined />} onClick={() => setView({ page: 1, pageSize: view.pageSize })}>
              {t('samples.clearFilters')}
            </Button>
          )}
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <SampleTotals totals={list.data?.totals} />
            <SampleTable
              items={list.data?.items}
              loading={list.isFetching}
              pagination={listPagination(view, setView, t, list.data)}
            />
          </>
        )}
      </Card>
      {(creating || draft.open) && (
        <SampleFormModal
          campaignId={view.campaignId}
          onClose={() => {
            setCreating(false);
            draft.close();
          }}
          onSaved={(s) => navigate(`/samples/${s.id}`)}
        />
      )}
    </PageContainer>
  );
}
