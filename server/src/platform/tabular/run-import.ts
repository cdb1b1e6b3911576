import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database';
import { refreshStatisticsAfterBulkLoad } from '../db/planner-statistics';
import { checkRows, importRows, notStored, type ImportSpec } from './import-rows';
import type { ImportFile, ImportProgressTracker } from './import-types';
import { readTable } from './read-table';

/** Where an import's rows go, opened inside its transaction. */
export interface ImportStore<T> {
  /** One batch of checked rows, inside the import's transaction. */
  insert(tx: Db, rows: T[]): Promise<void>;
  /** Runs once after the last batch, before the audit entry (the roll-up writes its merged figures here). */
  flush?(): Promise<void>;
}

/** What an import is made of; everything else about it is the same for every kind of record. */
export interface ImportRun<T> {
  db: Db;
  file: ImportFile;
  /** Closed (finish) whatever the outcome. */
  progress: ImportProgressTracker;
  /** The module's spec around an insert: the check pass gets one that stores nothing, the store pass the real one. */
  specOf(insert: (tx: Db, rows: T[]) => Promise<void>): ImportSpec<T>;
  store(tx: Db): ImportStore<T>;
  /** The one audit entry of the file, in the same transaction, after every row is stored. */
  audit(tx: Db, summary: { fileName: string; imported: number }): Promise<void>;
  /** The tables the import writes, whose planner statistics are refreshed after a large import. */
  tablesToAnalyze: PgTable[];
}

/**
 * The skeleton of every spreadsheet import (docs/import.md), once the module has resolved its
 * targets and asked its policy: every row is checked outside any transaction first (in batches that
 * let other requests run: on the embedded database a transaction holds its one connection, and
 * there checkRows also enforces EMBEDDED_IMPORT_MAX_ROWS); then, in one transaction, the file is
 * read again, checked again and stored, the store's flush runs and the audit entry is written — all
 * or nothing, a bad row answering 422 with its row and column. Once committed, a large import
 * refreshes the planner's statistics. The caller's route deletes the temporary file.
 */
export async function runImport<T>(run: ImportRun<T>): Promise<{ imported: number }> {
  const { db, file, progress } = run;
  const rows = () => readTable(file.path, file.kind);
  try {
    await checkRows(db, rows(), run.specOf(notStored), progress.update);
    const imported = await db.transaction(async (tx) => {
      const store = run.store(tx);
      const count = await importRows(
        tx,
        rows(),
        run.specOf((t, batch) => store.insert(t, batch)),
      );
      await store.flush?.();
      await run.audit(tx, { fileName: file.fileName, imported: count });
      return count;
    });
    await refreshStatisticsAfterBulkLoad(db, run.tablesToAnalyze, imported);
    return { imported };
  } finally {
    await progress.finish();
  }
}
