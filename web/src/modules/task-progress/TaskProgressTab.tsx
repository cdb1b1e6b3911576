import { useState } from 'react';
import { Alert, Card, Empty, Flex, InputNumber, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../locales/i18n';
import { useTaskProgress, type TaskProgressCellSummary, type TaskProgressRow } from './api';
import { TaskProgressDrawer } from './TaskProgressDrawer';

/** A row of the grid: a task, with the 实施方案's tasks implementing it below it. */
type GridRow = TaskProgressRow & { children?: GridRow[] };

function nest(rows: TaskProgressRow[]): GridRow[] {
  const below = new Map<string, GridRow[]>();
  for (const r of rows) if (r.parentTaskId) below.set(r.parentTaskId, [...(below.get(r.parentTaskId) ?? []), { ...r }]);
  return rows
    .filter((r) => !r.parentTaskId)
    .map((r) => {
      const children = below.get(r.id);
      return children ? { ...r, children } : { ...r };
    });
}

/**
 * 任务进展 of a plan (a tab of the campaign page): rows are the plan's tasks (and its 实施方案's,
 * grouped under the task they implement), each cell one 牵头/配合 unit with its counts; a 牵头 unit
 * without progress for N weeks is red. A cell opens its records and notes.
 */
export function TaskProgressTab({ campaign }: { campaign: { id: string } }) {
  const t = useT();
  const [search, setSearch] = useSearchParams();
  const [weeks, setWeeks] = useState(4);
  const grid = useTaskProgress(campaign.id, weeks);
  const taskId = search.get('taskId');
  const unitId = search.get('unitId');
  const open = (cell: { taskId: string; unitId: string } | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (cell) {
          next.set('taskId', cell.taskId);
          next.set('unitId', cell.unitId);
        } else {
          next.delete('taskId');
          next.delete('unitId');
        }
        return next;
      },
      { replace: true },
    );
  const names = new Map((grid.data?.units ?? []).map((u) => [u.id, u.name]));

  const renderCell = (row: GridRow, c: TaskProgressCellSummary) => (
    <Card
      key={c.unitId}
      size="small"
      hoverable
      onClick={() => open({ taskId: row.id, unitId: c.unitId })}
      style={{ minWidth: 180, borderColor: c.inactive ? '#ff4d4f' : undefined }}
      styles={{ body: { padding: 8 } }}
      data-testid={`task-cell-${row.id}-${c.unitId}`}
    >
      <Space size={4} wrap>
        <Tag color={c.role === 'lead' ? 'blue' : 'default'}>
          {c.role === 'lead' ? t('taskProgress.lead') : t('taskProgress.cooperating')}
        </Tag>
        <Typography.Text strong>{names.get(c.unitId)}</Typography.Text>
      </Space>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('taskProgress.counts', c.counts)}
        </Typography.Text>
      </div>
      <Space size={8} style={{ fontSize: 12 }}>
        <span>{t('taskProgress.notes', { count: c.noteCount })}</span>
        {c.lastActivity && <span>{t('taskProgress.last', { date: c.lastActivity })}</span>}
      </Space>
      {c.inactive && (
        <div>
          <Typography.Text type="danger" strong>
            {t('taskProgress.inactive', { weeks: c.weeksInactive ?? weeks })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );

  const columns: ColumnsType<GridRow> = [
    { title: t('taskProgress.seq'), key: 'seq', width: 90, render: (_, r) => r.seq + 1 },
    {
      title: t('taskProgress.task'),
      key: 'title',
      width: 260,
      render: (_, r) => (
        <Flex vertical>
          <span>{r.title}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('taskProgress.allUnits', r.counts)}
          </Typography.Text>
          {r.campaignId !== campaign.id && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('taskProgress.implementation', { name: r.campaignName })}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    {
      title: `${t('taskProgress.leadFull')} / ${t('taskProgress.cooperatingFull')}`,
      key: 'cells',
      render: (_, r) => (
        <Flex gap={8} wrap>
          {r.cells.map((c) => renderCell(r, c))}
        </Flex>
      ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Alert type="info" showIcon title={t('taskProgress.hint')} />
      <Space>
        <span>{t('taskProgress.inactiveWeeks')}</span>
        <InputNumber
          min={1}
          max={52}
          value={weeks}
          onChange={(v) => setWeeks(typeof v === 'number' && v >= 1 ? v : 4)}
          aria-label={t('taskProgress.inactiveWeeks')}
        />
      </Space>
      <Table<GridRow>
        rowKey="id"
        size="small"
        loading={grid.isPending}
        columns={columns}
        dataSource={nest(grid.data?.rows ?? [])}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        locale={{ emptyText: <Empty description={t('taskProgress.noTasks')} /> }}
      />
      {taskId && unitId && (
        <TaskProgressDrawer campaignId={campaign.id} cell={{ taskId, unitId }} onClose={() => open(null)} />
      )}
    </Flex>
  );
}
