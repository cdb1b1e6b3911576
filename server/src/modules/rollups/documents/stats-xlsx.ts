import type ExcelJS from 'exceljs';
import { chineseDate } from '../../../platform/documents/official-document';
import { printedTable, thinBorder, writeXlsx } from '../../../platform/documents/xlsx';
import { excelAmount, fenToWanYuanExact, yuanTextToFen } from '../../../platform/money';

export interface StatsTable {
  unitName: string;
  from: string;
  to: string;
  rows: { category: string; label: string; subLabel: string | null; values: Record<string, number | string> }[];
}

/** A column as printed: name, unit, and whether the value is 元 text printed in 万元. */
export interface PrintedColumn {
  key: string;
  name: string;
  unit: string;
  wan?: boolean;
  /** A percentage (同比 增减 %), printed with one decimal. */
  percent?: boolean;
}

/**
 * 元 text ("1234.56") → 万元 for the cell, exact to the fen: a number (0.123456) when Excel can hold
 * it exactly (15 significant digits), otherwise the exact text ("9007199254.740993") — a double
 * would round a sum beyond that, and a figure in an official table must not change.
 */
function wanYuan(yuan: string) {
  const fen = yuanTextToFen(yuan);
  if (fen === null) throw new Error(`统计表金额不是元的精确文本：${yuan}`);
  return excelAmount(fenToWanYuanExact(fen));
}

/** One statistics table as printed: title, 报送单位 / 统计时间 / 报送时间, the two-row header, a row per category, 合计. */
function addTableSheet(
  wb: ExcelJS.Workbook | ExcelJS.stream.xlsx.WorkbookWriter,
  sheetName: string,
  title: string,
  table: StatsTable,
  reportedOn: string,
  COLUMNS: PrintedColumn[],
  note: string,
  rowHeads: [string, string] = ['案件数据', '违法行为类型'],
) {
  const ws = wb.addWorksheet(sheetName.slice(0, 31).replace(/[\\/?*[\]:]/g, '·'), printedTable('landscape', '3:4'));
  // Wide enough for the column's name on one line (a Chinese character is about two widths).
  ws.columns = [
    { width: 16 },
    { width: 22 },
    ...COLUMNS.map((c) => ({ width: Math.max(c.wan ? 13 : 10, c.name.length * 2 + 2) })),
  ];
  const last = COLUMNS.length + 2;
  const font = { name: '宋体', size: 11 };
  const t = ws.addRow([title]);
  t.font = { name: '方正小标宋简体', size: 18 };
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  t.height = 32;
  ws.mergeCells(1, 1, 1, last);
  // 报送单位 | 统计时间 | 报送时间 across the width (the last third for 报送时间).
  const reportCol = Math.max(5, last - 3);
  const info = ws.addRow([
    `报送单位：${table.unitName}`,
    null,
    null,
    `统计时间：${chineseDate(table.from)}至${chineseDate(table.to)}`,
    ...Array(reportCol - 5).fill(null),
    `报送时间：${chineseDate(reportedOn)}`,
  ]);
  info.font = font;
  ws.mergeCells(2, 1, 2, 3);
  ws.mergeCells(2, 4, 2, reportCol - 1);
  ws.mergeCells(2, reportCol, 2, last);
  const head1 = ws.addRow([...rowHeads, ...COLUMNS.map((c) => c.name)]);
  const head2 = ws.addRow([null, null, ...COLUMNS.map((c) => `（${c.unit}）`)]);
  ws.mergeCells(3, 1, 4, 1);
  ws.mergeCells(3, 2, 4, 2);
  for (const r of [head1, head2]) {
    r.font = { ...font, bold: true };
    r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let c = 1; c <= last; c++) r.getCell(c).border = thinBorder;
  }
  let asText = false;
  for (const row of table.rows) {
    // A figure not given (a unit of a 汇总报表 whose report is not accepted) stays blank.
    const cells = COLUMNS.map((c) =>
      row.values[c.key] === undefined
        ? null
        : c.wan
          ? wanYuan(String(row.values[c.key]))
          : excelAmount(String(row.values[c.key])),
    );
    asText ||= cells.some((v) => typeof v === 'string');
    const r = ws.addRow([row.label, row.category === 'total' ? null : row.subLabel, ...cells]);
    r.font = { ...font, bold: row.category === 'total' };
    r.alignment = { vertical: 'middle', wrapText: true };
    r.height = 22;
    for (let c = 1; c <= last; c++) {
      const cell = r.getCell(c);
      cell.border = thinBorder;
      const col = COLUMNS[c - 3];
      if (col) {
        cell.numFmt = col.wan ? '0.0000' : col.percent ? '0.0' : '0';
        cell.alignment = { horizontal: 'right', vertical: 'middle' };
      }
    }
    if (row.category === 'total') ws.mergeCells(r.number, 1, r.number, 2);
  }
  const beyond = asText ? '超过15位有效数字的数字以文本写出，精确到分（Excel 的数字只保留15位有效数字）。' : '';
  const noteRow = ws.addRow([`说明：${note}金额单位为万元（保留四位小数，即精确到元）。${beyond}`]);
  noteRow.font = { name: '宋体', size: 9 };
  ws.mergeCells(noteRow.number, 1, noteRow.number, last);
}

/**
 * The statistics table (.xlsx) of a unit; for a bureau with units below it, the roll-up (汇总报表):
 * its own table first, then one sheet per unit below it, each with that unit's figures. The first
 * sheet may name its rows otherwise (`ownRowHeads`: the units of a period's 汇总报表).
 */
export function statsWorkbook(
  title: string,
  own: StatsTable,
  below: StatsTable[],
  reportedOn: string,
  layout: { columns: PrintedColumn[]; note: string; ownRowHeads?: [string, string] },
): Promise<Buffer> {
  return writeXlsx((wb) => {
    const ownSheet = below.length ? '汇总' : own.unitName;
    addTableSheet(wb, ownSheet, title, own, reportedOn, layout.columns, layout.note, layout.ownRowHeads);
    for (const t of below) addTableSheet(wb, t.unitName, title, t, reportedOn, layout.columns, layout.note);
  });
}
