import type ExcelJS from 'exceljs';
import { printedTable, thinBorder } from '../../../platform/documents/xlsx';
import { STAGE_LABELS } from '../cases.rules';
import { excelAmount, fenToYuan, yuanTextToFen } from '../../../platform/money';

/** Excel's paper size 8 is A3 (ExcelJS's enum lists only some sizes). */
const A3 = 8 as unknown as ExcelJS.PaperSize;

/** A ledger row as the API shows it (amounts in 元 as exact text). */
export interface LedgerRow {
  caseNumber: string;
  name: string;
  unitName: string;
  categoryLabel: string;
  partyName: string;
  partyCreditCode: string | null;
  filingDate: string;
  stage: keyof typeof STAGE_LABELS;
  decisionDueDate: string | null;
  overdue: boolean;
  closingDate: string | null;
  amountInvolved: string;
  fine: string;
  confiscated: string;
  finesAndConfiscations: string;
  lossesRecovered: string;
  online: boolean;
  rural: boolean;
  transferredToJudiciary: boolean;
  judiciaryTransferDate: string | null;
  supervisionLevel: 'self' | 'superior' | null;
  supervisionDeadline: string | null;
  typical: boolean;
}

const COLUMNS: { header: string; width: number; money?: boolean; value: (r: LedgerRow) => string | number | null }[] = [
  { header: '案件编号', width: 22, value: (r) => r.caseNumber },
  { header: '案件名称', width: 30, value: (r) => r.name },
  { header: '承办单位', width: 18, value: (r) => r.unitName },
  { header: '违法类型', width: 14, value: (r) => r.categoryLabel },
  { header: '当事人', width: 24, value: (r) => r.partyName },
  { header: '统一社会信用代码', width: 21, value: (r) => r.partyCreditCode },
  { header: '立案日期', width: 11, value: (r) => r.filingDate },
  { header: '办理阶段', width: 10, value: (r) => STAGE_LABELS[r.stage] },
  {
    header: '决定期限',
    width: 13,
    value: (r) => (r.decisionDueDate ? `${r.decisionDueDate}${r.overdue ? '（已超期）' : ''}` : null),
  },
  { header: '结案日期', width: 11, value: (r) => r.closingDate },
  { header: '涉案金额（元）', width: 14, money: true, value: (r) => r.amountInvolved },
  { header: '罚款（元）', width: 13, money: true, value: (r) => r.fine },
  { header: '没收违法所得（元）', width: 13, money: true, value: (r) => r.confiscated },
  { header: '罚没款（元）', width: 14, money: true, value: (r) => r.finesAndConfiscations },
  { header: '挽回损失（元）', width: 13, money: true, value: (r) => r.lossesRecovered },
  { header: '互联网', width: 7, value: (r) => (r.online ? '是' : '否') },
  { header: '农村市场', width: 7, value: (r) => (r.rural ? '是' : '否') },
  {
    header: '移送司法',
    width: 11,
    value: (r) => (r.transferredToJudiciary ? (r.judiciaryTransferDate ?? '是') : '否'),
  },
  {
    header: '督办',
    width: 14,
    value: (r) =>
      r.supervisionLevel
        ? `${r.supervisionLevel === 'self' ? '本级督办' : '上级督办'}${r.supervisionDeadline ? `（${r.supervisionDeadline}前）` : ''}`
        : null,
  },
  { header: '典型案件', width: 7, value: (r) => (r.typical ? '是' : '否') },
];

/** 元 text → fen, exactly, as BigInt ("1234.50" → 123450n): the 合计 of many cases passes 2^53. */
function fenOf(yuan: string): bigint {
  const fen = yuanTextToFen(yuan);
  if (fen === null) throw new Error(`台账金额不是元的精确文本：${yuan}`);
  return fen;
}

/** A money cell: two decimals with separators; exact text (beyond Excel's 15 digits) right-aligned like the numbers. */
function moneyCell(cell: ExcelJS.Cell) {
  cell.numFmt = '#,##0.00';
  if (typeof cell.value === 'string') cell.alignment = { horizontal: 'right', vertical: 'middle' };
}

/**
 * 重点案件查办工作台账 as printed: title, who exported what and when, one row per case with the
 * amounts as numbers in 元 (two decimals), and a 合计 row summed exactly in fen (BigInt) and written
 * as a number while Excel can hold it exactly (15 significant digits), as exact text beyond that.
 */
export async function writeLedgerSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  meta: { title: string; subtitle: string },
  chunks: AsyncIterable<LedgerRow[]>,
): Promise<number> {
  // Twenty-one columns: printed on A3 landscape, as bureaus print their ledgers.
  const print = printedTable('landscape', '3:3');
  const ws = wb.addWorksheet('案件台账', {
    ...print,
    pageSetup: { ...print.pageSetup, paperSize: A3 },
    views: [{ state: 'frozen', ySplit: 3 }],
  });
  ws.columns = [{ width: 6 }, ...COLUMNS.map((c) => ({ width: c.width }))];
  const last = COLUMNS.length + 1;
  const title = ws.addRow([meta.title]);
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = { horizontal: 'center' };
  title.height = 28;
  ws.mergeCells(1, 1, 1, last);
  title.commit();
  const sub = ws.addRow([meta.subtitle]);
  sub.font = { name: '宋体', size: 10 };
  ws.mergeCells(2, 1, 2, last);
  sub.commit();
  const header = ws.addRow(['序号', ...COLUMNS.map((c) => c.header)]);
  header.font = { name: '宋体', size: 10, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.height = 30;
  header.eachCell((cell) => (cell.border = thinBorder));
  header.commit();

  const totals = COLUMNS.map(() => 0n);
  let n = 0;
  for await (const chunk of chunks) {
    for (const r of chunk) {
      n += 1;
      const values = COLUMNS.map((c, i) => {
        const v = c.value(r);
        if (!c.money) return v;
        totals[i] += fenOf(v as string);
        // A number while Excel holds it exactly; text beyond 15 digits (罚没款 of two 13-digit amounts).
        return excelAmount(v as string);
      });
      const row = ws.addRow([n, ...values]);
      row.font = { name: '宋体', size: 10 };
      row.alignment = { vertical: 'middle', wrapText: true };
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cell.border = thinBorder;
        if (COLUMNS[col - 2]?.money) moneyCell(cell);
      });
      row.commit();
    }
  }
  const sum = ws.addRow([
    '合计',
    ...COLUMNS.map((c, i) => (c.money ? excelAmount(fenToYuan(totals[i])) : i === 0 ? `${n} 件` : null)),
  ]);
  sum.font = { name: '宋体', size: 10, bold: true };
  sum.eachCell({ includeEmpty: true }, (cell, col) => {
    cell.border = thinBorder;
    if (COLUMNS[col - 2]?.money) moneyCell(cell);
  });
  sum.commit();
  ws.commit();
  return n;
}
