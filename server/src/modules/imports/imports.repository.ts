import { eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/database';
import { importProgress } from './imports.schema';

export interface ProgressRow {
  rowsRead: number;
  finished: boolean;
}

export function createImportProgressRepository() {
  return {
    async save(db: Db, token: string, p: ProgressRow, at: Date) {
      await db
        .insert(importProgress)
        .values({ token, ...p, touchedAt: at })
        .onConflictDoUpdate({ target: importProgress.token, set: { ...p, touchedAt: at } });
    },
    async find(db: Db, token: string): Promise<ProgressRow | null> {
      const [row] = await db
        .select({ rowsRead: importProgress.rowsRead, finished: importProgress.finished })
        .from(importProgress)
        .where(eq(importProgress.token, token));
      return row ?? null;
    },
    async deleteTouchedBefore(db: Db, before: Date) {
      await db.delete(importProgress).where(lt(importProgress.touchedAt, before));
    },
  };
}

export type ImportProgressRepository = ReturnType<typeof createImportProgressRepository>;
