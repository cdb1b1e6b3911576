import { isEmbedded, type Db } from '../../db/database';
import { AppError, type FieldError } from '../errors';
import { headerName, isBlank } from './cells';
import type { ImportRowContext } from './import-types';
import type { Cell, TableRow } from './read-table';

/** A column of an import file, found by its Chinese header. */
export interface ImportColumn {
  key: string;
  label: string;
  required?: boolean;
  /** Other headers that mean the same column (e.g. older ledgers' wording). */
  aliases?: string[];
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
  /** Checks that need the database: reads only (run outside the transaction first, then again inside it). */
  checkBatch?(tx: Db, batch: ParsedRow<T>[]): Promise<FieldError[]>;
  /**
   * Stores the batch; may answer the rows the database refused (a key already taken, found by the
   * insert itself), by their place in `values`: the import then fails naming them.
   */
  insertBatch(tx: Db, values: T[]): Promise<void | RefusedRow[]>;
}

/** A row of a batch the database did not store: its place in the batch, the column and why. */
export interface RefusedRow {
  index: number;
  column: string;
  message: string;
}

/** More than this and the answer lists the first ones and says how many more there were. */
export const MAX_REPORTED_ERRORS = 10_000;
/** Data rows one import may hold: twice a 100,000-row 12315 export. */
export const MAX_IMPORT_ROWS = 200_000;
/**
 * On the embedded database (PGlite, one connection) the final insert holds every other request, so
 * an import takes fewer rows: 10,000 cases are stored in about 3 s of CPU (measured: 3.2 s, the
 * check before it 0.6 s), so other users wait a few seconds at most. EMBEDDED_IMPORT_MAX_ROWS
 * changes it (the benchmark loads 100,000 rows at a time); PostgreSQL is the answer for big imports.
 */
export const embeddedImportMaxRows = () => Number(process.env.EMBEDDED_IMPORT_MAX_ROWS) || 10_000;
/** Spreadsheet rows read at most, empty ones included (Excel's own limit). */
const MAX_SHEET_ROWS = 1_048_576;
const BATCH_SIZE = 500;
/** The header must be within the first rows (a title row above it is allowed). */
const HEADER_SEARCH_ROWS = 10;

export const unprocessable = (detail: string, errors: FieldError[]) =>
  new AppError(422, '导入内容有误', detail, errors);

const tooManyRows = (limit: number, embedded: boolean) =>
  new AppError(
    413,
    '行数过多',
    embedded
      ? `内置数据库一次最多导入 ${limit.toLocaleString('en-US')} 行，请拆分后导入（内置数据库供小型单位使用，大批量导入请使用 PostgreSQL 数据库）`
      : `一次最多导入 ${limit.toLocaleString('en-US')} 行，请拆分后导入`,
    [{ path: 'file', message: `超过 ${limit.toLocaleString('en-US')} 行` }],
  );

/**
 * Checks every row of a spreadsheet OUTSIDE any transaction, before importRows stores it: the
 * rules of each row and the checks that need the database (reads, in batches), yielding to other
 * requests between batches. On the embedded database (one connection) this is what lets other
 * users' requests be answered while a large file is checked; only the insert then holds the
 * database. Throws the 422 naming every bad row and column, or 413 over the row limit; returns the
 * number of data rows. `spec` is a spec of its own (its state, e.g. numbers seen, is per pass).
 */
export async function checkRows<T>(
  db: Db,
  rows: AsyncIterable<TableRow>,
  spec: ImportSpec<T>,
  onProgress?: (rowsRead: number) => void,
): Promise<number> {
  const limit = isEmbedded(db) ? embeddedImportMaxRows() : MAX_IMPORT_ROWS;
  return runRows(db, rows, spec, { store: false, limit: { rows: limit, embedded: isEmbedded(db) }, onProgress });
}

/**
 * Imports the rows of a spreadsheet all or nothing, inside the caller's transaction: every row is
 * read and checked again (the database may have changed since checkRows), rows are inserted in
 * batches while no problem has been found, and if any row is bad a 422 listing them all is thrown,
 * which rolls the transaction back. Memory holds one batch and the errors, never the file.
 */
export async function importRows<T>(
  tx: Db,
  rows: AsyncIterable<TableRow>,
  spec: ImportSpec<T>,
  onProgress?: (rowsRead: number) => void,
  /** Stops the import (throwing its reason, which rolls the transaction back) when aborted. */
  signal?: AbortSignal,
): Promise<number> {
  return runRows(tx, rows, spec, {
    store: true,
    limit: { rows: MAX_IMPORT_ROWS, embedded: false },
    onProgress,
    signal,
  });
}

async function runRows<T>(
  db: Db,
  rows: AsyncIterable<TableRow>,
  spec: ImportSpec<T>,
  opts: {
    store: boolean;
    limit: { rows: number; embedded: boolean };
    onProgress?: (rowsRead: number) => void;
    signal?: AbortSignal;
  },
): Promise<number> {
  const { onProgress } = opts;
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
  let dataRows = 0;
  let good = 0;
  let rowsRead = 0;

  // Checks that need the database, then the insert, of one batch. In the store pass they run while
  // the next batch is read (`stored`, one batch at a time on the transaction's one connection), so
  // the reading of the file and the database's work overlap.
  const checkAndStore = async (current: ParsedRow<T>[]) => {
    const found = spec.checkBatch ? await spec.checkBatch(db, current) : [];
    for (const e of found) report(e);
    // Once a row is bad nothing more is inserted: the transaction will be rolled back anyway.
    if (errorCount === 0) {
      const refused = await spec.insertBatch(
        db,
        current.map((b) => b.value),
      );
      for (const r of refused ?? []) report({ row: current[r.index].row, column: r.column, message: r.message });
    }
    if (errorCount === 0) good += current.length;
  };
  let stored: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    if (opts.store) {
      await stored;
      stored = checkAndStore(current);
      // Awaited at the next batch or at the end; a failure is thrown there.
      stored.catch(() => {});
      return;
    }
    // Outside the import's transaction each batch's reads run in a short one of their own (so that
    // settings a check makes with SET LOCAL apply to it, and the embedded database is free in between).
    const found = spec.checkBatch ? await db.transaction((t) => spec.checkBatch!(t, current)) : [];
    for (const e of found) report(e);
    if (errorCount === 0) good += current.length;
    // Outside a transaction, let other requests run between batches (on PGlite they share its one connection).
    await new Promise((resolve) => setImmediate(resolve));
  };

  try {
    for await (const { row, cells } of rows) {
      opts.signal?.throwIfAborted();
      rowsRead += 1;
      if (rowsRead % 1000 === 0) onProgress?.(rowsRead);
      if (rowsRead > MAX_SHEET_ROWS) throw tooManyRows(opts.limit.rows, opts.limit.embedded);
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
      dataRows += 1;
      if (dataRows > opts.limit.rows) throw tooManyRows(opts.limit.rows, opts.limit.embedded);
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
  } finally {
    // A batch still being stored finishes (or fails) before the caller's transaction ends.
    await stored.catch(() => {});
  }
  await stored;
  onProgress?.(rowsRead);

  if (!columnIndex) {
    const required = spec.columns.filter((c) => c.required).map((c) => c.label);
    throw unprocessable('未找到表头行', [
      { row: 1, message: `第一行应为表头，须包含以下各列：${required.join('、')}` },
    ]);
  }
  const missing = spec.columns.filter((c) => c.required && !columnIndex!.has(c.key));
  if (missing.length) {
    throw unprocessable(
      `缺少必填列：${missing.map((c) => c.label).join('、')}`,
      missing.map((c) => ({ row: headerRow, column: c.label, message: `缺少必填列“${c.label}”` })),
    );
  }
  if (errorCount > 0) {
    const more = errorCount > errors.length ? `（共 ${errorCount} 处错误，仅列出前 ${errors.length} 处）` : '';
    const badRows = new Set(errors.map((e) => e.row)).size;
    throw unprocessable(`有 ${badRows} 行数据有误，全部未导入；请修改后重新导入${more}`, errors);
  }
  if (good === 0) throw unprocessable('文件中没有数据行', [{ row: headerRow + 1, message: '表头下没有数据' }]);
  return good;
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

/** The insert of a spec used only by checkRows, which never stores. */
export const notStored = async (): Promise<never> => {
  throw new Error('checkRows stores nothing');
};
