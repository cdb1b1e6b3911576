import { Badge, Card, Space, Tag } from 'antd';
import { CheckSquareOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useInbox } from './api';
import { groupInbox } from './inbox-groups';
import { InboxItems, useKindLabel } from './InboxItems';

/** How many items the home page shows (the page shows them all). */
const TOP = 5;

/** The home page's 我的待办: the count of each kind and the first items; hidden when nothing waits. */
export function InboxCard() {
  const t = useT();
  const inbox = useInbox();
  const kindLabel = useKindLabel();
  if (!inbox.data || inbox.data.total === 0) return null;
  const groups = groupInbox(inbox.data.items, inbox.data.counts);
  return (
    <Card
      size="small"
      className="rs-inbox-card"
      style={{ marginBottom: 16 }}
      title={
        <span>
          <CheckSquareOutlined /> {t('inbox.cardTitle', { total: inbox.data.total })}
        </span>
      }
      extra={<Link to="/inbox">{t('inbox.viewAll')}</Link>}
    >
      <Space wrap style={{ marginBottom: 8 }}>
        {groups.map((g) => (
          <Tag key={g.kind} color={g.items.some((i) => i.overdue) ? 'red' : 'blue'}>
            {kindLabel(g.kind)} {g.count}
          </Tag>
        ))}
      </Space>
      <InboxItems items={inbox.data.items.slice(0, TOP)} showKind />
    </Card>
  );
}

/** The menu's count of what waits (nothing shown while it is 0 or loading). */
export function InboxCount() {
  const inbox = useInbox();
  return (
    <Badge
      count={inbox.data?.total ?? 0}
      overflowCount={99}
      size="small"
      className="rs-inbox-count"
      style={{ boxShadow: 'none' }}
    />
  );
}
