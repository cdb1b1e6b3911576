import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable, type TableRow } from '../src/platform/tabular/read-table';
import { deflated, SHEET_END, SHEET_START, WORKBOOK_PARTS, zipOfRawParts } from './helpers/zip';

/**
 * The .xlsx reader (platform/tabular/xlsx-sheet.ts) reads a sheet's XML itself: every kind of cell
 * an import meets, as Excel shows it, whatever the writer (Excel, WPS, ExcelJS, hand-made XML).
 */
const dir = mkdtempSync(path.join(tmpdir(), 'xlsx-reading-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function rowsOf(content: Buffer): Promise<TableRow[]> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, content);
  const rows: TableRow[] = [];
  for await (const r of readTable(file, 'xlsx')) rows.push(r);
  return rows;
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('reading an .xlsx sheet', () => {
  it('reads every kind of cell an ExcelJS (Excel-like) workbook holds, as shown', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('台账');
    ws.addRow(['某市市场监管局 案件台账']);
    const row = ws.addRow([
      'a&b<c>"\'',
      12.5,
      utc(2026, 2, 28),
      true,
      { richText: [{ text: '富', font: { bold: true } }, { text: '文本' }] },
      { formula: 'B2*2', result: 25 },
      { formula: 'A2&"x"', result: '某x' },
      { error: '#N/A' },
      0.25,
      utc(2026, 3, 1),
      null,
      '  空格  ',
    ]);
    row.getCell(9).numFmt = '0%';
    row.getCell(10).numFmt = 'yyyy"年"m"月"d"日"';
    ws.getCell('P2').value = '远处';
    const rows = await rowsOf(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toEqual([
      { row: 1, cells: ['某市市场监管局 案件台账'] },
      {
        row: 2,
        cells: [
          'a&b<c>"\'',
          12.5,
          utc(2026, 2, 28),
          true,
          '富文本',
          25,
          '某x',
          null,
          0.25,
          utc(2026, 3, 1),
          null,
          '  空格  ',
          null,
          null,
          null,
          '远处',
        ],
      },
    ]);
  });

  it('reads hand-made XML: prefixed elements, missing references, inline and phonetic strings, ISO and 1904 dates', async () => {
    const workbook1904 =
      '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const styles =
      '<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="180" formatCode="[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="31"/><xf numFmtId="180"/></cellXfs></styleSheet>';
    const shared =
      '<?xml version="1.0"?><x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:si><x:t>当事人</x:t><x:rPh sb="0" eb="3"><x:t>とうじにん</x:t></x:rPh></x:si><x:si><x:r><x:t xml:space="preserve">甲 </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>乙&amp;丙</x:t></x:r></x:si><x:si/></x:sst>';
    const sheet = `<?xml version="1.0"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row>
      <x:row r="5"><x:c r="B5" t="inlineStr"><x:is><x:t>内联&#x4E2D;&#25991;</x:t></x:is></x:c><x:c r="C5" t="d"><x:v>2026-03-01T00:00:00Z</x:v></x:c><x:c r="D5" s="1"><x:v>44621</x:v></x:c><x:c r="E5" s="2"><x:v>44621</x:v></x:c><x:c r="F5" t="b"><x:v>0</x:v></x:c><x:c r="G5"/></x:row>
      <x:row r="6"/>
    </x:sheetData></x:worksheet>`;
    const parts = WORKBOOK_PARTS.filter((p) => p.name !== 'xl/workbook.xml');
    const part = (name: string, text: string) => ({
      name,
      data: deflated(text),
      declaredSize: Buffer.byteLength(text),
    });
    const rows = await rowsOf(
      zipOfRawParts([
        ...parts,
        part('xl/workbook.xml', workbook1904),
        part('xl/styles.xml', styles),
        part('xl/sharedStrings.xml', shared),
        part('xl/worksheets/sheet1.xml', sheet),
      ]),
    );
    // 44621 in the 1904 system is 2026-03-02 (1,462 days after the same serial in the 1900 system).
    expect(rows).toEqual([
      { row: 1, cells: ['当事人', '甲 乙&丙', ''] },
      { row: 5, cells: [null, '内联中文', utc(2026, 3, 1), utc(2026, 3, 2), utc(2026, 3, 2), false, null] },
      { row: 6, cells: [] },
    ]);
  });

  it('reads rows and multi-byte characters cut across the inflated chunks', async () => {
    const long = '监'.repeat(30_000);
    const rowsXml = Array.from(
      { length: 40 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="inlineStr"><is><t>${long}${i}</t></is></c></row>`,
    ).join('');
    const text = `${SHEET_START}${rowsXml}${SHEET_END}`;
    const rows = await rowsOf(
      zipOfRawParts([
        ...WORKBOOK_PARTS,
        { name: 'xl/worksheets/sheet1.xml', data: deflated(text), declaredSize: Buffer.byteLength(text) },
      ]),
    );
    expect(rows.map((r) => r.cells[0])).toEqual(Array.from({ length: 40 }, (_, i) => `${long}${i}`));
  });
});
