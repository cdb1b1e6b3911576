import { useState } from 'react';
import { Alert, Button, Card, Drawer, Empty, Flex, List, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloudSyncOutlined, DisconnectOutlined, WarningOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../format';
import { conflictRows, queueStatus, type QueueEntry } from './queue-kernel';
import { useOfflineQueue } from './OfflineQueue';

/**
 * The header's status of the offline queue: 离线 / N 条待发送 / N 条需处理 / 已同步. A click opens the
 * list of what waits, where a conflict shows the person's values beside the server's to choose
 * from, and a refusal shows the fields the server named.
 */
export function OfflineStatus() {
  const t = useT();
  const queue = useOfflineQueue();
  const [open, setOpen] = useState(false);
  const status = queueStatus(queue.entries, queue.online);
  const tag =
    status.kind === 'offline' ? (
      <Tag icon={<DisconnectOutlined />} color="default">
        {status.pending ? t('offline.statusOfflinePending', { count: status.pending }) : t('offline.statusOffline')}
      </Tag>
    ) : status.kind === 'attention' ? (
      <Tag icon={<WarningOutlined />} color="error">
        {t('offline.statusAttention', { count: status.count })}
      </Tag>
    ) : status.kind === 'pending' ? (
      <Tag icon={<CloudSyncOutlined spin={queue.sending} />} color="processing">
        {t('offline.statusPending', { count: status.pending })}
      </Tag>
    ) : (
      <Tag icon={<CheckCircleOutlined />} color="success">
        {t('offline.statusSynced')}
      </Tag>
    );
  return (
    <>
      <Button
        type="text"
        size="small"
        onClick={() => setOpen(true)}
        aria-label={t('offline.drawerTitle')}
        data-testid="offline-status"
        style={{ paddingInline: 4 }}
      >
        {tag}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        title={t('offline.drawerTitle')}
        size={Math.min(520, window.innerWidth)}
        extra={
          <Button
            icon={<CloudSyncOutlined />}
            disabled={!queue.online || !queue.entries.length}
            loading={queue.sending}
            onClick={queue.flush}
          >
            {t('offline.sendNow')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('offline.drawerHint')}</Typography.Paragraph>
        {queue.entries.length ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            {queue.entries.map((e) => (
              <EntryCard key={e.id} entry={e} onNavigate={() => setOpen(false)} />
            ))}
          </Space>
        ) : (
          <Empty description={t('offline.empty')} />
        )}
      </Drawer>
    </>
  );
}

const STATE_TAGS = {
  pending: { color: 'processing', key: 'offline.statePending' },
  conflict: { color: 'warning', key: 'offline.stateConflict' },
  invalid: { color: 'error', key: 'offline.stateInvalid' },
  refused: { color: 'error', key: 'offline.stateRefused' },
} as const;

function EntryCard({ entry, onNavigate }: { entry: QueueEntry; onNavigate: () => void }) {
  const t = useT();
  const queue = useOfflineQueue();
  const navigate = useNavigate();
  const label = (field: string) => entry.fieldLabels?.[field] ?? field;
  const show = (v: unknown) =>
    v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)
      ? t('offline.empty.value')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
  const discard = (
    <Popconfirm
      key="discard"
      title={t('offline.confirmDiscard')}
      onConfirm={() => queue.discard(entry.id)}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
    >
      <Button danger>{t('offline.discard')}</Button>
    </Popconfirm>
  );
  const tag = STATE_TAGS[entry.state];
  return (
    <Card size="small" title={entry.label} extra={<Tag color={tag.color}>{t(tag.key)}</Tag>}>
      <Typography.Text type="secondary">
        {formatDateTime(new Date(entry.seq).toISOString())}
        {entry.files.length > 0 && ` · ${t('offline.files', { count: entry.files.length })}`}
        {entry.attempts > 0 && ` · ${t('offline.attempts', { count: entry.attempts })}`}
      </Typography.Text>
      {entry.state === 'conflict' && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Typography.Text>{t('offline.conflictHint')}</Typography.Text>
          <Table
            size="small"
            pagination={false}
            rowKey="field"
            dataSource={conflictRows(entry)}
            columns={[
              { key: 'f', title: t('offline.field'), render: (_, r) => label(r.field) },
              { key: 'm', title: t('offline.mine'), render: (_, r) => show(r.mine) },
              { key: 's', title: t('offline.theirs'), render: (_, r) => show(r.theirs) },
            ]}
          />
          <Flex gap={8} wrap>
            <Button type="primary" onClick={() => void queue.keepMine(entry.id)} disabled={!entry.serverRecord}>
              {t('offline.keepMine')}
            </Button>
            <Button onClick={() => void queue.discard(entry.id)}>{t('offline.keepTheirs')}</Button>
          </Flex>
        </Space>
      )}
      {(entry.state === 'invalid' || entry.state === 'refused') && entry.problem && (
        <Space orientation="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Alert
            type="error"
            showIcon
            title={entry.problem.title}
            description={
              entry.problem.errors?.length ? (
                <List
                  size="small"
                  dataSource={entry.problem.errors}
                  renderItem={(e) => (
                    <List.Item>
                      {e.path ? `${label(e.path.split('.')[0])}：` : ''}
                      {e.message}
                    </List.Item>
                  )}
                />
              ) : (
                entry.problem.detail
              )
            }
          />
          <Flex gap={8} wrap>
            {entry.state === 'invalid' && entry.formPath && !entry.createdId && (
              <Button
                type="primary"
                onClick={() =>
                  void queue.toDraft(entry.id).then((path) => {
                    if (!path) return;
                    onNavigate();
                    navigate(path);
                  })
                }
              >
                {t('offline.fixInForm')}
              </Button>
            )}
            <Button onClick={() => void queue.retry(entry.id)}>{t('offline.retry')}</Button>
            {discard}
          </Flex>
        </Space>
      )}
      {entry.state === 'pending' && <div style={{ marginTop: 8 }}>{discard}</div>}
    </Card>
  );
}
