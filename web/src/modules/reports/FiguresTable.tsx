import { Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { useT } from '../../locales/i18n';
import type { FormColumn, TableRow } from './api';
import { yuanToWan } from './figures';

/**
 * A statistics table as printed: one row per category with its sub-label, 合计 last; money in
 * 万元 (the exact 元 on hover); columns entered by hand are marked. With `onDrill`, every figure
 * opens what makes it: the records, or the entries made by hand.
 */
export function FiguresTable<C extends FormColumn>({
  columns,
  rows,
  loading,
  onDrill,
  rowTitle,
  compare,
}: {
  /** 同比: beside each figure last year's (上年同期) and the change (增减 %), from the rows' previous/change. */
  compare?: boolean;
  columns: C[];
  rows: TableRow[];
  loading?: boolean;
  /** What the rows are (违法行为类型 by default; the units of a 汇总报表). */
  rowTitle?: string;
  onDrill?: (row: TableRow, column: C) => void;
}) {
  const t = useT();
  const cell = (row: TableRow, column: C) => {
    // A figure not given (a unit of a 汇总报表 whose report is not accepted) is a dash, not a zero.
    if (!(column.key in row.cells)) return <span className="rs-secondary">—</span>;
    const raw = row.cells[column.key];
    const shown = column.money ? yuanToWan(raw) : raw;
    const text = column.money ? <Tooltip title={t('reports.exactYuan', { yuan: raw })}>{shown}</Tooltip> : shown;
    const empty = raw === '0' || raw === '0.00';
    if (!onDrill || empty) return <span className={empty ? 'rs-secondary' : undefined}>{text}</span>;
    return (
      <Typography.Link
        role="button"
        onClick={() => onDrill(row, column)}
        aria-label={t('reports.drillLabel', { category: row.label, metric: column.name })}
      >
        {text}
      </Typography.Link>
    );
  };
  const tableColumns: TableColumnsType<TableRow> = [
    {
      key: 'category',
      title: rowTitle ?? t('reports.category'),
      fixed: 'start',
      width: 210,
      render: (_: unknown, r) =>
        r.category === 'total' ? (
          <strong>{r.label}</strong>
        ) : (
          <span>
            {r.label}
            {r.subLabel && (
              <div className="rs-secondary" style={{ fontSize: 12 }}>
                {r.subLabel}
              </div>
            )}
          </span>
        ),
    },
    ...columns
      .map((c) => ({
        key: c.key,
        title: (
          <span>
            {c.name}
            {c.kind === 'manual' && (
              <Tooltip title={t('reports.manualColumn')}>
                <EditOutlined style={{ marginInlineStart: 4, color: '#8c8c8c' }} />
              </Tooltip>
            )}
            <div className="rs-secondary" style={{ fontWeight: 'normal' }}>{`（${c.unit}）`}</div>
          </span>
        ),
        width: c.money ? 120 : 100,
        align: 'end' as const,
        render: (_: unknown, r: TableRow) => cell(r, c),
      }))
      .flatMap((col, i) => {
        const c = columns[i];
        if (!compare) return [col];
        const previous = (r: TableRow) => {
          const raw = r.previous?.[c.key];
          if (raw === undefined) return <span className="rs-secondary">—</span>;
          return <span className="rs-secondary">{c.money ? yuanToWan(raw) : raw}</span>;
        };
        const change = (r: TableRow) => {
          const v = r.change?.[c.key];
          if (v === undefined || v === null) return <span className="rs-secondary">—</span>;
          return (
            <span
              style={{ color: v > 0 ? '#cf1322' : v < 0 ? '#389e0d' : undefined }}
            >{`${v > 0 ? '+' : ''}${v}%`}</span>
          );
        };
        return [
          col,
          {
            key: `${c.key}:previous`,
            title: <span className="rs-secondary">{t('reports.previousYear')}</span>,
            width: c.money ? 120 : 90,
            align: 'end' as const,
            render: (_: unknown, r: TableRow) => previous(r),
          },
          {
            key: `${c.key}:change`,
            title: <span className="rs-secondary">{t('reports.change')}</span>,
            width: 80,
            align: 'end' as const,
            render: (_: unknown, r: TableRow) => change(r),
          },
        ];
      }),
  ];
  return (
    <Table
      rowKey="category"
      size="small"
      bordered
      loading={loading}
      dataSource={rows}
      columns={tableColumns}
      pagination={false}
      scroll={{ x: 210 + columns.length * 110 }}
      rowClassName={(r) => (r.category === 'total' ? 'rs-total-row' : '')}
    />
  );
}
