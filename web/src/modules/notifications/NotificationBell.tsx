import { useState } from 'react';
import { Badge, Button, Drawer, Empty, Flex, List, Switch, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useT, type MessageKey } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useMarkRead, useNotifications, type Notification } from './api';

const KIND_COLOR: Record<Notification['kind'], string> = {
  report_due_soon: 'gold',
  report_overdue: 'red',
  report_returned: 'orange',
  report_chased: 'volcano',
  approval_requested: 'blue',
  approval_decided: 'green',
  case_clock_due_soon: 'gold',
  case_clock_overdue: 'red',
  lead_clock_due_soon: 'gold',
  lead_clock_overdue: 'red',
  case_supervision: 'blue',
  case_supervision_overdue: 'red',
  rectification_demanded: 'orange',
  rectification_replied: 'blue',
  rectification_returned: 'volcano',
  rectification_closed: 'green',
  rectification_due_soon: 'gold',
  rectification_overdue: 'red',
  task_inactive: 'red',
};

/** 消息通知: the bell in the header with the unread count; the drawer lists them, a click opens the record. */
export function NotificationBell() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly);
  const markRead = useMarkRead();
  const unread = list.data?.unread ?? 0;

  const openItem = (n: Notification) => {
    if (!n.readAt) markRead.mutate({ ids: [n.id] });
    if (n.link) {
      setOpen(false);
      navigate(n.link);
    }
  };

  return (
    <>
      <Badge count={unread} size="small" offset={[-4, 4]}>
        <Button
          type="text"
          icon={<BellOutlined />}
          onClick={() => setOpen(true)}
          aria-label={unread ? t('notifications.unread', { count: unread }) : t('notifications.open')}
        />
      </Badge>
      <Drawer
        title={t('notifications.title')}
        open={open}
        onClose={() => setOpen(false)}
        width={420}
        extra={
          <Button size="small" disabled={!unread} onClick={() => markRead.mutate({ all: true })}>
            {t('notifications.markAllRead')}
          </Button>
        }
      >
        <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} />
          <span>{t('notifications.onlyUnread')}</span>
        </Flex>
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('notifications.empty')} /> }}
          renderItem={(n) => (
            <List.Item
              onClick={() => openItem(n)}
              style={{ cursor: n.link ? 'pointer' : undefined, opacity: n.readAt ? 0.6 : 1 }}
            >
              <List.Item.Meta
                title={
                  <Flex gap={6} align="start">
                    <Tag color={KIND_COLOR[n.kind]}>{t(`notifications.kind.${n.kind}` as MessageKey)}</Tag>
                    <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  </Flex>
                }
                description={
                  <>
                    {n.body ? <div>{n.body}</div> : null}
                    <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Drawer>
    </>
  );
}
