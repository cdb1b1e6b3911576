import { Button, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../locales/i18n';
import type { Indicator, ScoreRow } from './api';
import { formatValue, unitOf } from './format';

/**
 * 考核评分表: per unit, each indicator's value and points, the total and the rank (and last year's);
 * every value and score opens its records.
 */
export function ScoreTable({
  indicators,
  rows,
  comparison,
  loading,
  onDrill,
}: {
  indicators: Indicator[];
  rows: ScoreRow[];
  comparison: boolean;
  loading?: boolean;
  onDrill: (row: ScoreRow, indicator: Indicator) => void;
}) {
  const t = useT();
  const link = (row: ScoreRow, ind: Indicator, text: string) => (
    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onDrill(row, ind)}>
      {text}
    </Button>
  );
  const columns: ColumnsType<ScoreRow> = [
    { key: 'rank', title: t('scorecards.rank'), dataIndex: 'rank', width: 64, fixed: 'left' },
    { key: 'unit', title: t('scorecards.unit'), dataIndex: 'unitName', width: 200, fixed: 'left' },
    ...indicators.map((ind) => ({
      key: ind.kind,
      title: t('scorecards.indicatorHead', { label: ind.label, weight: ind.weight }),
      children: [
        {
          key: `${ind.kind}-v`,
          title: t('scorecards.value', { unit: unitOf(ind) }),
          width: 110,
          render: (_: unknown, r: ScoreRow) => link(r, ind, formatValue(ind.format, r.values[ind.kind] ?? 0)),
        },
        {
          key: `${ind.kind}-s`,
          title: t('scorecards.points'),
          width: 80,
          render: (_: unknown, r: ScoreRow) => link(r, ind, String(r.scores[ind.kind] ?? 0)),
        },
      ],
    })),
    { key: 'total', title: t('scorecards.total'), dataIndex: 'total', width: 80 },
    ...(comparison
      ? [
          {
            key: 'previous',
            title: t('scorecards.previous'),
            children: [
              { key: 'pt', title: t('scorecards.total'), dataIndex: 'previousTotal', width: 80 },
              { key: 'pr', title: t('scorecards.rank'), dataIndex: 'previousRank', width: 64 },
            ],
          },
        ]
      : []),
  ];
  return (
    <Table<ScoreRow>
      size="small"
      bordered
      rowKey="unitId"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content' }}
    />
  );
}
