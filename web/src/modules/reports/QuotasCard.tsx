import { useState } from 'react';
import { Button, Flex, Select, Table, Tag, Typography } from 'antd';
import { useT } from '../../locales/i18n';
import type { Campaign } from '../campaigns/api';
import { useQuotas } from './api';
import { campaignMonths } from './figures';
import { QuotaRecordsDrawer } from './QuotaRecordsDrawer';
import { todayIso } from '../../lib/records/today';

/** Seed 004: each department, each month, at least one closed typical case and one important lead. */
export function QuotasCard({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const months = campaignMonths(campaign.startDate, campaign.endDate, todayIso());
  // The last whole month by default: the current one is still being worked.
  const [month, setMonth] = useState(months[1] ?? months[0] ?? campaign.startDate.slice(0, 7));
  const quotas = useQuotas(campaign.id, month);
  const q = quotas.data;
  const [shown, setShown] = useState<{ unitId: string; unitLabel: string } | null>(null);
  // A count opens the records behind it.
  const count = (what: string) => (n: number, row: { unitId: string; unitLabel: string }) => (
    <Button type="text" size="small" onClick={() => setShown(row)} aria-label={`${row.unitLabel} ${what} ${n}`}>
      <Tag color={n >= 1 ? 'green' : 'red'} style={{ marginInlineEnd: 0 }}>
        {n}
      </Tag>
    </Button>
  );
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center" wrap>
        <Select
          value={month}
          onChange={setMonth}
          options={months.map((m) => ({ value: m, label: m }))}
          aria-label={t('reports.quotaMonth')}
          style={{ width: 140 }}
        />
        {q && <Typography.Text>{t('reports.quotaSummary', { met: q.metCount, total: q.rows.length })}</Typography.Text>}
        <Typography.Text type="secondary">{t('reports.quotaRecordsHint')}</Typography.Text>
      </Flex>
      <Table
        rowKey="unitId"
        size="small"
        loading={quotas.isFetching}
        dataSource={q?.rows ?? []}
        pagination={false}
        columns={[
          { key: 'unit', title: t('reports.unit'), dataIndex: 'unitLabel' },
          {
            key: 'typical',
            title: t('reports.quotaTypical'),
            dataIndex: 'typicalCasesClosed',
            width: 160,
            align: 'center',
            render: count(t('reports.quotaTypical')),
          },
          {
            key: 'leads',
            title: t('reports.quotaLeads'),
            dataIndex: 'importantLeads',
            width: 160,
            align: 'center',
            render: count(t('reports.quotaLeads')),
          },
          {
            key: 'met',
            title: t('reports.quotaMet'),
            dataIndex: 'met',
            width: 100,
            align: 'center',
            render: (met: boolean) => (
              <Tag color={met ? 'green' : 'red'}>{t(met ? 'reports.quotaYes' : 'reports.quotaNo')}</Tag>
            ),
          },
        ]}
      />
      <QuotaRecordsDrawer campaignId={campaign.id} month={month} unit={shown} onClose={() => setShown(null)} />
    </Flex>
  );
}
