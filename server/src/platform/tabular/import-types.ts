import type { Cell, TableKind } from './read-table';

/** An uploaded spreadsheet waiting in a temporary file (`upload.ts`), as every import receives it. */
export interface ImportFile {
  path: string;
  fileName: string;
  kind: TableKind;
}

/** One row of an import file as a spec's `parse` sees it (`import-rows.ts`, read by `cells.ts`). */
export interface ImportRowContext {
  row: number;
  /** The cell of a column (null when the file has no such column). */
  get(key: string): Cell;
  /** Reports a problem with a cell; the row is then not imported. */
  problem(key: string, message: string): void;
}

/**
 * The progress of one running import as the import reports it (the imports module keeps them for
 * GET /api/imports/{token}): rows read so far, and the end, whatever the outcome.
 */
export interface ImportProgressTracker {
  update(rowsRead: number): void;
  /** Resolves once the end is recorded where every server process can read it (never rejects). */
  finish(): Promise<void>;
}
