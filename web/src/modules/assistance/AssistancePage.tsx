import { useState } from 'react';
import { Button, Card, Flex, Input, Segmented, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { listPagination, useListView } from '../../lib/records/list-view';
import { RecordTable, type RecordColumn } from '../../lib/records/RecordTable';
import { ASSISTANCE_KINDS, ASSISTANCE_STATUSES, useAssistanceList, type AssistanceSummary } from './api';
import { assistanceQuery, assistanceSearch, parseAssistanceView } from './list-view';
import { AssistanceSendModal } from './AssistanceSendModal';
import { AssistanceStatusTag } from './tags';

/**
 * 协查与通报: the requests the user's bureaus sent (发出) or received (收到), newest first, by status,
 * kind and title; 发函 opens the form. The view lives in the address.
 */
export function AssistancePage() {
  const t = useT();
  const navigate = useNavigate();
  const { view, setView, change } = useListView(parseAssistanceView, assistanceSearch);
  const list = useAssistanceList(assistanceQuery(view));
  const [sending, setSending] = useState(false);
  const received = view.direction === 'received';

  const columns: RecordColumn<AssistanceSummary>[] = [
    {
      key: 'title',
      title: t('assistance.subject'),
      locked: true,
      width: 260,
      ellipsis: true,
      render: (_, r) => (
        <Link to={`/assistance/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.title}
        </Link>
      ),
    },
    { key: 'kind', title: t('assistance.kind'), width: 110, render: (_, r) => t(`assistance.kind.${r.kind}`) },
    {
      key: 'unit',
      title: t(received ? 'assistance.from' : 'assistance.to'),
      locked: true,
      width: 200,
      ellipsis: true,
      render: (_, r) => (received ? r.fromUnitName : r.toUnitName),
    },
    { key: 'documentNumber', title: t('assistance.documentNumber'), dataIndex: 'documentNumber', width: 170 },
    {
      key: 'due',
      title: t('assistance.replyDueDate'),
      width: 120,
      render: (_, r) => (
        <Typography.Text type={r.overdue ? 'danger' : undefined} strong={r.overdue}>
          {formatDate(r.replyDueDate)}
        </Typography.Text>
      ),
    },
    { key: 'createdAt', title: t('assistance.createdAt'), width: 120, render: (_, r) => formatDate(r.createdAt) },
    {
      key: 'status',
      title: t('common.status'),
      locked: true,
      width: 150,
      render: (_, r) => <AssistanceStatusTag status={r.status} overdue={r.overdue} />,
    },
  ];

  return (
    <PageContainer
      title={t('assistance.title')}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setSending(true)}>
          {t('assistance.new')}
        </Button>
      }
    >
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Segmented
            className="rs-assistance-direction"
            value={view.direction}
            onChange={(direction) => change({ direction: direction as 'sent' | 'received' })}
            options={[
              { value: 'sent', label: t('assistance.sent') },
              { value: 'received', label: t('assistance.received') },
            ]}
          />
          <Select
            allowClear
            value={view.status}
            onChange={(status) => change({ status })}
            options={ASSISTANCE_STATUSES.map((s) => ({ value: s, label: t(`assistance.status.${s}`) }))}
            placeholder={t('common.status')}
            aria-label={t('common.status')}
            style={{ width: 140 }}
          />
          <Select
            allowClear
            value={view.kind}
            onChange={(kind) => change({ kind })}
            options={ASSISTANCE_KINDS.map((k) => ({ value: k, label: t(`assistance.kind.${k}`) }))}
            placeholder={t('assistance.kind')}
            aria-label={t('assistance.kind')}
            style={{ width: 140 }}
          />
          <Input.Search
            allowClear
            defaultValue={view.q}
            placeholder={t('assistance.search')}
            onSearch={(q) => change({ q: q.trim() || undefined })}
            style={{ width: 240 }}
          />
        </Flex>
        {list.isError && !list.data ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <RecordTable<AssistanceSummary>
            list="assistance"
            rowKey={(r) => r.id}
            className="rs-assistance-list"
            columns={columns}
            dataSource={list.data?.items}
            loading={list.isFetching}
            emptyText={t('assistance.empty')}
            rowClassName={(r) => (r.overdue ? 'rs-row-clickable rs-row-overdue' : 'rs-row-clickable')}
            onRowClick={(r) => navigate(`/assistance/${r.id}`)}
            pagination={listPagination(view, setView, t, list.data)}
            card={(r) => ({
              link: `/assistance/${r.id}`,
              number: r.documentNumber ?? t(`assistance.kind.${r.kind}`),
              title: r.title,
              status: <AssistanceStatusTag status={r.status} overdue={r.overdue} />,
              due: formatDate(r.replyDueDate),
              unit: received ? r.fromUnitName : r.toUnitName,
            })}
          />
        )}
      </Card>
      {sending && (
        <AssistanceSendModal
          onClose={() => setSending(false)}
          onSent={(id) => {
            setSending(false);
            navigate(`/assistance/${id}`);
          }}
        />
      )}
    </PageContainer>
  );
}
