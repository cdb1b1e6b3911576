import { List, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { isMessageKey, useT } from '../../locales/i18n';
import type { InboxItem } from './api';

/** The label of a kind of item (a kind this web does not know yet reads as 其他待办). */
export function useKindLabel() {
  const t = useT();
  return (kind: string) => {
    const key = `inbox.kind.${kind}`;
    return t(isMessageKey(key) ? key : 'inbox.kind.other');
  };
}

/** Items of the inbox, each a link to its record, with its due date or 已超期. */
export function InboxItems({ items, showKind = false }: { items: InboxItem[]; showKind?: boolean }) {
  const t = useT();
  const kindLabel = useKindLabel();
  return (
    <List
      size="small"
      dataSource={items}
      locale={{ emptyText: t('inbox.empty') }}
      renderItem={(item) => (
        <List.Item
          className="rs-inbox-item"
          extra={
            item.overdue ? (
              <Tag color="red">{t('inbox.overdue')}</Tag>
            ) : item.dueAt ? (
              <Tag color="orange">{t('inbox.dueAt', { date: item.dueAt })}</Tag>
            ) : null
          }
        >
          <List.Item.Meta
            title={<Link to={item.link}>{item.title}</Link>}
            description={
              showKind || item.overdue ? (
                <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>
                  {[
                    showKind ? kindLabel(item.kind) : null,
                    item.overdue && item.dueAt ? t('inbox.dueAt', { date: item.dueAt }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              ) : undefined
            }
          />
        </List.Item>
      )}
    />
  );
}
