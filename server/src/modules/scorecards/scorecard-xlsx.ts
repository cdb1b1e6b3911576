import { printedTable, thinBorder, writeXlsx } from '../../platform/documents/xlsx';

export interface ScorecardSheetInput {
  title: string;
  from: string;
  to: string;
  /** What the figures are: live, or which revision published when. */
  subtitle: string;
  indicators: {
    kind: string;
    label: string;
    weight: number;
    unit: string;
    format: 'count' | 'money' | 'ratio' | 'score';
  }[];
  rows: {
    unitName: string;
    values: Record<string, number>;
    scores: Record<string, number>;
    total: number;
    rank: number;
    previousTotal: number | null;
    previousRank: number | null;
  }[];
  /** 同比: last year's total and rank beside this year's. */
  comparison: boolean;
}

/** A value as printed: money in 元, a ratio in %, other figures as they are. */
function shown(format: ScorecardSheetInput['indicators'][number]['format'], v: number): number {
  if (format === 'money') return Math.round(v) / 100;
  if (format === 'ratio') return Math.round(v * 10000) / 100;
  return Math.round(v * 100) / 100;
}
const unitShown = (i: ScorecardSheetInput['indicators'][number]) =>
  i.format === 'money' ? '元' : i.format === 'ratio' ? '%' : i.unit;

/**
 * 考核评分表: title, period, then one line per unit — each indicator's value and points, the total
 * and the rank (and last year's when compared). A4 landscape, fitted to the page width.
 */
export function scorecardXlsx(input: ScorecardSheetInput): Promise<Buffer> {
  return writeXlsx((wb) => {
    const head1 = ['名次', '单位'];
    const head2 = ['', ''];
    for (const i of input.indicators) {
      head1.push(`${i.label}（${i.weight}分）`, '');
      head2.push(`数值（${unitShown(i)}）`, '得分');
    }
    head1.push('总分');
    head2.push('');
    if (input.comparison) {
      head1.push('上年同期', '');
      head2.push('总分', '名次');
    }
    const width = head1.length;
    const ws = wb.addWorksheet('考核评分表', printedTable('landscape', '1:4'));
    ws.columns = head1.map((_, n) => ({ width: n === 0 ? 7 : n === 1 ? 28 : 12 }));
    ws.mergeCells(1, 1, 1, width);
    ws.getCell(1, 1).value = `${input.title}考核评分表`;
    ws.getCell(1, 1).font = { bold: true, size: 16 };
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    ws.getRow(1).commit();
    ws.mergeCells(2, 1, 2, width);
    ws.getCell(2, 1).value = `考核期间：${input.from} 至 ${input.to}  ${input.subtitle}`;
    ws.getRow(2).commit();
    const heads = [head1, head2];
    heads.forEach((h, r) => {
      const row = ws.getRow(3 + r);
      h.forEach((v, n) => {
        const c = row.getCell(n + 1);
        c.value = v;
        c.font = { bold: true };
        c.border = thinBorder;
        c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      });
    });
    ws.mergeCells(3, 1, 4, 1);
    ws.mergeCells(3, 2, 4, 2);
    input.indicators.forEach((_, n) => ws.mergeCells(3, 3 + n * 2, 3, 4 + n * 2));
    const totalCol = 3 + input.indicators.length * 2;
    ws.mergeCells(3, totalCol, 4, totalCol);
    if (input.comparison) ws.mergeCells(3, totalCol + 1, 3, totalCol + 2);
    ws.getRow(3).commit();
    ws.getRow(4).commit();
    input.rows.forEach((r, n) => {
      const row = ws.getRow(5 + n);
      const cells: (string | number | null)[] = [r.rank, r.unitName];
      for (const i of input.indicators) cells.push(shown(i.format, r.values[i.kind] ?? 0), r.scores[i.kind] ?? 0);
      cells.push(r.total);
      if (input.comparison) cells.push(r.previousTotal, r.previousRank);
      cells.forEach((v, k) => {
        const c = row.getCell(k + 1);
        c.value = v;
        c.border = thinBorder;
        c.alignment = { vertical: 'middle', horizontal: k === 1 ? 'left' : 'center', wrapText: true };
      });
      row.commit();
    });
  });
}

export const scorecardFileName = (title: string) =>
  `${title.replace(/[\\/:*?"<>|\r\n]+/g, '').slice(0, 60) || '考核'}考核评分表.xlsx`;
