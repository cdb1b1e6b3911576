import { useMemo, type ReactNode } from 'react';
import { Card, Flex, Tag, Timeline, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { todayIso } from '../../lib/records/today';
import { useT } from '../../locales/i18n';
import type { Campaign } from './api';
import { dateRange } from './plan-text';
import { barPosition, buildSchedule, monthTicks, nextDeadline, scheduleSpan, type ScheduleItem } from './schedule';

interface ChartRow {
  key: string;
  label: string;
  items: ScheduleItem[];
  tone: 'window' | 'phase' | 'concentrated' | 'deadline';
}

/**
 * 进度安排: the campaign's time window, phases and concentrated windows as bars, the liaison and
 * report deadlines as marks, today as a red line; below, every dated item in order.
 */
export function ScheduleTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const today = todayIso();
  const items = useMemo(() => buildSchedule(campaign, today), [campaign, today]);
  const span = scheduleSpan(items);
  const ticks = monthTicks(span);
  const next = nextDeadline(items);
  const todayLeft = barPosition(span, today, today).left;

  const label = (i: ScheduleItem): string => {
    switch (i.kind) {
      case 'start':
        return t('campaigns.timelineStart');
      case 'end':
        return t('campaigns.timelineEnd');
      case 'phase':
        return t('campaigns.timelinePhase', { name: i.name });
      case 'window':
        return t('campaigns.timelineWindow', { name: i.name });
      case 'liaison':
        return t('campaigns.timelineLiaison');
      case 'today':
        return t('campaigns.today');
      default:
        return i.name;
    }
  };
  const detail = (i: ScheduleItem): string | null => {
    if (i.kind !== 'report') return null;
    const due = i.dueTime ? t('campaigns.dueBefore', { time: i.dueTime }) : t('campaigns.dueOnDay');
    if (i.count) return `${t('campaigns.dailyReports', { count: i.count })} · ${due}`;
    return `${due} · ${t('campaigns.reportPeriod', { range: dateRange(i.periodStart ?? '', i.periodEnd ?? '') })}`;
  };

  const rows: ChartRow[] = [
    {
      key: 'campaign',
      label: t('campaigns.window'),
      tone: 'window',
      items: [
        {
          key: 'campaign',
          kind: 'start',
          name: '',
          start: campaign.startDate,
          end: campaign.endDate,
          state: today < campaign.startDate ? 'upcoming' : today > campaign.endDate ? 'past' : 'current',
        },
      ],
    },
    ...items
      .filter((i) => i.kind === 'phase')
      .map((i): ChartRow => ({ key: i.key, label: i.name, tone: 'phase', items: [i] })),
    ...items
      .filter((i) => i.kind === 'window')
      .map((i): ChartRow => ({ key: i.key, label: i.name, tone: 'concentrated', items: [i] })),
    ...(campaign.liaisonDeadline
      ? [
          {
            key: 'liaison',
            label: t('campaigns.timelineLiaison'),
            tone: 'deadline' as const,
            items: items.filter((i) => i.kind === 'liaison'),
          },
        ]
      : []),
    ...[...new Set(items.filter((i) => i.kind === 'report').map((i) => i.name))].map((name): ChartRow => ({
      key: `r-${name}`,
      label: name,
      tone: 'deadline',
      items: items.filter((i) => i.kind === 'report' && i.name === name),
    })),
  ];

  const mark = (row: ChartRow, i: ScheduleItem): ReactNode => {
    const { left, width } = barPosition(span, i.start, i.end);
    const tip = (
      <div>
        <div>{row.tone === 'deadline' ? label(i) : row.label}</div>
        <div>{dateRange(i.start, i.end)}</div>
        {detail(i) && <div>{detail(i)}</div>}
      </div>
    );
    const point = row.tone === 'deadline' && i.start === i.end;
    return (
      <Tooltip key={i.key} title={tip}>
        {point ? (
          <span className={`rs-gantt-point rs-gantt-${i.state}`} style={{ left: `${left}%` }} />
        ) : (
          <span
            className={`rs-gantt-bar rs-gantt-${row.tone} rs-gantt-${i.state}`}
            style={{ left: `${left}%`, width: `max(${width}%, 3px)` }}
          />
        )}
      </Tooltip>
    );
  };

  const timeline = items.map((i) => {
    const isNext = next?.key === i.key;
    return {
      key: i.key,
      color:
        i.kind === 'today'
          ? 'red'
          : i.state === 'past'
            ? 'gray'
            : i.kind === 'window'
              ? 'red'
              : i.state === 'current'
                ? 'green'
                : 'blue',
      title: <span className={i.state === 'past' ? 'rs-past' : undefined}>{dateRange(i.start, i.end)}</span>,
      content: (
        <Flex vertical gap={0} className={i.state === 'past' ? 'rs-past' : undefined}>
          <span>
            {i.kind === 'today' ? (
              <Tag color="red">{label(i)}</Tag>
            ) : (
              <Typography.Text strong={isNext}>{label(i)}</Typography.Text>
            )}
            {isNext && (
              <Tag color="orange" style={{ marginInlineStart: 8 }}>
                {t('campaigns.nextDeadline')}
              </Tag>
            )}
          </span>
          {detail(i) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {detail(i)}
            </Typography.Text>
          )}
        </Flex>
      ),
    };
  });

  return (
    <Flex vertical gap={16} style={{ paddingTop: 8 }}>
      <Card size="small" title={t('campaigns.scheduleChart')}>
        <div className="rs-gantt">
          <div className="rs-gantt-row rs-gantt-axis">
            <div className="rs-gantt-label" />
            <div className="rs-gantt-track">
              {/* Month names that would run off the end or under the today mark are left out. */}
              {ticks
                .filter((tick) => tick.left < 96 && Math.abs(tick.left - todayLeft) > 4)
                .map((tick) => (
                  <span key={tick.date} className="rs-gantt-tick" style={{ left: `${tick.left}%` }}>
                    {dayjs(tick.date).format(t('campaigns.monthFormat'))}
                  </span>
                ))}
              <span className="rs-gantt-today-label" style={{ left: `${todayLeft}%` }}>
                {t('campaigns.today')} {dayjs(today).format('MM-DD')}
              </span>
            </div>
          </div>
          {rows.map((row) => (
            <div key={row.key} className="rs-gantt-row">
              <div className="rs-gantt-label" title={row.label}>
                {row.label}
              </div>
              <div className="rs-gantt-track">
                {ticks.map((tick) => (
                  <span key={tick.date} className="rs-gantt-grid" style={{ left: `${tick.left}%` }} />
                ))}
                {row.items.map((i) => mark(row, i))}
                <span className="rs-gantt-today" style={{ left: `${todayLeft}%` }} />
              </div>
            </div>
          ))}
        </div>
      </Card>
      <Card size="small" title={t('campaigns.scheduleList')}>
        <Timeline mode="start" titleSpan="200px" items={timeline} />
      </Card>
    </Flex>
  );
}
