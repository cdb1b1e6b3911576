import { chineseDate } from '../../../platform/documents/official-document';
import { printedTable, thinBorder, writeXlsx } from '../../../platform/documents/xlsx';
import { excelAmount, fenToWanYuanExact, yuanTextToFen } from '../../../platform/money';

/** What the comparison sheet prints: the units' cells by category and column, 合计 last. */
export interface PrintedComparison {
  unitName: string;
  from: string;
  to: string;
  template: { columns: { key: string; name: string; unit: string; money: boolean }[]; cumulative: boolean };
  categories: { code: string; label: string }[];
  rows: { unitName: string; cells: Record<string, Record<string, string>> }[];
  total: { cells: Record<string, Record<string, string>> };
}

/** 元 text → 万元, exact to the fen (a number when Excel holds it exactly, else the exact text). */
function wanYuan(yuan: string) {
  const fen = yuanTextToFen(yuan);
  if (fen === null) throw new Error(`对比表金额不是元的精确文本：${yuan}`);
  return excelAmount(fenToWanYuanExact(fen));
}

/** Columns a printed page holds across before the next page (the unit column repeats on each). */
const COLUMNS_PER_PAGE = 22;

/**
 * 分单位对比表 (.xlsx): title, 报送单位 / 统计时间 / 报送时间, a three-row header (the category
 * groups merged over their columns, the column names, the printed units), one row per unit, 合计.
 * A4 landscape; a wide table runs over pages across, the unit column and the header repeated.
 */
export function comparisonWorkbook(title: string, c: PrintedComparison, reportedOn: string): Promise<Buffer> {
  return writeXlsx((wb) => {
    const cols = c.template.columns;
    const width = c.categories.length * cols.length;
    const setup = printedTable('landscape', '3:5');
    const ws = wb.addWorksheet('分单位对比', {
      ...setup,
      pageSetup: {
        ...setup.pageSetup,
        fitToWidth: Math.max(1, Math.ceil(width / COLUMNS_PER_PAGE)),
        printTitlesColumn: 'A:A',
      },
      views: [{ state: 'frozen', xSplit: 1, ySplit: 5 }],
    });
    ws.columns = [
      { width: 28 },
      ...c.categories.flatMap(() =>
        cols.map((col) => ({ width: Math.max(col.money ? 12 : 9, col.name.length * 2 + 2) })),
      ),
    ];
    const last = width + 1;
    // Title and 报送单位 over the first printed page's width (a title merged over every page would print off it).
    const firstPage = Math.min(last, 1 + Math.max(1, Math.floor(COLUMNS_PER_PAGE / cols.length)) * cols.length);
    const font = { name: '宋体', size: 11 };
    const t = ws.addRow([title]);
    t.font = { name: '方正小标宋简体', size: 18 };
    t.alignment = { horizontal: 'center', vertical: 'middle' };
    t.height = 32;
    ws.mergeCells(1, 1, 1, firstPage);
    const infoCells = Array<string | null>(last).fill(null);
    infoCells[0] = `报送单位：${c.unitName}\u3000统计时间：${chineseDate(c.from)}至${chineseDate(c.to)}\u3000报送时间：${chineseDate(reportedOn)}`;
    const info = ws.addRow(infoCells);
    info.font = font;
    ws.mergeCells(2, 1, 2, firstPage);
    const groups = ws.addRow(['单位', ...c.categories.flatMap((g) => cols.map((_, n) => (n === 0 ? g.label : null)))]);
    const names = ws.addRow([null, ...c.categories.flatMap(() => cols.map((col) => col.name))]);
    const units = ws.addRow([
      null,
      ...c.categories.flatMap(() => cols.map((col) => `（${col.money ? '万元' : col.unit}）`)),
    ]);
    ws.mergeCells(3, 1, 5, 1);
    c.categories.forEach((_, g) => ws.mergeCells(3, 2 + g * cols.length, 3, 1 + (g + 1) * cols.length));
    for (const r of [groups, names, units]) {
      r.font = { ...font, bold: true };
      r.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      for (let n = 1; n <= last; n++) r.getCell(n).border = thinBorder;
    }
    let asText = false;
    const addUnitRow = (label: string, cells: Record<string, Record<string, string>>, bold: boolean) => {
      const values = c.categories.flatMap((g) =>
        cols.map((col) => {
          const v = cells[g.code]?.[col.key] ?? '0';
          return col.money ? wanYuan(v) : excelAmount(v);
        }),
      );
      asText ||= values.some((v) => typeof v === 'string');
      const r = ws.addRow([label, ...values]);
      r.font = { ...font, bold };
      r.height = 22;
      for (let n = 1; n <= last; n++) {
        const cell = r.getCell(n);
        cell.border = thinBorder;
        if (n === 1) continue;
        const col = cols[(n - 2) % cols.length];
        cell.numFmt = col.money ? '0.0000' : '0';
        cell.alignment = { horizontal: 'right', vertical: 'middle' };
      }
    };
    for (const row of c.rows) addUnitRow(row.unitName, row.cells, false);
    addUnitRow('合计', c.total.cells, true);
    const beyond = asText ? '超过15位有效数字的数字以文本写出，精确到分。' : '';
    const note = ws.addRow([
      `说明：每个单位的数字含其下级单位；合计为${c.unitName}的数字。${
        c.template.cumulative ? '累计统计。' : '按统计期间统计。'
      }金额单位为万元（保留四位小数，即精确到元）。${beyond}`,
    ]);
    note.font = { name: '宋体', size: 9 };
    ws.mergeCells(note.number, 1, note.number, Math.min(last, COLUMNS_PER_PAGE));
  });
}
