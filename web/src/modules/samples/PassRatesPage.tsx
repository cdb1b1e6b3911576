import { useMemo } from 'react';
import { Card, DatePicker, Flex, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { ChartCard } from '../../lib/charts/ChartCard';
import type { ChartOption } from '../../lib/charts/EChart';
import { CampaignSelect, UnitTreeSelect } from '../../lib/records/pickers';
import { dateParam, textParam, useListView, readPaging, type Paging } from '../../lib/records/list-view';
import { useListUnit } from '../../lib/records/useListUnit';
import { usePassRates, type PassRateQuery, type PassRates } from './api';
import { samplesSearch } from './list-view';

interface RatesView extends Paging {
  campaignId?: string;
  unitId?: string;
  from?: string;
  to?: string;
}
const parse = (s: URLSearchParams): RatesView => ({
  campaignId: textParam(s.get('campaignId')),
  unitId: textParam(s.get('unitId')),
  from: dateParam(s.get('from')),
  to: dateParam(s.get('to')),
  ...readPaging(s),
});
const write = (v: RatesView) => {
  const s = new URLSearchParams();
  for (const k of ['campaignId', 'unitId', 'from', 'to'] as const) if (v[k]) s.set(k, v[k]);
  return s;
};

type Row = PassRates['byProduct'][number] | PassRates['byCategory'][number];

/**
 * 抽检合格率 by product and by category over the campaign, unit and dates (seed 002: 月饼 16 批次, 2 批次
 * 不合格, 合格率 87.5%), as the server computed them from the counts; every count opens the samples behind it.
 */
export function PassRatesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { view, change: set } = useListView(parse, write, { replace: true });
  const unitId = useListUnit(view.unitId);
  const query: PassRateQuery = {};
  if (view.campaignId) query.campaignId = view.campaignId;
  if (unitId) query.unitId = unitId;
  if (view.from) query.from = view.from;
  if (view.to) query.to = view.to;
  const rates = usePassRates(query);

  /** The samples list with the rates' filters and the row's own. */
  const drill = (extra: { product?: string; categoryCode?: string; result?: 'fail' | 'pass' }) =>
    `/samples?${samplesSearch({ page: 1, pageSize: 20, campaignId: view.campaignId, unitId, from: view.from, to: view.to, ...extra })}`;
  const filterOf = (r: Row) => ('product' in r ? { product: r.product } : { categoryCode: r.categoryCode });
  const count = (n: number, r: Row, result?: 'fail' | 'pass') =>
    n ? <Link to={drill({ ...filterOf(r), result })}>{n}</Link> : n;
  const columns = (first: { key: string; title: string; render: (r: Row) => string }) => [
    { key: first.key, title: first.title, render: (_: unknown, r: Row) => first.render(r) },
    {
      key: 'tested',
      title: t('samples.rates.tested'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => count(r.tested, r),
    },
    {
      key: 'passed',
      title: t('samples.rates.passed'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => count(r.passed, r, 'pass'),
    },
    {
      key: 'failed',
      title: t('samples.rates.failed'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => count(r.failed, r, 'fail'),
    },
    { key: 'pending', title: t('samples.rates.pending'), align: 'right' as const, dataIndex: 'pending' },
    {
      key: 'rate',
      title: t('samples.rates.rate'),
      align: 'right' as const,
      render: (_: unknown, r: Row) => <strong>{r.rate ?? '—'}</strong>,
    },
  ];

  const tested = useMemo(() => (rates.data?.byProduct ?? []).filter((r) => r.tested > 0), [rates.data]);
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'item' },
      xAxis: {
        type: 'category',
        data: tested.map((r) => r.product),
        axisLabel: { interval: 0, rotate: tested.length > 8 ? 30 : 0 },
      },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          name: t('samples.rates.rate'),
          barMaxWidth: 48,
          label: {
            show: true,
            position: 'top',
            formatter: (p: { dataIndex: number }) => tested[p.dataIndex]?.rate ?? '',
          },
          data: tested.map((r) => ({
            // The bar's height only; the label is the server's exact text.
            value: (r.passed * 100) / r.tested,
            itemStyle: { color: r.failed ? '#d48806' : '#389e0d' },
          })),
        },
      ],
    }),
    [tested, t],
  );

  return (
    <PageContainer title={t('samples.rates.title')} crumbs={[{ key: 'rates', title: t('samples.rates.title') }]}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Flex gap={12} wrap align="center">
            <CampaignSelect
              value={view.campaignId}
              onChange={(campaignId) => set({ campaignId })}
              style={{ width: 260, maxWidth: '100%' }}
            />
            <UnitTreeSelect
              value={unitId}
              allowClear={!!view.unitId}
              onChange={(unitId) => set({ unitId })}
              style={{ width: 200, maxWidth: '100%' }}
            />
            <DatePicker.RangePicker
              value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
              onChange={(range) =>
                set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })
              }
              allowEmpty={[true, true]}
              placeholder={[t('samples.from'), t('samples.to')]}
              aria-label={t('samples.sampledDate')}
            />
            {rates.data?.total.rate && (
              <Typography.Text strong>
                {t('samples.rates.total')}：
                {t('samples.totals', {
                  samples: rates.data.total.tested + rates.data.total.pending,
                  tested: rates.data.total.tested,
                  failed: rates.data.total.failed,
                  pending: rates.data.total.pending,
                })}
                ，{t('samples.totalsRate', { rate: rates.data.total.rate })}
              </Typography.Text>
            )}
          </Flex>
        </Card>
        {rates.isError && !rates.data ? (
          <LoadError error={rates.error} onRetry={() => void rates.refetch()} />
        ) : (
          <>
            {tested.length > 0 && (
              <ChartCard
                title={t('samples.rates.chart')}
                option={option}
                height={280}
                onPointClick={(p) => {
                  const r = tested[p.dataIndex];
                  if (r) navigate(drill({ product: r.product }));
                }}
              />
            )}
            <Card
              size="small"
              title={t('samples.rates.byProduct')}
              extra={<Typography.Text type="secondary">{t('samples.rates.drillHint')}</Typography.Text>}
            >
              <Table<Row>
                rowKey={(r) => ('product' in r ? r.product : r.categoryCode)}
                size="small"
                loading={rates.isFetching}
                dataSource={rates.data?.byProduct}
                columns={columns({
                  key: 'product',
                  title: t('samples.product'),
                  render: (r) => ('product' in r ? r.product : ''),
                })}
                pagination={false}
                locale={{ emptyText: t('samples.rates.empty') }}
                className="rs-pass-rates-products"
              />
            </Card>
            <Card size="small" title={t('samples.rates.byCategory')}>
              <Table<Row>
                rowKey={(r) => ('product' in r ? r.product : r.categoryCode)}
                size="small"
                loading={rates.isFetching}
                dataSource={rates.data?.byCategory}
                columns={columns({
                  key: 'category',
                  title: t('samples.category'),
                  render: (r) => ('categoryLabel' in r ? r.categoryLabel : ''),
                })}
                pagination={false}
                locale={{ emptyText: t('samples.rates.empty') }}
              />
            </Card>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
