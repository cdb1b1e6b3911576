import { useMemo } from 'react';
import { Alert, Button, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import type { Campaign } from './api';
import { buildTaskMatrix, type MatrixRow } from './task-matrix';
import { useCampaignDownload } from './useCampaignDownload';

/** Details under a task's row: what it says and what it focuses on. */
function TaskDetails({ row }: { row: MatrixRow }) {
  const t = useT();
  const { task } = row;
  const focus = [
    ['campaigns.focusProducts', task.focusProducts],
    ['campaigns.focusPlaces', task.focusPlaces],
    ['campaigns.focusAreas', task.focusAreas],
  ] as const;
  return (
    <Flex vertical gap={6} style={{ maxWidth: 960 }}>
      {task.content && (
        <Typography.Paragraph className="rs-plan-text" style={{ margin: 0 }}>
          {task.content}
        </Typography.Paragraph>
      )}
      {focus
        .filter(([, values]) => values.length > 0)
        .map(([label, values]) => (
          <div key={label}>
            <Typography.Text type="secondary">{t(label)}：</Typography.Text>
            {values.map((v) => (
              <Tag key={v}>{v}</Tag>
            ))}
          </div>
        ))}
    </Flex>
  );
}

/**
 * 任务分工: tasks grouped by area down the side, the units that lead (牵头) or cooperate (配合)
 * across the top; role names the plan printed but no unit holds yet are flagged 待指定.
 */
export function TaskMatrixTab({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const matrix = useMemo(() => buildTaskMatrix(campaign), [campaign]);
  const { download, pending } = useCampaignDownload(campaign.id);
  const hasPending = matrix.pendingTasks > 0;

  const columns: TableColumnsType<MatrixRow> = [
    {
      key: 'area',
      title: t('campaigns.taskArea'),
      width: 110,
      fixed: 'left',
      onCell: (row) => ({ rowSpan: row.areaSpan }),
      render: (_: unknown, row) => <Typography.Text strong>{row.task.area}</Typography.Text>,
    },
    {
      key: 'task',
      title: t('campaigns.task'),
      width: 320,
      fixed: 'left',
      render: (_: unknown, row) => (
        <Flex vertical gap={4} align="flex-start">
          <span>
            <Typography.Text type="secondary">{row.task.seq + 1}. </Typography.Text>
            {row.task.title}
          </span>
          <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
            {row.category}
          </Tag>
          {row.pendingLead.map((r) => (
            <Tag key={`l-${r}`} color="orange" className="rs-pending">
              {t('campaigns.pendingLead', { role: r })}
            </Tag>
          ))}
          {row.pendingCooperating.map((r) => (
            <Tag key={`c-${r}`} color="orange" className="rs-pending">
              {t('campaigns.pendingCooperating', { role: r })}
            </Tag>
          ))}
        </Flex>
      ),
    },
    ...matrix.units.map((u) => ({
      key: u.id,
      title: (
        <span className="rs-matrix-head" title={u.name}>
          {u.name}
        </span>
      ),
      width: 46,
      align: 'center' as const,
      className: 'rs-matrix-cell',
      render: (_: unknown, row: MatrixRow) =>
        row.marks[u.id] === 'lead' ? (
          <Tag color="red" className="rs-mark">
            {t('campaigns.markLead')}
          </Tag>
        ) : row.marks[u.id] === 'cooperating' ? (
          <Tag color="blue" className="rs-mark">
            {t('campaigns.markCooperating')}
          </Tag>
        ) : null,
    })),
  ];

  return (
    <Flex vertical gap={12} style={{ paddingTop: 8 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space size={12} wrap>
          <Typography.Text type="secondary">
            {t('campaigns.matrixSummary', { tasks: matrix.rows.length, units: matrix.units.length })}
          </Typography.Text>
          <Space size={4}>
            <Tag color="red" className="rs-mark">
              {t('campaigns.markLead')}
            </Tag>
            {t('campaigns.lead')}
          </Space>
          <Space size={4}>
            <Tag color="blue" className="rs-mark">
              {t('campaigns.markCooperating')}
            </Tag>
            {t('campaigns.cooperating')}
          </Space>
        </Space>
        <Button
          icon={<DownloadOutlined />}
          loading={pending === 'taskMatrix'}
          onClick={() => void download('taskMatrix')}
        >
          {t('campaigns.downloadTaskMatrix')}
        </Button>
      </Flex>
      {hasPending && (
        <Alert type="warning" showIcon title={t('campaigns.pendingAlert', { count: matrix.pendingTasks })} />
      )}
      {matrix.rows.length === 0 ? (
        <Empty description={t('campaigns.noTasks')} />
      ) : (
        <Table<MatrixRow>
          className="rs-matrix"
          rowKey={(row) => row.task.id}
          size="small"
          bordered
          pagination={false}
          columns={columns}
          dataSource={matrix.rows}
          rowClassName={(row) => (row.pendingLead.length || row.pendingCooperating.length ? 'rs-row-pending' : '')}
          expandable={{
            expandedRowRender: (row) => <TaskDetails row={row} />,
            rowExpandable: (row) => !!row.task.content || row.task.focusProducts.length > 0,
          }}
          scroll={{ x: 'max-content' }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text type="secondary">{t('campaigns.matrixTotals')}</Typography.Text>
              </Table.Summary.Cell>
              {matrix.units.map((u, i) => (
                <Table.Summary.Cell key={u.id} index={i + 3} align="center">
                  <span className="rs-matrix-total">
                    {matrix.totals[u.id].lead}/{matrix.totals[u.id].cooperating}
                  </span>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          )}
        />
      )}
    </Flex>
  );
}
