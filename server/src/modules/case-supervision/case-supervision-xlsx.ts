import { thinBorder, writeXlsx } from '../../platform/documents/xlsx';

interface LedgerRow {
  caseName: string;
  caseNumber: string;
  unitName: string;
  supervisingUnitName: string;
  level: 'self' | 'superior' | null;
  startDate: string | null;
  deadline: string | null;
  instruction: string | null;
  latestProgress: string | null;
  latestProgressDate: string | null;
  statusLabel: string;
  progressOverdue: boolean;
  deadlineOverdue: boolean;
}

const COLUMNS: { header: string; width: number; value: (r: LedgerRow, i: number) => string | number }[] = [
  { header: '序号', width: 6, value: (_r, i) => i + 1 },
  { header: '案件名称（编号）', width: 36, value: (r) => `${r.caseName}（${r.caseNumber}）` },
  { header: '承办单位', width: 18, value: (r) => r.unitName },
  { header: '督办单位', width: 18, value: (r) => r.supervisingUnitName },
  { header: '督办层级', width: 10, value: (r) => (r.level ? (r.level === 'self' ? '本级督办' : '上级督办') : '') },
  { header: '督办日期', width: 12, value: (r) => r.startDate ?? '' },
  { header: '办结期限', width: 12, value: (r) => r.deadline ?? '' },
  { header: '督办意见', width: 40, value: (r) => r.instruction ?? '' },
  {
    header: '最近进展',
    width: 40,
    value: (r) => (r.latestProgress ? `${r.latestProgressDate}：${r.latestProgress}` : ''),
  },
  { header: '状态', width: 10, value: (r) => r.statusLabel },
  {
    header: '是否逾期',
    width: 14,
    value: (r) =>
      [r.deadlineOverdue ? '督办逾期' : '', r.progressOverdue ? '进展逾期' : ''].filter(Boolean).join('、') || '否',
  },
];

/** 督办件台账 (.xlsx): one row per 督办件, as the ledger lists them. */
export function supervisionLedgerXlsx(rows: LedgerRow[]): Promise<Buffer> {
  return writeXlsx((wb) => {
    const ws = wb.addWorksheet('督办件台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = COLUMNS.map((c) => ({ width: c.width }));
    const header = ws.addRow(COLUMNS.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.border = thinBorder));
    header.commit();
    rows.forEach((r, i) => {
      const row = ws.addRow(COLUMNS.map((c) => c.value(r, i)));
      row.eachCell((cell) => {
        cell.border = thinBorder;
        cell.alignment = { wrapText: true, vertical: 'top' };
      });
      row.commit();
    });
    ws.commit();
  });
}
