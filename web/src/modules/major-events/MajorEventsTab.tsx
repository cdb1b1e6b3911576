import { useState } from 'react';
import { Alert, Badge, Button, Flex, Segmented, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../app/StatusPages';
import type { Campaign } from '../campaigns/api';
import {
  useMajorEvents,
  type MajorEvent,
  type MajorEventKind,
  type MajorEventListItem,
  type MajorEventStatus,
} from './api';
import { statusColor } from './major-event-form';
import { MajorEventDrawer } from './MajorEventDrawer';
import { MajorEventFormModal } from './MajorEventFormModal';

/** The tab's label: for the office, a badge with how many reports await its acknowledgement. */
export function MajorEventsTabLabel({ campaignId }: { campaignId: string }) {
  const t = useT();
  const list = useMajorEvents(campaignId);
  const pending = list.data?.canAcknowledge ? list.data.pendingCount : 0;
  return (
    <span>
      {t('majorEvents.tab')}
      {pending > 0 && (
        <Badge
          count={pending}
          size="small"
          offset={[4, -2]}
          aria-label={t('majorEvents.pendingLabel', { count: pending })}
        />
      )}
    </span>
  );
}

/** 重大情况报告 of a campaign: the list (pending first), the form to report one, and each report's drawer. */
export function MajorEventsTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const [status, setStatus] = useState<MajorEventStatus | 'all'>('all');
  const [openId, setOpenId] = useState<string>();
  // The form: a new report (null record) or a correction.
  const [form, setForm] = useState<{ record?: MajorEvent } | null>(null);
  const list = useMajorEvents(campaign.id, status === 'all' ? undefined : status);
  const l = list.data;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;

  const columns: TableColumnsType<MajorEventListItem> = [
    {
      key: 'status',
      title: t('majorEvents.state'),
      dataIndex: 'status',
      width: 110,
      render: (s: MajorEventStatus) => <Tag color={statusColor(s)}>{t(`majorEvents.status.${s}`)}</Tag>,
    },
    { key: 'unit', title: t('majorEvents.unit'), dataIndex: 'unitLabel', width: 200, ellipsis: true },
    {
      key: 'kind',
      title: t('majorEvents.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (k: MajorEventKind) => t(`majorEvents.kind.${k}`),
    },
    {
      key: 'title',
      title: t('majorEvents.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (title: string, r) => (
        <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(r.id)}>
          {title}
        </Button>
      ),
    },
    { key: 'occurredOn', title: t('majorEvents.occurredOn'), dataIndex: 'occurredOn', width: 110 },
    {
      key: 'reportedAt',
      title: t('majorEvents.reportedAt'),
      dataIndex: 'reportedAt',
      width: 160,
      render: (at: string) => formatDateTime(at),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('majorEvents.intro')} />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={12}>
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as MajorEventStatus | 'all')}
            options={[
              { value: 'all', label: t('majorEvents.filterAll') },
              { value: 'reported', label: t('majorEvents.status.reported') },
              { value: 'acknowledged', label: t('majorEvents.status.acknowledged') },
            ]}
          />
          {l && l.pendingCount > 0 && <Tag color="orange">{t('majorEvents.pending', { count: l.pendingCount })}</Tag>}
        </Flex>
        {l && l.reportingUnits.length > 0 && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setForm({})}>
            {t('majorEvents.report')}
          </Button>
        )}
      </Flex>
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={l?.items ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('majorEvents.empty') }}
        onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
      />
      <MajorEventDrawer
        campaignId={campaign.id}
        id={openId}
        onClose={() => setOpenId(undefined)}
        onEdit={(record) => setForm({ record })}
      />
      {form && (
        <MajorEventFormModal
          campaignId={campaign.id}
          units={l?.reportingUnits ?? []}
          record={form.record}
          onClose={() => setForm(null)}
        />
      )}
    </Flex>
  );
}
