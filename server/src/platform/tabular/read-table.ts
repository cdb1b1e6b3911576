import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { AppError } from '../errors';
import { unreadableFile } from './xlsx-package';
import { MAX_COLUMNS, openXlsx, xlsxSheetRows, type XlsxBook } from './xlsx-sheet';

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

export { MAX_COLUMNS };
/** A .csv record may be this long (Excel holds at most 32,767 characters in a cell). */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/** Anything but our own refusal, thrown while reading a file, means the file is not what it says. */
const asUnreadable = (e: unknown, detail: string) => (e instanceof AppError ? e : unreadableFile(detail));

const tooManyColumns = (row: number) => unreadableFile(`第 ${row} 行超过 ${MAX_COLUMNS} 列，文件内容有误`);

async function* csvRows(filePath: string): AsyncGenerator<TableRow> {
  const encoding = await csvEncoding(filePath);
  const source = createReadStream(filePath);
  const text = encoding === 'utf-8' ? source : source.pipe(decodeStream(encoding));
  // One record per spreadsheet row, as a spreadsheet program shows it (quoted line breaks stay in their cell).
  const parser = text.pipe(
    parse({
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: false,
      max_record_size: MAX_CSV_RECORD_CHARS,
    }),
  );
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      if (record.length > MAX_COLUMNS) throw tooManyColumns(row);
      yield { row, cells: record };
    }
  } catch (e) {
    throw asUnreadable(
      e,
      `文件第 ${row + 1} 行无法按 CSV 读取（引号不成对、单元格过长或不是文本文件），请用 Excel 另存为“CSV UTF-8”后导入`,
    );
  } finally {
    // Closed on every path (an error, a refusal, the caller stopping early): an open descriptor
    // would keep the deleted temporary file on disk.
    parser.destroy();
    if (text !== source) text.destroy();
    source.destroy();
  }
}

async function* xlsxRows(file: string | Promise<XlsxBook>): AsyncGenerator<TableRow> {
  try {
    yield* xlsxSheetRows(file);
  } catch (e) {
    throw asUnreadable(e, '文件已损坏或不是有效的 .xlsx 文件（请用 Excel 打开后另存为 .xlsx 再导入）');
  }
}

/** Streams the rows of a .csv (UTF-8, with or without BOM) or the first sheet of an .xlsx. */
export function readTable(filePath: string, kind: TableKind): AsyncGenerator<TableRow> {
  return kind === 'csv' ? csvRows(filePath) : xlsxRows(filePath);
}

/**
 * A file read several times (an import's check and store): an .xlsx is checked, and its shared
 * strings and formats read, once for all its readings (its sheet is read again each time).
 */
export function tableReader(filePath: string, kind: TableKind): () => AsyncGenerator<TableRow> {
  if (kind === 'csv') return () => csvRows(filePath);
  let book: Promise<XlsxBook> | undefined;
  return () => xlsxRows((book ??= openXlsx(filePath)));
}
