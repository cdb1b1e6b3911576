import { Flex, Select, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { UnitTreeSelect } from '../../lib/records/pickers';
import { FREQUENCY_PERIODS, useUnderInspected, type UnderInspectedRow } from './api';
import { PERIOD_KEYS } from './entity-labels';
import type { EntitiesView } from './list-view';

/** 检查频次不足: the entities a rule covers whose outings this period are fewer than it asks. */
export function UnderInspectedTab({
  view,
  unitId,
  change,
}: {
  view: EntitiesView;
  unitId: string | undefined;
  change: (patch: Partial<EntitiesView>) => void;
}) {
  const t = useT();
  const query = useUnderInspected({ period: view.period, unitId });
  if (query.isError && !query.data) return <LoadError error={query.error} onRetry={() => void query.refetch()} />;

  const columns: TableColumnsType<UnderInspectedRow> = [
    {
      key: 'name',
      title: t('entities.name'),
      width: 240,
      render: (_: unknown, r) => <Link to={`/market-entities/${r.entity.id}`}>{r.entity.name}</Link>,
    },
    { key: 'unit', title: t('entities.unit'), width: 150, render: (_: unknown, r) => r.entity.unitName },
    { key: 'industry', title: t('entities.industry'), width: 110, render: (_: unknown, r) => r.entity.industry },
    {
      key: 'rule',
      title: t('entities.ruleName'),
      ellipsis: true,
      render: (_: unknown, r) => (
        <Flex vertical>
          <span>{r.rule.name}</span>
          <Typography.Text type="secondary">{`${r.rule.unitName} · ${r.periodLabel}`}</Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'outings',
      title: t('entities.outingsDone'),
      width: 140,
      align: 'right',
      render: (_: unknown, r) => t('entities.outingsOf', { done: r.outings, required: r.required }),
    },
    {
      key: 'missing',
      title: t('entities.outingsMissing'),
      width: 100,
      align: 'right',
      render: (_: unknown, r) => <Tag color={r.outings === 0 ? 'red' : 'orange'}>{r.missing}</Tag>,
    },
  ];

  return (
    <>
      <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder={t('entities.allPeriods')}
          aria-label={t('entities.rulePeriod')}
          value={view.period}
          onChange={(period) => change({ period })}
          options={FREQUENCY_PERIODS.map((p) => ({ value: p, label: t(PERIOD_KEYS[p]) }))}
          style={{ width: 140 }}
        />
        <UnitTreeSelect
          value={unitId}
          allowClear={!!view.unitId}
          onChange={(unitId) => change({ unitId })}
          style={{ width: 200, maxWidth: '100%' }}
        />
        <Typography.Text type="secondary">{t('entities.underInspectedIntro')}</Typography.Text>
      </Flex>
      <Table
        rowKey={(r) => `${r.rule.id}:${r.entity.id}`}
        size="middle"
        className="rs-under-inspected"
        loading={query.isFetching}
        dataSource={query.data?.items ?? []}
        columns={columns}
        scroll={{ x: 900 }}
        pagination={{ pageSize: 50, showSizeChanger: false }}
        locale={{ emptyText: t('entities.underInspectedEmpty') }}
      />
    </>
  );
}
