import { useState } from 'react';
import { Alert, App, Button, Card, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { RedoOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useEmailFailures, useRetryEmail, type EmailFailure } from './api';

const PAGE_SIZE = 20;

/**
 * 邮件发送失败 (administrators): notification e-mails the mail server kept refusing after every
 * retry — to whom, what, why and when — each with 重试. The in-app notification was never lost.
 */
export function EmailFailuresPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [page, setPage] = useState(1);
  const failures = useEmailFailures(page, PAGE_SIZE);
  const retry = useRetryEmail();

  const resend = (e: EmailFailure) =>
    retry.mutate(e.id, {
      onSuccess: (r) =>
        void (r.status === 'sent'
          ? message.success(t('emailFailures.sent', { to: r.toAddress }))
          : message.warning(t('emailFailures.stillFailing', { error: r.lastError ?? '' }))),
      onError: (err) => showError(err),
    });

  const columns: TableColumnsType<EmailFailure> = [
    {
      key: 'recipient',
      title: t('emailFailures.recipient'),
      render: (_: unknown, e) => (
        <>
          {e.recipientName}
          <br />
          <Typography.Text type="secondary" className="rs-mono">
            {e.toAddress}
          </Typography.Text>
        </>
      ),
    },
    { key: 'subject', title: t('emailFailures.subject'), dataIndex: 'subject' },
    {
      key: 'error',
      title: t('emailFailures.error'),
      dataIndex: 'lastError',
      ellipsis: { showTitle: false },
      render: (error: string | null) => (
        <Tooltip title={error}>
          <Typography.Text type="danger">{error ?? '—'}</Typography.Text>
        </Tooltip>
      ),
    },
    { key: 'attempts', title: t('emailFailures.attempts'), dataIndex: 'attempts', width: 90 },
    {
      key: 'lastAttemptAt',
      title: t('emailFailures.lastAttemptAt'),
      dataIndex: 'lastAttemptAt',
      width: 170,
      render: (at: string | null) => formatDateTime(at),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      render: (_: unknown, e) => (
        <Button
          size="small"
          icon={<RedoOutlined />}
          loading={retry.isPending && retry.variables === e.id}
          disabled={!failures.data?.enabled}
          onClick={() => resend(e)}
        >
          {t('emailFailures.retry')}
        </Button>
      ),
    },
  ];

  return (
    <PageContainer title={t('emailFailures.title')}>
      {failures.isError ? (
        <LoadError error={failures.error} onRetry={() => void failures.refetch()} />
      ) : (
        <Card>
          {failures.data && !failures.data.enabled && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('emailFailures.disabled')} />
          )}
          <Typography.Paragraph type="secondary">{t('emailFailures.intro')}</Typography.Paragraph>
          <Table
            rowKey="id"
            size="middle"
            loading={failures.isLoading}
            columns={columns}
            dataSource={failures.data?.items ?? []}
            locale={{ emptyText: t('emailFailures.empty') }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: failures.data?.total ?? 0,
              onChange: setPage,
              showSizeChanger: false,
            }}
          />
        </Card>
      )}
    </PageContainer>
  );
}
