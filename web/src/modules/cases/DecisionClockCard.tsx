import { useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, List, Typography } from 'antd';
import { ClockCircleOutlined, PlusCircleOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import { formatDate } from '../../lib/format';
import type { Case } from './api';
import { CaseClockModal, type ClockAction } from './CaseClockModal';
import { ClockPauseButton } from './ClockChangeFields';
import { ClockStateTag } from './tags';

/**
 * 办案期限: the 90-day decision clock (due date, days left, extensions and stopped periods) and, for
 * those the server allows, 批准延长30日 / 集体讨论延长 / 中止计时 / 恢复计时.
 */
export function DecisionClockCard({ record: c }: { record: Case }) {
  const t = useT();
  const [action, setAction] = useState<ClockAction | null>(null);
  const clock = c.clock;
  const paused = c.clockEvents.some((e) => e.kind === 'pause' && e.toDate === null);
  const approved = c.clockEvents.some((e) => e.kind === 'approved_extension');
  const can = c.can.manageClock;
  // An extension asked for and not yet decided: no second one until the leader decides (PendingApprovals).
  const asked = c.approvals.some(
    (a) => a.status === 'pending' && (a.kind === 'case_extension' || a.kind === 'case_collective_extension'),
  );

  const daysText = () => {
    if (!clock) return '';
    if (clock.state === 'stopped') return t('cases.clockDecidedWithin', { days: clock.daysLeft });
    if (clock.state === 'paused') return t('cases.clockPausedLeft', { days: clock.daysLeft });
    return clock.daysLeft < 0
      ? t('cases.clockOverdueBy', { days: -clock.daysLeft })
      : t('cases.clockDaysLeft', { days: clock.daysLeft });
  };

  return (
    <Card
      title={
        <Flex gap={8} align="center">
          <ClockCircleOutlined />
          {t('cases.cardClock')}
        </Flex>
      }
      extra={clock && <ClockStateTag state={clock.state} />}
      size="small"
      className="rs-case-clock"
    >
      {!clock ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.clockNotRunning')} />
      ) : (
        <>
          <Typography.Paragraph className={`rs-clock-days rs-clock-${clock.state}`}>{daysText()}</Typography.Paragraph>
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'due',
                label: t('cases.clockDue'),
                children: clock.dueDate ? formatDate(clock.dueDate) : t('cases.clockDuePaused'),
              },
              {
                key: 'allowed',
                label: t('cases.clockAllowed'),
                children: t('cases.days', { days: clock.allowedDays }),
              },
              {
                key: 'paused',
                label: t('cases.clockPausedDays'),
                children: t('cases.days', { days: clock.pausedDays }),
              },
            ]}
          />
        </>
      )}
      {c.clockEvents.length > 0 && (
        <List
          size="small"
          className="rs-clock-events"
          header={<Typography.Text strong>{t('cases.clockEvents')}</Typography.Text>}
          dataSource={c.clockEvents}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta
                title={
                  e.kind === 'pause'
                    ? e.toDate
                      ? t('cases.clockEventPauseEnded', { from: e.fromDate ?? '', to: e.toDate })
                      : t('cases.clockEventPauseOpen', { from: e.fromDate ?? '' })
                    : t(e.kind === 'approved_extension' ? 'cases.clockEventApproved' : 'cases.clockEventCollective', {
                        days: e.days ?? 0,
                      })
                }
                description={`${e.reason} · ${formatDate(e.at)}`}
              />
            </List.Item>
          )}
        />
      )}
      {can && (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          {!approved && !asked && (
            <Button size="small" icon={<PlusCircleOutlined />} onClick={() => setAction('approved_extension')}>
              {t('cases.clockExtendApproved')}
            </Button>
          )}
          {approved && !asked && (
            <Button size="small" icon={<PlusCircleOutlined />} onClick={() => setAction('collective_extension')}>
              {t('cases.clockExtendCollective')}
            </Button>
          )}
          <ClockPauseButton paused={paused} onAction={setAction} />
        </Flex>
      )}
      {action && <CaseClockModal record={c} action={action} onClose={() => setAction(null)} />}
    </Card>
  );
}
