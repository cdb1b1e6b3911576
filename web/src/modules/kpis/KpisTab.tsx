import { Button, Card, Empty, Flex, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../locales/i18n';
import { kpiTarget } from '../campaigns/plan-text';
import { useCampaignKpis, type CampaignKpi, type KpiUnitRow } from './api';
import { FigureModal } from './FigureModal';
import { KpiRecordsDrawer, type RecordsTarget } from './KpiRecordsDrawer';

const actualText = (k: CampaignKpi, m: { actual: number | null }) => (m.actual === null ? '—' : `${m.actual}${k.unit}`);

/** 达标, 未达标, or 进行中 while the period runs and the target is not reached yet. */
function MetTag({ met, ongoing }: { met: boolean | null; ongoing: boolean }) {
  const t = useT();
  if (met === null) return <Tag>{t('kpis.noData')}</Tag>;
  if (met) return <Tag color="success">{t('kpis.met')}</Tag>;
  return ongoing ? <Tag color="processing">{t('kpis.ongoing')}</Tag> : <Tag color="error">{t('kpis.notMet')}</Tag>;
}

/** 指标 (a tab of the plan page): each KPI's actual against its target per unit, with the records behind every figure. */
export function KpisTab({ campaign }: { campaign: { id: string } }) {
  const t = useT();
  const [chosenMode, setMode] = useState<'year' | 'month'>();
  const [period, setPeriod] = useState<string | undefined>();
  const kpis = useCampaignKpis(campaign.id, period);
  const [records, setRecords] = useState<RecordsTarget | null>(null);
  const [entering, setEntering] = useState<{ kpi: CampaignKpi; row: KpiUnitRow } | null>(null);
  const list = kpis.data ?? [];
  // A plan judged only month by month (铁拳's quotas) opens on its months.
  const mode =
    chosenMode ?? (list.some((k) => k.period === 'month') && !list.some((k) => k.period === 'year') ? 'month' : 'year');
  // The period switch offers the periods of the KPIs judged by year, or by month.
  const options = [...new Set(list.filter((k) => k.period === mode).flatMap((k) => k.periods.map((p) => p.label)))];
  const shown = period ?? list.find((k) => k.period === mode)?.selectedPeriod;

  const columns = (k: CampaignKpi) => {
    const open = (unitId?: string) => () => setRecords({ kpi: k, unitId, period: k.selectedPeriod });
    return [
      { title: t('kpis.unit'), dataIndex: 'unitLabel', key: 'unit' },
      {
        title: t('kpis.actual'),
        key: 'actual',
        render: (_: unknown, r: KpiUnitRow) => (
          <Button type="link" size="small" onClick={open(r.unitId)}>
            {actualText(k, r)}
            {k.ratio && r.denominator !== null && (
              <Typography.Text type="secondary">
                {' '}
                ({r.numerator ?? 0}/{r.denominator})
              </Typography.Text>
            )}
          </Button>
        ),
      },
      { title: t('kpis.target'), key: 'target', render: () => kpiTarget(k) },
      {
        title: t('kpis.metColumn'),
        key: 'met',
        render: (_: unknown, r: KpiUnitRow) => <MetTag met={r.met} ongoing={k.ongoing} />,
      },
      ...(k.measure === 'manual'
        ? [
            {
              title: t('kpis.reason'),
              key: 'reason',
              render: (_: unknown, r: KpiUnitRow) => (
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
                    {r.figure?.reason ?? ''}
                  </Typography.Text>
                  {r.canEnter && (
                    <Button size="small" onClick={() => setEntering({ kpi: k, row: r })}>
                      {t('kpis.enter')}
                    </Button>
                  )}
                </Flex>
              ),
            },
          ]
        : []),
    ];
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} align="center" wrap>
        <Segmented
          value={mode}
          options={[
            { value: 'year', label: t('kpis.byYear') },
            { value: 'month', label: t('kpis.byMonth') },
          ]}
          onChange={(v) => {
            setMode(v as 'year' | 'month');
            setPeriod(undefined);
          }}
        />
        <Select
          style={{ minWidth: 140 }}
          placeholder={t('kpis.period')}
          value={shown}
          options={options.map((o) => ({ value: o, label: o }))}
          onChange={setPeriod}
          disabled={options.length === 0}
        />
      </Flex>
      {kpis.isError && <Typography.Text type="danger">{t('common.loadFailed')}</Typography.Text>}
      {kpis.data && list.length === 0 && <Empty description={t('kpis.none')} />}
      {list.map((k) => (
        <Card
          key={k.index}
          size="small"
          loading={kpis.isPending}
          title={
            <Flex gap={8} align="center" wrap>
              <span>{k.name}</span>
              <Tag>{kpiTarget(k)}</Tag>
              <Tag color="blue">{t(`kpis.periodKind.${k.period}`)}</Tag>
              {k.measure !== 'none' && <Typography.Text type="secondary">{k.selectedPeriod}</Typography.Text>}
            </Flex>
          }
          extra={
            k.total && (
              <Flex gap={8} align="center">
                <Button type="link" size="small" onClick={() => setRecords({ kpi: k, period: k.selectedPeriod })}>
                  {t('kpis.total')} {actualText(k, k.total)}
                </Button>
                <MetTag met={k.total.met} ongoing={k.ongoing} />
              </Flex>
            )
          }
        >
          {k.measure === 'none' ? (
            <Typography.Text type="secondary">{k.description || t('kpis.textOnly')}</Typography.Text>
          ) : (
            <Table rowKey="unitId" size="small" pagination={false} dataSource={k.rows} columns={columns(k)} />
          )}
        </Card>
      ))}
      <KpiRecordsDrawer campaignId={campaign.id} target={records} onClose={() => setRecords(null)} />
      {entering && (
        <FigureModal campaignId={campaign.id} kpi={entering.kpi} row={entering.row} onClose={() => setEntering(null)} />
      )}
    </Flex>
  );
}
