import { Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useT, type MessageKey } from '../../locales/i18n';
import { LoadError } from '../../app/StatusPages';
import { useInspectionTotals, type InspectionTotalsQuery, type InspectionTotalsRow } from './api';

type Sum = Exclude<keyof InspectionTotalsRow, 'unitId' | 'unitName' | 'categoryCode' | 'categoryLabel'>;

/** The figures of the 合计 table, in the order the reports list them. */
export const TOTAL_COLUMNS: { key: Sum; title: MessageKey }[] = [
  { key: 'outings', title: 'inspections.outings' },
  { key: 'staffDeployed', title: 'inspections.staffDeployed' },
  { key: 'vehicles', title: 'inspections.vehicles' },
  { key: 'entitiesInspected', title: 'inspections.entitiesInspected' },
  { key: 'unlicensedBanned', title: 'inspections.unlicensedBanned' },
  { key: 'rapidTestBatches', title: 'inspections.rapidTestBatches' },
  { key: 'rapidTestFailed', title: 'inspections.rapidTestFailed' },
  { key: 'samplingBatches', title: 'inspections.samplingBatches' },
  { key: 'samplingFailed', title: 'inspections.samplingFailed' },
  { key: 'rectificationOrders', title: 'inspections.rectificationOrders' },
];

/** 合计: the filtered outings added up per unit and category, with the grand total the server adds up. */
export function InspectionTotalsTable({ query }: { query: InspectionTotalsQuery }) {
  const t = useT();
  const totals = useInspectionTotals(query);
  if (totals.isError && !totals.data) return <LoadError error={totals.error} onRetry={() => void totals.refetch()} />;

  const columns: TableColumnsType<InspectionTotalsRow> = [
    { key: 'unit', title: t('inspections.unit'), dataIndex: 'unitName', width: 160, fixed: 'start', ellipsis: true },
    { key: 'category', title: t('inspections.category'), dataIndex: 'categoryLabel', width: 160, ellipsis: true },
    ...TOTAL_COLUMNS.map((c) => ({
      key: c.key,
      title: t(c.title),
      dataIndex: c.key,
      width: 100,
      align: 'right' as const,
      render: (n: number) => <span className="rs-money">{n}</span>,
    })),
  ];
  const total = totals.data?.total;

  return (
    <Table<InspectionTotalsRow>
      rowKey={(r) => `${r.unitId}:${r.categoryCode}`}
      className="rs-inspection-totals"
      size="small"
      bordered
      columns={columns}
      dataSource={totals.data?.rows}
      loading={totals.isFetching}
      pagination={false}
      locale={{ emptyText: t('inspections.empty') }}
      scroll={{ x: 1320 }}
      summary={() =>
        total && (totals.data?.rows.length ?? 0) > 0 ? (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row className="rs-matrix-total">
              <Table.Summary.Cell index={0} colSpan={2}>
                <strong>{t('inspections.grandTotal')}</strong>
              </Table.Summary.Cell>
              {TOTAL_COLUMNS.map((c, index) => (
                <Table.Summary.Cell key={c.key} index={index + 2} align="right">
                  <strong className="rs-money">{total[c.key]}</strong>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
