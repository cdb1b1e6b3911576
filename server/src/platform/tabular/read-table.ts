import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

/** What a spreadsheet cell can hold once read: text, a number, a real date, a boolean, or nothing. */
export type Cell = string | number | boolean | Date | null;

/** One row as a person sees it: `row` is the spreadsheet's row number (the first row is 1). */
export interface TableRow {
  row: number;
  cells: Cell[];
}

export type TableKind = 'csv' | 'xlsx';

/** .csv or .xlsx by the file name; null for anything else. */
export function tableKindOf(fileName: string): TableKind | null {
  const ext = fileName.toLowerCase().split('.').pop();
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

/** An ExcelJS cell value as a plain cell (formulas give their result, rich text its text). */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plainCell(value.result as ExcelJS.CellValue);
    if ('text' in value) return plainCell((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return String(value);
}

/**
 * The contract is UTF-8, but Excel's plain "CSV" on a Chinese Windows writes GB18030 (GBK): when the
 * start of the file is not valid UTF-8 it is read as GB18030 instead of turning into mojibake.
 */
async function csvEncoding(filePath: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(filePath);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  } finally {
    await handle.close();
  }
}

function decodeStream(encoding: string): Transform {
  const decoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

async function* csvRows(filePath: string): AsyncGenerator<TableRow> {
  const encoding = await csvEncoding(filePath);
  const source = createReadStream(filePath);
  const text = encoding === 'utf-8' ? source : source.pipe(decodeStream(encoding));
  // One record per spreadsheet row, as a spreadsheet program shows it (quoted line breaks stay in their cell).
  const parser = text.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, trim: false }));
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record };
  }
}

async function* xlsxRows(filePath: string): AsyncGenerator<TableRow> {
  // The streaming reader: rows arrive one at a time; only the shared strings are held in memory.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(filePath, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' });
  for await (const worksheet of reader) {
    for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      yield { row: row.number, cells: values.map((v) => plainCell(v ?? null)) };
    }
    return; // the first sheet only
  }
}

/** Streams the rows of a .csv (UTF-8, with or without BOM) or the first sheet of an .xlsx. */
export function readTable(filePath: string, kind: TableKind): AsyncGenerator<TableRow> {
  return kind === 'csv' ? csvRows(filePath) : xlsxRows(filePath);
}
