import type { Db } from '../../db/database';
import { AppError, type FieldError } from '../errors';
import { headerName, isBlank } from './cells';
import type { Cell, TableRow } from './read-table';

/** A column of an import file, found by its Chinese header. */
export interface ImportColumn {
  key: string;
  label: string;
  required?: boolean;
  /** Other headers that mean the same column (e.g. older ledgers' wording). */
  aliases?: string[];
}

export interface ImportRowContext {
  row: number;
  /** The cell of a column (null when the file has no such column). */
  get(key: string): Cell;
  /** Reports a problem with a cell; the row is then not imported. */
  problem(key: string, message: string): void;
}

export interface ParsedRow<T> {
  row: number;
  value: T;
}

/**
 * What one kind of record needs from the import: its columns, how a row becomes a record, the
 * checks that need the database, and the insert. A spec is made for one import and may keep state
 * (e.g. the case numbers already seen in the file).
 */
export interface ImportSpec<T> {
  columns: readonly ImportColumn[];
  parse(ctx: ImportRowContext): T | null;
  checkBatch?(tx: Db, batch: ParsedRow<T>[]): Promise<FieldError[]>;
  insertBatch(tx: Db, values: T[]): Promise<void>;
}

/** More than this and the answer lists the first ones and says how many more there were. */
export const MAX_REPORTED_ERRORS = 10_000;
const BATCH_SIZE = 500;
/** The header must be within the first rows (a title row above it is allowed). */
const HEADER_SEARCH_ROWS = 10;

export const unprocessable = (detail: string, errors: FieldError[]) => new AppError(422, '导入内容有误', detail, errors);

/**
 * Imports the rows of a spreadsheet all or nothing, inside the caller's transaction: every row is
 * read and checked (so the answer names every bad row), rows are inserted in batches while no
 * problem has been found, and if any row is bad a 422 listing them all is thrown, which rolls the
 * transaction back. Memory holds one batch and the errors, never the file.
 */
export async function importRows<T>(tx: Db, rows: AsyncIterable<TableRow>, spec: ImportSpec<T>, onProgress?: (rowsRead: number) => void): Promise<number> {
  const errors: FieldError[] = [];
  let errorCount = 0;
  const report = (e: FieldError) => {
    errorCount += 1;
    if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
  };
  const labelOf = new Map(spec.columns.map((c) => [c.key, c.label]));
  let columnIndex: Map<string, number> | null = null;
  let headerRow = 0;
  let batch: ParsedRow<T>[] = [];
  let imported = 0;
  let rowsRead = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    for (const e of (await spec.checkBatch?.(tx, batch)) ?? []) report(e);
    // Once a row is bad nothing more is inserted: the transaction will be rolled back anyway.
    if (errorCount === 0) {
      await spec.insertBatch(tx, batch.map((b) => b.value));
      imported += batch.length;
    }
    batch = [];
  };

  for await (const { row, cells } of rows) {
    rowsRead += 1;
    if (rowsRead % 1000 === 0) onProgress?.(rowsRead);
    if (!columnIndex) {
      const found = findHeader(cells, spec.columns);
      if (found) {
        columnIndex = found;
        headerRow = row;
      } else if (rowsRead >= HEADER_SEARCH_ROWS) {
        break;
      }
      continue;
    }
    if (cells.every((c) => isBlank(c))) continue;
    const index = columnIndex;
    let rowOk = true;
    const value = spec.parse({
      row,
      get: (key) => {
        const i = index.get(key);
        return i === undefined ? null : (cells[i] ?? null);
      },
      problem: (key, message) => {
        rowOk = false;
        report({ row, column: labelOf.get(key) ?? key, message });
      },
    });
    if (rowOk && value !== null) batch.push({ row, value });
    if (batch.length >= BATCH_SIZE) await flush();
  }
  await flush();
  onProgress?.(rowsRead);

  if (!columnIndex) {
    const required = spec.columns.filter((c) => c.required).map((c) => c.label);
    throw unprocessable('未找到表头行', [{ row: 1, message: `第一行应为表头，须包含以下各列：${required.join('、')}` }]);
  }
  const missing = spec.columns.filter((c) => c.required && !columnIndex!.has(c.key));
  if (missing.length) {
    throw unprocessable(`缺少必填列：${missing.map((c) => c.label).join('、')}`, missing.map((c) => ({ row: headerRow, column: c.label, message: `缺少必填列“${c.label}”` })));
  }
  if (errorCount > 0) {
    const more = errorCount > errors.length ? `（共 ${errorCount} 处错误，仅列出前 ${errors.length} 处）` : '';
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw unprocessable(`有 ${badRows} 行数据有误，全部未导入；请修改后重新导入${more}`, errors);
  }
  if (imported === 0) throw unprocessable('文件中没有数据行', [{ row: headerRow + 1, message: '表头下没有数据' }]);
  return imported;
}

/** The header row's column positions, when the row holds every required column's header. */
function findHeader(cells: Cell[], columns: readonly ImportColumn[]): Map<string, number> | null {
  const names = cells.map((c) => headerName(c));
  const index = new Map<string, number>();
  for (const col of columns) {
    const i = names.findIndex((n) => n === col.label || (col.aliases ?? []).includes(n));
    if (i >= 0) index.set(col.key, i);
  }
  const hasAllRequired = columns.every((c) => !c.required || index.has(c.key));
  // A row with most of the headers is the header even if some are missing (reported as missing columns).
  const required = columns.filter((c) => c.required).length;
  const present = columns.filter((c) => c.required && index.has(c.key)).length;
  return hasAllRequired || present * 2 > required ? index : null;
}
