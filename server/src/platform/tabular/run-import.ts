import type { PgTable } from 'drizzle-orm/pg-core';
import { isEmbedded, type Db } from '../../db/database';
import { withGenericPlans } from '../db/generic-plans';
import { refreshStatisticsSoon } from '../db/planner-statistics';
import { checkRows, importRows, notStored, type ImportSpec } from './import-rows';
import type { ImportFile, ImportProgressTracker } from './import-types';
import { tableReader, type TableRow } from './read-table';

/** Where an import's rows go, opened inside its transaction. */
export interface ImportStore<T, R = void> {
  /** One batch of checked rows, inside the import's transaction (R: what the module's spec reads of it). */
  insert(tx: Db, rows: T[]): Promise<R>;
  /** Runs once after the last batch, before the audit entry (the roll-up writes its merged figures here). */
  flush?(): Promise<void>;
}

/** What an import is made of; everything else about it is the same for every kind of record. */
export interface ImportRun<T, R = void> {
  db: Db;
  file: ImportFile;
  /** Closed (finish) whatever the outcome. */
  progress: ImportProgressTracker;
  /**
   * The module's spec around an insert: the check pass gets one that stores nothing, the store pass
   * (`storing`) the real one.
   */
  specOf(insert: (tx: Db, rows: T[]) => Promise<R>, storing: boolean): ImportSpec<T>;
  store(tx: Db): ImportStore<T, R>;
  /** The one audit entry of the file, in the same transaction, after every row is stored. */
  audit(tx: Db, summary: { fileName: string; imported: number }): Promise<void>;
  /** The tables the import writes, whose planner statistics are refreshed after a large import. */
  tablesToAnalyze: PgTable[];
}

/**
 * On PostgreSQL the store starts once the check has read this many rows (or has ended, for a smaller
 * file): a small bad file opens no transaction, and a large one is stored while it is checked.
 */
export const STORE_AFTER_ROWS = 5_000;

/**
 * The skeleton of every spreadsheet import (docs/import.md), once the module has resolved its
 * targets and asked its policy: every row is checked outside any transaction (in batches that let
 * other requests run: on the embedded database a transaction holds its one connection, and there
 * checkRows also enforces EMBEDDED_IMPORT_MAX_ROWS); in one transaction, the file is read again,
 * checked again and stored, the store's flush runs and the audit entry is written — all or
 * nothing, a bad row answering 422 with its row and column. On the embedded database the check
 * ends before the transaction begins; on PostgreSQL the two run side by side (the store checks
 * every row again itself), and a problem the check finds first stops the store and rolls it back.
 * Once committed, a large import refreshes the planner's statistics, without holding the answer
 * back for it. The caller's route deletes the temporary file.
 */
export async function runImport<T, R = void>(run: ImportRun<T, R>): Promise<{ imported: number }> {
  try {
    // The file is read twice (checked, then stored); an .xlsx is checked and opened once.
    const rows = tableReader(run.file.path, run.file.kind);
    const imported = isEmbedded(run.db) ? await checkThenStore(run, rows) : await checkWhileStoring(run, rows);
    refreshStatisticsSoon(run.db, run.tablesToAnalyze, imported);
    return { imported };
  } finally {
    await run.progress.finish();
  }
}

type Rows = () => AsyncIterable<TableRow>;

async function checkThenStore<T, R>(run: ImportRun<T, R>, rows: Rows): Promise<number> {
  await checkRows(run.db, rows(), run.specOf(notStored, false), run.progress.update);
  return store(run, rows);
}

async function checkWhileStoring<T, R>(run: ImportRun<T, R>, rows: Rows): Promise<number> {
  const abort = new AbortController();
  let start: (go: boolean) => void = () => {};
  const started = new Promise<boolean>((resolve) => (start = resolve));
  const checked = checkRows(run.db, rows(), run.specOf(notStored, false), (rowsRead) => {
    run.progress.update(rowsRead);
    if (rowsRead >= STORE_AFTER_ROWS) start(true);
  });
  checked.then(
    () => start(true),
    (e: unknown) => {
      start(false);
      abort.abort(e);
    },
  );
  const stored = started.then((go) => (go ? store(run, rows, abort.signal) : 0));
  const [check, result] = await Promise.allSettled([checked, stored]);
  // The check's answer first: it has read the whole file (the store may have stopped at its first problem).
  if (check.status === 'rejected') throw check.reason;
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

function store<T, R>(run: ImportRun<T, R>, rows: Rows, signal?: AbortSignal): Promise<number> {
  return run.db.transaction(async (tx) => {
    const store = run.store(tx);
    const count = await withGenericPlans(tx, () =>
      importRows(
        tx,
        rows(),
        run.specOf((t, batch) => store.insert(t, batch), true),
        undefined,
        signal,
      ),
    );
    await store.flush?.();
    await run.audit(tx, { fileName: run.file.fileName, imported: count });
    return count;
  });
}
