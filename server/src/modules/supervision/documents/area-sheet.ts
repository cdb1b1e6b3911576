import { printedTable, thinBorder, writeXlsx } from '../../../platform/documents/xlsx';

/** One row of the 分片督查表: a group, its people and the units of its 片区. */
export interface AreaTableRow {
  group: string;
  leader: string;
  members: string[];
  phone: string;
  units: string[];
}

export const AREA_TABLE_HEADER = ['序号', '督查组', '组长', '成员', '联系电话', '督查片区（单位）'] as const;

/** The cells of a row as printed (序号 first; names joined with 、). */
export const areaTableCells = (r: AreaTableRow, i: number): string[] => [
  String(i + 1),
  r.group,
  r.leader,
  r.members.join('、'),
  r.phone,
  r.units.join('、'),
];

/** A cell's text in column-width units at 12 pt: a Chinese character about two and a half, other characters one and a quarter. */
const textWidth = (v: string) => [...v].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2.5 : 1.25), 0);

/** 分片督查表 in its printed layout: merged title, boxed cells, A4 landscape with the header repeated. */
export function areaSheetXlsx(campaignName: string, rows: AreaTableRow[]): Promise<Buffer> {
  return writeXlsx(async (wb) => {
    const ws = wb.addWorksheet('分片督查表', printedTable('landscape', '1:2'));
    const widths = [6, 16, 12, 30, 16, 60];
    ws.columns = widths.map((width) => ({ width }));
    ws.mergeCells(1, 1, 1, AREA_TABLE_HEADER.length);
    const title = ws.getCell(1, 1);
    title.value = `${campaignName}分片督查表`;
    title.font = { name: '方正小标宋简体', size: 18 };
    title.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(1).height = 40;
    const put = (row: number, values: readonly string[], bold: boolean) => {
      values.forEach((v, j) => {
        const cell = ws.getCell(row, j + 1);
        cell.value = v;
        cell.border = thinBorder;
        cell.font = { name: bold ? '黑体' : '仿宋_GB2312', size: 12 };
        cell.alignment = { horizontal: j >= 3 && !bold ? 'left' : 'center', vertical: 'middle', wrapText: true };
      });
    };
    put(2, AREA_TABLE_HEADER, true);
    ws.getRow(2).height = 28;
    rows.forEach((r, i) => {
      const cells = areaTableCells(r, i);
      put(3 + i, cells, false);
      // Spreadsheets do not grow a row for wrapped text on their own: as many lines as the longest cell needs.
      const lines = Math.max(1, ...cells.map((v, j) => Math.ceil((textWidth(v) + 1) / widths[j])));
      ws.getRow(3 + i).height = Math.max(24, lines * 18);
    });
  });
}
