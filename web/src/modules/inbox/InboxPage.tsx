import { Alert, Badge, Card, Empty, Skeleton, Space, Typography } from 'antd';
import { PageContainer } from '../../app/PageContainer';
import { useT } from '../../locales/i18n';
import { useInbox } from './api';
import { groupInbox } from './inbox-groups';
import { InboxItems, useKindLabel } from './InboxItems';

/** 我的待办: everything waiting for the signed-in user, by kind; each item opens its record. */
export function InboxPage() {
  const t = useT();
  const inbox = useInbox();
  const kindLabel = useKindLabel();
  const groups = inbox.data ? groupInbox(inbox.data.items, inbox.data.counts) : [];
  return (
    <PageContainer title={t('inbox.title')}>
      {inbox.isPending ? (
        <Skeleton active />
      ) : inbox.isError ? (
        <Alert type="error" showIcon message={t('common.loadFailed')} />
      ) : groups.length === 0 ? (
        <Card>
          <Empty description={t('inbox.empty')} />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {groups.map((g) => (
            <Card
              key={g.kind}
              size="small"
              className={`rs-inbox-group rs-inbox-${g.kind}`}
              title={
                <Space>
                  {kindLabel(g.kind)}
                  <Badge count={g.count} overflowCount={9999} color={g.items.some((i) => i.overdue) ? 'red' : 'blue'} />
                </Space>
              }
              extra={
                g.count > g.items.length ? (
                  <Typography.Text type="secondary">
                    {t('inbox.shown', { shown: g.items.length, count: g.count })}
                  </Typography.Text>
                ) : null
              }
            >
              <InboxItems items={g.items} />
            </Card>
          ))}
        </Space>
      )}
    </PageContainer>
  );
}
