import { Card, List, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { useReminders } from './api';
import { stateColor, stateKey } from './figures';
import { reportPath } from './report-link';

/** 报送提醒 on the dashboard: the user's unit's reports coming due, overdue or returned. Hidden when there are none. */
export function RemindersCard() {
  const t = useT();
  const reminders = useReminders();
  const items = reminders.data ?? [];
  if (!items.length) return null;
  return (
    <Card
      size="small"
      title={
        <span>
          <BellOutlined /> {t('reports.remindersTitle', { count: items.length })}
        </span>
      }
      style={{ marginBottom: 16 }}
    >
      <List
        size="small"
        dataSource={items}
        renderItem={(r) => (
          <List.Item extra={<Tag color={stateColor(r.state, false)}>{t(stateKey(r.state, false))}</Tag>}>
            <List.Item.Meta
              title={
                <Link
                  to={reportPath(r.campaignId, r)}
                >{`${r.unitLabel} · ${r.name}（${r.periodStart} — ${r.periodEnd}）`}</Link>
              }
              description={
                <Typography.Text type={r.state === 'missing' ? 'danger' : 'secondary'}>
                  {r.state === 'returned'
                    ? t('reports.reminderReturned', { reason: r.returnReason ?? '' })
                    : t('reports.reminderDue', {
                        campaign: r.campaignName,
                        date: `${r.dueDate}${r.dueTime ? ` ${r.dueTime}` : ''}`,
                      })}
                  {r.chasedAt && r.state !== 'open'
                    ? ` · ${t('reports.reminderChased', { at: formatDateTime(r.chasedAt) })}`
                    : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
