import { useState } from 'react';
import { App, Button, Card, Flex, Select, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { formatDateTime } from '../../lib/format';
import { LoadError } from '../../app/StatusPages';
import type { Campaign } from '../campaigns/api';
import { formatRate } from '../../lib/format';
import { useBoard, useChase, type Board } from './api';
import { useShowError } from '../../lib/useShowError';
import { stateColor, stateKey } from './figures';
import { reportPath } from './report-link';
import { QuotasCard } from './QuotasCard';
import { ConsolidationDrawer } from './ConsolidationDrawer';

type UnitRow = Board['units'][number];

/** 报送情况: units × periods of a schedule, coloured by state; each cell opens that report. */
export function BoardTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const navigate = useNavigate();
  const [scheduleId, setScheduleId] = useState<string>();
  // 汇总报表 of the period it was opened for.
  const [consolidating, setConsolidating] = useState<string>();
  const board = useBoard(campaign.id, scheduleId);
  const b = board.data;
  const chase = useChase(campaign.id);
  const { message } = App.useApp();
  const showError = useShowError();
  if (board.isError) return <LoadError error={board.error} onRetry={() => void board.refetch()} />;
  // A cell (and so a report to open) is there only under a schedule.
  const chaseLate = (periodEnd: string, unitId?: string) =>
    chase.mutate(
      { scheduleId: b!.scheduleId!, periodEnd, unitId },
      {
        onSuccess: (r) => void message.success(t('reports.chased', { count: r.items.length })),
        onError: (e) => showError(e),
      },
    );
  const open = (unitId: string, periodEnd: string) =>
    navigate(reportPath(campaign.id, { scheduleId: b!.scheduleId!, periodEnd, unitId }));

  const columns: TableColumnsType<UnitRow> = [
    { key: 'unit', title: t('reports.unit'), dataIndex: 'unitLabel', fixed: 'start', width: 200 },
    ...(b?.periods ?? []).map((p) => ({
      key: p.periodEnd,
      title: (
        <Tooltip title={t('reports.periodTip', { from: p.periodStart, to: p.periodEnd })}>
          <span>
            {p.periodEnd.slice(0, 7)}
            <div className="rs-secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
              {t('reports.dueOn', { date: `${p.dueDate.slice(5)}${p.dueTime ? ` ${p.dueTime}` : ''}` })}
            </div>
            {b!.canChase && b!.cells.some((c) => c.periodEnd === p.periodEnd && c.overdue) && (
              <Button
                size="small"
                type="link"
                danger
                loading={chase.isPending && chase.variables?.periodEnd === p.periodEnd && !chase.variables.unitId}
                onClick={() => chaseLate(p.periodEnd)}
                aria-label={t('reports.chaseAllLabel', { period: p.periodEnd })}
              >
                {t('reports.chaseAll')}
              </Button>
            )}
            {b!.canReview && (
              <Button
                size="small"
                type="link"
                onClick={() => setConsolidating(p.periodEnd)}
                aria-label={t('reports.consolidatedLabel', { period: p.periodEnd })}
              >
                {t('reports.consolidated')}
              </Button>
            )}
          </span>
        </Tooltip>
      ),
      width: 118,
      align: 'center' as const,
      render: (_: unknown, u: UnitRow) => {
        const c = b!.cells.find((x) => x.unitId === u.unitId && x.periodEnd === p.periodEnd);
        if (!c) return null;
        const color = stateColor(c.state, c.late);
        const chased = c.chasedAt
          ? t('reports.chasedBy', { at: formatDateTime(c.chasedAt), by: c.chasedByName ?? '' })
          : undefined;
        return (
          <Flex vertical align="center" gap={2}>
            <Tooltip
              title={
                [c.submittedAt ? t('reports.submittedAt', { at: formatDateTime(c.submittedAt) }) : '', chased ?? '']
                  .filter(Boolean)
                  .join('；') || undefined
              }
            >
              <Tag
                color={color}
                style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                onClick={() => open(u.unitId, p.periodEnd)}
                className="rs-board-cell"
              >
                {t(stateKey(c.state, c.late))}
              </Tag>
            </Tooltip>
            {c.overdue && c.chasedAt && (
              <Typography.Text type="secondary" style={{ fontSize: 11 }}>
                {t('reports.chasedShort', { at: formatDateTime(c.chasedAt).slice(5, 16) })}
              </Typography.Text>
            )}
            {c.overdue && b!.canChase && (
              <Button
                size="small"
                type="link"
                danger
                style={{ padding: 0, height: 'auto' }}
                loading={
                  chase.isPending && chase.variables?.periodEnd === p.periodEnd && chase.variables.unitId === u.unitId
                }
                onClick={() => chaseLate(p.periodEnd, u.unitId)}
                aria-label={t('reports.chaseLabel', { unit: u.unitLabel, period: p.periodEnd })}
              >
                {t('reports.chase')}
              </Button>
            )}
          </Flex>
        );
      },
    })),
    {
      key: 'rate',
      title: t('reports.onTimeRate'),
      fixed: 'end',
      width: 100,
      align: 'end',
      render: (_: unknown, u) => formatRate(b!.perUnit.find((x) => x.unitId === u.unitId)?.onTimeRate ?? null),
    },
  ];

  return (
    <Flex vertical gap={16} style={{ paddingTop: 8 }}>
      {b && b.schedules.length === 0 ? (
        <Typography.Text type="secondary">{t('reports.noSchedules')}</Typography.Text>
      ) : (
        <>
          <Flex gap={24} wrap align="center" justify="space-between">
            <Select
              value={b?.scheduleId ?? undefined}
              onChange={setScheduleId}
              options={(b?.schedules ?? []).map((s) => ({ value: s.id, label: s.name }))}
              aria-label={t('reports.schedule')}
              style={{ minWidth: 320 }}
              popupMatchSelectWidth={false}
            />
            {b && (
              <Flex gap={32} wrap>
                <Statistic title={t('reports.onTimeRate')} value={formatRate(b.rates.onTimeRate)} />
                <Statistic title={t('reports.expected')} value={b.rates.expected} />
                <Statistic title={t('reports.onTime')} value={b.rates.onTime} />
                <Statistic
                  title={t('reports.late')}
                  value={b.rates.late}
                  styles={{ content: { color: b.rates.late ? '#d48806' : undefined } }}
                />
                <Statistic
                  title={t('reports.missing')}
                  value={b.rates.missing}
                  styles={{ content: { color: b.rates.missing ? '#cf1322' : undefined } }}
                />
              </Flex>
            )}
          </Flex>
          <Table
            rowKey="unitId"
            size="small"
            bordered
            loading={board.isFetching}
            dataSource={b?.units ?? []}
            columns={columns}
            pagination={false}
            scroll={{ x: 'max-content' }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('reports.boardHint')}
          </Typography.Text>
        </>
      )}
      {consolidating && b?.scheduleId && (
        <ConsolidationDrawer
          campaignId={campaign.id}
          period={{ scheduleId: b.scheduleId, periodEnd: consolidating }}
          onClose={() => setConsolidating(undefined)}
        />
      )}
      <Card size="small" title={t('reports.quotasTitle')}>
        <QuotasCard campaign={campaign} />
      </Card>
    </Flex>
  );
}
