import { Alert, Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { isMessageKey, useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useShowError } from '../../lib/useShowError';
import { PageContainer } from '../../app/PageContainer';
import { LoadError } from '../../app/StatusPages';
import { useUnits } from '../units/api';
import { useAudit, useVerifyChain, type AuditEntry } from './api';
import { AuditDetails } from './AuditDetails';
import { recordLabel } from './diff';
import { AUDIT_RECORD_TYPES, auditSearch, parseAuditView, toAuditQuery, toMinute } from './list-view';
import { listPagination, useListView } from '../../lib/records/list-view';

const ACTION_COLORS: Record<string, string> = {
  create: 'green',
  update: 'blue',
  move: 'purple',
  deactivate: 'red',
  reactivate: 'cyan',
  login: 'default',
  logout: 'default',
};

/** 审计日志: every change, filterable, with before/after and the hash-chain check. */
export function AuditPage() {
  const t = useT();
  const showError = useShowError();
  const units = useUnits(true);
  // The filters and the page live in the address, so going back or reloading keeps them.
  const { view, setView, change: setFilter } = useListView(parseAuditView, auditSearch);
  const verify = useVerifyChain();
  const audit = useAudit(toAuditQuery(view));

  const actionLabel = (action: string) => {
    const key = `auditAction.${action}`;
    return isMessageKey(key) ? t(key) : action;
  };
  const typeLabel = (type: string) => {
    const key = `recordType.${type}`;
    return isMessageKey(key) ? t(key) : type;
  };

  const columns: TableColumnsType<AuditEntry> = [
    { key: 'seq', title: t('audit.seq'), dataIndex: 'seq', width: 80 },
    { key: 'at', title: t('audit.at'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at) },
    { key: 'actor', title: t('audit.actor'), dataIndex: 'actorName', width: 120 },
    {
      key: 'action',
      title: t('audit.action'),
      dataIndex: 'action',
      width: 140,
      render: (action: string) => (
        <Tag color={ACTION_COLORS[action.split('.')[1]] ?? 'default'}>{actionLabel(action)}</Tag>
      ),
    },
    { key: 'type', title: t('audit.recordType'), dataIndex: 'recordType', width: 110, render: typeLabel },
    {
      key: 'record',
      title: t('audit.record'),
      render: (_: unknown, e) => {
        const label = recordLabel(e.before, e.after) ?? (e.recordId === e.actorUserId ? e.actorName : undefined);
        return (
          <Flex vertical>
            {label && <span>{label}</span>}
            <Typography.Text type="secondary" className="rs-mono" ellipsis style={{ maxWidth: 320 }}>
              {e.recordId}
            </Typography.Text>
          </Flex>
        );
      },
    },
    {
      key: 'hash',
      title: t('audit.hash'),
      dataIndex: 'hash',
      width: 120,
      render: (hash: string) => (
        <Tooltip title={<span className="rs-mono">{hash}</span>}>
          <span className="rs-mono">{hash.slice(0, 10)}</span>
        </Tooltip>
      ),
    },
  ];

  const result = verify.data;
  return (
    <PageContainer
      title={t('audit.title')}
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate(undefined, { onError: (e) => showError(e) })}
        >
          {t('audit.verify')}
        </Button>
      }
    >
      {result && (
        <Alert
          style={{ marginBottom: 16 }}
          showIcon
          closable={{ onClose: () => verify.reset() }}
          type={result.ok ? 'success' : 'error'}
          title={
            result.ok
              ? t('audit.verifyOk', { entries: result.entries })
              : t(`audit.finding.${result.finding}`, { seq: result.brokenAt ?? '?' })
          }
          description={
            // The server's own words: what was found, then what the check cannot cover.
            <Flex vertical gap={4}>
              <span>{result.message}</span>
              {result.notes.map((note) => (
                <Typography.Text key={note} type="secondary">
                  {note}
                </Typography.Text>
              ))}
            </Flex>
          }
        />
      )}
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('audit.recordType')}
            aria-label={t('audit.recordType')}
            value={view.recordType}
            onChange={(recordType) => setFilter({ recordType })}
            options={AUDIT_RECORD_TYPES.map((type) => ({ value: type, label: typeLabel(type) }))}
          />
          <Input.Search
            key={view.recordId ?? ''}
            allowClear
            style={{ width: 320 }}
            placeholder={t('audit.recordIdPlaceholder')}
            defaultValue={view.recordId}
            onSearch={(value) => setFilter({ recordId: value.trim() || undefined })}
            maxLength={100}
          />
          <DatePicker.RangePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            value={[view.from ? dayjs(view.from) : null, view.to ? dayjs(view.to) : null]}
            onChange={(range) => setFilter({ from: toMinute(range?.[0]), to: toMinute(range?.[1]) })}
            aria-label={t('audit.timeRange')}
          />
          <Button icon={<ReloadOutlined />} onClick={() => setView({ page: 1, pageSize: view.pageSize })}>
            {t('common.reset')}
          </Button>
        </Flex>
        {audit.isError && !audit.data ? (
          <LoadError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : (
          <Table<AuditEntry>
            rowKey="seq"
            size="middle"
            columns={columns}
            dataSource={audit.data?.items}
            loading={audit.isFetching}
            expandable={{
              expandedRowRender: (entry) => (
                <AuditDetails
                  entry={entry}
                  units={units.data ?? []}
                  onFilterRecord={() => setFilter({ recordId: entry.recordId })}
                />
              ),
            }}
            pagination={listPagination(view, setView, t, audit.data)}
            scroll={{ x: 1000 }}
          />
        )}
      </Card>
    </PageContainer>
  );
}
